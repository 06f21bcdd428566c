import ArgumentParser
import CoachKit

/// `coach list`: the scenarios found on the script search path.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the scenarios found, with title, difficulty and tags.",
    discussion: """
      Scenarios are read from --scripts DIR, then $COACH_SCRIPTS (folders separated by ':'), then \
      the bundled Scripts folder. A script with errors is listed with a note; run `coach lint` on \
      it to see them.
      """
  )

  @OptionGroup var scripts: ScriptOptions

  @Flag(help: "Print a JSON array of {id, title, difficulty, tags} objects.")
  var json = false

  func run() throws {
    let catalog = ScriptCatalog(scripts)
    var rows: [(id: String, title: String, difficulty: Int, tags: [String], path: String)] = []
    var broken: [String] = []
    for script in catalog.scripts(of: .scenario) {
      if let scenario = script.scenario {
        rows.append(
          (scenario.id, scenario.title, scenario.difficulty, scenario.tags, script.source.path))
      } else {
        broken.append(script.source.path)
      }
    }
    rows.sort { ($0.difficulty, $0.id) < ($1.difficulty, $1.id) }
    for warning in catalog.duplicateScenarioWarnings() {
      Platform.writeError("coach: warning: \(warning)\n")
    }
    if json {
      let array = JSONValue.array(
        rows.map { row in
          .object([
            ("id", .string(row.id)), ("title", .string(row.title)),
            ("difficulty", .int(row.difficulty)), ("tags", .array(row.tags.map { .string($0) })),
          ])
        })
      Platform.write(array.serialized(pretty: true) + "\n")
      return
    }
    if rows.isEmpty {
      Platform.write(
        "No scenarios found. Searched: "
          + TerminalSafe.clean(catalog.searchPath.joined(separator: ", "), keepNewlines: false)
          + "\n")
    }
    let idWidth = min(28, rows.map(\.id.count).max() ?? 2)
    let width = Platform.terminalWidth()
    for row in rows {
      let stars =
        String(repeating: "●", count: row.difficulty)
        + String(repeating: "○", count: 5 - row.difficulty)
      var line =
        TerminalSafe.clean(row.id, keepNewlines: false).padded(to: idWidth) + "  " + stars + "  "
        + TerminalSafe.clean(row.title, keepNewlines: false)
      if !row.tags.isEmpty {
        line +=
          "  ["
          + row.tags.map { TerminalSafe.clean($0, keepNewlines: false) }.joined(separator: ", ")
          + "]"
      }
      if DisplayWidth.of(line) > width { line = String(line.prefix(max(10, width - 1))) + "…" }
      Platform.write(line + "\n")
    }
    for path in broken {
      Platform.writeError(
        "coach: warning: `\(TerminalSafe.clean(path, keepNewlines: false))` has errors; run `coach lint` on it\n"
      )
    }
  }
}

extension String {
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
