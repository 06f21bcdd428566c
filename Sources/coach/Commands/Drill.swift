import ArgumentParser
import CoachKit

/// `coach drill CURRICULUM --rep NAME`: an onboarding drill, resumable across runs.
struct Drill: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drill",
    abstract: "Run an onboarding drill: scenarios in order, with pass marks.",
    discussion: """
      Shows where the rep stands, plays the next open scenario, applies the pass marks, records \
      the result and goes on to the next. Progress is kept in the results file, so a drill \
      resumes where it stopped. Through a pipe it plays until the input ends, then exits 0.
        coach drill onboarding --rep ana
        coach drill onboarding --rep ana --status
      A trainer gives a rep who is out of attempts more of them with --grant; the grant is \
      recorded in the results file of the account it is run in (the rep's), and travels in the \
      rep's export to the trainer's report:
        coach drill onboarding --rep ana --grant sla-outage --attempts 2
      """
  )

  @Argument(help: "The curriculum: an id on the script search path, or a file.")
  var curriculum: String

  @Option(help: "Who is training (default: $USER, else `me`).")
  var rep: String?

  @Option(
    parsing: .unconditional,  // `--seed -1` is refused as a value, not taken for an option
    help: "The seed for the first scenario (the next ones count up from it).")
  var seed: UInt64?

  @Flag(help: "Only show where the rep stands.")
  var status = false

  @Option(
    help: ArgumentHelp(
      "Grant the rep more attempts at this scenario of the drill (needs --rep).",
      valueName: "scenario"))
  var grant: String?

  @Option(help: "How many more attempts --grant gives (1-99).")
  var attempts = 1

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  @OptionGroup var scripts: ScriptOptions

  func validate() throws {
    if grant != nil && rep == nil {
      throw ValidationError("--grant needs --rep: whose attempts to grant")
    }
    if grant == nil && attempts != 1 { throw ValidationError("--attempts goes with --grant") }
    if !(1...AttemptGrant.maxAttempts).contains(attempts) {
      throw ValidationError("--attempts must be from 1 to \(AttemptGrant.maxAttempts)")
    }
  }

  func run() throws {
    Signals.catchTermination(interruptEnds: !Terminal.isInteractive)
    let catalog = ScriptCatalog(scripts)
    let drill = try DrillScripts(curriculum, catalog: catalog)
    let store = try ResultsStore()
    let log = try store.loadReportingWarnings()
    var records = log.records
    var grants = log.grants
    let rep = ResultsStore.repName(rep)
    let style = TerminalStyle.standardOutput(disabled: noColor)
    if let scenario = grant {
      let granted = try grantAttempts(scenario, in: drill.curriculum, rep: rep, store: store)
      grants.append(granted)
    }
    var plan = DrillPlan(curriculum: drill.curriculum, rep: rep, records: records, grants: grants)
    Platform.write(DrillView.standings(plan, titles: drill.titles, style: style))
    if status || grant != nil { return }
    // Every attempt is recorded: make sure it can be before the first reply is typed.
    let transcripts = try SaveCheck.prepare("transcripts", offersNoSave: false)
    try store.checkWritable()

    var reader = EndTrackingLineReader(Terminal.makeLineReader())
    var nextSeed = seed
    var recorded = false
    while let next = plan.next {
      let entry = next.entry
      guard let script = drill.scenarios[entry.scenario], let scenario = script.scenario else {
        throw CoachError("scenario `\(DrillView.clean(entry.scenario))` is not available")
      }
      Platform.write("\n" + DrillView.announce(next, scenario: scenario, style: style))
      if Terminal.isInteractive {
        var answer: StartAnswer?
        while answer == nil {
          switch reader.readLine(prompt: "Press Enter to start, or q to stop: ") {
          case .line(let text): answer = StartAnswer(text)
          case .interrupted(let lineWasEmpty):
            // As in a session: Ctrl-C on an empty line stops, on a typed line only clears it.
            if lineWasEmpty { answer = .stop }
          case .endOfInput: answer = .stop
          }
        }
        switch answer ?? .stop {
        case .start: break
        case .stop:
          Platform.write("Stopped. Run `\(resumeCommand(rep: rep))` to go on.\n")
          return
        case .reply(let reply):
          // A reply typed before the call started is the first reply of the call.
          reader.pending = reply
        }
      }
      if reader.inputEnded { break }
      let sessionSeed = nextSeed ?? WallClock.randomSeed()
      nextSeed = nextSeed.map { $0 &+ 1 }
      let startedAt = WallClock.seconds()
      let (played, transcriptError) = try DrillPlayer.play(
        scenario, mode: entry.mode, seed: sessionSeed, reader: &reader, style: style,
        catalog: catalog, transcripts: transcripts)
      var failures = transcriptError.map { ["the transcript: \($0)"] } ?? []
      guard ResultsStore.shouldRecord(played) else {
        // The session runner has said that nothing was recorded.
        try Practice.reportUnsaved(failures, record: played)
        break
      }
      var record = ResultsStore.record(
        of: played, rep: rep, scriptHash: ContentHash.of(script.source), startedAt: startedAt)
      let verdict = DrillPlan.verdict(for: record, entry: entry)
      record.drill = .init(
        curriculum: drill.curriculum.id, passMark: entry.passMark, passed: verdict.passed)
      do {
        try store.append(record: record)
      } catch {
        failures.append("the result: \(error)")
      }
      try Practice.reportUnsaved(failures, record: played)
      recorded = true
      records.append(record)
      Platform.write(DrillView.verdict(verdict, record: record, style: style))
      LRSDelivery.afterSession(
        record, transcript: played.exchanges.map { ($0.rep, $0.customer) }, catalog: catalog)
      plan = DrillPlan(curriculum: drill.curriculum, rep: rep, records: records, grants: grants)
      Platform.write(DrillView.overallLine(plan, style: style) + "\n")
      if reader.inputEnded || played.outcome == .abandoned { break }
    }
    if plan.next != nil {
      Platform.write(
        (recorded ? "Progress saved. " : "") + "Run `\(resumeCommand(rep: rep))` to go on.\n")
    }
  }

  /// Records a grant of ``attempts`` more attempts at `scenario` for `rep` and says so.
  func grantAttempts(
    _ scenario: String, in drill: Curriculum, rep: String, store: ResultsStore
  ) throws -> AttemptGrant {
    let clean = DrillView.clean
    guard let entry = drill.entries.first(where: { $0.scenario == scenario }) else {
      var message = "`\(clean(scenario))` is not a scenario of the `\(clean(drill.id))` drill"
      if let match = Suggestions.closest(to: scenario, in: drill.entries.map(\.scenario)) {
        message += "; did you mean `\(match)`?"
      }
      throw CoachError(message)
    }
    guard entry.maxAttempts != nil else {
      throw CoachError(
        "`\(clean(scenario))` has no attempt limit in the `\(clean(drill.id))` drill;"
          + " there is nothing to grant")
    }
    let grant = AttemptGrant(
      rep: rep, curriculum: drill.id, scenario: scenario, attempts: attempts,
      granted: WallClock.iso8601())
    try store.append(grant: grant)
    Platform.write(
      "Granted \(clean(rep)) \(attempts) more attempt\(attempts == 1 ? "" : "s") at "
        + "\(clean(scenario)).\n\n")
    return grant
  }

  /// The command that goes on with this drill for `rep`: the curriculum as it was named, the
  /// rep, and the extra script folders, quoted for a POSIX shell.
  func resumeCommand(rep: String) -> String {
    var words = ["coach", "drill", curriculum, "--rep", rep]
    for folder in scripts.directories { words += ["--scripts", folder] }
    return ShellWord.command(words.map(DrillView.clean))
  }
}

/// What the rep typed at "Press Enter to start, or q to stop".
enum StartAnswer: Equatable {
  case start
  case stop
  /// Anything else is a reply typed before the call started.
  case reply(String)

  /// The words that stop the drill, in any case.
  static let stopWords: Set<String> = ["q", "quit", "/quit", "stop", "exit", "/exit"]

  init(_ answer: String) {
    let trimmed = answer.trimmingWhitespace
    if trimmed.isEmpty {
      self = .start
    } else if Self.stopWords.contains(trimmed.lowercased()) {
      self = .stop
    } else {
      self = .reply(trimmed)
    }
  }
}
