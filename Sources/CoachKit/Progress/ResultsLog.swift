/// Reading a results file or an export: JSON lines, one ``ResultRecord`` per line.
///
/// Reading never fails as a whole. A line that is not a valid record is skipped with a warning
/// naming its line number. A last line without its newline is a record whose write was cut off
/// (a crash or Ctrl-C while appending): it is skipped with its own warning, and every earlier
/// record is kept.
///
/// An export starts with a header line (`"format": "coach-results-export"`); raw results files
/// have none. Both read the same way. Lines with `"format": "coach-grant"` are a trainer's
/// ``AttemptGrant``s, kept in ``grants``.
public struct ResultsLog: Sendable {
  /// The `format` of an export's header line.
  public static let exportFormat = "coach-results-export"
  /// The export version this code writes and reads.
  public static let exportVersion = 1

  /// A problem with one line, which was skipped.
  public struct Warning: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    public var message: String
    /// Whether this is the cut-off last line of the file.
    public var isTornTail: Bool

    public init(line: Int, message: String, isTornTail: Bool = false) {
      self.line = line
      self.message = message
      self.isTornTail = isTornTail
    }

    public var description: String { "line \(line): \(message)" }
  }

  /// An export's header: whose results, when exported, how many records it announced.
  public struct Header: Hashable, Sendable {
    public var rep: String?
    public var exported: String?
    public var records: Int?
  }

  public var records: [ResultRecord]
  /// The grants of more drill attempts, in file order.
  public var grants: [AttemptGrant]
  public var warnings: [Warning]
  /// The export header, when the file is an export.
  public var header: Header?

  /// Reads the text of a results file or an export.
  public init(bytes: [UInt8]) {
    records = []
    grants = []
    warnings = []
    header = nil
    var lineNumber = 0
    var start = 0
    let count = bytes.count
    while start < count {
      lineNumber += 1
      var end = start
      while end < count, bytes[end] != 0x0A { end += 1 }
      let terminated = end < count
      var lineEnd = end
      if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
      read(bytes[start..<lineEnd], number: lineNumber, terminated: terminated)
      start = end + 1
    }
    if let announced = header?.records, announced != records.count {
      warnings.append(
        Warning(
          line: 1,
          message: "the export's header announces \(announced) records, but \(records.count) "
            + "were read; the file may be incomplete"))
    }
  }

  /// Reads the text of a results file or an export.
  public init(text: String) { self.init(bytes: Array(text.utf8)) }

  private mutating func read(_ bytes: ArraySlice<UInt8>, number: Int, terminated: Bool) {
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
    let text = String(decoding: bytes, as: UTF8.self)
    let json: JSONValue
    do {
      json = try JSONValue.parse(text, maxDepth: 16)
    } catch {
      if terminated {
        warnings.append(
          Warning(line: number, message: "not valid JSON (\(error.message)); skipped"))
      } else {
        warnings.append(Self.tornTail(number))
      }
      return
    }
    if number == 1 || records.isEmpty && header == nil,
      json["format"]?.stringValue == Self.exportFormat
    {
      guard json["version"]?.intValue == Self.exportVersion else {
        warnings.append(
          Warning(
            line: number, message: "export version is not supported; reading the records anyway"))
        header = Header()
        return
      }
      header = Header(
        rep: json["rep"]?.stringValue, exported: json["exported"]?.stringValue,
        records: json["records"]?.intValue)
      return
    }
    do {
      if json["format"]?.stringValue == AttemptGrant.format {
        grants.append(try AttemptGrant(json: json))
        return
      }
      records.append(try ResultRecord(json: json))
      if !terminated {
        // A complete record whose newline was lost: keep it, but say so.
        warnings.append(
          Warning(line: number, message: "the last record has no line ending; it was kept"))
      }
    } catch {
      warnings.append(
        terminated
          ? Warning(line: number, message: "\(error.description); skipped")
          : Self.tornTail(number))
    }
  }

  private static func tornTail(_ number: Int) -> Warning {
    Warning(
      line: number,
      message: "the last record is incomplete (its write was interrupted); skipped",
      isTornTail: true)
  }

  /// The records of several files in order, with sessions that appear in more than one file (an
  /// export and the results file it came from, say) kept once.
  public static func merged(_ logs: [ResultsLog]) -> (records: [ResultRecord], duplicates: Int) {
    var seen: Set<String> = []
    var records: [ResultRecord] = []
    var duplicates = 0
    for log in logs {
      for record in log.records {
        if seen.insert(record.identity).inserted {
          records.append(record)
        } else {
          duplicates += 1
        }
      }
    }
    return (records, duplicates)
  }

  /// The grants of several files in order, each grant kept once.
  public static func mergedGrants(_ logs: [ResultsLog]) -> [AttemptGrant] {
    var seen: Set<String> = []
    return logs.flatMap(\.grants).filter { seen.insert($0.identity).inserted }
  }

  /// An export of `records`: a header line, then one record per line, then one line per grant,
  /// each ending in a newline. The header's `records` counts the session records.
  public static func export(
    _ records: [ResultRecord], grants: [AttemptGrant] = [], rep: String?, exported: String
  ) -> String {
    let header: JSONValue = .object([
      ("format", .string(exportFormat)), ("version", .int(exportVersion)),
      ("rep", rep.map { .string($0) } ?? .null), ("exported", .string(exported)),
      ("records", .int(records.count)),
    ])
    var out = header.serialized() + "\n"
    for record in records { out += record.line + "\n" }
    for grant in grants { out += grant.line + "\n" }
    return out
  }
}
