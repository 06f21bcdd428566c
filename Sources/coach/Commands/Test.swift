import ArgumentParser
import CoachKit

/// `coach test [PATH…]`: run the tests written inside scenario scripts.
struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run the tests written inside scenario scripts.",
    discussion: """
      Each PATH is a script or a folder of scripts (default: the bundled Scripts folder). \
      Conversation tests play their replies through the engine with the test's seed; reply tests \
      check what the evaluator finds in one reply. Prints each failure with the test's \
      file:line, then `N passed, N failed`; exits 1 when any test fails. --coverage lists, per \
      script, the facts, options, rules, lines, steps and end states no test reaches.
      """
  )

  @Argument(help: "Script files or folders (default: the bundled scripts).")
  var paths: [String] = []

  @Flag(help: "Show which parts of each script no test reaches.")
  var coverage = false

  @Flag(name: .customLong("verbose"), help: "Show the conversation of each failing test.")
  var verbose = false

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  @OptionGroup var scripts: ScriptOptions

  func run() throws {
    let catalog = ScriptCatalog(scripts)
    let style = TerminalStyle.standardOutput(disabled: noColor)
    var files: [String] = []
    let roots = paths.isEmpty ? [ScriptFiles.bundledDirectory()].compactMap { $0 } : paths
    for path in roots {
      files += ScriptFiles.isDirectory(path) ? ScriptFiles.scripts(in: path) : [path]
    }
    let method = try catalog.method()
    let evaluator = try catalog.evaluator()
    var passed = 0
    var failed = 0
    for path in files {
      let source: SourceFile
      do {
        source = try ScriptFiles.read(path)
      } catch {
        Platform.writeError("coach: error: \(error)\n")
        failed += 1
        continue
      }
      let script = ScriptLoader.load(source)
      guard script.kind == .scenario else { continue }
      guard let scenario = script.scenario else {
        let renderer = DiagnosticRenderer(color: Platform.useColor(on: 1, disabled: noColor))
        Platform.write(
          renderer.render(script.diagnostics.filter { $0.severity == .error }, in: source))
        failed += 1
        continue
      }
      let runner = ScenarioTestRunner(
        scenario: scenario, method: method,
        judge: ScenarioJudge(evaluator: evaluator, scenario: scenario))
      let report = runner.run()
      passed += report.passed
      failed += report.failed
      let name = TerminalSafe.clean(path, keepNewlines: false)
      for result in report.results where !result.passed {
        let place = "\(name):\(result.span.start.line):\(result.span.start.column)"
        Platform.write(
          style.bold(place + ":") + " " + style.red("test failed:") + " "
            + TerminalSafe.clean(result.name, keepNewlines: false) + "\n")
        for failure in result.failures {
          Platform.write("  - " + TerminalSafe.clean(failure, keepNewlines: false) + "\n")
        }
        if verbose {
          for line in result.transcript { Platform.write("    " + TerminalSafe.clean(line) + "\n") }
        }
      }
      let status = report.failed == 0 ? style.green("ok") : style.red("FAILED")
      var line = "\(name): \(report.passed) passed, \(report.failed) failed  \(status)"
      if coverage {
        let percent = Int(report.coverage.percent.rounded(.down))
        line += "  coverage \(percent)%"
      }
      Platform.write(line + "\n")
      if coverage {
        for item in report.coverage.uncovered {
          Platform.write(
            "  \(name):\(item.span.start.line): no test reaches \(item.kind) `\(TerminalSafe.clean(item.name, keepNewlines: false))`\n"
          )
        }
      }
    }
    Platform.write("\(passed) passed, \(failed) failed\n")
    if failed > 0 { throw ExitCode.failure }
  }
}
