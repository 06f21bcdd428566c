import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The results file: one ``ResultRecord`` per line in `$XDG_DATA_HOME/coach/results.jsonl`.
///
/// Records are only ever appended, each with one `O_APPEND` write that ends in a newline, so a
/// crash or Ctrl-C can at worst cut off the record being written, never an earlier one. If the
/// file's last record was cut off, the next append starts on a fresh line so the cut-off bytes
/// stay on a line of their own, which readers skip with a warning.
struct ResultsStore {
  /// The results file's path.
  let path: String

  /// The store in the XDG data folder (created with mode 0700 if needed).
  init(paths: XDGPaths = XDGPaths()) throws {
    path = try paths.dataDirectory() + "/results.jsonl"
  }

  init(path: String) { self.path = path }

  /// Appends one record.
  func append(record: ResultRecord) throws { try append(line: record.line) }

  /// Appends a trainer's grant of more drill attempts.
  func append(grant: AttemptGrant) throws { try append(line: grant.line) }

  private func append(line: String) throws {
    var line = line
    if endsWithoutNewline() { line = "\n" + line }
    try AtomicFile.appendLine(line, to: path)
  }

  /// Opens the results file for appending, if it exists, and closes it again: fails now, with a
  /// clear message, if a record could not be appended later (a link, a file that is not ours to
  /// write). Whether its folder can take a new file is ``SaveCheck``'s job.
  func checkWritable() throws {
    guard ScriptFiles.exists(path) || isLink() else { return }
    close(try AtomicFile.openPrivate(path, O_WRONLY | O_APPEND))
  }

  private func isLink() -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
  }

  /// Every record in the file, with a warning for each line that was skipped. A missing file
  /// is an empty history.
  func load() throws -> ResultsLog {
    guard ScriptFiles.exists(path) else { return ResultsLog(bytes: []) }
    guard let bytes = ScriptFiles.readBytes(path, limit: 1 << 30) else {
      throw CoachError(
        "cannot read the results file `\(TerminalSafe.clean(path, keepNewlines: false))`: "
          + ScriptFiles.errnoText())
    }
    return ResultsLog(bytes: bytes)
  }

  /// Loads the file and prints a warning for each skipped line to standard error.
  func loadReportingWarnings() throws -> ResultsLog {
    let log = try load()
    Self.report(log.warnings, in: path)
    return log
  }

  /// Prints `warnings` about the file at `path` to standard error.
  static func report(_ warnings: [ResultsLog.Warning], in path: String) {
    let name = TerminalSafe.clean(path, keepNewlines: false)
    for warning in warnings {
      Platform.writeError("coach: warning: \(name):\(warning.line): \(warning.message)\n")
    }
  }

  /// The record of a finished session, ready to append.
  ///
  /// - Parameters:
  ///   - session: the session's record.
  ///   - rep: who played it (``repName(_:)``).
  ///   - scriptHash: ``scriptHash(of:in:)`` of the scenario.
  ///   - startedAt: ``WallClock/seconds()`` when the session started; the duration runs to now.
  ///   - drill: the drill's verdict, when played in a curriculum.
  static func record(
    of session: SessionRecord, rep: String, scriptHash: String, startedAt: Double,
    drill: ResultRecord.Verdict? = nil
  ) -> ResultRecord {
    let milliseconds = Int(((WallClock.seconds() - startedAt) * 1000).rounded())
    return ResultRecord(
      session: session, rep: rep, scriptHash: scriptHash, durationMilliseconds: milliseconds,
      drill: drill)
  }

  /// Whether a session is worth recording: it ended on its own, or the rep replied at least once.
  static func shouldRecord(_ session: SessionRecord) -> Bool {
    session.outcome != .abandoned || !session.exchanges.isEmpty
  }

  /// The rep's name: `--rep`, else `$USER`, else `me`.
  static func repName(_ option: String?) -> String {
    for candidate in [option, Platform.environment("USER")] {
      if let name = candidate?.trimmingSpaces(), !name.isEmpty { return name }
    }
    return "me"
  }

  /// ``ContentHash`` of the script that defines `scenario` on the catalog's search path (or of
  /// the file at `reference` when it is a path); `unknown` if it cannot be found.
  static func scriptHash(of scenario: Scenario, reference: String? = nil, in catalog: ScriptCatalog)
    -> String
  {
    if let reference, reference.hasSuffix(".yaml") || reference.contains("/"),
      let source = try? ScriptFiles.read(reference)
    {
      return ContentHash.of(source)
    }
    for script in catalog.scripts(of: .scenario) {
      if case .scenario(let found)? = script.content, found.id == scenario.id {
        return ContentHash.of(script.source)
      }
    }
    return "unknown"
  }

  private func endsWithoutNewline() -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let end = lseek(fd, 0, SEEK_END)
    guard end > 0, lseek(fd, end - 1, SEEK_SET) == end - 1 else { return false }
    var byte: UInt8 = 0
    return read(fd, &byte, 1) == 1 && byte != UInt8(ascii: "\n")
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  fileprivate func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
