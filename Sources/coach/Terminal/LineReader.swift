/// A source of the lines a person types: readline on a terminal, plain lines from a pipe or file,
/// or a fixed script in tests.
///
/// Use ``Terminal/makeLineReader(completions:historyPath:)`` to get the right one for the
/// process's standard input and output.
protocol LineReader {
  /// Shows `prompt` (where the reader shows prompts at all) and reads one line.
  mutating func readLine(prompt: String) -> LineReaderResult
}
