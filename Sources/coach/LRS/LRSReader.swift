import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading results back from the team's learning record store, for `coach report --lrs`.
enum LRSReader {
  /// Every `coach` result in the LRS since `since` (an ISO 8601 UTC time), with the number of
  /// other statements that were passed over. Statements that look like `coach`'s but cannot be
  /// read are reported on standard error and skipped.
  static func records(settings: LRSSettings, since: String?) throws -> (
    records: [ResultRecord], others: Int
  ) {
    var arguments = ["get", "--timeout", String(settings.timeout)]
    // The LRS filters on `timestamp > since` or on when it stored a statement, which is later:
    // ask from a minute earlier and filter exactly here.
    if let since { arguments += ["--since", earlier(since, seconds: 60)] }
    var records: [ResultRecord] = []
    var others = 0
    var failure: String?
    var done = false
    try XAPIHelperProcess.run(arguments, settings: settings) { line in
      if let statement = line["statement"] {
        do {
          if let record = try XAPIStatement.record(from: statement) {
            records.append(record)
          } else {
            others += 1
          }
        } catch {
          let id = TerminalSafe.clean(statement["id"]?.stringValue ?? "?", keepNewlines: false)
          let reason = TerminalSafe.clean("\(error)", keepNewlines: false)
          Platform.writeError(
            "coach: warning: statement \(id) in the LRS is not a complete coach result "
              + "(\(reason)); skipped\n")
        }
      } else if line["status"]?.stringValue == "stopped" {
        failure = line["message"]?.stringValue ?? "the LRS could not be read"
      } else if line["status"]?.stringValue == "done" {
        done = true
      }
    }
    if let failure {
      throw CoachError(
        "cannot read the learning record store: \(TerminalSafe.clean(failure, keepNewlines: false))"
      )
    }
    guard done else {
      throw CoachError(
        "cannot read the learning record store: \(XAPIHelperProcess.programName) stopped")
    }
    return (records, others)
  }

  /// `time` (`YYYY-MM-DDTHH:MM:SSZ`) moved `seconds` earlier; unchanged if it cannot be read.
  static func earlier(_ time: String, seconds: Int) -> String {
    let numbers = time.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
    guard numbers.count == 6 else { return time }
    var parts = tm()
    parts.tm_year = Int32(numbers[0] - 1900)
    parts.tm_mon = Int32(numbers[1] - 1)
    parts.tm_mday = Int32(numbers[2])
    parts.tm_hour = Int32(numbers[3])
    parts.tm_min = Int32(numbers[4])
    parts.tm_sec = Int32(numbers[5])
    var moved = timegm(&parts) - time_t(seconds)
    var out = tm()
    gmtime_r(&moved, &out)
    var buffer = [CChar](repeating: 0, count: 32)
    let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &out)
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
