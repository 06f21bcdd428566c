/// Checks of a scenario's id against where it lives, for `coach lint`: the file should be named
/// after the id (that is the file `coach practice ID` looks at first), and no other scenario file
/// on the script search path should use the same id (only one of them is ever played).
package enum ScenarioIdentity {
  /// W007 when the file name is not `ID.coach.yaml`; W008 for each other file with the same id.
  ///
  /// - Parameters:
  ///   - path: the scenario's file.
  ///   - others: the other files on the search path whose scenario has the same id.
  package static func check(_ scenario: Scenario, path: String, others: [String])
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let expected = scenario.id + ".coach.yaml"
    if name != expected, name.hasSuffix(".coach.yaml") {
      diagnostics.append(
        .warning(
          "W007", "scenario id `\(scenario.id)` is not the file's name, `\(name)`",
          at: scenario.span, label: "the id",
          help:
            "name the file `\(expected)`, or make the id `\(name.dropLast(".coach.yaml".count))`",
          notes: ["`coach practice \(scenario.id)` looks for `\(expected)` first"]))
    }
    for other in others {
      diagnostics.append(
        .warning(
          "W008", "scenario id `\(scenario.id)` is also used by `\(other)`", at: scenario.span,
          label: "the same id as another scenario on the search path",
          help: "give each scenario its own id: only one of them is ever played"))
    }
    return diagnostics
  }
}
