extension Lexicon {
  /// Decodes a lexicon script's tree (first key `lexicon:`), reporting every problem to `sink`.
  ///
  /// Returns `nil` only when the tree is not a mapping; otherwise returns what could be read,
  /// and `sink` says whether it is usable (``DiagnosticSink/hasErrors``).
  ///
  /// `checkingPhrases: false` skips the located check of every cue pattern (L006), for loading a
  /// lexicon to play: the evaluator still refuses a pattern it cannot compile, and lint checks.
  public static func decode(
    _ root: Node, sink: DiagnosticSink, checkingPhrases: Bool = true
  ) -> Lexicon? {
    LexiconDecoder(sink: sink, checkingPhrases: checkingPhrases).decode(root)
  }

  /// Parses and decodes a lexicon file. The lexicon is `nil` when there are errors.
  public static func load(_ source: SourceFile) -> (lexicon: Lexicon?, diagnostics: [Diagnostic]) {
    let tree = SyntaxParser.parse(source)
    let sink = DiagnosticSink()
    sink.append(contentsOf: tree.diagnostics)
    guard !tree.diagnostics.hasErrors else { return (nil, sink.diagnostics) }
    guard let root = tree.root else {
      sink.append(LexiconMessage.empty(source.span(from: 0, to: 0)))
      return (nil, sink.diagnostics)
    }
    let lexicon = decode(root, sink: sink)
    let diagnostics = sink.diagnostics.sortedBySource()
    return (diagnostics.hasErrors ? nil : lexicon, diagnostics)
  }

  /// Top-level sections of a lexicon script that other parts of `coach` read (the left-hand
  /// column's `assumptions`, the written `recap`): kept as trees in ``otherSections``.
  public static let otherSections: [String] = ["assumptions", "recap"]

  /// Signal ids found by rules rather than cue phrases; their entries need no `cues`.
  public static let ruleSignals = Set(
    ReaderID.allCases.filter { $0.isRuleBased && $0.isSignal }.map(\.rawValue))
  /// Anti-pattern ids found by rules rather than cue phrases; their entries need no `cues`.
  public static let ruleAntipatterns = Set(
    ReaderID.allCases.filter { $0.isRuleBased && !$0.isSignal }.map(\.rawValue))
}

/// The diagnostics of lexicon decoding (codes `L0xx`).
enum LexiconMessage {
  static func empty(_ span: SourceSpan) -> Diagnostic {
    .error(
      "L001", "the lexicon file is empty", at: span, label: "expected `lexicon: en`",
      help: "start the file with `lexicon: LANGUAGE`")
  }

  static func notFirst(_ span: SourceSpan) -> Diagnostic {
    .error(
      "L002", "a lexicon script starts with `lexicon:`", at: span,
      label: "the first key says what the script is", help: "put `lexicon: en` on the first line")
  }

  static func duplicateGroup(_ id: Node.Scalar, first: SourceSpan) -> Diagnostic {
    .error(
      "L003", "signal or anti-pattern `\(id.value)` is defined twice", at: id.span,
      label: "defined again here", related: [.init(first, "first defined here")],
      help: "merge the two entries")
  }

  static func noCues(_ id: Node.Scalar) -> Diagnostic {
    .error(
      "L004", "`\(id.value)` has no cue phrases", at: id.span, label: "needs `cues`",
      help: "add `cues: [phrase, …]`",
      notes: [
        "only rule-based ids (\((Lexicon.ruleSignals.union(Lexicon.ruleAntipatterns)).sorted().joined(separator: ", "))) may have no cues"
      ])
  }

  static func unknownOverride(_ name: Node.Scalar, key: String, known: [String]) -> Diagnostic {
    .error(
      "L005", "`\(key)` names `\(name.value)`, which is not a signal", at: name.span,
      label: "unknown signal",
      help: Suggestions.help(for: name.value, in: known) ?? "name a signal defined in this lexicon")
  }

  static func badPhrase(_ phrase: Node.Scalar, _ message: String) -> Diagnostic {
    .error("L006", "cue `\(phrase.value)`: \(message)", at: phrase.span, label: "cannot be matched")
  }

  static func notOneWord(_ word: Node.Scalar, in list: String) -> Diagnostic {
    .error(
      "L007", "`\(list)` holds single words; `\(word.value)` has a space", at: word.span,
      label: "one word expected", help: "split it, or move the phrase to a cue list")
  }

  static func missingRule(_ id: ReaderID, at span: SourceSpan) -> Diagnostic {
    let kind = id.isSignal ? "signal" : "anti-pattern"
    let section = id.isSignal ? "signals" : "antipatterns"
    return .error(
      "L008", "the lexicon defines no \(kind) `\(id.rawValue)`", at: span,
      label: "`\(section)` needs it",
      help:
        "add an entry with `id: \(id.rawValue)` to `\(section)`, with a step, a weight and a tip",
      notes: [
        id.isRuleBased
          ? "a rule of the reader finds `\(id.rawValue)`; the entry says what it counts for"
          : "the reader and the engine read `\(id.rawValue)` by name"
      ])
  }

  static func missingClass(_ name: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "L010", "the lexicon defines no word class `\(name)`", at: span,
      label: "`classes` needs it",
      help: "add `\(name): [word, …]` to `grammar` → `classes`",
      notes: ["`coach` reads `\(name)` by name"])
  }

  static func yieldsOnSignal(_ name: Node.Scalar, group: String) -> Diagnostic {
    .error(
      "L012", "`yields-to` on the signal `\(group)`: only an anti-pattern is taken back",
      at: name.span, label: "a signal yields to nothing",
      help: "remove `yields-to` here, or move it to the anti-pattern it should take back")
  }

  static func wrongKind(_ id: ReaderID, at span: SourceSpan) -> Diagnostic {
    let section = id.isSignal ? "signals" : "antipatterns"
    return .error(
      "L009", "`\(id.rawValue)` is defined in the wrong section", at: span,
      label: "belongs under `\(section)`",
      help: "move the entry for `\(id.rawValue)` to `\(section)`")
  }
}

/// Decodes the lexicon script's tree.
struct LexiconDecoder {
  let sink: DiagnosticSink
  var checkingPhrases = true

  func decode(_ root: Node) -> Lexicon? {
    typealias Keys = LexiconKeys
    guard var fields = Fields(root, Keys.spec, sink: sink) else { return nil }
    if case .mapping(let mapping) = root, let first = mapping.entries.first,
      first.key.value != "lexicon"
    {
      sink.append(LexiconMessage.notFirst(first.key.span))
    }
    var lexicon = Lexicon(language: fields.string(Keys.lexicon) ?? "")
    _ = fields.string(Keys.title)
    _ = fields.string(Keys.description)
    if let node = fields.node(Keys.normalise) {
      decodeNormalisation(node, into: &lexicon.normalisation)
    }
    if let node = fields.node(Keys.grammar) {
      decodeGrammar(node, into: &lexicon.grammar)
    }
    if let node = fields.node(Keys.thresholds) {
      decodeThresholds(node, into: &lexicon.thresholds)
    }
    if let node = fields.node(Keys.quality) { decodeQuality(node, into: &lexicon.quality) }
    if let node = fields.node(Keys.topics) { decodeTopics(node, into: &lexicon.topics) }
    var seen: [String: SourceSpan] = [:]
    var overrideNames: [(key: String, name: Node.Scalar)] = []
    var sectionSpans: [Bool: SourceSpan] = [:]
    for (key, signal) in [(Keys.signals, true), (Keys.antipatterns, false)] {
      let items = fields.list(key) ?? []
      sectionSpans[signal] = items.first?.span
      for item in items {
        if let group = decodeGroup(item, signal: signal, seen: &seen, overrides: &overrideNames) {
          if signal { lexicon.signals.append(group) } else { lexicon.antipatterns.append(group) }
        }
      }
    }
    let signalIDs = lexicon.signals.map(\.id)
    for (key, name) in overrideNames where !signalIDs.contains(name.value) {
      sink.append(LexiconMessage.unknownOverride(name, key: key, known: signalIDs))
    }
    // Every id the rules and the engine read by name is defined, in its own section.
    let antipatternIDs = Set(lexicon.antipatterns.map(\.id))
    for id in ReaderID.allCases {
      let inOwn =
        id.isSignal ? signalIDs.contains(id.rawValue) : antipatternIDs.contains(id.rawValue)
      let inOther =
        id.isSignal ? antipatternIDs.contains(id.rawValue) : signalIDs.contains(id.rawValue)
      guard !inOwn else { continue }
      let span = sectionSpans[id.isSignal] ?? sectionSpans[!id.isSignal] ?? root.span
      if inOther {
        let entry = (id.isSignal ? lexicon.antipatterns : lexicon.signals).first {
          $0.id == id.rawValue
        }
        sink.append(LexiconMessage.wrongKind(id, at: seen[entry?.id ?? ""] ?? span))
      } else {
        sink.append(LexiconMessage.missingRule(id, at: span))
      }
    }
    lexicon.tips = texts(&fields, Keys.tips)
    lexicon.evidence = texts(&fields, Keys.evidence)
    for name in Lexicon.otherSections {
      if let node = fields.node(Keys.spec[name]) { lexicon.otherSections[name] = node }
    }
    fields.finish()
    if checkingPhrases, !sink.hasErrors { checkPhrases(lexicon, root: root) }
    return lexicon
  }

  /// A section of texts under known keys (`tips`, `evidence`), every key required.
  private func texts(_ fields: inout Fields, _ section: KeySpec) -> [String: String] {
    var result: [String: String] = [:]
    guard let node = fields.node(section), case .mapping(let spec) = section.type,
      var entries = Fields(node, spec, sink: sink)
    else { return result }
    for key in spec.keys {
      if let text = entries.string(key) { result[key.name] = text }
    }
    entries.finish()
    return result
  }

  /// Reports phrases that cannot match: an unknown `{class}`, or no words at all.
  private func checkPhrases(_ lexicon: Lexicon, root: Node) {
    // The scalars (for the messages' places) are collected only once a phrase is bad.
    var collected: [String: Node.Scalar]?
    func scalar(_ phrase: String) -> Node.Scalar? {
      if collected == nil {
        var all: [String: Node.Scalar] = [:]
        collectScalars(root, into: &all)
        collected = all
      }
      return collected?[phrase]
    }
    let classes = Set(lexicon.grammar.classes.keys)
    let groups = lexicon.signals + lexicon.antipatterns
    for group in groups {
      for phrase in group.cues + group.weakCues + group.notWhen {
        // Nearly every phrase: words and no `{`, `(`, `[` or `?`, so nothing to report.
        if !phrase.utf8.contains(where: { $0 == 0x7B || $0 == 0x28 || $0 == 0x5B || $0 == 0x3F }),
          phrase.utf8.contains(where: { $0 != 0x20 })
        {
          continue
        }
        let parts: [CuePattern.Part]
        switch CuePattern.parse(phrase) {
        case .success(let parsed): parts = parsed
        case .failure(let problem):
          if let scalar = scalar(phrase) {
            sink.append(LexiconMessage.badPhrase(scalar, problem.description))
          }
          continue
        }
        // The classes it names, read from the parse (a pattern that parses has words).
        for name in Self.classNames(in: parts) where !classes.contains(name) {
          if let scalar = scalar(phrase) {
            sink.append(
              LexiconMessage.badPhrase(
                scalar,
                "no word class `\(name)`; the classes are \(classes.sorted().joined(separator: ", "))"
              ))
          }
        }
      }
    }
  }

  /// The `{class}` names in a parsed pattern, in order.
  private static func classNames(in parts: [CuePattern.Part]) -> [String] {
    parts.flatMap { part -> [String] in
      switch part {
      case .wordClass(let name): [name]
      case .group(let alternatives, _): alternatives.flatMap { classNames(in: $0) }
      case .words, .any: []
      }
    }
  }

  private func collectScalars(_ node: Node, into scalars: inout [String: Node.Scalar]) {
    switch node {
    case .scalar(let s): if scalars[s.value] == nil { scalars[s.value] = s }
    case .sequence(let seq): for item in seq.items { collectScalars(item, into: &scalars) }
    case .mapping(let map): for entry in map.entries { collectScalars(entry.value, into: &scalars) }
    }
  }

  private func strings(_ fields: inout Fields, _ key: KeySpec) -> [String] {
    (fields.stringList(key) ?? []).map(\.value)
  }

  private func words(_ fields: inout Fields, _ key: KeySpec) -> [String] {
    let items = fields.stringList(key) ?? []
    for item in items where item.value.utf8.contains(UInt8(ascii: " ")) {
      sink.append(LexiconMessage.notOneWord(item, in: key.name))
    }
    return items.map(\.value)
  }

  /// A mapping from text to text (`can't: can not`).
  private func table(_ fields: inout Fields, _ key: KeySpec) -> [String: String] {
    guard let node = fields.node(key) else { return [:] }
    guard case .mapping(let mapping) = node else {
      sink.append(
        SchemaMessage.wrongType(
          node, expected: "a mapping of `word: replacement` lines", for: key.name))
      return [:]
    }
    var result: [String: String] = [:]
    for entry in mapping.entries {
      guard case .scalar(let value) = entry.value else {
        sink.append(SchemaMessage.wrongType(entry.value, expected: "text", for: entry.key.value))
        continue
      }
      result[entry.key.value] = value.value
    }
    return result
  }

  private func decodeNormalisation(_ node: Node, into n: inout Lexicon.Normalisation) {
    typealias Keys = LexiconKeys.Normalise
    typealias Stemmer = LexiconKeys.Stemmer
    guard var f = Fields(node, Keys.spec, sink: sink) else { return }
    n.contractions = table(&f, Keys.contractions)
    n.suffixes = table(&f, Keys.suffixes)
    n.spellings = table(&f, Keys.spellings)
    n.abbreviations = words(&f, Keys.abbreviations)
    if let stemmer = f.node(Keys.stemmer), var s = Fields(stemmer, Stemmer.spec, sink: sink) {
      n.stemExceptions = table(&s, Stemmer.exceptions)
      n.stemKeep = words(&s, Stemmer.keep)
      n.stemPrefixes = words(&s, Stemmer.prefixes)
      s.finish()
    }
    f.finish()
  }

  private func decodeGrammar(_ node: Node, into g: inout Lexicon.Grammar) {
    typealias Keys = LexiconKeys.Grammar
    typealias Pronouns = LexiconKeys.Pronouns
    guard var f = Fields(node, Keys.spec, sink: sink) else { return }
    g.negators = words(&f, Keys.negators)
    g.negationWindow = f.int(Keys.negationWindow) ?? g.negationWindow
    g.negationExceptions = strings(&f, Keys.negationExceptions)
    g.clauseBreaks = words(&f, Keys.clauseBreaks)
    g.contrast = words(&f, Keys.contrast)
    g.auxiliaries = words(&f, Keys.auxiliaries)
    g.whWords = words(&f, Keys.questionWords)
    g.closedWhWords = words(&f, Keys.closedQuestionWords)
    g.closedAfterWh = words(&f, Keys.closedAfterQuestionWord)
    g.subjects = words(&f, Keys.subjects)
    g.leadIns = words(&f, Keys.leadIns)
    g.openRequests = strings(&f, Keys.openRequests)
    g.indirectQuestions = strings(&f, Keys.indirectQuestions)
    g.factNouns = words(&f, Keys.factNouns)
    g.choiceWords = words(&f, Keys.choiceWords)
    if let pronouns = f.node(Keys.pronouns), var p = Fields(pronouns, Pronouns.spec, sink: sink) {
      g.firstPerson = words(&p, Pronouns.i)
      g.secondPerson = words(&p, Pronouns.you)
      g.collective = words(&p, Pronouns.we)
      p.finish()
    }
    g.stopwords = words(&f, Keys.stopwords)
    g.acronyms = words(&f, Keys.acronyms)
    let classesNode = f.node(Keys.classes)
    if let classes = classesNode { g.classes = wordLists(classes, of: "class", for: "classes") }
    // Every class the code reads by name is defined.
    for name in Lexicon.classesReadByName where g.classes[name] == nil {
      sink.append(LexiconMessage.missingClass(name, at: (classesNode ?? node).span))
    }
    f.finish()
  }

  private func decodeTopics(_ node: Node, into topics: inout Lexicon.Topics) {
    typealias Keys = LexiconKeys.Topics
    guard var f = Fields(node, Keys.spec, sink: sink) else { return }
    topics.openWords = words(&f, Keys.open)
    if let groups = f.node(Keys.groups) {
      topics.groups = wordLists(groups, of: "topic", for: "groups")
    }
    f.finish()
  }

  /// A mapping of names to lists of single words (`classes`, topic `groups`).
  private func wordLists(_ node: Node, of what: String, for key: String) -> [String: [String]] {
    guard case .mapping(let mapping) = node else {
      sink.append(SchemaMessage.wrongType(node, expected: "a mapping of \(what) names", for: key))
      return [:]
    }
    var result: [String: [String]] = [:]
    for entry in mapping.entries {
      let list = Fields.stringList(entry.value, for: entry.key.value, sink: sink) ?? []
      for item in list where item.value.utf8.contains(UInt8(ascii: " ")) {
        sink.append(LexiconMessage.notOneWord(item, in: entry.key.value))
      }
      result[entry.key.value] = list.map(\.value)
    }
    return result
  }

  private func decodeQuality(_ node: Node, into q: inout Lexicon.QualityWeights) {
    typealias Keys = LexiconKeys.Quality
    guard var f = Fields(node, Keys.spec, sink: sink) else { return }
    q.base = f.int(Keys.base) ?? q.base
    for step in Step.allCases {
      q.weak[step.index] = f.int(Keys.weak[step.index]) ?? q.weak[step.index]
      q.strong[step.index] = f.int(Keys.strong[step.index]) ?? q.strong[step.index]
    }
    q.antipattern = f.int(Keys.antipattern) ?? q.antipattern
    q.leapfrog = f.int(Keys.leapfrog) ?? q.leapfrog
    f.finish()
  }

  private func decodeThresholds(_ node: Node, into t: inout Lexicon.Thresholds) {
    typealias Keys = LexiconKeys.Thresholds
    guard var f = Fields(node, Keys.spec, sink: sink) else { return }
    t.curtMaxWords = f.int(Keys.curtMaxWords) ?? t.curtMaxWords
    t.bluntMaxWords = f.int(Keys.bluntMaxWords) ?? t.bluntMaxWords
    t.ramblingMinWords = f.int(Keys.ramblingMinWords) ?? t.ramblingMinWords
    t.ramblingSentenceWords = f.int(Keys.ramblingSentenceWords) ?? t.ramblingSentenceWords
    t.capsMinWords = f.int(Keys.capsMinWords) ?? t.capsMinWords
    t.capsMinLetters = f.int(Keys.capsMinLetters) ?? t.capsMinLetters
    t.exclamationRun = f.int(Keys.exclamationRun) ?? t.exclamationRun
    t.iYouMinCount = f.int(Keys.iYouMinCount) ?? t.iYouMinCount
    t.iYouMinPercent = f.int(Keys.iYouMinPercent) ?? t.iYouMinPercent
    t.stuffingPercent = f.int(Keys.stuffingPercent) ?? t.stuffingPercent
    t.stuffingMinCues = f.int(Keys.stuffingMinCues) ?? t.stuffingMinCues
    t.echoMinWords = f.int(Keys.echoMinWords) ?? t.echoMinWords
    t.echoAnyMinWords = f.int(Keys.echoAnyMinWords) ?? t.echoAnyMinWords
    t.restatementMinWords = f.int(Keys.restatementMinWords) ?? t.restatementMinWords
    for step in Step.allCases {
      t.weak[step.index] = f.int(Keys.weak[step.index]) ?? t.weak[step.index]
      t.strong[step.index] = f.int(Keys.strong[step.index]) ?? t.strong[step.index]
    }
    t.choiceBonus = f.int(Keys.choiceBonus) ?? t.choiceBonus
    f.finish()
  }

  private func decodeGroup(
    _ node: Node, signal: Bool, seen: inout [String: SourceSpan],
    overrides: inout [(key: String, name: Node.Scalar)]
  ) -> CueGroup? {
    typealias Keys = LexiconKeys.Group
    guard var f = Fields(node, signal ? Keys.signal : Keys.antipattern, sink: sink) else {
      return nil
    }
    guard let idScalar = f.scalar(Keys.id) else {
      f.finish()
      return nil
    }
    let id = idScalar.value
    if let first = seen[id] {
      sink.append(LexiconMessage.duplicateGroup(idScalar, first: first))
    } else {
      seen[id] = idScalar.span
    }
    var group = CueGroup(id: id)
    if let stepScalar = f.scalar(Keys.step) {
      if stepScalar.value != "none" {
        group.step = Fields.choice(stepScalar, for: Keys.step.name, sink: sink) as Step?
      }
    }
    group.weight = f.int(orDefault: Keys.weight)
    group.title = f.string(Keys.title) ?? id
    group.cues = strings(&f, Keys.cues)
    group.weakCues = strings(&f, Keys.weakCues)
    group.notWhen = strings(&f, Keys.notWhen)
    group.negatable = f.bool(orDefault: Keys.negatable)
    group.auxiliary = f.bool(orDefault: Keys.auxiliary)
    group.hostile = f.bool(orDefault: Keys.hostile)
    group.yieldsToContrast = f.bool(orDefault: Keys.yieldsToContrast)
    group.yieldsToSummary = f.bool(orDefault: Keys.yieldsToSummary)
    // Both name signals, checked once every signal is known.
    let overrideList = f.stringList(Keys.overrides) ?? []
    overrides += overrideList.map { (Keys.overrides.name, $0) }
    group.overrides = overrideList.map(\.value)
    let yieldList = f.stringList(Keys.yieldsTo) ?? []
    if signal, let first = yieldList.first {
      sink.append(LexiconMessage.yieldsOnSignal(first, group: id))
    }
    overrides += yieldList.map { (Keys.yieldsTo.name, $0) }
    group.yieldsTo = yieldList.map(\.value)
    group.tip = f.string(Keys.tip)
    group.rewrite = f.string(Keys.rewrite)
    f.finish()
    let ruleBased =
      signal ? Lexicon.ruleSignals.contains(id) : Lexicon.ruleAntipatterns.contains(id)
    if !ruleBased, group.cues.isEmpty, group.weakCues.isEmpty {
      sink.append(LexiconMessage.noCues(idScalar))
    }
    return group
  }
}
