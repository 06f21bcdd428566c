import CReadline
import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ``LineReader`` on a terminal, through GNU readline: line editing, Ctrl-R search, Tab
/// completion of slash commands and a persistent history.
///
/// Use it only when standard input and standard output are both terminals.
///
/// - Ctrl-C cancels the line being edited: readline is driven through its callback interface, and
///   the wait for each key is a `pselect` with SIGINT unblocked only during the wait, so Ctrl-C ends
///   the wait and the reader returns ``LineReaderResult/interrupted(lineWasEmpty:)`` (after echoing
///   `^C`) instead of the process being killed. Ctrl-Z restores the terminal, stops, and redraws
///   the line when continued; a window resize is passed on to readline. The previous handlers are
///   restored between lines.
/// - Ctrl-D on an empty line prints a newline and returns ``LineReaderResult/endOfInput``.
/// - Each accepted line that is not empty and not the same as the one before goes into the
///   history and is appended to the history file at once, so a crash loses nothing; the file is
///   created with mode 0600 and trimmed to ``historyLimit`` lines (see ``HistoryFile``).
///
/// Readline is process-global state, so there should be one of these at a time.
struct ReadlineLineReader: LineReader {
  /// The most lines kept in the history, in memory and in the file.
  static let historyLimit = HistoryFile.limit

  private let historyPath: String?
  /// Lines in the history file, as far as this reader knows (to trim it only when needed).
  private var historyFileLines = 0

  /// Sets readline up for `coach`: completion of `completions` (words starting with `/`, at the
  /// start of the line) and the history in `historyPath`, loaded now if it exists.
  init(completions: [String], historyPath: String?) {
    ReadlineState.completions = completions.sorted()
    coach_rl_set_name(ReadlineState.applicationName)
    coach_rl_set_catch_signals(0)
    coach_rl_set_catch_sigwinch(0)
    coach_rl_set_change_environment(0)
    coach_rl_set_word_breaks(ReadlineState.wordBreaks)
    coach_rl_set_completion(slashCommandCompletion)
    using_history()
    stifle_history(Int32(Self.historyLimit))
    var historyPath = historyPath
    if let path = historyPath {
      do {
        try HistoryFile.prepare(path)
        historyFileLines = try HistoryFile.trim(path, limit: Self.historyLimit) ?? 0
        read_history(path)
      } catch {
        Platform.writeError("coach: warning: no history is kept: \(error)\n")
        historyPath = nil
      }
    }
    self.historyPath = historyPath
  }

  mutating func readLine(prompt: String) -> LineReaderResult {
    let signals = Signals.beginLine()
    defer { if let signals { Signals.endLine(signals) } }

    ReadlineState.finished = false
    ReadlineState.received = nil
    using_history()
    rl_callback_handler_install(Self.readlinePrompt(prompt), receiveLine)
    while !ReadlineState.finished {
      let wake = signals.map(Signals.waitForKey) ?? .readable
      switch wake {
      case .readable:
        rl_callback_read_char()
      case .failed:
        rl_callback_handler_remove()
        Platform.write("\n")
        return .endOfInput
      case .signals(let flags):
        if flags & COACH_SIGNAL_TERM != 0 {
          // SIGTERM or SIGHUP: give the terminal back as it was (cooked mode, no bracketed
          // paste) and end the input, so the session is saved before the process ends.
          rl_free_line_state()
          rl_callback_sigcleanup()
          rl_callback_handler_remove()
          Platform.write("\n")
          Platform.flush()
          return .endOfInput
        }
        if flags & COACH_SIGNAL_INT != 0 { return cancelLine() }
        if flags & COACH_SIGNAL_TSTP != 0, let signals {
          // Ctrl-Z: give the shell a normal terminal, stop, and redraw the line when continued.
          rl_deprep_terminal()
          Signals.suspend(signals)
          rl_prep_terminal(1)
          rl_resize_terminal()
          rl_forced_update_display()
        }
        if flags & COACH_SIGNAL_WINCH != 0 { rl_resize_terminal() }
      }
    }
    guard let line = ReadlineState.received else {
      Platform.write("\n")
      Platform.flush()
      return .endOfInput
    }
    ReadlineState.received = nil
    remember(line)
    return .line(line)
  }

  /// Ctrl-C: show `^C` after the line, drop the line and leave readline ready for the next one.
  private func cancelLine() -> LineReaderResult {
    let wasEmpty = coach_rl_end() == 0
    coach_rl_set_point(coach_rl_end())
    rl_redisplay()
    Platform.write("^C\n")
    Platform.flush()
    rl_free_line_state()
    rl_callback_sigcleanup()
    rl_cleanup_after_signal()
    rl_callback_handler_remove()
    return .interrupted(lineWasEmpty: wasEmpty)
  }

  /// Adds `line` to the history (unless empty or a repeat) and appends it to the history file.
  private mutating func remember(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace) else { return }
    if let last = coach_history_last_line(), String(cString: last) == line { return }
    add_history(line)
    guard let historyPath, (try? HistoryFile.prepare(historyPath)) != nil else { return }
    if append_history(1, historyPath) == 0 {
      historyFileLines += 1
      // Trim with some slack, so the file is rewritten once per hundred lines, not every line.
      if historyFileLines > Self.historyLimit + 100 { trimHistoryFile() }
    }
  }

  private mutating func trimHistoryFile() {
    guard let historyPath else { return }
    if let lines = try? HistoryFile.trim(historyPath, limit: Self.historyLimit) {
      historyFileLines = lines
    }
  }

  /// `prompt` with each escape sequence wrapped in readline's invisible-text markers (`\u{1}` …
  /// `\u{2}`), so colour codes in the prompt do not confuse line editing.
  /// Readline writes the prompt itself, so it passes the same boundary as ``Platform/write(_:)``
  /// first: only colour codes survive.
  static func readlinePrompt(_ prompt: String) -> String {
    let prompt = TerminalSafe.cleanOutput(prompt, keepingStyles: true)
    guard prompt.utf8.contains(0x1B) else { return prompt }
    var result = String.UnicodeScalarView()
    var inEscape = false
    for scalar in prompt.unicodeScalars {
      if scalar == "\u{1B}", !inEscape {
        result.append("\u{1}")
        inEscape = true
      }
      result.append(scalar)
      if inEscape, scalar != "\u{1B}", scalar != "[", (0x40...0x7E).contains(scalar.value) {
        result.append("\u{2}")
        inEscape = false
      }
    }
    if inEscape { result.append("\u{2}") }
    return String(result)
  }
}

/// The global state readline's C callbacks need: they cannot capture context.
///
/// Readline is single-threaded and calls back only from inside `rl_callback_read_char`, which the
/// reader calls on its own thread, so these are never touched concurrently.
private enum ReadlineState {
  /// The slash commands Tab completes, sorted.
  nonisolated(unsafe) static var completions: [String] = []
  /// Whether readline has delivered a line (or end of input) for the current read.
  nonisolated(unsafe) static var finished = false
  /// The line delivered, or `nil` at end of input.
  nonisolated(unsafe) static var received: String?
  /// Kept alive for the whole process: readline keeps these pointers.
  nonisolated(unsafe) static let applicationName = UnsafePointer(strdup("coach")!)
  nonisolated(unsafe) static let wordBreaks = UnsafePointer(strdup(" \t\n")!)
}

/// Readline's line handler: receives the accepted line (`nil` at end of input).
private func receiveLine(_ line: UnsafeMutablePointer<CChar>?) {
  if let line {
    let bytes = UnsafeRawBufferPointer(start: line, count: strlen(line))
    ReadlineState.received = String(decoding: bytes, as: UTF8.self)
    free(line)
  } else {
    ReadlineState.received = nil
  }
  ReadlineState.finished = true
  // Remove the handler now, so readline does not print the prompt again.
  rl_callback_handler_remove()
}

/// Readline's completion hook: completes slash commands at the start of the line, nothing else.
private func slashCommandCompletion(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  coach_rl_disable_default_completion()
  guard start == 0, let text else { return nil }
  let prefix = String(cString: text)
  guard prefix.hasPrefix("/") else { return nil }
  let matches = ReadlineState.completions.filter { $0.hasPrefix(prefix) }
  guard let first = matches.first else { return nil }
  // Readline wants: the common prefix of all matches (what replaces the text), the matches, nil.
  var common = Substring(first)
  for match in matches.dropFirst() {
    while !match.hasPrefix(common) { common = common.dropLast() }
  }
  let entries = matches.count == 1 ? [first] : [String(common)] + matches
  guard
    let list = malloc((entries.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
      .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
  else { return nil }
  for (index, entry) in entries.enumerated() { list[index] = strdup(entry) }
  list[entries.count] = nil
  return list
}
