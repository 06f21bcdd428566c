/// A ``LineReader`` that returns a fixed list of results, for tests.
///
/// After the list is used up it returns ``LineReaderResult/endOfInput`` forever. The prompts it was
/// asked to show are kept in ``prompts``.
struct ScriptedLineReader: LineReader {
  /// The results still to return, first first.
  private(set) var remaining: [LineReaderResult]
  /// Every prompt passed to ``readLine(prompt:)``, in order.
  private(set) var prompts: [String] = []

  init(_ results: [LineReaderResult]) { self.remaining = results }

  /// A reader that returns each of `lines` as a ``LineReaderResult/line(_:)``, then end of input.
  init(lines: [String]) { self.init(lines.map { .line($0) }) }

  mutating func readLine(prompt: String) -> LineReaderResult {
    prompts.append(prompt)
    return remaining.isEmpty ? .endOfInput : remaining.removeFirst()
  }
}
