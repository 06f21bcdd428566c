import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The statements waiting for the learning record store: `lrs-outbox.jsonl` in the data folder.
///
/// Append-only JSON lines: `{"queued": ID, "statement": {…}}` when a statement is queued,
/// `{"sent": ID}` once the LRS has it. A statement is pending while its id has no `sent` line.
/// Every change holds an exclusive lock on `lrs-outbox.lock` for the moment it takes; sending
/// holds `lrs-sync.lock`, so two syncs never send at once. After a sync the file is compacted:
/// sent statements keep only their `sent` line (so `sync --all` knows them), pending ones stay.
struct LRSOutbox {
  let path: String
  private let lockPath: String
  private let syncLockPath: String

  init(paths: XDGPaths = XDGPaths()) throws {
    self.init(directory: try paths.dataDirectory())
  }

  init(directory: String) {
    path = directory + "/lrs-outbox.jsonl"
    lockPath = directory + "/lrs-outbox.lock"
    syncLockPath = directory + "/lrs-sync.lock"
  }

  /// What the outbox holds.
  struct Contents {
    /// Statements not yet sent, oldest first, as their JSON text.
    var pending: [(id: String, statement: JSONValue)] = []
    /// Ids the LRS has.
    var sent: Set<String> = []
    /// Ids queued at some point (sent or not).
    var known: Set<String> = []
  }

  /// Queues `statements` whose ids are neither pending nor sent; returns how many were queued.
  @discardableResult
  func enqueue(_ statements: [JSONValue]) throws -> Int {
    try withLock(lockPath) {
      let contents = try read()
      var known = contents.known
      var text = ""
      for statement in statements {
        guard let id = statement["id"]?.stringValue, known.insert(id).inserted else { continue }
        text += JSONValue.object([("queued", .string(id)), ("statement", statement)]).serialized()
        text += "\n"
      }
      if text.isEmpty { return 0 }
      try append(text)
      return text.split(separator: "\n").count
    }
  }

  /// Records that the LRS has the statements `ids`.
  func markSent(_ ids: [String]) throws {
    guard !ids.isEmpty else { return }
    try withLock(lockPath) {
      try append(ids.map { JSONValue.object([("sent", .string($0))]).serialized() + "\n" }.joined())
    }
  }

  /// The outbox's contents (empty when there is no file).
  func contents() throws -> Contents {
    try withLock(lockPath) { try read() }
  }

  /// Rewrites the file with the sent ids and the pending statements only.
  func compact() throws {
    try withLock(lockPath) {
      let contents = try read()
      var text = ""
      for id in contents.sent.sorted() {
        text += JSONValue.object([("sent", .string(id))]).serialized() + "\n"
      }
      for entry in contents.pending {
        text +=
          JSONValue.object([("queued", .string(entry.id)), ("statement", entry.statement)])
          .serialized() + "\n"
      }
      try AtomicFile.write(text, to: path)
    }
  }

  /// Runs `body` while holding the send lock. When another process holds it, returns `nil` at
  /// once if `wait` is false, else calls `waiting` and waits for it.
  func whileSending<T>(wait: Bool, waiting: () -> Void = {}, _ body: () throws -> T) throws -> T? {
    let fd = try openLock(syncLockPath)
    defer { close(fd) }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      guard wait else { return nil }
      waiting()
      while flock(fd, LOCK_EX) != 0 {
        guard errno == EINTR else { throw failure("lock", syncLockPath) }
      }
    }
    defer { flock(fd, LOCK_UN) }
    return try body()
  }

  // MARK: - Files

  private func read() throws -> Contents {
    var contents = Contents()
    guard ScriptFiles.exists(path) else { return contents }
    guard let bytes = ScriptFiles.readBytes(path, limit: 1 << 30) else {
      throw failure("read", path)
    }
    var queued: [(id: String, statement: JSONValue)] = []
    for line in bytes.split(separator: UInt8(ascii: "\n")) {
      // A line cut off by a crash is not valid JSON and is skipped; its statement was never
      // queued, and its record is still in results.jsonl for `sync --all`.
      guard let json = try? JSONValue.parse(String(decoding: line, as: UTF8.self), maxDepth: 64)
      else { continue }
      if let id = json["sent"]?.stringValue {
        contents.sent.insert(id)
        contents.known.insert(id)
      } else if let id = json["queued"]?.stringValue, let statement = json["statement"] {
        if contents.known.insert(id).inserted { queued.append((id, statement)) }
      }
    }
    contents.pending = queued.filter { !contents.sent.contains($0.id) }
    return contents
  }

  private func append(_ text: String) throws {
    var text = text
    if endsWithoutNewline() { text = "\n" + text }
    try AtomicFile.appendLine(text, to: path)
  }

  private func endsWithoutNewline() -> Bool {
    guard let bytes = ScriptFiles.readBytes(path, limit: 1 << 30) else { return false }
    return bytes.last.map { $0 != UInt8(ascii: "\n") } ?? false
  }

  private func withLock<T>(_ lock: String, _ body: () throws -> T) throws -> T {
    let fd = try openLock(lock)
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else { throw failure("lock", lock) }
    }
    defer { flock(fd, LOCK_UN) }
    return try body()
  }

  private func openLock(_ lock: String) throws -> Int32 {
    let fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw failure("open", lock) }
    return fd
  }

  private func failure(_ verb: String, _ file: String) -> CoachError {
    CoachError(
      "cannot \(verb) `\(TerminalSafe.clean(file, keepNewlines: false))`: \(ScriptFiles.errnoText())"
    )
  }
}
