import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing records so that a crash or Ctrl-C never leaves a half-written one.
///
/// - ``write(_:to:)-(String,_)`` replaces a whole file: it writes a temporary file beside it (mode
///   0600), flushes it to disk and renames it over the target, so readers see the old file or the
///   new one, never a mix.
/// - ``appendLine(_:to:)`` adds one line to a log (mode 0600 when created) with a single `O_APPEND`
///   write, so earlier lines are never touched.
enum AtomicFile {
  /// Replaces the file at `path` with `text`, atomically.
  static func write(_ text: String, to path: String) throws {
    try write(Array(text.utf8), to: path)
  }

  /// Replaces the file at `path` with `bytes`, atomically.
  static func write(_ bytes: [UInt8], to path: String) throws {
    var template = Array((path + ".tmp-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw failure("create a temporary file for", path) }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var closed = false
    defer {
      if !closed { close(fd) }
    }
    do {
      fchmod(fd, 0o600)
      try writeAll(bytes, to: fd, path: path)
      guard fsync(fd) == 0 else { throw failure("write", path) }
      closed = true
      guard close(fd) == 0 else { throw failure("write", path) }
      guard rename(temporary, path) == 0 else { throw failure("replace", path) }
    } catch {
      unlink(temporary)
      throw error
    }
    syncDirectory(of: path)
  }

  /// Appends `line` (and a newline, unless it ends with one) to the file at `path`, creating it
  /// with mode 0600.
  static func appendLine(_ line: String, to path: String) throws {
    var bytes = Array(line.utf8)
    if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw failure("open", path) }
    defer { close(fd) }
    try writeAll(bytes, to: fd, path: path)
    guard fsync(fd) == 0 else { throw failure("write", path) }
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
