import CoachKit

/// A line reader that remembers whether input has ended, so a drill knows to stop after the
/// session it is in rather than start another, and that can hand back a line read early (a reply
/// typed at the drill's "Press Enter to start" question) as the first line of the session.
struct EndTrackingLineReader: LineReader {
  /// Shared between copies: the session runner holds one copy, the drill another.
  final class Flag {
    var ended = false
  }

  var inner: any LineReader
  let flag = Flag()
  /// A line already read that the next ``readLine(prompt:)`` returns, shown after its prompt.
  var pending: String?

  init(_ inner: any LineReader) { self.inner = inner }

  var inputEnded: Bool { flag.ended }

  mutating func readLine(prompt: String) -> LineReaderResult {
    if let line = pending {
      pending = nil
      // The person typed it before this prompt was shown: show it where it belongs.
      Platform.write(prompt + TerminalSafe.clean(line, keepNewlines: false) + "\n")
      return .line(line)
    }
    if flag.ended { return .endOfInput }
    let result = inner.readLine(prompt: prompt)
    if result == .endOfInput { flag.ended = true }
    return result
  }
}
