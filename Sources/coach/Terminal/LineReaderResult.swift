/// What one call to ``LineReader/readLine(prompt:)`` produced.
enum LineReaderResult: Equatable, Sendable {
  /// A complete line, without its line ending.
  case line(String)
  /// Ctrl-C cancelled the line being edited. `lineWasEmpty` tells whether nothing had been typed
  /// yet: Ctrl-C on an empty line asks to end the session, on a partly typed line only to discard it.
  case interrupted(lineWasEmpty: Bool)
  /// Ctrl-D on an empty line, or the end of standard input.
  case endOfInput
}
