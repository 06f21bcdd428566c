/// A loaded script of any kind, with every diagnostic found while parsing, decoding and
/// validating it.
public struct Script: Sendable {
  /// What a script file holds, told by its first key.
  public enum Kind: String, CaseIterable, Sendable {
    case scenario
    case lexicon
    case method
    case curriculum
  }

  /// The decoded content; `nil` when the file has errors that prevent decoding.
  public enum Content: Sendable {
    case scenario(Scenario)
    case method(Method)
    case lexicon(Lexicon)
    case curriculum(Curriculum)
  }

  public var source: SourceFile
  public var kind: Kind?
  public var content: Content?
  public var diagnostics: [Diagnostic]

  public init(source: SourceFile, kind: Kind?, content: Content?, diagnostics: [Diagnostic]) {
    self.source = source
    self.kind = kind
    self.content = content
    self.diagnostics = diagnostics
  }

  /// The scenario, if this is a scenario script without errors.
  public var scenario: Scenario? {
    if case .scenario(let scenario)? = content, !diagnostics.hasErrors { return scenario }
    return nil
  }

  /// The lexicon, if this is a lexicon script without errors.
  public var lexicon: Lexicon? {
    if case .lexicon(let lexicon)? = content, !diagnostics.hasErrors { return lexicon }
    return nil
  }

  /// The method, if this is a method script without errors.
  public var method: Method? {
    if case .method(let method)? = content, !diagnostics.hasErrors { return method }
    return nil
  }

  /// The curriculum, if this is a curriculum script without errors.
  public var curriculum: Curriculum? {
    if case .curriculum(let curriculum)? = content, !diagnostics.hasErrors { return curriculum }
    return nil
  }
}

/// Parses, decodes and validates script files.
public enum ScriptLoader {
  /// Loads one script of whatever kind its first key names.
  ///
  /// - Parameter smells: also report the authoring smells that need no evaluator (warnings for
  ///   `coach lint`); playing a script does not need them.
  public static func load(_ source: SourceFile, smells: Bool = false) -> Script {
    let tree = SyntaxParser.parse(source)
    guard !tree.diagnostics.hasErrors, let root = tree.root else {
      var diagnostics = tree.diagnostics
      if !diagnostics.hasErrors {
        diagnostics.append(
          .error(
            "S000", "the file is empty", at: source.span(from: 0, to: 0),
            label: "expected a script",
            help:
              "a script starts with `scenario: ID`, `lexicon: ID`, `method: ID` or `curriculum: ID`"
          ))
      }
      return Script(source: source, kind: nil, content: nil, diagnostics: diagnostics)
    }
    let sink = DiagnosticSink()
    sink.append(contentsOf: tree.diagnostics)
    sink.append(contentsOf: TextCharacters.check(root, in: source))
    guard case .mapping(let mapping) = root, let first = mapping.entries.first else {
      sink.append(
        .error(
          "S000", "a script must be a mapping of `key: value` lines", at: root.span,
          label: "found \(root.kindDescription)",
          help: "start the file with `scenario: ID` (or `lexicon:`, `method:`, `curriculum:`)"))
      return Script(source: source, kind: nil, content: nil, diagnostics: sink.diagnostics)
    }
    guard let kind = Script.Kind(rawValue: first.key.value) else {
      let names = Script.Kind.allCases.map(\.rawValue)
      sink.append(
        .error(
          "S000",
          "a script's first key says what it is; `\(first.key.value)` is not a kind of script",
          at: first.key.span, label: "unknown kind",
          help: Suggestions.closest(to: first.key.value, in: names).map { "did you mean `\($0)`?" }
            ?? "start with one of \(names.map { "`\($0):`" }.joined(separator: ", "))"))
      return Script(source: source, kind: nil, content: nil, diagnostics: sink.diagnostics)
    }
    var content: Script.Content?
    switch kind {
    case .scenario:
      let decoder = ScenarioDecoder(sink: sink, source: source)
      if let scenario = decoder.decode(root) {
        let validator = ScenarioValidator(sink: sink)
        validator.validate(scenario, broken: decoder.broken)
        if smells { validator.smells(scenario) }
        content = .scenario(scenario)
      }
    case .method:
      content = MethodDecoder(sink: sink).decode(root).map { .method($0) }
    case .lexicon:
      // Every cue pattern is checked where it is written for lint (with the smells); a lexicon
      // loaded to play is compiled, and a pattern that does not compile is left out there.
      content = Lexicon.decode(root, sink: sink, checkingPhrases: smells).map { .lexicon($0) }
    case .curriculum:
      content = CurriculumDecoder(sink: sink).decode(root).map { .curriculum($0) }
    }
    return Script(
      source: source, kind: kind, content: content, diagnostics: sink.diagnostics.sortedBySource())
  }
}
