import ArgumentParser
import CoachKit

/// `coach progress`: a rep's history in the terminal.
struct Progress: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress",
    abstract: "Show a rep's progress: step trends, best and worst scenarios, habits, what next.",
    discussion: "Reads the results file in the coach data folder."
  )

  @Option(help: "Whose progress (default: $USER, else `me`).")
  var rep: String?

  @OptionGroup var scripts: ScriptOptions

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  func run() throws {
    let rep = ResultsStore.repName(rep)
    let log = try ResultsStore().loadReportingWarnings()
    let records = log.records
    let catalog = ScriptCatalog(scripts)
    var available: [String: Int] = [:]
    for script in catalog.scripts(of: .scenario) {
      if let scenario = script.scenario { available[scenario.id] = scenario.difficulty }
    }
    let drills = Set(records.filter { $0.rep == rep }.compactMap { $0.drill?.curriculum })
    let plans = catalog.scripts(of: .curriculum).compactMap(\.curriculum)
      .filter { drills.contains($0.id) }
      .map { DrillPlan(curriculum: $0, rep: rep, records: records, grants: log.grants) }
    let summary = ProgressSummary(rep: rep, records: records, available: available, plans: plans)
    let view = ProgressView(
      style: .standardOutput(disabled: noColor), width: Platform.terminalWidth())
    Platform.write(view.render(summary, plans: plans))
  }
}
