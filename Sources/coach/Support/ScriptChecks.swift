import CoachKit

/// Every check `coach lint` runs on one file: parsing, decoding and validation, then the checks
/// that need other scripts. A scenario gets the authoring smells that need the evaluator (built
/// from the lexicon on the script search path); a curriculum has its scenario ids checked against
/// the scenarios on the search path (`--scripts`, `$COACH_SCRIPTS` and the bundled folder).
enum ScriptChecks {
  /// What the cross-script checks need, loaded once per run.
  struct Context: Sendable {
    var evaluator: Evaluator?
    /// The scenarios found, id → difficulty.
    var scenarios: [String: Int]
    /// The scenario files found, id → paths (several when an id is used twice).
    var scenarioFiles: [String: [String]] = [:]
    /// Everyday phrases a cue should not match, from the first folder on the search path that
    /// has the file.
    var everydayPhrases: [(word: String, phrases: [String])] = []
  }

  /// The context for the scripts found with `options`.
  static func context(_ options: ScriptOptions) -> Context {
    let catalog = ScriptCatalog(options)
    var scenarios: [String: Int] = [:]
    var files: [String: [String]] = [:]
    for script in catalog.scripts(of: .scenario) {
      if let scenario = script.scenario, scenarios[scenario.id] == nil {
        scenarios[scenario.id] = scenario.difficulty
      }
      if let scenario = script.scenario {
        files[scenario.id, default: []].append(script.source.path)
      }
    }
    for (path, _) in catalog.hidden {
      if let header = ScriptKindSniffer.header(ofFile: path), header.kind == .scenario {
        files[header.id, default: []].append(path)
      }
    }
    var everyday: [(word: String, phrases: [String])] = []
    for folder in options.searchPath {
      let path = folder + "/" + AuthoringSmells.everydayPhrasesPath
      guard let source = try? ScriptFiles.read(path) else { continue }
      let (phrases, diagnostics) = AuthoringSmells.everydayPhrases(from: source)
      if !diagnostics.isEmpty {
        Platform.writeError(DiagnosticRenderer(color: false).render(diagnostics, in: source))
      }
      everyday = phrases
      break
    }
    return Context(
      evaluator: try? catalog.evaluator(), scenarios: scenarios, scenarioFiles: files,
      everydayPhrases: everyday)
  }

  static func diagnostics(for source: SourceFile, context: Context) -> [Diagnostic] {
    let script = ScriptLoader.load(source, smells: true)
    guard !script.diagnostics.hasErrors else { return script.diagnostics }
    var diagnostics = script.diagnostics
    switch script.content {
    case .scenario(let scenario)?:
      if let evaluator = context.evaluator {
        diagnostics += AuthoringSmells.check(
          scenario, evaluator: evaluator, everydayPhrases: context.everydayPhrases)
      }
      let here = ScriptFiles.canonical(source.path)
      let others = (context.scenarioFiles[scenario.id] ?? []).filter {
        ScriptFiles.canonical($0) != here
      }
      diagnostics += ScenarioIdentity.check(scenario, path: source.path, others: others)
    case .curriculum(let curriculum)?:
      diagnostics += curriculum.checkScenarios(available: context.scenarios)
    default:
      break
    }
    return diagnostics.sortedBySource()
  }
}
