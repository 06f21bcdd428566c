import ArgumentParser
import CoachKit

/// `coach practice [SCENARIO]`: role-play a scenario at the terminal.
struct Practice: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practice",
    abstract: "Role-play a scenario: an upset customer, your replies, live coaching, a debrief.",
    discussion: """
      SCENARIO is a scenario id (see `coach list`) or a path to a .coach.yaml file; without it, \
      the default scenario is played. Inside the session, lines starting with / are commands: \
      /help, /hint, /score, /why, /transcript, /restart, /quit (Tab completes them). A command \
      word typed alone without its slash (hint, quit, ...) is asked about at a terminal (Enter \
      runs the command; the same word again is sent as the reply); on piped input it is sent to \
      the customer as it is, with a note on standard error. Ctrl-C cancels the line you are \
      typing; Ctrl-C twice on an empty line, or Ctrl-D, ends the session with the debrief. \
      Transcripts are saved under $XDG_DATA_HOME/coach/transcripts.
      """
  )

  /// The scenario played when none is named.
  static let defaultScenario = "late-delivery"

  @Argument(help: "A scenario id or a path to a scenario script.")
  var scenario: String?

  @Option(
    parsing: .unconditional,  // `--seed -1` is refused as a value, not taken for an option
    help: "Seed for the customer's choice of words; the same seed replays the same way.")
  var seed: UInt64?

  @Option(help: "practice: a coach note after every reply; exam: notes only in the debrief.")
  var mode: PracticeRunner.Mode = .practice

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  @Flag(name: .customLong("no-save"), help: "Save neither the transcript nor the result.")
  var noSave = false

  @Option(help: "Your name for the results history (default: $USER).")
  var rep: String?

  @OptionGroup var scripts: ScriptOptions

  func run() throws {
    Signals.catchTermination(interruptEnds: !Terminal.isInteractive)
    let catalog = ScriptCatalog(scripts)
    let scenario = try catalog.scenario(self.scenario ?? Self.defaultScenario)
    let method = try catalog.method()
    let session = Session(scenario: scenario, method: method, seed: seed ?? WallClock.randomSeed())
    // Whatever will be saved must be savable before the first reply is typed.
    var transcripts: String?
    var store: ResultsStore?
    if !noSave {
      transcripts = try SaveCheck.prepare("transcripts")
      store = try ResultsStore()
      try store?.checkWritable()
    }
    // The lexicon is read once the opening line is on screen, and compiled on the first reply.
    var runner = PracticeRunner(
      session: session, lexicon: catalog.lexicon,
      judge: { ScenarioJudge(evaluator: Evaluator(lexicon: $0), scenario: scenario) }, mode: mode,
      reader: Terminal.makeLineReader(),
      style: .standardOutput(disabled: noColor), width: Platform.terminalWidth(),
      transcriptDirectory: transcripts)
    let startedAt = WallClock.seconds()
    let record = try runner.run()
    var failures: [String] = []
    if let error = runner.transcriptError { failures.append("the transcript: \(error)") }
    if let store, ResultsStore.shouldRecord(record) {
      do {
        let hash = ResultsStore.scriptHash(
          of: scenario, reference: self.scenario ?? Self.defaultScenario, in: catalog)
        let result = ResultsStore.record(
          of: record, rep: ResultsStore.repName(rep), scriptHash: hash, startedAt: startedAt)
        try store.append(record: result)
        LRSDelivery.afterSession(
          result, transcript: record.exchanges.map { ($0.rep, $0.customer) }, catalog: catalog)
      } catch {
        failures.append("the result: \(error)")
      }
    }
    try Self.reportUnsaved(failures, record: record)
  }

  /// When part of a finished session could not be saved: says so on standard error, prints the
  /// transcript on standard output so it can still be recovered, and fails (exit 1).
  static func reportUnsaved(_ failures: [String], record: SessionRecord) throws {
    guard !failures.isEmpty else { return }
    for failure in failures {
      Platform.writeError("coach: error: could not save \(failure)\n")
    }
    Platform.writeError("coach: the transcript follows on standard output, to keep by hand\n")
    Platform.write("\n" + record.markdown)
    Platform.flush()
    throw ExitCode.failure
  }
}

extension PracticeRunner.Mode: ExpressibleByArgument {}
