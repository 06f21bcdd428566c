/// Scores replies against the Empathy → Understand → Offer → Check method, with evidence.
///
/// An evaluator is built once from a ``Lexicon`` (and a scenario's extra cue phrases); building
/// compiles every phrase into hash indexes over stems. ``assess(_:context:)`` is then a pure,
/// deterministic function of its arguments.
///
/// ```swift
/// let evaluator = Evaluator(lexicon: lexicon, extraCues: ["option": ["courier", "same day"]])
/// let assessment = evaluator.assess("I'm so sorry. What happened?")
/// assessment.steps.empathy  // .strong
/// ```
public struct Evaluator: Sendable {
  /// The lexicon the evaluator was built from.
  public var lexicon: Lexicon { compiled.lexicon }
  /// Phrases that could not be compiled (an unknown `{class}`, an extra cue for an unknown id).
  public var problems: [String] { compiled.problems }

  var vocabulary: Vocabulary { compiled.vocabulary }
  var tokenizer: Tokenizer { compiled.tokenizer }
  var matcher: CueMatcher { compiled.matcher }
  var groups: [Group] { compiled.groups }
  var groupIndex: [String: Int] { compiled.groupIndex }
  var builtins: Builtins { compiled.builtins }
  // Per group, in flat arrays for the hot path.
  var isSignal: [Bool] { compiled.isSignal }
  var weights: [Int] { compiled.weights }
  /// The step's index (0…3), or -1.
  var stepIndex: [Int] { compiled.stepIndex }
  var overrides: [Bool] { compiled.overrides }
  var hasOverrides: Bool { compiled.hasOverrides }
  var thresholds: Thresholds { compiled.thresholds }
  var tipTexts: TipTexts { compiled.tipTexts }
  var clauseReader: ClauseReader { compiled.clauseReader }

  /// Everything compiled, behind one reference: a copy of the evaluator (closures in `assess`
  /// make some) retains one object, not every table.
  private let box: Box
  @inline(__always) private var compiled: Compiled { box.compiled }

  private final class Box: Sendable {
    let compiled: Compiled
    init(_ compiled: Compiled) { self.compiled = compiled }
  }

  private struct Compiled: Sendable {
    let lexicon: Lexicon
    let problems: [String]
    let vocabulary: Vocabulary
    let tokenizer: Tokenizer
    let matcher: CueMatcher
    let groups: [Group]
    let groupIndex: [String: Int]
    let builtins: Builtins
    let isSignal: [Bool]
    let weights: [Int]
    let stepIndex: [Int]
    let overrides: [Bool]
    let hasOverrides: Bool
    let thresholds: Thresholds
    let tipTexts: TipTexts
    let clauseReader: ClauseReader
    /// The lexicon's evidence wording, by ``Lexicon/EvidenceKey`` in declaration order.
    let evidenceTexts: [String]
  }

  /// The evidence keys in the order of `evidenceTexts`, kept (`allCases` builds a new array on
  /// every call, and the rules ask for evidence on most replies).
  private static let evidenceKeys = Lexicon.EvidenceKey.allCases

  /// What a rule's evidence says (see ``Lexicon/EvidenceKey``), its `{slot}`s filled in from
  /// `values` in one pass over the wording (an unknown slot is kept as written).
  func evidence(_ key: Lexicon.EvidenceKey, _ values: KeyValuePairs<String, String> = [:]) -> String
  {
    let template = compiled.evidenceTexts[Self.evidenceKeys.firstIndex(of: key)!]
    guard template.utf8.contains(0x7B) else { return template }
    var bytes = Array(template.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 32)
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x7B, let close = bytes[i...].firstIndex(of: 0x7D) {
        let name = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
        if let value = values.first(where: { $0.key == name })?.value {
          out.append(contentsOf: value.utf8)
          i = close + 1
          continue
        }
      }
      out.append(bytes[i])
      i += 1
    }
    bytes = out
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The numbers the rules read on every reply, copied out of the lexicon.
  struct Thresholds: Sendable {
    var negationWindow: Int
    var curtMaxWords: Int
    var bluntMaxWords: Int
    var ramblingMinWords: Int
    var ramblingSentenceWords: Int
    var capsMinWords: Int
    var iYouMinCount: Int
    var iYouMinPercent: Int
    var stuffingPercent: Int
    var stuffingMinCues: Int
    var echoMinWords: Int
    var echoAnyMinWords: Int
    var restatementMinWords: Int
    /// Step scores from which each step is weak and strong, in step order.
    var weak: [Int]
    var strong: [Int]
    var choiceBonus: Int
  }

  /// The general tips, by key.
  struct TipTexts: Sendable {
    var texts: [String?]
    /// The tip keys in the order of `texts`.
    private static let keys = Lexicon.TipKey.allCases

    subscript(key: Lexicon.TipKey) -> String? {
      texts[Self.keys.firstIndex(of: key)!]
    }
  }

  /// A cue group ready to score (a class: reading one on the hot path copies no strings).
  final class Group: Sendable {
    let id: String
    let signal: Bool
    let step: Step?
    let weight: Int
    let tip: String?
    let rewrite: String?
    let negatable: Bool
    let auxiliary: Bool
    let hostile: Bool
    let yieldsToContrast: Bool
    let yieldsToSummary: Bool
    /// Signals that take it back in its sentence (``CueGroup/yieldsTo``).
    let yieldsTo: Set<Int>
    let overrides: Set<Int>
    let rewriteQuotesText: Bool

    init(_ group: CueGroup, signal: Bool, overrides: Set<Int>, yieldsTo: Set<Int>) {
      id = group.id
      self.signal = signal
      step = group.step
      weight = group.weight
      tip = group.tip
      rewrite = group.rewrite
      negatable = group.negatable
      auxiliary = group.auxiliary
      hostile = group.hostile
      yieldsToContrast = group.yieldsToContrast
      yieldsToSummary = group.yieldsToSummary
      self.yieldsTo = yieldsTo
      self.overrides = overrides
      rewriteQuotesText = group.rewrite?.contains("{text}") ?? false
    }
  }

  /// Indices of the groups some rules need by id (`-1` when the lexicon lacks one).
  struct Builtins: Sendable {
    var question = -1
    var questionOpen = -1
    var questionClosed = -1
    var summary = -1
    var feelingsFirst = -1
    var feeling = -1
    var validation = -1
    var invite = -1
    var cannot = -1
    var option = -1
    var check = -1
    var shouting = -1
    var rambling = -1
    var curt = -1
    var iYou = -1
    var stuffing = -1
    var contrast = -1
    var blunt = -1
    // The lexicon classes and words the rules read by name, looked up once (0: not defined).
    var negationStop: UInt64 = 0
    var determiner: UInt64 = 0
    var questionClasses = QuestionDetector.Classes()
    var listMarker: UInt64 = 0
    var tag: UInt64 = 0
    var pastForm: UInt64 = 0
    var softener: UInt64 = 0
    /// `warmth`: words that warm a short reply ("thanks", "glad"), so it is not curt.
    var warmth: UInt64 = 0
    var commandVerb: UInt64 = 0
    var soStem: UInt32 = 0
    var feelingClass: UInt64 = 0
    /// `check-tag`: the words of a tag that asks whether an offer suits ("…, okay?"); a lexicon
    /// without the class finds no such tag.
    var checkTag: UInt64 = 0
  }

  // Tags attached to phrases in the matcher: a group's phrases use `group * 4 + role`.
  static let roleStrong: Int32 = 0
  static let roleWeak: Int32 = 1
  static let roleVeto: Int32 = 2
  static let tagNegationException: Int32 = -1
  static let tagRequest: Int32 = -2
  static let tagIndirect: Int32 = -3

  /// The ids of the signals the lexicon defines (and extra cues may be given for).
  public var signalIDs: [String] { groups.filter(\.signal).map(\.id) }
  /// The ids of the anti-patterns the lexicon defines.
  public var antipatternIDs: [String] { groups.filter { !$0.signal }.map(\.id) }

  /// Compiles `lexicon`, adding a scenario's `extraCues` (phrases keyed by signal or anti-pattern
  /// id, e.g. `["option": ["courier", "same day"]]`). Phrases for an unknown id are skipped and
  /// reported in ``problems``.
  public init(lexicon: Lexicon, extraCues: [String: [String]] = [:]) {
    var problems: [String] = []
    var vocabulary = Vocabulary(lexicon: lexicon)
    let all = lexicon.signals.map { ($0, true) } + lexicon.antipatterns.map { ($0, false) }
    var groupIndex: [String: Int] = [:]
    var firsts: [(CueGroup, Bool)] = []
    for (group, signal) in all where groupIndex[group.id] == nil {
      groupIndex[group.id] = firsts.count
      firsts.append((group, signal))
    }
    var overrideSets = [Set<Int>](repeating: [], count: firsts.count)
    var yieldSets = overrideSets
    for (group, _) in all {
      guard let g = groupIndex[group.id] else { continue }
      for id in group.overrides {
        if let o = groupIndex[id] { overrideSets[g].insert(o) }
      }
      for id in group.yieldsTo {
        if let y = groupIndex[id] { yieldSets[g].insert(y) }
      }
    }
    let groups = firsts.indices.map {
      Group(
        firsts[$0].0, signal: firsts[$0].1, overrides: overrideSets[$0], yieldsTo: yieldSets[$0])
    }
    for id in extraCues.keys.sorted() where groupIndex[id] == nil {
      problems.append("extra cues for `\(id)`, which is not a signal or anti-pattern")
    }
    // Every word of every phrase is known in advance, so replies rarely need the stemmer.
    var phrases: [(String, Int32)] = []
    // Where the scenario's extra cues sit in `phrases`.
    var extraPositions = Set<Int>()
    for (group, _) in all {
      guard let g = groupIndex[group.id] else { continue }
      let base = Int32(g) * 4
      phrases += group.cues.map { ($0, base + Self.roleStrong) }
      let extras = extraCues[group.id] ?? []
      extraPositions.formUnion(phrases.count..<(phrases.count + extras.count))
      phrases += extras.map { ($0, base + Self.roleStrong) }
      phrases += group.weakCues.map { ($0, base + Self.roleWeak) }
      phrases += group.notWhen.map { ($0, base + Self.roleVeto) }
    }
    let grammar = lexicon.grammar
    phrases += grammar.negationExceptions.map { ($0, Self.tagNegationException) }
    phrases += grammar.openRequests.map { ($0, Self.tagRequest) }
    phrases += grammar.indirectQuestions.map { ($0, Self.tagIndirect) }
    // The lexicon's words first, then the extra cues' in the order ``adding(extraCues:)``
    // learns them, so both give every word and stem the same id.
    for (i, (phrase, _)) in phrases.enumerated() where !extraPositions.contains(i) {
      Self.remember(phrase, in: &vocabulary)
    }
    for word in grammar.stopwords { vocabulary.remember(Array(word.utf8)[...]) }
    let soStem = vocabulary.learn(Array("so".utf8)[...]).stem
    Self.remember(extraCues, known: groupIndex, in: &vocabulary)
    vocabulary.finishCompiling()
    let tokenizer = Tokenizer(
      vocabulary: vocabulary, exclamationRun: lexicon.thresholds.exclamationRun,
      capsMinLetters: lexicon.thresholds.capsMinLetters)
    var matcher = CueMatcher()
    for (phrase, tag) in phrases {
      let veto = tag >= 0 && tag & 3 == Self.roleVeto
      matcher.add(phrase, tag: tag, tokenizer: tokenizer, crossesPunctuation: veto)
    }
    matcher.finishCompiling()
    problems += matcher.problems.map { "cue `\($0.phrase)`: \($0.message)" }

    var b = Builtins()
    func find(_ id: ReaderID) -> Int { groupIndex[id.rawValue] ?? -1 }
    b.question = find(.question)
    b.questionOpen = find(.questionOpen)
    b.questionClosed = find(.questionClosed)
    b.summary = find(.summary)
    b.feelingsFirst = find(.feelingsFirst)
    b.feeling = find(.feeling)
    b.validation = find(.validation)
    b.invite = find(.invite)
    b.cannot = find(.cannot)
    b.option = find(.option)
    b.check = find(.check)
    b.shouting = find(.shouting)
    b.rambling = find(.rambling)
    b.curt = find(.curt)
    b.iYou = find(.iYou)
    b.stuffing = find(.stuffing)
    b.contrast = find(.contrast)
    b.blunt = find(.blunt)
    let bits = vocabulary.classBits
    b.negationStop = bits["negation-stop"] ?? 0
    b.determiner = bits["determiner"] ?? 0
    b.questionClasses = QuestionDetector.Classes(
      determiners: b.determiner, cleftVerbs: bits["cleft-verb"] ?? 0)
    b.tag = bits["tag"] ?? 0
    b.listMarker = bits["list-marker"] ?? 0
    b.pastForm = bits["past-form"] ?? 0
    b.softener = bits["softener"] ?? 0
    b.warmth = bits["warmth"] ?? 0
    b.commandVerb = bits["command-verb"] ?? 0
    b.soStem = soStem
    b.feelingClass = bits["feeling"] ?? 0
    b.checkTag = bits["check-tag"] ?? 0

    let overrides = groups.map { !$0.signal && !$0.overrides.isEmpty }
    let t = lexicon.thresholds
    let thresholds = Thresholds(
      negationWindow: lexicon.grammar.negationWindow, curtMaxWords: t.curtMaxWords,
      bluntMaxWords: t.bluntMaxWords,
      ramblingMinWords: t.ramblingMinWords, ramblingSentenceWords: t.ramblingSentenceWords,
      capsMinWords: t.capsMinWords, iYouMinCount: t.iYouMinCount,
      iYouMinPercent: t.iYouMinPercent, stuffingPercent: t.stuffingPercent,
      stuffingMinCues: t.stuffingMinCues, echoMinWords: t.echoMinWords,
      echoAnyMinWords: t.echoAnyMinWords, restatementMinWords: t.restatementMinWords, weak: t.weak,
      strong: t.strong, choiceBonus: t.choiceBonus)
    box = Box(
      Compiled(
        lexicon: lexicon, problems: problems, vocabulary: vocabulary, tokenizer: tokenizer,
        matcher: matcher, groups: groups, groupIndex: groupIndex, builtins: b,
        isSignal: groups.map(\.signal), weights: groups.map(\.weight),
        stepIndex: groups.map { $0.step?.index ?? -1 }, overrides: overrides,
        hasOverrides: overrides.contains(true), thresholds: thresholds,
        tipTexts: TipTexts(texts: Lexicon.TipKey.allCases.map { lexicon.tips[$0.rawValue] }),
        clauseReader: ClauseReader(classBits: bits, questionClasses: b.questionClasses),
        evidenceTexts: Lexicon.EvidenceKey.allCases.map { lexicon.evidence($0) }))
  }

  private init(_ base: Evaluator, vocabulary: Vocabulary, matcher: CueMatcher, problems: [String]) {
    let c = base.compiled
    box = Box(
      Compiled(
        lexicon: c.lexicon, problems: problems, vocabulary: vocabulary,
        tokenizer: Tokenizer(
          vocabulary: vocabulary, exclamationRun: c.tokenizer.exclamationRun,
          capsMinLetters: c.tokenizer.capsMinLetters),
        matcher: matcher, groups: c.groups, groupIndex: c.groupIndex, builtins: c.builtins,
        isSignal: c.isSignal, weights: c.weights, stepIndex: c.stepIndex, overrides: c.overrides,
        hasOverrides: c.hasOverrides, thresholds: c.thresholds, tipTexts: c.tipTexts,
        clauseReader: c.clauseReader, evidenceTexts: c.evidenceTexts))
  }

  /// This evaluator with a scenario's extra cue phrases: the same as
  /// `Evaluator(lexicon: lexicon, extraCues: extraCues)`, but only the new phrases are compiled.
  public func adding(extraCues: [String: [String]]) -> Evaluator {
    if extraCues.isEmpty { return self }
    var problems: [String] = []
    for id in extraCues.keys.sorted() where groupIndex[id] == nil {
      problems.append("extra cues for `\(id)`, which is not a signal or anti-pattern")
    }
    var vocabulary = self.vocabulary
    Self.remember(extraCues, known: groupIndex, in: &vocabulary)
    vocabulary.finishCompiling()
    let tokenizer = Tokenizer(
      vocabulary: vocabulary, exclamationRun: self.tokenizer.exclamationRun,
      capsMinLetters: self.tokenizer.capsMinLetters)
    var matcher = self.matcher
    let known = matcher.problems.count
    let ids = extraCues.keys.sorted().filter { groupIndex[$0] != nil }
    matcher.reserveCapacity(for: ids.flatMap { extraCues[$0] ?? [] })
    for id in ids {
      guard let g = groupIndex[id] else { continue }
      for phrase in extraCues[id] ?? [] {
        matcher.add(phrase, tag: Int32(g) * 4 + Self.roleStrong, tokenizer: tokenizer)
      }
    }
    matcher.finishCompiling()
    problems += matcher.problems[known...].map { "cue `\($0.phrase)`: \($0.message)" }
    return Evaluator(
      self, vocabulary: vocabulary, matcher: matcher, problems: self.problems + problems)
  }

  /// Makes the words of a scenario's extra cues known, for the signals and anti-patterns the
  /// lexicon has, in order of id.
  static func remember(
    _ extraCues: [String: [String]], known groupIndex: [String: Int],
    in vocabulary: inout Vocabulary
  ) {
    for id in extraCues.keys.sorted() where groupIndex[id] != nil {
      for phrase in extraCues[id] ?? [] { remember(phrase, in: &vocabulary) }
    }
  }

  /// Makes the plain words of a cue pattern known to the vocabulary, so replies rarely need the
  /// stemmer.
  static func remember(_ pattern: String, in vocabulary: inout Vocabulary) {
    var bytes: [UInt8]
    if pattern.utf8.allSatisfy({ $0 < 0x80 }) {
      // Plain ASCII (nearly every pattern): the separators become spaces byte by byte.
      bytes = Vocabulary.normalizedBytes(pattern)
      for i in bytes.indices {
        switch bytes[i] {
        case 0x28, 0x29, 0x5B, 0x5D, 0x7C: bytes[i] = 0x20
        default: break
        }
      }
    } else {
      let separators: Set<Character> = ["(", ")", "[", "]", "|"]
      bytes = Vocabulary.normalizedBytes(
        String(pattern.map { separators.contains($0) ? " " : $0 }))
    }
    for word in bytes.split(separator: 0x20) where word.first != 0x7B && word != [0x2A] {
      vocabulary.remember(word)
    }
  }

  // MARK: - Scenario cue sets

  /// Compiles a scenario's phrases (facts' `asked-by`, options' `offered-by`, rules' `says`) with
  /// the same normalisation and stemming as the lexicon.
  public func compile(_ phrases: [String]) -> CueSet {
    var matcher = CueMatcher()
    for (i, phrase) in phrases.enumerated() {
      matcher.add(phrase, tag: Int32(i), tokenizer: tokenizer)
    }
    matcher.finishCompiling()
    return CueSet(
      phrases: phrases, problems: matcher.problems.map { "cue `\($0.phrase)`: \($0.message)" },
      matcher: matcher)
  }

  /// Finds the phrases of `cues` in an assessed reply, in reply order.
  ///
  /// Each match is evidence whose `id` and `cue` are the phrase as given; `negated` is set when a
  /// negator reaches it ("I can't offer a refund" mentions `refund` negated). Overlapping matches
  /// of the same phrase are reported once.
  public func matches(_ cues: CueSet, in assessment: Assessment) -> [Evidence] {
    let analysis = assessment.analysis
    var found: [CueMatcher.Match] = []
    cues.matcher.matches(in: analysis, into: &found)
    var result: [Evidence] = []
    var lastEnd: [Int32: Int32] = [:]
    for m in found {
      let cue = cues.matcher.cues[Int(m.cue)]
      if let end = lastEnd[cue.tag], m.first < end { continue }
      lastEnd[cue.tag] = m.end
      let span = analysis.span(Int(m.first), Int(m.end) - 1)
      let negated = Negation.isNegated(analysis.tokens, first: Int(m.first), end: Int(m.end))
      result.append(
        Evidence(
          id: cue.phrase, range: Int(span.start)..<Int(span.end), text: analysis.text(span),
          cue: cue.phrase, negated: negated))
    }
    return result
  }
}
