import ArgumentParser
import CoachKit

/// Where to look for scripts: `--scripts DIR` (repeatable), `$COACH_SCRIPTS` (a `:`-separated
/// list) and the bundled `Scripts` folder, in that order.
struct ScriptOptions: ParsableArguments {
  @Option(
    name: .customLong("scripts"),
    help: ArgumentHelp("A folder of extra scripts (repeatable).", valueName: "dir"))
  var directories: [String] = []

  /// The folders to search, most specific first.
  var searchPath: [String] {
    var result = directories
    if let env = Platform.environment("COACH_SCRIPTS") {
      result += env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }
    if let bundled = ScriptFiles.bundledDirectory() { result.append(bundled) }
    return result
  }
}

/// The scripts found on the search path, loaded on demand.
///
/// A file's kind is told from its first key without parsing the whole file, and each file is
/// loaded at most once, so starting a session reads only the scripts it needs.
final class ScriptCatalog {
  let searchPath: [String]
  private var loaded: [String: Script] = [:]
  private var fileList: [String]?

  init(_ options: ScriptOptions) {
    searchPath = options.searchPath
  }

  /// Every `*.coach.yaml` file on the search path (first occurrence of a file name wins).
  func files() -> [String] {
    if let fileList { return fileList }
    var seen: Set<String> = []
    var result: [String] = []
    for directory in searchPath where ScriptFiles.isDirectory(directory) {
      for path in ScriptFiles.scripts(in: directory) {
        let name = String(path.split(separator: "/").last ?? "")
        if seen.insert(name).inserted { result.append(path) }
      }
    }
    fileList = result
    return result
  }

  /// The script at `path`, parsed and decoded once.
  func load(_ path: String) throws -> Script {
    if let script = loaded[path] { return script }
    let script = ScriptLoader.load(try ScriptFiles.read(path))
    loaded[path] = script
    return script
  }

  /// Every script on the search path of one kind, loaded (files that fail to read are skipped).
  func scripts(of kind: Script.Kind) -> [Script] {
    files().compactMap { path in
      guard ScriptKindSniffer.kind(ofFile: path) == kind, let script = try? load(path) else {
        return nil
      }
      return script.kind == kind ? script : nil
    }
  }

  /// The scenario named by `reference`: a path to a file, or an id on the search path.
  func scenario(_ reference: String) throws -> Scenario {
    let script: Script
    if reference.hasSuffix(".yaml") || reference.contains("/") {
      script = try load(reference)
    } else if let script = conventionalFile(for: reference), script.scenario?.id == reference {
      // Scenario files are named after their id: try that file before loading every scenario.
      return try require(script, as: \.scenario, what: "scenario")
    } else {
      let scenarios = scripts(of: .scenario)
      guard
        let found = scenarios.first(where: { $0.scenario?.id == reference || idOf($0) == reference }
        )
      else {
        let ids = scenarios.compactMap { $0.scenario?.id }
        var message = "no scenario `\(TerminalSafe.clean(reference, keepNewlines: false))` found"
        if let match = Suggestions.closest(to: reference, in: ids) {
          message += "; did you mean `\(match)`?"
        } else {
          message += " (try `coach list`)"
        }
        throw CoachError(message)
      }
      script = found
    }
    return try require(script, as: \.scenario, what: "scenario")
  }

  /// The file named `ID.coach.yaml` on the search path, loaded, if there is one.
  private func conventionalFile(for id: String) -> Script? {
    let name = "/" + id + ".coach.yaml"
    guard let path = files().first(where: { $0.hasSuffix(name) }) else { return nil }
    return try? load(path)
  }

  /// The coaching method (the first `method:` script on the search path).
  func method() throws -> Method {
    guard let script = scripts(of: .method).first else {
      throw CoachError("no method script found on the script search path")
    }
    return try require(script, as: \.method, what: "method")
  }

  /// The evaluator built from the first `lexicon:` script on the search path.
  func evaluator() throws -> Evaluator {
    Evaluator(lexicon: try lexicon())
  }

  /// The first `lexicon:` script on the search path, decoded (not compiled).
  func lexicon() throws -> Lexicon {
    guard let script = scripts(of: .lexicon).first else {
      throw CoachError("no lexicon script found on the script search path")
    }
    return try require(script, as: \.lexicon, what: "lexicon")
  }

  private func idOf(_ script: Script) -> String? {
    guard case .scenario(let scenario)? = script.content else { return nil }
    return scenario.id
  }

  /// The decoded content, or the script's diagnostics printed and an error.
  func require<T>(_ script: Script, as path: KeyPath<Script, T?>, what: String) throws -> T {
    if let value = script[keyPath: path] { return value }
    if script.diagnostics.hasErrors {
      let renderer = DiagnosticRenderer(color: Platform.useColor(on: 2))
      Platform.writeError(
        renderer.render(script.diagnostics.filter { $0.severity == .error }, in: script.source))
      throw ExitCode.failure
    }
    throw CoachError(
      "`\(TerminalSafe.clean(script.source.path, keepNewlines: false))` is not a \(what) script")
  }
}
