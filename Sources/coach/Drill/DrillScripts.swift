import ArgumentParser
import CoachKit

/// The scripts a drill needs: the curriculum, checked, and the scenarios it names.
struct DrillScripts {
  let curriculum: Curriculum
  /// The scenario scripts on the search path, by scenario id.
  let scenarios: [String: Script]

  /// Loads the curriculum named by `reference` (an id on the search path, or a path) and checks
  /// its scenario ids against the scenarios found; prints diagnostics and fails on errors.
  init(_ reference: String, catalog: ScriptCatalog) throws {
    var scenarios: [String: Script] = [:]
    for script in catalog.scripts(of: .scenario) {
      if let scenario = script.scenario, scenarios[scenario.id] == nil {
        scenarios[scenario.id] = script
      }
    }
    let script: Script
    if reference.hasSuffix(".yaml") || reference.contains("/") {
      script = ScriptLoader.load(try ScriptFiles.read(reference))
    } else {
      let curricula = catalog.scripts(of: .curriculum)
      guard let found = curricula.first(where: { Self.id(of: $0) == reference }) else {
        let ids = curricula.compactMap(Self.id(of:))
        var message = "no curriculum `\(TerminalSafe.clean(reference, keepNewlines: false))` found"
        if let match = Suggestions.closest(to: reference, in: ids) {
          message += "; did you mean `\(match)`?"
        } else if !ids.isEmpty {
          message += " (curricula found: \(ids.joined(separator: ", ")))"
        }
        throw CoachError(message)
      }
      script = found
    }
    let curriculum = try catalog.require(script, as: \.curriculum, what: "curriculum")
    let diagnostics = Self.check(curriculum, scenarios: scenarios)
    if !diagnostics.isEmpty {
      let renderer = DiagnosticRenderer(color: Platform.useColor(on: 2))
      Platform.writeError(renderer.render(diagnostics, in: script.source))
      if diagnostics.hasErrors { throw ExitCode.failure }
    }
    self.curriculum = curriculum
    self.scenarios = scenarios
  }

  /// The cross-file checks of a curriculum: its scenario ids against the scenario scripts found
  /// (`C010` unknown id, `C011` falling difficulty). `coach lint` can run the same.
  static func check(_ curriculum: Curriculum, scenarios: [String: Script]) -> [Diagnostic] {
    var available: [String: Int] = [:]
    for (id, script) in scenarios { available[id] = script.scenario?.difficulty }
    return curriculum.checkScenarios(available: available)
  }

  /// Every scenario's title by id, for display.
  var titles: [String: String] { scenarios.compactMapValues { $0.scenario?.title } }

  private static func id(of script: Script) -> String? {
    guard case .curriculum(let curriculum)? = script.content else { return nil }
    return curriculum.id
  }
}
