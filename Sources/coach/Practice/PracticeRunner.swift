import CoachKit

/// Runs one practice session at the terminal: the intro, the conversation loop with its slash
/// commands, then the debrief and the saved transcript.
///
/// Everything the session decides comes from the library (``Session``, ``ScenarioJudge``,
/// ``Debrief``); this type only reads lines, prints, and saves files.
struct PracticeRunner {
  /// `practice` shows a coach note after every reply; `exam` keeps notes for the debrief.
  enum Mode: String, CaseIterable {
    case practice, exam
  }

  /// The judge, built on first use: `coach practice` prints the opening line before it compiles
  /// the lexicon (the rep reads while it does).
  private var judgeBuilt: ScenarioJudge?
  private let makeJudge: () -> ScenarioJudge
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

  init(
    session: Session, judge: ScenarioJudge, mode: Mode, reader: any LineReader,
    style: TerminalStyle, width: Int, transcriptDirectory: String?
  ) {
    self.init(
      session: session, judge: { judge }, mode: mode, reader: reader, style: style, width: width,
      transcriptDirectory: transcriptDirectory)
  }

  /// A runner whose judge is built when the first reply is read.
  init(
    session: Session, judge: @escaping () -> ScenarioJudge, mode: Mode, reader: any LineReader,
    style: TerminalStyle, width: Int, transcriptDirectory: String?
  ) {
    self.session = session
    self.makeJudge = judge
    self.mode = mode
    self.reader = reader
    self.style = style
    self.width = max(40, width)
    self.transcriptDirectory = transcriptDirectory
    self.started = WallClock.iso8601()
  }

  /// Plays the session to its end and returns the saved record.
  mutating func run() -> SessionRecord {
    printIntro()
    printCustomer(session.opening)
    printStatus()
    while !session.isOver {
      switch reader.readLine(prompt: prompt) {
      case .endOfInput:
        session.abandon()
      case .interrupted(let empty):
        if empty {
          say("")
          session.abandon()
        }
      case .line(let raw):
        let line = raw.trimmingWhitespace
        if line.isEmpty { continue }
        if line.hasPrefix("/") {
          command(line)
        } else {
          play(line)
        }
      }
    }
    return finish()
  }

  private var prompt: String { style.bold(style.cyan("you> ")) }

  // MARK: - Turns

  private mutating func judge() -> ScenarioJudge {
    if let judgeBuilt { return judgeBuilt }
    let judge = makeJudge()
    judgeBuilt = judge
    return judge
  }

  private mutating func play(_ reply: String) {
    let judgement = judge().read(
      reply, customerLine: session.state.lastCustomerLine, step: session.state.step)
    lastJudgement = judgement
    let turn = session.respond(to: reply, reading: judgement.reading)
    printCustomer(turn.customerLine)
    if mode == .practice, let note = turn.coachNote, !note.isEmpty {
      let style = self.style
      say(wrap(note, lead: "  coach: ", style: { style.italic(style.yellow($0)) }))
    }
    if !session.isOver { printStatus() }
  }

  private func printIntro() {
    let scenario = session.scenario
    let customer = scenario.customer
    say("")
    say(style.bold(clean(scenario.title)) + style.dim("  (difficulty \(scenario.difficulty)/5, seed \(session.seed), \(mode.rawValue) mode)"))
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
    say("")
  }

  private func printCustomer(_ text: String) {
    let name = clean(session.scenario.customer.name.split(separator: " ").first.map(String.init) ?? "Customer")
    say(wrap(text, lead: style.bold(style.magenta(name + ": ")), leadWidth: name.count + 2))
  }

  private func printStatus() {
    let state = session.state
    let line = "  " + style.moodMeter(state.mood) + style.dim("  · step: ") + style.bold(state.step.title)
      + style.dim("  · patience \(max(0, state.patience))")
    say(line)
  }

  // MARK: - Slash commands

  private mutating func command(_ line: String) {
    let word = line.split(separator: " ").first.map(String.init) ?? line
    switch word {
    case "/help":
      say(style.bold("Commands:"))
      for (name, text) in PracticeRunner.help {
        say("  " + style.cyan(name.padded(to: 12)) + text)
      }
    case "/hint":
      say(wrap(hint(), lead: style.bold("hint: ")))
    case "/score":
      if let judgement = lastJudgement {
        say(ScoreReport(style: style, width: width).render(judgement.assessment))
      } else {
        say("No reply yet: type one, then /score shows how it was read.")
      }
    case "/why":
      say(why())
    case "/transcript":
      say(transcriptText())
    case "/restart":
      session.restart()
      lastJudgement = nil
      say(style.dim("Starting again from the top."))
      printCustomer(session.opening)
      printStatus()
    case "/quit", "/exit":
      session.abandon()
    default:
      let known = PracticeRunner.help.map(\.0)
      var message = "Unknown command \(clean(word))."
      if let match = Suggestions.closest(to: word, in: known) { message += " Did you mean \(match)?" }
      say(message + " Type /help for the list.")
    }
  }

  static let help: [(String, String)] = [
    ("/help", "this list"),
    ("/hint", "what the current step needs now"),
    ("/score", "how your last reply was read, with the evidence"),
    ("/why", "why the customer reacted as they did"),
    ("/transcript", "the conversation so far"),
    ("/restart", "start the scenario again"),
    ("/quit", "end the session and see the debrief"),
  ]

  private func hint() -> String {
    let state = session.state
    var text = session.method.guide(state.step).hint
    if state.step == .understand {
      let missing = session.scenario.facts.filter { $0.required && !state.factsKnown.contains($0.id) }.count
      if missing > 0 {
        text += " There \(missing == 1 ? "is" : "are") still \(missing) thing\(missing == 1 ? "" : "s") you don't know about what is at stake."
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
    var lines = ["Turn \(turn.number): mood \(turn.moodBefore) → \(turn.moodAfter)."]
    for change in turn.moodChanges {
      let sign = change.delta > 0 ? "+\(change.delta)" : String(change.delta)
      lines.append("  \(sign.padded(to: 3)) \(clean(change.reason))")
    }
    if turn.moodChanges.isEmpty { lines.append("  Nothing in that reply moved their mood.") }
    if turn.wasPoor { lines.append("  That reply cost patience: it did nothing for \(turn.stepBefore.title).") }
    let events = turn.events.filter { if case .reachedStep = $0 { false } else { true } }
    if !events.isEmpty { lines.append("  What happened: " + events.map(\.description).joined(separator: ", ")) }
    if turn.stepAfter != turn.stepBefore { lines.append("  You moved on to \(turn.stepAfter.title).") }
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
    let record = SessionRecord(session: session, mode: mode.rawValue, started: started, ended: WallClock.iso8601())
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
