/// A command typed inside a practice session: `/hint`, `/quit`, …
enum SessionCommand: String, CaseIterable, Sendable {
  case help, hint, score, why, transcript, restart, quit

  /// Other words for a command, accepted but not listed.
  static let aliases: [String: SessionCommand] = ["exit": .quit]

  /// The command as it is typed, such as `/hint`.
  var slashName: String { "/" + rawValue }

  /// What the command does, for `/help`.
  var summary: String {
    switch self {
    case .help: "this list"
    case .hint: "what the current step needs now"
    case .score: "how your last reply was read, with the evidence"
    case .why: "why the customer reacted as they did"
    case .transcript: "the conversation so far"
    case .restart: "start the scenario again"
    case .quit: "end the session and see the debrief"
    }
  }

  /// The command a line starting with `/` names by its first word (`/hint please` is `/hint`),
  /// or `nil` if there is no such command.
  init?(slashLine line: String) {
    guard line.hasPrefix("/") else { return nil }
    let word = line.dropFirst().split(whereSeparator: \.isWhitespace).first ?? ""
    guard let command = Self.named(String(word)) else { return nil }
    self = command
  }

  /// The command whose word is the whole of `line` without the slash, as a rep types it in a
  /// hurry: any case, with spaces around it and punctuation after it (`Hint?`, ` quit. `).
  /// `nil` for anything else, such as `hint please` or `/hint`.
  static func bareWord(in line: String) -> SessionCommand? {
    var word = Substring(line)
    while let last = word.last, last.isWhitespace || last.isPunctuation { word = word.dropLast() }
    while let first = word.first, first.isWhitespace { word = word.dropFirst() }
    guard !word.isEmpty, word.allSatisfy(\.isLetter) else { return nil }
    return named(word.lowercased())
  }

  /// The command called `name` (without the slash), aliases included.
  private static func named(_ name: String) -> SessionCommand? {
    SessionCommand(rawValue: name) ?? aliases[name]
  }
}
