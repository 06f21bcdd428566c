/// A line reader that remembers whether input has ended, so a drill knows to stop after the
/// session it is in rather than start another.
struct EndTrackingLineReader: LineReader {
  /// Shared between copies: the session runner holds one copy, the drill another.
  final class Flag {
    var ended = false
  }

  var inner: any LineReader
  let flag = Flag()

  init(_ inner: any LineReader) { self.inner = inner }

  var inputEnded: Bool { flag.ended }

  mutating func readLine(prompt: String) -> LineReaderResult {
    if flag.ended { return .endOfInput }
    let result = inner.readLine(prompt: prompt)
    if result == .endOfInput { flag.ended = true }
    return result
  }
}
