#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ``LineReader`` for standard input that is a pipe or a file: plain lines, no editing, no escape
/// codes.
///
/// Lines end at `\n`; a `\r` before it is dropped. Invalid UTF-8 is repaired with U+FFFD. A line
/// longer than ``maxLineBytes`` is cut there and the rest of it is skipped, so a huge line cannot
/// eat memory; a warning on standard error says so. A last line without a newline is still
/// returned. A termination signal caught by ``Signals`` ends the wait for input: the reader then
/// reports the end of input.
struct PlainLineReader: LineReader {
  /// The longest line kept, in bytes; the rest of a longer line is dropped.
  static let maxLineBytes = 64 * 1024

  private let fileDescriptor: Int32
  private let showsPrompt: Bool
  private let maxLineBytes: Int
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  private var lineNumber = 0

  /// Reads from `fileDescriptor`. With `showsPrompt` (standard output is a terminal but standard
  /// input is not), the prompt is written to standard output before each read.
  init(fileDescriptor: Int32 = 0, showsPrompt: Bool = false, maxLineBytes: Int = maxLineBytes) {
    self.fileDescriptor = fileDescriptor
    self.showsPrompt = showsPrompt
    self.maxLineBytes = max(1, maxLineBytes)
  }

  mutating func readLine(prompt: String) -> LineReaderResult {
    if showsPrompt, !prompt.isEmpty {
      Platform.write(prompt)
      Platform.flush()
    }
    var line: [UInt8] = []
    var truncated = false
    while true {
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        take(upTo: newline, into: &line, truncated: &truncated)
        start = newline + 1
        return finished(line, truncated: truncated)
      }
      take(upTo: buffer.count, into: &line, truncated: &truncated)
      buffer.removeAll(keepingCapacity: true)
      start = 0
      if atEnd || !fill() {
        atEnd = true
        return line.isEmpty && !truncated ? .endOfInput : finished(line, truncated: truncated)
      }
    }
  }

  /// The line read, with a warning when it was cut.
  private mutating func finished(_ line: [UInt8], truncated: Bool) -> LineReaderResult {
    lineNumber += 1
    if truncated {
      Platform.writeError(
        "coach: warning: input line \(lineNumber) is longer than \(maxLineBytes / 1024) KB;"
          + " only its first \(maxLineBytes / 1024) KB were read\n")
    }
    return .line(Self.decode(line, truncated: truncated))
  }

  /// Moves `buffer[start..<end]` into `line`, up to the cap.
  private mutating func take(upTo end: Int, into line: inout [UInt8], truncated: inout Bool) {
    let room = maxLineBytes - line.count
    let count = end - start
    if count <= room {
      line.append(contentsOf: buffer[start..<end])
    } else {
      line.append(contentsOf: buffer[start..<(start + max(0, room))])
      truncated = true
    }
    start = end
  }

  /// Reads more bytes into the buffer; `false` at end of input, on an error, or when a
  /// termination signal arrived.
  private mutating func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      if !Signals.waitReadable(fileDescriptor) {
        if Signals.terminationRequested { return false }
        if errno == EINTR { continue }
      }
      let n = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
      if n > 0 {
        buffer.append(contentsOf: chunk[0..<n])
        return true
      }
      if n < 0, errno == EINTR { continue }
      return false
    }
  }

  /// The line as text: `\r` before the end dropped, invalid UTF-8 repaired, and a character split
  /// by the length cap dropped.
  private static func decode(_ bytes: [UInt8], truncated: Bool) -> String {
    var bytes = bytes[...]
    if truncated {
      // Drop a multi-byte character the cut split in two.
      var lead = bytes.endIndex
      while lead > bytes.startIndex, bytes.endIndex - lead < 4, bytes[lead - 1] & 0xC0 == 0x80 {
        lead -= 1
      }
      if lead > bytes.startIndex {
        let first = bytes[lead - 1]
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        if length > bytes.endIndex - (lead - 1) { bytes = bytes[..<(lead - 1)] }
      }
    } else if bytes.last == UInt8(ascii: "\r") {
      bytes = bytes.dropLast()
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
