import Testing

@testable import coach

/// What each thing a rep types in a session means, without a terminal: command words typed
/// without the slash, and Ctrl-C on an empty line.
@Suite struct SessionInputTests {
  /// The actions for `results` in turn, from a fresh session input.
  func actions(_ results: [LineReaderResult], person: Bool = true) -> [SessionInput.Action] {
    var input = SessionInput(asksAboutCommandWords: person)
    return results.map { input.interpret($0) }
  }

  @Test func aCommandWordAloneIsRecognisedInAnyCaseWithPunctuation() {
    #expect(SessionCommand.bareWord(in: "hint") == .hint)
    #expect(SessionCommand.bareWord(in: "  Hint?  ") == .hint)
    #expect(SessionCommand.bareWord(in: "QUIT.") == .quit)
    #expect(SessionCommand.bareWord(in: "exit!") == .quit)
    #expect(SessionCommand.bareWord(in: "Score") == .score)
    #expect(SessionCommand.bareWord(in: "why?") == .why)
    #expect(SessionCommand.bareWord(in: "restart") == .restart)
    #expect(SessionCommand.bareWord(in: "help!!") == .help)
    #expect(SessionCommand.bareWord(in: "transcript") == .transcript)
    // Only the word alone: a reply that uses it is a reply.
    for reply in ["hint please", "/hint", "why not?", "helpful", "quit it", "?", "", "hi nt"] {
      #expect(SessionCommand.bareWord(in: reply) == nil, "\(reply)")
    }
  }

  @Test func slashLinesNameCommandsByTheirFirstWord() {
    #expect(SessionCommand(slashLine: "/hint") == .hint)
    #expect(SessionCommand(slashLine: "/score now") == .score)
    #expect(SessionCommand(slashLine: "/exit") == .quit)
    #expect(SessionCommand(slashLine: "/hnt") == nil)
    #expect(Terminal.slashCommands == SessionCommand.allCases.map(\.slashName))
  }

  @Test func atATerminalACommandWordIsAskedAboutAndEnterRunsIt() {
    #expect(actions([.line("hint"), .line("")]) == [.askAbout(.hint), .command(.hint)])
    // Spaces on the answer line are still an empty answer.
    #expect(actions([.line("Quit."), .line("  ")]) == [.askAbout(.quit), .command(.quit)])
  }

  @Test func theSameWordAgainIsSentAsTheReply() {
    #expect(actions([.line("why"), .line("Why?")]) == [.askAbout(.why), .reply("Why?")])
    #expect(actions([.line("exit"), .line("quit")]) == [.askAbout(.quit), .reply("quit")])
  }

  @Test func anyOtherAnswerIsTakenAsItComes() {
    #expect(
      actions([.line("hint"), .line("What happened?"), .line("")])
        == [.askAbout(.hint), .reply("What happened?"), .nothing])
    #expect(
      actions([.line("hint"), .line("/score")]) == [.askAbout(.hint), .command(.score)])
    #expect(
      actions([.line("hint"), .line("quit"), .line("")])
        == [.askAbout(.hint), .askAbout(.quit), .command(.quit)])
    // Ctrl-C or the end of input also answers the question: nothing runs.
    #expect(
      actions([.line("hint"), .interrupted(lineWasEmpty: false), .line("")])
        == [.askAbout(.hint), .nothing, .nothing])
    #expect(actions([.line("hint"), .endOfInput]) == [.askAbout(.hint), .end])
  }

  @Test func fromAPipeACommandWordIsSentAsAReplyAndNothingIsAsked() {
    #expect(
      actions([.line("hint"), .line(""), .line("Quit.")], person: false) == [
        .replyLookingLikeCommand("hint", .hint), .nothing, .replyLookingLikeCommand("Quit.", .quit),
      ])
    #expect(actions([.line("/hint")], person: false) == [.command(.hint)])
  }

  @Test func slashLinesAndRepliesAreAsBefore() {
    #expect(
      actions([.line("  I'm so sorry.  "), .line("/why"), .line("/hnt x"), .line("")]) == [
        .reply("I'm so sorry."), .command(.why), .unknownCommand("/hnt"), .nothing,
      ])
  }

  @Test func ctrlCOnAnEmptyLineAsksAndASecondOneEnds() {
    let empty = LineReaderResult.interrupted(lineWasEmpty: true)
    #expect(actions([empty, empty]) == [.confirmEnd, .end])
    // Ctrl-C on a typed line only clears it, and does not count.
    let typed = LineReaderResult.interrupted(lineWasEmpty: false)
    #expect(actions([typed, empty, empty]) == [.nothing, .confirmEnd, .end])
    // Anything in between starts the count again.
    #expect(
      actions([empty, .line("Go on"), empty, typed, empty, .line(""), empty, empty]) == [
        .confirmEnd, .reply("Go on"), .confirmEnd, .nothing, .confirmEnd, .nothing, .confirmEnd,
        .end,
      ])
    // Ctrl-D ends at once.
    #expect(actions([.endOfInput]) == [.end])
  }
}
