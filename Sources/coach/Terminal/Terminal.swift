import CReadline

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal side of `coach`: which ``LineReader`` to use and the facts it depends on.
enum Terminal {
  /// The commands a person can type inside a session, completed by Tab.
  static let slashCommands = SessionCommand.allCases.map(\.slashName)

  /// Whether to use readline: only when standard input and standard output are both terminals
  /// (on a pipe readline would echo and print escape codes).
  static var isInteractive: Bool { Platform.isTerminal(0) && Platform.isTerminal(1) }

  /// The line reader for this process: readline with `completions` and the history in
  /// `historyPath` (evaluated only then) when interactive, plain lines otherwise. In the plain case standard output is
  /// made line-buffered, so a program driving `coach` sees each line at once, and the prompt is
  /// shown only when standard output is a terminal.
  static func makeLineReader(
    completions: [String] = slashCommands,
    historyPath: @autoclosure () -> String? = defaultHistoryPath()
  ) -> any LineReader {
    if isInteractive {
      return ReadlineLineReader(completions: completions, historyPath: historyPath())
    }
    coach_stdout_line_buffered()
    return PlainLineReader(fileDescriptor: 0, showsPrompt: Platform.isTerminal(1))
  }

  /// `history` in the state folder (created if needed), or `nil` if there is none; then the
  /// session simply keeps no history.
  static func defaultHistoryPath() -> String? {
    guard let directory = try? XDGPaths().stateDirectory() else { return nil }
    return directory + "/history"
  }
}
