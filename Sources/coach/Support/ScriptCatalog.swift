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
    if let env = Platform.pathEnvironment("COACH_SCRIPTS") {
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
    var seen: [String: String] = [:]
    var result: [String] = []
    for directory in searchPath where ScriptFiles.isDirectory(directory) {
      for path in ScriptFiles.scripts(in: directory) {
        let name = String(path.split(separator: "/").last ?? "")
        if let first = seen[name] {
          hidden.append((path, by: first))
        } else {
          seen[name] = path
          result.append(path)
        }
      }
    }
    fileList = result
    return result
  }

  /// Files that a file of the same name earlier on the search path hides.
  private(set) var hidden: [(path: String, by: String)] = []

  /// The scenario files on the search path that say `scenario: ID`, in search order, the ones a
  /// same-named file hides included. Each file's first line is read, not the whole file.
  func scenarioFiles(declaring id: String) -> [String] {
    let candidates = files() + hidden.map(\.path)
    return candidates.filter { path in
      guard let header = ScriptKindSniffer.header(ofFile: path) else { return false }
      return header.kind == .scenario && header.id == id
    }
  }

  /// A warning for each scenario id that more than one file on the search path uses: `coach`
  /// plays the first, and the others are never played.
  func duplicateScenarioWarnings() -> [String] {
    var byID: [String: [String]] = [:]
    var order: [String] = []
    for path in files() + hidden.map(\.path) {
      guard let header = ScriptKindSniffer.header(ofFile: path), header.kind == .scenario else {
        continue
      }
      if byID[header.id] == nil { order.append(header.id) }
      byID[header.id, default: []].append(path)
    }
    return order.compactMap { id in
      guard let paths = byID[id], paths.count > 1 else { return nil }
      return Self.duplicateWarning(id: id, paths: playedFirst(paths, id: id))
    }
  }

  /// `paths` with the one `coach practice ID` plays first: the file named `ID.coach.yaml` that is
  /// not hidden, else the first in search order (as ``scenario(_:)`` finds it).
  private func playedFirst(_ paths: [String], id: String) -> [String] {
    let hiddenPaths = Set(hidden.map(\.path))
    guard
      let named = paths.firstIndex(where: {
        $0.hasSuffix("/" + id + ".coach.yaml") && !hiddenPaths.contains($0)
      })
    else { return paths }
    var ordered = paths
    ordered.insert(ordered.remove(at: named), at: 0)
    return ordered
  }

  /// "scenario `ID` is in several files: `A` (played), `B`".
  static func duplicateWarning(id: String, paths: [String]) -> String {
    let clean = { (text: String) in TerminalSafe.clean(text, keepNewlines: false) }
    let others = paths.dropFirst().map { "`\(clean($0))`" }.joined(separator: ", ")
    return "scenario `\(clean(id))` is in \(paths.count) files: `\(clean(paths[0]))` is played, "
      + "not \(others); give each scenario its own id"
  }

  /// Warns on standard error when a scenario id played by id is in more than one file. Only with
  /// folders beside the bundled one: the bundled scripts' ids are checked by their tests.
  func warnIfDuplicated(_ id: String) {
    guard searchPath.count > 1 else { return }
    let paths = scenarioFiles(declaring: id)
    if paths.count > 1 {
      let warning = Self.duplicateWarning(id: id, paths: playedFirst(paths, id: id))
      Platform.writeError("coach: warning: \(warning)\n")
    }
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
      warnIfDuplicated(reference)
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
      warnIfDuplicated(reference)
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
