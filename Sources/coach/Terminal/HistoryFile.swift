import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The readline history file: private, never a link, and never longer than ``limit`` entries.
///
/// Readline appends each accepted line to the file; this type keeps the file in shape around
/// that. At the start of a session it is opened without following links (made 0600 if it was
/// looser) and, when it holds more than ``limit`` lines, only the newest ``limit`` are kept,
/// written to a temporary file and renamed over it, so a crash leaves the old file or the new
/// one. Only the file's last ``tailBytes`` are ever read, so even a huge file costs little.
enum HistoryFile {
  /// The most entries kept (documented in docs/RELIABILITY.md).
  static let limit = 1000
  /// The most bytes read from the end of the file when trimming it.
  static let tailBytes = 4 * 1_048_576

  /// Makes sure `path` is a private plain file (creating it); throws for a link or another
  /// kind of file.
  static func prepare(_ path: String) throws {
    close(try AtomicFile.openPrivate(path, O_WRONLY | O_APPEND | O_CREAT))
  }

  /// Keeps only the newest `limit` lines of the file at `path` (atomically); returns how many
  /// lines it holds now, or `nil` if it could not be read.
  @discardableResult
  static func trim(_ path: String, limit: Int = limit) throws -> Int? {
    let fd = try AtomicFile.openPrivate(path, O_RDONLY)
    defer { close(fd) }
    let size = Int(lseek(fd, 0, SEEK_END))
    guard size >= 0 else { return nil }
    let start = max(0, size - tailBytes)
    guard lseek(fd, off_t(start), SEEK_SET) == off_t(start) else { return nil }
    var bytes = [UInt8](repeating: 0, count: size - start)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      offset += n
    }
    bytes.removeLast(bytes.count - offset)
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    // A read that started mid-file begins in the middle of a line: drop that piece.
    if start > 0, !lines.isEmpty { lines.removeFirst() }
    guard start > 0 || lines.count > limit else { return lines.count }
    let kept = lines.suffix(limit)
    var out: [UInt8] = []
    out.reserveCapacity(kept.reduce(0) { $0 + $1.count + 1 })
    for line in kept {
      out += line
      out.append(0x0A)
    }
    try AtomicFile.write(out, to: path)
    return kept.count
  }
}
