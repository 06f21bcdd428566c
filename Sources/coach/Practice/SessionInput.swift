/// What each thing a rep types in a session means: a reply, a command, a question back, or the
/// end. It keeps the little state two of them need, and prints nothing.
///
/// - A line starting with `/` is a command.
/// - A line that is only a command's word without the slash (`hint`, `Quit.`; see
///   ``SessionCommand/bareWord(in:)``) is most likely a command typed in a hurry, and as a reply it
///   would cost patience. When a person types at a terminal (``asksAboutCommandWords``) the
///   session asks first: an empty line next runs the command, the same word again is sent as the
///   reply after all, and anything else is taken as it comes. From a pipe or a file the line is
///   sent to the customer as it is, so a script of replies plays the same every time, with a note
///   on standard error that commands start with `/`.
/// - Ctrl-C on an empty line asks first too: a second Ctrl-C on an empty line, with nothing typed
///   in between, ends the session. Ctrl-C on a typed line only clears it.
/// - The end of input (Ctrl-D) ends the session at once.
struct SessionInput {
  /// What the session does with one result of the line reader.
  enum Action: Equatable {
    /// Nothing: an empty line, or a typed line Ctrl-C cleared.
    case nothing
    /// Send this reply to the customer.
    case reply(String)
    /// Send this reply, which is only a command's word, to the customer, and say on standard
    /// error that the command needs its slash.
    case replyLookingLikeCommand(String, SessionCommand)
    /// Run the command.
    case command(SessionCommand)
    /// The line started with `/` but names no command: this word.
    case unknownCommand(String)
    /// Ask whether this command was meant.
    case askAbout(SessionCommand)
    /// Say that another Ctrl-C ends the session.
    case confirmEnd
    /// End the session.
    case end
  }

  /// Whether a command word without its slash is asked about (a person typing) or sent as a
  /// reply (a script).
  let asksAboutCommandWords: Bool
  /// The command just asked about, until the next line answers.
  private(set) var askedAbout: SessionCommand?
  /// Whether the last thing typed was Ctrl-C on an empty line.
  private(set) var endRequested = false

  init(asksAboutCommandWords: Bool) {
    self.asksAboutCommandWords = asksAboutCommandWords
  }

  mutating func interpret(_ result: LineReaderResult) -> Action {
    let asked = askedAbout
    askedAbout = nil
    let endWasRequested = endRequested
    endRequested = false
    switch result {
    case .endOfInput:
      return .end
    case .interrupted(let lineWasEmpty):
      guard lineWasEmpty else { return .nothing }
      if endWasRequested { return .end }
      endRequested = true
      return .confirmEnd
    case .line(let raw):
      let line = raw.trimmingWhitespace
      if line.isEmpty { return asked.map(Action.command) ?? .nothing }
      if line.hasPrefix("/") {
        if let command = SessionCommand(slashLine: line) { return .command(command) }
        return .unknownCommand(
          line.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? line)
      }
      guard let command = SessionCommand.bareWord(in: line), command != asked else {
        return .reply(line)
      }
      guard asksAboutCommandWords else { return .replyLookingLikeCommand(line, command) }
      askedAbout = command
      return .askAbout(command)
    }
  }
}
