#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The text of one script, as the bytes that were read, with a table of where each line starts.
///
/// A `SourceFile` keeps the raw bytes, not a `String`, so that a file with invalid UTF-8 can still
/// be reported on with exact locations. Everything that shows source text to a person goes through
/// ``line(_:)``, which repairs invalid UTF-8 and leaves control characters for the renderer to
/// neutralise.
public final class SourceFile: Sendable {
  /// The path the file was read from, as given by the user (or a name such as `<stdin>`).
  public let path: String
  /// The file's bytes, exactly as read.
  public let bytes: [UInt8]
  /// Byte offset of the start of every line; the first entry is 0.
  public let lineStarts: [Int]

  /// Creates a source file from its bytes.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    self.lineStarts = Self.lineStarts(of: bytes)
  }

  /// Where each line starts: after every LF, CRLF or lone CR.
  static func lineStarts(of bytes: [UInt8]) -> [Int] {
    var starts = [0]
    starts.reserveCapacity(bytes.count / 32 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
      let count = buffer.count
      if memchr(base, 0x0D, count) == nil {
        // No carriage returns (the common case): memchr finds each LF quickly.
        var offset = 0
        while offset < count, let found = memchr(base + offset, 0x0A, count - offset) {
          offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
          starts.append(offset)
        }
        return
      }
      var index = 0
      while index < count {
        let byte = base[index]
        if byte == 0x0A {
          starts.append(index + 1)
        } else if byte == 0x0D {
          if index + 1 < count, base[index + 1] == 0x0A { index += 1 }
          starts.append(index + 1)
        }
        index += 1
      }
    }
    return starts
  }

  /// Creates a source file from text.
  public convenience init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The number of lines (a final line without a newline counts; an empty file has one line).
  public var lineCount: Int { lineStarts.count }

  /// The 1-based line that contains the byte at `offset`.
  public func line(containing offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// The location of the byte at `offset` (clamped to the file).
  public func location(at offset: Int) -> SourceLocation {
    let offset = max(0, min(offset, bytes.count))
    let line = line(containing: offset)
    let start = lineStarts[line - 1]
    var column = 1
    var index = start
    while index < offset {
      // Count Unicode scalars: every byte that is not a UTF-8 continuation byte.
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(offset: offset, line: line, column: column)
  }

  /// The span between two byte offsets.
  public func span(from start: Int, to end: Int) -> SourceSpan {
    SourceSpan(start: location(at: start), end: location(at: max(start, end)))
  }

  /// The byte range of a 1-based line, without its line break.
  public func byteRange(ofLine line: Int) -> Range<Int> {
    precondition(line >= 1 && line <= lineStarts.count, "line out of range")
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<end
  }

  /// The text of a 1-based line without its line break; invalid UTF-8 is repaired with U+FFFD.
  public func line(_ line: Int) -> String {
    String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
  }
}
