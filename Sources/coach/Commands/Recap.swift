import ArgumentParser
import CoachKit

/// `coach recap`: write (or draft) the recap message you would send after a conversation, and
/// see it scored with evidence and tips.
struct Recap: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recap",
    abstract: "Write the recap you would send after a conversation, and see it scored.",
    discussion: """
      A good recap states the agreed solution, who does what by when and the next contact, \
      thanks the customer, and neither blames nor re-argues; it is short. After a practice \
      session (--from PATH, --last) the agreed option's own phrases count as stating it.

      Type the recap at the prompt and end it with a line holding only `.` or with Ctrl-D; with \
      piped input it is read to the end. --text FILE reads it from a file. Ctrl-C on an empty \
      line or the end of input keeps what was typed. The recap and its score are saved as \
      Markdown under $XDG_DATA_HOME/coach/recaps (mode 0600).

      --draft writes a first draft from the session record (the agreed option, facts, \
      commitments with times) to edit, and saves it; score the edited file with --text.
      """
  )

  @OptionGroup var session: SessionSourceOptions

  @Option(help: ArgumentHelp("Read the recap from a file (`-` for standard input).", valueName: "file"))
  var text: String?

  @Flag(help: "Write a recap draft from the session record instead of scoring one.")
  var draft = false

  @Flag(help: "Print the score as JSON: {\"score\", \"checks\", \"tips\"}.")
  var json = false

  @Flag(name: .customLong("no-save"), help: "Do not save the Markdown file.")
  var noSave = false

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  @OptionGroup var scripts: ScriptOptions

  func validate() throws {
    if draft, !session.isGiven { throw ValidationError("--draft needs a session: --from PATH or --last") }
    if draft, text != nil { throw ValidationError("use either --draft or --text, not both") }
  }

  func run() throws {
    Signals.catchTermination(interruptEnds: !Terminal.isInteractive)
    if !noSave { _ = try SaveCheck.prepare("recaps") }
    let record = try session.record()
    let catalog = ScriptCatalog(scripts)
    let evaluator = try catalog.evaluator()
    let checker = RecapChecker(evaluator: evaluator)
    let view = ExerciseView(
      style: .standardOutput(disabled: noColor || json), width: Platform.terminalWidth())

    if draft, let record {
      let text = RecapDraft.text(record: record, evaluator: evaluator, phrases: checker.draftPhrases)
      let path = noSave ? nil : try ExerciseFiles.save(text, in: "recaps")
      if json {
        let result = checker.check(text, agreedPhrases: agreedPhrases(record, catalog))
        Platform.write(
          JSONValue.object([("draft", .string(text)), ("score", result.json)]).serialized(pretty: true) + "\n")
      } else {
        Platform.write(TerminalSafe.clean(text))
        if let path {
          view.say("")
          view.note("Draft saved; edit it, then score it with: coach recap --text " + ExerciseFiles.clean(path))
        }
      }
      return
    }

    var recap: String
    var stopped = false
    if let file = text {
      recap = try ExerciseFiles.text(of: file)
    } else {
      (recap, stopped) = read(view: view, quiet: json)
    }
    let phrases = record.map { agreedPhrases($0, catalog) } ?? []
    let result = checker.check(recap, agreedPhrases: phrases)
    let path = noSave ? nil : try ExerciseFiles.save(markdown(recap, result, record), in: "recaps")
    if json {
      Platform.write(result.json.serialized(pretty: true) + "\n")
      if let path { Platform.writeError("coach: saved \(ExerciseFiles.clean(path))\n") }
      return
    }
    show(result, view: view)
    if let path {
      view.say("")
      view.say((stopped ? "Kept what you typed; saved: " : "Saved: ") + ExerciseFiles.clean(path))
    }
  }

  /// The recap typed at the prompt (or piped): lines until `.`, end of input or Ctrl-C.
  private func read(view: ExerciseView, quiet: Bool) -> (String, Bool) {
    let interactive = Terminal.isInteractive
    if !quiet, interactive {
      view.say("")
      view.say(view.style.bold("Your written recap"))
      view.note(
        "Write the message you would send the customer now. End with a line holding only `.` "
          + "(or Ctrl-D).")
    }
    var reader = Terminal.makeLineReader(completions: [], historyPath: nil)
    var lines: [String] = []
    var stopped = false
    loop: while true {
      switch reader.readLine(prompt: interactive ? "recap> " : "") {
      case .line(let line):
        if line.trimmingWhitespace == "." { break loop }
        lines.append(line)
      case .endOfInput:
        stopped = interactive
        break loop
      case .interrupted(let lineWasEmpty):
        if lineWasEmpty {
          stopped = true
          break loop
        }
      }
    }
    return (lines.joined(separator: "\n"), stopped)
  }

  /// The `offered-by` phrases of the option agreed in `record`, if its scenario can be found.
  private func agreedPhrases(_ record: SessionRecord, _ catalog: ScriptCatalog) -> [String] {
    guard let agreed = record.agreed,
      let scenario = try? catalog.scenario(record.scenarioID),
      let option = scenario.options.first(where: { $0.id == agreed.id })
    else { return [] }
    return option.offeredBy.map(\.text)
  }

  private func show(_ result: RecapResult, view: ExerciseView) {
    let style = view.style
    view.heading("Recap score: \(Int((result.score * 100).rounded()))/100  (\(result.words) words)")
    for check in result.checks {
      let mark = check.value >= 1 ? style.green("✓") : check.value > 0 ? style.yellow("½") : style.red("✗")
      view.say("  \(mark) " + check.title)
      var shown: [String] = []
      for item in check.evidence where !shown.contains(item.evidence.text.lowercased()) {
        shown.append(item.evidence.text.lowercased())
        if shown.count > 3 { break }
        var line = "“\(item.evidence.text)”"
        if let rewrite = item.evidence.rewrite { line += " → try: “\(rewrite)”" }
        view.say(style.dim(view.wrapped(line, lead: "      ")))
      }
    }
    if !result.tips.isEmpty {
      view.heading("Tips")
      for tip in result.tips { view.say(view.wrapped(tip, lead: "  - ")) }
    }
  }

  private func markdown(_ recap: String, _ result: RecapResult, _ record: SessionRecord?) -> String {
    var out = "# Recap\n\n"
    if let record {
      out += "- Scenario: `\(LeftHandColumn.cell(record.scenarioID))` — \(LeftHandColumn.cell(record.scenarioTitle))\n"
    }
    out += "- Score: **\(Int((result.score * 100).rounded()))/100** (\(result.words) words)\n\n"
    out += "## The message\n\n"
    for line in TerminalSafe.clean(recap).split(separator: "\n", omittingEmptySubsequences: false) {
      out += "> " + line + "\n"
    }
    out += "\n## Checks\n\n| check | result | evidence |\n| --- | --- | --- |\n"
    for check in result.checks {
      let value = check.value >= 1 ? "passed" : check.value > 0 ? "half" : "missing"
      let evidence = check.evidence.map { "“" + LeftHandColumn.cell($0.evidence.text) + "”" }
        .joined(separator: ", ")
      out += "| \(LeftHandColumn.cell(check.title)) | \(value) | \(evidence) |\n"
    }
    if !result.tips.isEmpty {
      out += "\n## Tips\n\n"
      for tip in result.tips { out += "- \(LeftHandColumn.cell(tip))\n" }
    }
    return out
  }
}
