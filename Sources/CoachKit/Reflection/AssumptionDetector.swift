/// Finds assumptions in the thoughts of a left-hand column: mind-reading about the customer's
/// intent, absolutes, labels and judgements, catastrophising, and blame.
///
/// Everything it knows is in the lexicon's `assumptions:` section. Cues are matched with the
/// evaluator's normalisation, stemming and negation, so "I don't think she's lying" is not
/// mind-reading. A hedge before a cue in the same sentence ("maybe she's testing me"), with no
/// contrast word ("but") between them, makes the match a hypothesis: ``Assumption/hedged``.
///
/// ```swift
/// let detector = AssumptionDetector(evaluator: evaluator)
/// detector.assumptions(in: "She always does this on purpose.")
/// // absolute "always", mind-reading "on purpose"
/// ```
public struct AssumptionDetector: Sendable {
  struct CompiledKind: Sendable {
    var kind: Lexicon.AssumptionKind
    var cues: CueSet
    var notWhen: CueSet
  }

  let evaluator: Evaluator
  let kinds: [CompiledKind]
  let hedges: CueSet
  let denials: CueSet
  let planPhrases: Lexicon.PlanPhrases
  /// Phrases that could not be compiled.
  public let problems: [String]

  /// Compiles the assumption kinds of `reflection` (by default, the evaluator's lexicon's).
  public init(evaluator: Evaluator, reflection: Lexicon.Reflection? = nil) {
    let reflection = reflection ?? evaluator.lexicon.reflection()
    self.evaluator = evaluator
    let classes = reflection.classes
    var problems: [String] = []
    kinds = reflection.kinds.map { kind in
      let cues = evaluator.compile(kind.cues.flatMap { Self.expand($0, classes: classes) })
      let notWhen = evaluator.compile(kind.notWhen.flatMap { Self.expand($0, classes: classes) })
      problems += cues.problems + notWhen.problems
      return CompiledKind(kind: kind, cues: cues, notWhen: notWhen)
    }
    hedges = evaluator.compile(reflection.hedges)
    denials = evaluator.compile(reflection.denials)
    planPhrases = reflection.plan
    problems += hedges.problems + denials.problems
    self.problems = problems
  }

  /// The kinds the detector knows, in lexicon order.
  public var kindIDs: [String] { kinds.map(\.kind.id) }

  /// The assumptions (and hedged hypotheses) in one thought, in thought order.
  ///
  /// - Parameters:
  ///   - thought: What the rep thought but did not say.
  ///   - exchange: The 1-based exchange the thought belongs to (reported in the evidence).
  ///   - seen: How many assumptions of each kind came before, to vary the testing question;
  ///     updated.
  public func assumptions(
    in thought: String, exchange: Int = 1, seen: inout [String: Int]
  ) -> [Assumption] {
    guard thought.contains(where: { !$0.isWhitespace }) else { return [] }
    let assessment = evaluator.assess(thought)
    let analysis = assessment.analysis
    let hedgeMatches = evaluator.matches(hedges, in: assessment)
    let denialMatches = evaluator.matches(denials, in: assessment).filter { !$0.negated }
    let scalars = Array(thought.unicodeScalars)
    var found: [Assumption] = []
    for compiled in kinds {
      let vetoes = evaluator.matches(compiled.notWhen, in: assessment)
      let matches = evaluator.matches(compiled.cues, in: assessment).filter { match in
        !match.negated && !vetoes.contains { $0.range.overlaps(match.range) }
          && Self.hedge(for: match.range, among: denialMatches, in: analysis, after: true) == nil
      }
      for cluster in Self.clusters(matches, in: analysis) {
        let range = cluster.range
        let text = String(String.UnicodeScalarView(scalars[range]))
        let hedge = Self.hedge(for: range, among: hedgeMatches, in: analysis)
        let count = seen[compiled.kind.id, default: 0]
        seen[compiled.kind.id] = count + 1
        let questions = compiled.kind.questions
        let template = questions.isEmpty ? "" : questions[count % questions.count]
        found.append(
          Assumption(
            kind: compiled.kind.id, title: compiled.kind.title, exchange: exchange,
            thought: thought, text: text, range: range, cues: cluster.cues,
            why: compiled.kind.why,
            question: template.replacingPlaceholder("text", with: Self.quoted(text))
              .replacingPlaceholder(
                "sentence", with: Self.quoted(Self.sentence(around: range, in: analysis))),
            hedged: hedge != nil, hedge: hedge))
      }
    }
    return found.sorted {
      ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
    }
  }

  /// The assumptions in one thought, with the first question of each kind.
  public func assumptions(in thought: String, exchange: Int = 1) -> [Assumption] {
    var seen: [String: Int] = [:]
    return assumptions(in: thought, exchange: exchange, seen: &seen)
  }

  // MARK: - Helpers

  /// Matches of one kind joined when they overlap or share a clause: one assumption per clause.
  static func clusters(
    _ matches: [Evidence], in analysis: TextAnalysis
  ) -> [(range: Range<Int>, cues: [String])] {
    func clause(at offset: Int) -> Int32? {
      analysis.tokens.last { Int($0.span.start) <= offset }?.clause
    }
    var result: [(range: Range<Int>, cues: [String])] = []
    for match in matches.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      if let last = result.last,
        match.range.lowerBound < last.range.upperBound
          || clause(at: match.range.lowerBound) == clause(at: last.range.upperBound - 1)
      {
        let upper = max(last.range.upperBound, match.range.upperBound)
        result[result.count - 1].range = last.range.lowerBound..<upper
        if !last.cues.contains(match.cue) { result[result.count - 1].cues.append(match.cue) }
      } else {
        result.append((match.range, [match.cue]))
      }
    }
    return result
  }

  /// The words of a hedge that holds `range` open: in the same sentence, starting before the end
  /// of `range` (ending before its start when `after`), with no contrast word (`but`) between
  /// the hedge and `range`. Denials are found the same way.
  static func hedge(
    for range: Range<Int>, among hedges: [Evidence], in analysis: TextAnalysis,
    after: Bool = false
  ) -> String? {
    guard !hedges.isEmpty else { return nil }
    func sentence(of offset: Int) -> Int? {
      analysis.sentences.firstIndex { Int($0.span.start) <= offset && offset < Int($0.span.end) }
    }
    let target = sentence(of: range.lowerBound)
    for hedge in hedges
    where after ? hedge.range.upperBound <= range.lowerBound : hedge.range.lowerBound < range.upperBound
    {
      guard sentence(of: hedge.range.lowerBound) == target else { continue }
      let contrast = analysis.tokens.contains { token in
        token.is(WordClass.contrast) && Int(token.span.start) >= hedge.range.upperBound
          && Int(token.span.start) < range.lowerBound
      }
      if !contrast { return hedge.text }
    }
    return nil
  }

  /// A phrase with every `{class}` of `classes` replaced by each of its words, in turn.
  /// Braces naming no class here (`{number}`) are left for the matcher.
  static func expand(_ phrase: String, classes: [String: [String]]) -> [String] {
    var results = [""]
    for part in phrase.split(separator: " ") {
      var options = [String(part)]
      if part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2,
        let words = classes[String(part.dropFirst().dropLast())], !words.isEmpty
      {
        options = words
      }
      results = results.flatMap { prefix in
        options.map { prefix.isEmpty || $0.isEmpty ? prefix + $0 : prefix + " " + $0 }
      }
    }
    return results
  }

  /// The sentence holding `range`, without its final punctuation.
  static func sentence(around range: Range<Int>, in analysis: TextAnalysis) -> String {
    guard
      let sentence = analysis.sentences.first(where: {
        Int($0.span.start) <= range.lowerBound && range.lowerBound < Int($0.span.end)
      })
    else { return "" }
    var text = Substring(analysis.text(sentence.span))
    while let last = text.last, last == "." || last == "!" || last == "?" || last == " " {
      text = text.dropLast()
    }
    return String(text)
  }

  /// Untrusted words made safe and put on one line for a question.
  static func quoted(_ text: String) -> String {
    TerminalSafe.clean(text, keepNewlines: false)
  }
}

extension String {
  /// The text with every `{name}` replaced by `value`.
  func replacingPlaceholder(_ name: String, with value: String) -> String {
    let marker = "{" + name + "}"
    guard contains(marker) else { return self }
    var result = ""
    var rest = Substring(self)
    while let found = rest.firstRange(of: marker) {
      result += rest[..<found.lowerBound]
      result += value
      rest = rest[found.upperBound...]
    }
    return result + rest
  }
}
