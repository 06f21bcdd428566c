import ArgumentParser
import CoachKit

/// `coach lint PATH…`: check scripts and report every problem.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check scripts for errors and authoring smells.",
    discussion: """
      Each PATH is a script file or a folder searched for *.coach.yaml files. Exits 0 when clean, \
      1 when any script has errors (or warnings, with --strict), 64 on a usage error.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "Script files or folders.")
  var paths: [String]

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  @OptionGroup var scripts: ScriptOptions

  func validate() throws {
    if paths.isEmpty { throw ValidationError("give at least one script file or folder") }
  }

  func run() throws {
    var files: [String] = []
    for path in paths {
      if ScriptFiles.isDirectory(path) {
        let found = ScriptFiles.scripts(in: path)
        if found.isEmpty {
          Platform.writeError(
            "coach: warning: no *.coach.yaml files in `\(TerminalSafe.clean(path, keepNewlines: false))`\n"
          )
        }
        files += found
      } else {
        files.append(path)
      }
    }
    let context = ScriptChecks.context(scripts)
    let renderer = DiagnosticRenderer(color: Platform.useColor(on: 1, disabled: noColor))
    var errors = 0
    var warnings = 0
    var unreadable = 0
    var json: [JSONValue] = []
    for path in files {
      let source: SourceFile
      do {
        source = try ScriptFiles.read(path)
      } catch {
        unreadable += 1
        Platform.writeError("coach: error: \(error)\n")
        continue
      }
      let diagnostics = ScriptChecks.diagnostics(for: source, context: context)
      errors += diagnostics.filter { $0.severity == .error }.count
      warnings += diagnostics.filter { $0.severity == .warning }.count
      switch format {
      case .text:
        if diagnostics.isEmpty {
          Platform.write(DiagnosticRenderer.summary([], path: path) + "\n")
        } else {
          Platform.write(renderer.render(diagnostics, in: source))
        }
      case .json:
        json += diagnostics.sortedBySource().map { $0.json(path: path) }
      }
    }
    if format == .json {
      let result: JSONValue = .object([
        ("files", .int(files.count)), ("errors", .int(errors)), ("warnings", .int(warnings)),
        ("diagnostics", .array(json)),
      ])
      Platform.write(result.serialized(pretty: true) + "\n")
    } else if files.count > 1 {
      Platform.write("\(files.count) files: \(errors) errors, \(warnings) warnings\n")
    }
    if errors > 0 || unreadable > 0 || (strict && warnings > 0) { throw ExitCode.failure }
  }
}
