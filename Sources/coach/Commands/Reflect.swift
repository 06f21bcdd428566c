import ArgumentParser
import CoachKit

/// `coach reflect`: the left-hand-column exercise (Fred Kofman), then its part two: the
/// assumptions in the left column, the customer's left column, and a follow-up plan.
struct Reflect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reflect",
    abstract: "The left-hand-column exercise: what was said, what you thought, and a follow-up plan.",
    discussion: """
      Guided step by step: the right-hand column (what was said) is typed exchange by exchange, \
      or taken from a saved practice session (--from PATH, --last); then, for each exchange, \
      what you thought but did not say. Part two marks the assumptions in your thoughts, asks you \
      to imagine the customer's left-hand column, and builds a plan for the follow-up \
      conversation. The result is saved as Markdown under $XDG_DATA_HOME/coach/reflections \
      (mode 0600) and nothing leaves this machine.

      With piped input the answers are read line by line in this order: (without --from/--last) \
      customer line, your line, … and an empty line; one thought per exchange; the customer's \
      imagined thoughts, one per line, and an empty line; your goal; your barrier. End of input \
      or Ctrl-C saves what was typed so far.

      --thoughts FILE (one thought per line, in exchange order) runs without prompts; add --json \
      to print the analysis as JSON.
      """
  )

  @OptionGroup var session: SessionSourceOptions

  @Option(help: ArgumentHelp("Your thoughts, one per line in exchange order: no prompts.", valueName: "file"))
  var thoughts: String?

  @Flag(help: "Print the analysis as JSON (with --thoughts).")
  var json = false

  @Option(help: "Render the two columns at this width (default: the terminal's).")
  var width: Int?

  @Flag(name: .customLong("no-save"), help: "Do not save the Markdown file.")
  var noSave = false

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  @OptionGroup var scripts: ScriptOptions

  func validate() throws {
    if json, thoughts == nil { throw ValidationError("--json needs --thoughts FILE (no prompts)") }
    if let width, width < 24 || width > 1000 {
      throw ValidationError("--width must be between 24 and 1000")
    }
  }

  func run() throws {
    Signals.catchTermination(interruptEnds: !Terminal.isInteractive)
    if !noSave { _ = try SaveCheck.prepare("reflections") }
    let record = try session.record()
    let evaluator = try ScriptCatalog(scripts).evaluator()
    let detector = AssumptionDetector(evaluator: evaluator)
    var column = record.map(LeftHandColumn.init(record:)) ?? LeftHandColumn()
    let labels = LeftHandColumn.Labels(
      left: "What I thought, not said", right: "What was said",
      customer: record.map {
        TerminalSafe.clean(
          String($0.customerName.split(separator: " ").first ?? ""), keepNewlines: false)
      }
      .flatMap { $0.isEmpty ? nil : $0 } ?? "Customer",
      rep: "You")
    let agreedText = record?.agreedOffer(evaluator: evaluator)
    let view = ExerciseView(
      style: .standardOutput(disabled: noColor || json),
      width: width ?? Platform.terminalWidth())

    if let thoughts {
      column.setThoughts(try ExerciseFiles.lines(of: thoughts))
      let report = ReflectionReport(
        column: column, detector: detector, record: record, agreedText: agreedText)
      let path = noSave ? nil : try ExerciseFiles.save(report.markdown(labels: labels), in: "reflections")
      if json {
        Platform.write(report.json.serialized(pretty: true) + "\n")
        if let path { Platform.writeError("coach: saved \(ExerciseFiles.clean(path))\n") }
        return
      }
      show(report, labels: labels, view: view)
      if let path { view.say(""); view.say("Saved: " + ExerciseFiles.clean(path)) }
      return
    }

    var guide = ReflectGuide(
      reader: Terminal.makeLineReader(completions: [], historyPath: nil), view: view,
      labels: labels)
    guide.showAnalysis = { column in
      let report = ReflectionReport(column: column, detector: detector, record: record)
      view.heading("Part two: your two columns")
      view.say("")
      Platform.write(
        column.render(width: view.width, labels: labels, assumptions: report.assumptions))
      view.assumptions(report)
    }
    let answers = guide.run(column: column, fromTranscript: record != nil)
    let report = ReflectionReport(
      column: answers.column, detector: detector, record: record,
      theirThoughts: answers.theirThoughts, repGoals: answers.goals,
      repBarriers: answers.barriers, agreedText: agreedText, partial: answers.stoppedAt)
    if answers.stoppedAt == nil { view.plan(report.plan) }
    guard !noSave else { return }
    let path = try ExerciseFiles.save(report.markdown(labels: labels), in: "reflections")
    view.say("")
    if answers.stoppedAt != nil {
      view.say("Stopped early; saved what you typed so far: " + ExerciseFiles.clean(path))
    } else {
      view.say("Saved: " + ExerciseFiles.clean(path))
    }
  }

  private func show(_ report: ReflectionReport, labels: LeftHandColumn.Labels, view: ExerciseView) {
    Platform.write(
      report.column.render(width: view.width, labels: labels, assumptions: report.assumptions))
    view.assumptions(report)
    view.plan(report.plan)
  }
}
