import CoachKit

/// Runs one practice session at the terminal: the intro, the conversation loop with its slash
/// commands, then the debrief and the saved transcript. What each typed line means (a reply, a
/// command, a question back) is ``SessionInput``'s to say.
///
/// Everything the session decides comes from the library (``Session``, ``ScenarioJudge``,
/// ``Debrief``); this type only reads lines, prints, and saves files.
struct PracticeRunner {
  /// `practice` shows a coach note after every reply; `exam` keeps notes for the debrief.
  enum Mode: String, CaseIterable {
    case practice, exam
  }

  /// Where the judge stands: `coach practice` prints the opening line before it reads the
  /// lexicon (reporting its errors before the first prompt), and compiles it on the first reply;
  /// the rep reads the customer while it does.
  private var judgeSource: JudgeSource
  let mode: Mode
  let style: TerminalStyle
  let width: Int
  var session: Session
  var reader: any LineReader
  /// The latest reply's full assessment, for `/score`.
  var lastJudgement: Judgement?
  let started: String
  /// Where transcripts are saved (`nil`: not saved).
  let transcriptDirectory: String?
  /// Why the transcript could not be saved, if it could not.
  private(set) var transcriptError: String?
  /// Whether a person types the replies (standard input is a terminal): then a command word
  /// typed without its slash is asked about rather than sent to the customer.
  let personTypes: Bool

  init(
    session: Session, judge: ScenarioJudge, mode: Mode, reader: any LineReader,
    style: TerminalStyle, width: Int, transcriptDirectory: String?
  ) {
    self.init(
      session: session, judge: .ready(judge), mode: mode, reader: reader, style: style,
      width: width, transcriptDirectory: transcriptDirectory)
  }

  /// A runner that reads the lexicon with `read` once the opening line is on screen, and builds
  /// its judge from it with `compile` when the first reply is read.
  init(
    session: Session, lexicon read: @escaping () throws -> Lexicon,
    judge compile: @escaping (Lexicon) -> ScenarioJudge, mode: Mode, reader: any LineReader,
    style: TerminalStyle, width: Int, transcriptDirectory: String?
  ) {
    self.init(
      session: session, judge: .unread(read, compile), mode: mode, reader: reader, style: style,
      width: width, transcriptDirectory: transcriptDirectory)
  }

  private init(
    session: Session, judge: JudgeSource, mode: Mode, reader: any LineReader,
    style: TerminalStyle, width: Int, transcriptDirectory: String?
  ) {
    self.session = session
    self.judgeSource = judge
    self.mode = mode
    self.reader = reader
    self.style = style
    self.width = max(40, width)
    self.transcriptDirectory = transcriptDirectory
    self.started = WallClock.iso8601()
    self.personTypes = Platform.isTerminal(0)
  }

  /// Plays the session to its end and returns the saved record. Throws only before the first
  /// prompt, when the lexicon cannot be read (its errors are reported by `read`).
  mutating func run() throws -> SessionRecord {
    printIntro()
    printCustomer(session.opening)
    printStatus()
    try readLexicon()
    var input = SessionInput(asksAboutCommandWords: personTypes)
    while !session.isOver {
      switch input.interpret(reader.readLine(prompt: prompt)) {
      case .nothing:
        continue
      case .reply(let line):
        try play(line)
      case .replyLookingLikeCommand(let line, let command):
        Platform.writeError(
          "coach: note: “\(clean(line))” was sent to the customer as a reply;"
            + " a session command starts with a slash: \(command.slashName)\n")
        try play(line)
      case .command(let command):
        run(command)
      case .unknownCommand(let word):
        var message = "Unknown command \(clean(word))."
        let known = SessionCommand.allCases.map(\.slashName)
        if let match = Suggestions.closest(to: word, in: known) {
          message += " Did you mean \(match)?"
        }
        say(message + " Type /help for the list.")
      case .askAbout(let command):
        say(
          wrap(
            "Did you mean \(command.slashName)? Press Enter to run it, or type your reply.",
            lead: "", style: style.dim))
      case .confirmEnd:
        say(style.dim("Press Ctrl-C again to end the session, or keep typing."))
      case .end:
        session.abandon()
      }
    }
    return finish()
  }

  private var prompt: String { style.bold(style.cyan("you> ")) }

  // MARK: - Turns

  /// The judge: ready-made, not yet read, or read and not yet compiled.
  private enum JudgeSource {
    case ready(ScenarioJudge)
    case unread(() throws -> Lexicon, (Lexicon) -> ScenarioJudge)
    case read(Lexicon, (Lexicon) -> ScenarioJudge)
  }

  private mutating func readLexicon() throws {
    guard case .unread(let read, let compile) = judgeSource else { return }
    judgeSource = .read(try read(), compile)
  }

  private mutating func judge() throws -> ScenarioJudge {
    switch judgeSource {
    case .ready(let judge):
      return judge
    case .unread:
      try readLexicon()
      return try judge()
    case .read(let lexicon, let compile):
      let judge = compile(lexicon)
      judgeSource = .ready(judge)
      return judge
    }
  }

  private mutating func play(_ reply: String) throws {
    let patience = session.state.patience
    let judgement = try judge().read(
      reply, customerLine: session.state.lastCustomerLine, step: session.state.step)
    lastJudgement = judgement
    let turn = session.respond(to: reply, reading: judgement.reading)
    printCustomer(turn.customerLine)
    if mode == .practice, let note = turn.coachNote, !note.isEmpty {
      let style = self.style
      say(wrap(note, lead: "  coach: ", style: { style.italic(style.yellow($0)) }))
    }
    if !session.isOver { printStatus(patienceLost: patience - session.state.patience) }
  }

  private func printIntro() {
    let scenario = session.scenario
    let customer = scenario.customer
    say("")
    say(
      style.bold(clean(scenario.title))
        + style.dim(
          "  (difficulty \(scenario.difficulty)/5, seed \(session.seed), \(mode.rawValue) mode)"))
    say("")
    say(wrap(scenario.situation, lead: ""))
    var who = clean(customer.name)
    if let role = customer.role { who += ", " + clean(role) }
    say("")
    say(wrap(who, lead: style.bold("Customer: ")))
    if let goal = scenario.goal { say(wrap(goal, lead: style.bold("Your goal: "))) }
    say(
      wrap(
        "Reply as you would on a call. Work through Empathy → Understand → Offer → Check. "
          + "Type /help for commands, /hint if you are stuck, Ctrl-D to end.",
        lead: "", style: style.dim))
    say(
      wrap(
        "Upset \(customer.mood)/10 is how angry \(customerFirstName) is now: good replies bring it "
          + "down.", lead: "", style: style.dim))
    say(
      wrap(
        patienceMeaning("Patience \(session.scenario.customer.patience)"), lead: "",
        style: style.dim))
    say("")
  }

  /// What the status line's patience is, in a sentence starting with `lead`.
  private func patienceMeaning(_ lead: String) -> String {
    let name = customerFirstName
    return lead + ": each reply that does not help \(name) costs 1; at 0, \(name) gives up on"
      + " the call."
  }

  private var customerFirstName: String {
    clean(session.scenario.customer.name.split(separator: " ").first.map(String.init) ?? "Customer")
  }

  private func printCustomer(_ text: String) {
    let name = customerFirstName
    say(wrap(text, lead: style.bold(style.magenta(name + ": ")), leadWidth: name.count + 2))
  }

  /// How upset the customer is, the step and the patience left; when the last reply cost
  /// patience, it says so.
  private func printStatus(patienceLost: Int = 0) {
    let state = session.state
    var patience = "  · patience \(max(0, state.patience))"
    if patienceLost > 0 { patience += " (that reply cost \(patienceLost))" }
    let line =
      "  " + style.moodMeter(state.mood) + style.dim("  · step: ") + style.bold(state.step.title)
      + style.dim(patience)
    say(line)
  }

  // MARK: - Slash commands

  private mutating func run(_ command: SessionCommand) {
    switch command {
    case .help:
      say(style.bold("Commands:"))
      for command in SessionCommand.allCases {
        say("  " + style.cyan(command.slashName.padded(to: 12)) + command.summary)
      }
      for line in PracticeRunner.helpNotes(patienceMeaning("Patience")) {
        say(wrap(line, lead: ""))
      }
    case .hint:
      say(wrap(hint(), lead: style.bold("hint: ")))
    case .score:
      if let judgement = lastJudgement {
        say(ScoreReport(style: style, width: width).render(judgement.assessment))
      } else {
        say("No reply yet: type one, then /score shows how it was read.")
      }
    case .why:
      say(why())
    case .transcript:
      say(transcriptText())
    case .restart:
      session.restart()
      lastJudgement = nil
      say(style.dim("Starting again from the top."))
      printCustomer(session.opening)
      printStatus()
    case .quit:
      session.abandon()
    }
  }

  /// What `/help` says after the commands: the patience (`patience`, in a sentence), command
  /// words typed without the slash, and how to end.
  static func helpNotes(_ patience: String) -> [String] {
    [
      "",
      patience + " The status line says when a reply cost patience.",
      "A command word typed alone (hint, quit, …) is asked about first: Enter runs the command;"
        + " type the word again to send it as your reply. From a pipe or a file, only lines"
        + " starting with / are commands.",
      "Ctrl-C clears the line; on an empty line, press it twice to end the session (Ctrl-D ends it"
        + " at once).",
    ]
  }

  private func hint() -> String {
    let state = session.state
    var text = session.method.guide(state.step).hint
    if state.step == .understand {
      let missing = session.scenario.facts.filter {
        $0.required && !state.factsKnown.contains($0.id)
      }.count
      if missing > 0 {
        text +=
          " There \(missing == 1 ? "is" : "are") still \(missing) thing\(missing == 1 ? "" : "s") you don't know about what is at stake."
      } else if !state.summaryGiven {
        text += " You know the facts now: summarise them back before you offer."
      }
    }
    if state.step == .offer, !state.offered.isEmpty {
      text += " Offered so far: \(state.offered.joined(separator: ", "))."
    }
    return text
  }

  private func why() -> String {
    guard let turn = session.turns.last else { return "No reply yet." }
    var lines = [
      "Turn \(turn.number): upset \(turn.moodBefore) → \(turn.moodAfter) (+ more upset, − calmer)."
    ]
    for change in turn.moodChanges {
      let sign =
        change.delta > 0 ? "+\(change.delta)" : change.delta < 0 ? "−\(-change.delta)" : "0"
      lines.append("  \(sign.padded(to: 3)) \(clean(change.reason))")
    }
    // Upset stays between 0 and 10, so the changes may add up to more than it moved.
    let total = turn.moodChanges.reduce(0) { $0 + $1.delta }
    if !turn.moodChanges.isEmpty, turn.moodBefore + total != turn.moodAfter {
      lines.append("  (Upset stays between 0 and 10, so not all of that could count.)")
    }
    if turn.moodChanges.isEmpty {
      lines.append("  Nothing in that reply changed how upset they are.")
    }
    if turn.wasPoor {
      lines.append("  That reply cost patience: it did nothing for \(turn.stepBefore.title).")
    }
    let events = turn.events.filter { if case .reachedStep = $0 { false } else { true } }
    if !events.isEmpty {
      lines.append("  What happened: " + events.map(\.description).joined(separator: ", "))
    }
    if turn.stepAfter != turn.stepBefore {
      lines.append("  You moved on to \(turn.stepAfter.title).")
    }
    return lines.map { wrap($0, lead: "") }.joined(separator: "\n")
  }

  private func transcriptText() -> String {
    let name = clean(session.scenario.customer.name)
    var lines = [wrap(session.opening, lead: name + ": ")]
    for turn in session.turns {
      lines.append(wrap(turn.reply, lead: "you: "))
      lines.append(wrap(turn.customerLine, lead: name + ": "))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - The end

  private mutating func finish() -> SessionRecord {
    say("")
    let record = SessionRecord(
      session: session, mode: mode.rawValue, started: started, ended: WallClock.iso8601())
    guard ResultsStore.shouldRecord(record) else {
      // A debrief of a call with no reply would be all zeros: say what happened instead.
      say("No reply was given, so there is no debrief and nothing was recorded.")
      return record
    }
    let debrief = Debrief(session: session)
    say(style.bold(debrief.render(width: width)))
    if let directory = transcriptDirectory {
      // Never replaces another session's files: the pair gets a free name of its own.
      do {
        let base = try AtomicFile.createNew(
          [(".json", record.json.serialized(pretty: true) + "\n"), (".md", record.markdown)],
          base: directory + "/" + WallClock.fileStamp() + "-" + session.scenario.id)
        say(style.dim("Transcript saved: \(clean(base)).md (and .json)"))
      } catch {
        transcriptError = "\(error)"
      }
    }
    return record
  }

  // MARK: - Output

  private func say(_ text: String) {
    Platform.write(text + "\n")
    Platform.flush()
  }

  private func clean(_ text: String) -> String { TerminalSafe.clean(text, keepNewlines: false) }

  /// Wraps untrusted text to the terminal width after a lead such as `Dana: `.
  private func wrap(
    _ text: String, lead: String, leadWidth: Int? = nil, style apply: ((String) -> String)? = nil
  ) -> String {
    let visibleLead = leadWidth ?? DisplayWidth.of(lead.strippingANSI)
    // Spoken text: line breaks written in a script are folded into spaces.
    let body = TerminalSafe.clean(text.trimmingWhitespace.foldingLineBreaks)
    let lines = TextWrapper.lines(body, width: max(20, width - visibleLead))
    let pad = String(repeating: " ", count: visibleLead)
    return lines.enumerated().map { index, line in
      (index == 0 ? lead : pad) + (apply?(line) ?? line)
    }.joined(separator: "\n")
  }
}

extension String {
  /// The text with leading and trailing spaces, tabs and newlines removed.
  var trimmingWhitespace: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }

  /// The text with every run of line breaks and spaces folded into one space.
  var foldingLineBreaks: String {
    guard contains(where: \.isNewline) else { return self }
    return split(whereSeparator: { $0.isNewline || $0 == " " }).joined(separator: " ")
  }

  /// The text without ANSI colour sequences (for measuring styled text).
  var strippingANSI: String {
    var out = ""
    var inEscape = false
    for scalar in unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
        continue
      }
      if scalar == "\u{1B}" {
        inEscape = true
        continue
      }
      out.unicodeScalars.append(scalar)
    }
    return out
  }
}
