import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing records so that a crash, a signal or a second `coach` running at the same time never
/// leaves a half-written file, never overwrites another session's file, and never follows a link.
///
/// - ``write(_:to:)-(String,_)`` replaces a whole file: it writes a temporary file beside it (mode
///   0600), flushes it to disk and renames it over the target, so readers see the old file or the
///   new one, never a mix.
/// - ``createNew(_:base:)`` creates files that must not replace anything (transcripts,
///   reflections, recaps): each is written to a temporary file and then linked into place, which
///   fails rather than replace a file that exists; on a clash the next free suffix (`-2`, `-3` …)
///   is taken, for all the files of one save together.
/// - ``appendLine(_:to:)`` adds one line to a log (mode 0600, tightened if it was looser) with a
///   single `O_APPEND` write, so earlier lines are never touched; a symbolic link is refused.
///
/// Text is human-readable: it goes through ``TerminalSafe/cleanOutput(_:keepingStyles:)``, so
/// no file `coach` writes carries a control character that `cat` would send to a terminal.
enum AtomicFile {
  /// The suffix of temporary files; ``removeStaleTemporaries(in:)`` knows it.
  static let temporaryMarker = ".tmp-"

  /// Replaces the file at `path` with `text`, atomically.
  static func write(_ text: String, to path: String) throws {
    try write(bytes(of: text), to: path)
  }

  /// Replaces the file at `path` with `bytes`, atomically.
  static func write(_ bytes: [UInt8], to path: String) throws {
    let temporary = try writeTemporary(bytes, besides: path)
    guard rename(temporary, path) == 0 else {
      let error = failure("replace", path)
      unlink(temporary)
      throw error
    }
    syncDirectory(of: path)
  }

  /// Creates one new file for each `(extension, text)` in `files`, named `base` plus the
  /// extension, or `base-2`, `base-3` … when any of them exists already; never replaces a file.
  /// Returns the base name used.
  static func createNew(_ files: [(String, String)], base: String) throws -> String {
    let contents = files.map { ($0.0, bytes(of: $0.1)) }
    for attempt in 1...10_000 {
      let name = attempt == 1 ? base : base + "-\(attempt)"
      var created: [String] = []
      var clash = false
      for (suffix, bytes) in contents {
        if try createExclusive(bytes, at: name + suffix) {
          created.append(name + suffix)
        } else {
          clash = true
          break
        }
      }
      if !clash {
        syncDirectory(of: base)
        return name
      }
      for path in created { unlink(path) }
    }
    errno = EEXIST
    throw failure("create", base)
  }

  /// Writes `bytes` to a new file at `path`; `false` (and nothing written) when `path` exists.
  private static func createExclusive(_ bytes: [UInt8], at path: String) throws -> Bool {
    let temporary = try writeTemporary(bytes, besides: path)
    defer { unlink(temporary) }
    if link(temporary, path) == 0 { return true }
    if errno == EEXIST { return false }
    throw failure("create", path)
  }

  /// Whether a file can be written in `directory` now: writes a small temporary file (not
  /// flushed to disk, so it costs no disk wait) and removes it. Throws on a read-only or full
  /// disk or a folder that is not writable.
  static func checkWritable(directory: String) throws {
    let path = directory + "/.write-check"
    let temporary = try writeTemporary(
      [UInt8](repeating: 0x0A, count: 512), besides: path, flush: false)
    unlink(temporary)
  }

  /// Writes `bytes` to a new temporary file beside `path` (mode 0600), flushed to disk unless
  /// `flush` is false; returns its path.
  private static func writeTemporary(_ bytes: [UInt8], besides path: String, flush: Bool = true)
    throws -> String
  {
    var template = Array((path + temporaryMarker + "XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw failure("create a temporary file for", path) }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    do {
      fchmod(fd, 0o600)
      try writeAll(bytes, to: fd, path: path)
      guard !flush || fsync(fd) == 0 else { throw failure("write", path) }
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    guard close(fd) == 0 else {
      let error = failure("write", path)
      unlink(temporary)
      throw error
    }
    return temporary
  }

  /// Appends `line` (and a newline, unless it ends with one) to the file at `path`, creating it
  /// with mode 0600.
  static func appendLine(_ line: String, to path: String) throws {
    var bytes = Array(line.utf8)
    if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    let fd = try openPrivate(path, O_WRONLY | O_APPEND | O_CREAT)
    defer { close(fd) }
    try writeAll(bytes, to: fd, path: path)
    guard fsync(fd) == 0 else { throw failure("write", path) }
  }

  /// Opens `path` with `flags`, refusing a symbolic link or anything but a regular file, and
  /// makes it owner-only (0600) if it is looser.
  static func openPrivate(_ path: String, _ flags: Int32) throws -> Int32 {
    let fd = open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
    guard fd >= 0 else {
      if errno == ELOOP {
        throw CoachError(
          "refusing to open `\(TerminalSafe.clean(path, keepNewlines: false))`: it is a symbolic"
            + " link (coach's files must be plain files; remove the link)")
      }
      throw failure("open", path)
    }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      close(fd)
      throw CoachError(
        "refusing to open `\(TerminalSafe.clean(path, keepNewlines: false))`: it is not a plain file"
      )
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    if info.st_mode & 0o077 != 0, info.st_uid == getuid() { fchmod(fd, 0o600) }
    return fd
  }

  /// Removes the temporary files that a process killed in the middle of a save left in
  /// `directory` (`*.tmp-XXXXXX` older than a minute: a save in progress takes milliseconds).
  static func removeStaleTemporaries(in directory: String, olderThan seconds: Int = 60) {
    guard let dir = opendir(directory) else { return }
    defer { closedir(dir) }
    let now = time(nil)
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      let bytes = Array(name.utf8)
      let marker = Array(temporaryMarker.utf8)
      guard bytes.count > marker.count + 6,
        bytes[(bytes.count - 6 - marker.count)..<(bytes.count - 6)].elementsEqual(marker)
      else { continue }
      let path = directory + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
        Int(now) - Int(info.st_mtim.tv_sec) > seconds
      else { continue }
      unlink(path)
    }
  }

  /// The bytes of human-readable text, with control characters neutralised.
  private static func bytes(of text: String) -> [UInt8] {
    Array(TerminalSafe.cleanOutput(text, keepingStyles: false).utf8)
  }

  private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
    try bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { throw failure("write", path) }
        offset += n
      }
    }
  }

  private static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(fd, bytes, count)
    #else
      Darwin.write(fd, bytes, count)
    #endif
  }

  /// Flushes the rename itself to disk (best effort).
  private static func syncDirectory(of path: String) {
    let directory: String
    if let slash = path.lastIndex(of: "/") {
      directory = slash == path.startIndex ? "/" : String(path[..<slash])
    } else {
      directory = "."
    }
    let fd = open(directory, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  private static func failure(_ verb: String, _ path: String) -> CoachError {
    let reason = String(cString: strerror(errno))
    return CoachError(
      "cannot \(verb) `\(TerminalSafe.clean(path, keepNewlines: false))`: \(reason)")
  }
}
