import ArgumentParser
import CoachKit

/// `coach drill CURRICULUM --rep NAME`: an onboarding drill, resumable across runs.
struct Drill: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drill",
    abstract: "Run an onboarding drill: scenarios in order, with pass marks.",
    discussion: """
      Shows where the rep stands, plays the next open scenario, applies the pass marks, records
      the result and goes on to the next. Progress is kept in the results file, so a drill
      resumes where it stopped. Through a pipe it plays until the input ends, then exits 0.
        coach drill onboarding --rep ana
        coach drill onboarding --rep ana --status
      """
  )

  @Argument(help: "The curriculum: an id on the script search path, or a file.")
  var curriculum: String

  @Option(help: "Who is training (default: $USER, else `me`).")
  var rep: String?

  @Option(help: "The seed for the first scenario (the next ones count up from it).")
  var seed: UInt64?

  @Flag(help: "Only show where the rep stands.")
  var status = false

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  @OptionGroup var scripts: ScriptOptions

  func run() throws {
    let catalog = ScriptCatalog(scripts)
    let drill = try DrillScripts(curriculum, catalog: catalog)
    let store = try ResultsStore()
    var records = try store.loadReportingWarnings()
    let rep = ResultsStore.repName(rep)
    let style = TerminalStyle.standardOutput(disabled: noColor)
    var plan = DrillPlan(curriculum: drill.curriculum, rep: rep, records: records)
    Platform.write(DrillView.standings(plan, titles: drill.titles, style: style))
    if status { return }

    var reader = EndTrackingLineReader(Terminal.makeLineReader())
    var nextSeed = seed
    while let next = plan.next {
      let entry = next.entry
      guard let script = drill.scenarios[entry.scenario], let scenario = script.scenario else {
        throw CoachError("scenario `\(DrillView.clean(entry.scenario))` is not available")
      }
      Platform.write("\n" + DrillView.announce(next, scenario: scenario, style: style))
      if Terminal.isInteractive {
        if case .line(let answer) = reader.readLine(prompt: "Press Enter to start, or q to stop: "),
          answer.lowercased().hasPrefix("q")
        {
          Platform.write(
            "Stopped. Run `coach drill \(DrillView.clean(drill.curriculum.id))` to go on.\n")
          return
        }
      }
      if reader.inputEnded { break }
      let sessionSeed = nextSeed ?? WallClock.randomSeed()
      nextSeed = nextSeed.map { $0 &+ 1 }
      let startedAt = WallClock.seconds()
      let played = try DrillPlayer.play(
        scenario, mode: entry.mode, seed: sessionSeed, reader: &reader, style: style,
        catalog: catalog)
      guard ResultsStore.shouldRecord(played) else {
        Platform.write("Nothing was said, so nothing was recorded.\n")
        break
      }
      var record = ResultsStore.record(
        of: played, rep: rep, scriptHash: ContentHash.of(script.source), startedAt: startedAt)
      let verdict = DrillPlan.verdict(for: record, entry: entry)
      record.drill = .init(
        curriculum: drill.curriculum.id, passMark: entry.passMark, passed: verdict.passed)
      try store.append(record: record)
      records.append(record)
      Platform.write(DrillView.verdict(verdict, record: record, style: style))
      plan = DrillPlan(curriculum: drill.curriculum, rep: rep, records: records)
      Platform.write(DrillView.overallLine(plan, style: style) + "\n")
      if reader.inputEnded || played.outcome == .abandoned { break }
    }
    if plan.next != nil {
      Platform.write(
        "Progress saved. Run `coach drill \(DrillView.clean(drill.curriculum.id)) --rep "
          + "\(DrillView.clean(rep))` to go on.\n")
    }
  }
}
