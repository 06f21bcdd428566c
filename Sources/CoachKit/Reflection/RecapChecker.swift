/// Scores the written recap a rep would send after a conversation (seed 004: "recap the discussion
/// and the agreed-upon solution … this removes any ambiguity").
///
/// The checks are the lexicon's `recap.checks`, each with evidence from the recap: the agreed
/// solution stated, who does what by when, the next contact, thanks, no blame, no re-arguing,
/// concise. A check's value is 1 (passed), 0.5 (half) or 0; the score is the weighted mean
/// `sum(weight × value) / sum(weight)`, rounded to two decimals.
///
/// - `expect: present` checks pass on their `cues` or `signals` (evaluator signal ids). With an
///   `also-` part (`also-cues`, `also-signals`, the session's agreed option phrases), both parts
///   give 1 and one part 0.5; `same-sentence` wants both parts in one sentence for the 1.
///   `also-cues` only complete the first part: alone they count nothing.
/// - `expect: absent` checks pass when none of their `cues` and `antipatterns` (evaluator
///   anti-pattern ids, with their rewrites) is found. A recap shorter than the length check's
///   `min-words`, or one where none of the `needs-any` checks (listed before it) fully passed,
///   gets 0.5 on them: too little to judge.
/// - `not-with-antipatterns`: evidence in a sentence with one of those anti-patterns does not
///   count ("the refund is out of the question" offers no refund).
/// - A length check (`max-words`) passes up to `max-words`, half passes up to `long-words`, and
///   fails below `min-words` or above `long-words`.
///
/// An empty recap scores 0 on every check.
public struct RecapChecker: Sendable {
  struct CompiledCheck: Sendable {
    var rule: Lexicon.RecapCheckRule
    var cues: CueSet
    var notWhen: CueSet
    var alsoCues: CueSet
  }

  let evaluator: Evaluator
  let checks: [CompiledCheck]
  /// The draft templates of the lexicon.
  public let draftPhrases: Lexicon.DraftPhrases

  /// Compiles the recap checks of `reflection` (by default, the evaluator's lexicon's).
  public init(evaluator: Evaluator, reflection: Lexicon.Reflection? = nil) {
    let reflection = reflection ?? evaluator.lexicon.reflection()
    self.evaluator = evaluator
    checks = reflection.recapChecks.map { rule in
      CompiledCheck(
        rule: rule, cues: evaluator.compile(rule.cues), notWhen: evaluator.compile(rule.notWhen),
        alsoCues: evaluator.compile(rule.alsoCues))
    }
    draftPhrases = reflection.draft
  }

  /// The check ids, in lexicon order.
  public var checkIDs: [String] { checks.map(\.rule.id) }

  /// Scores `recap`.
  ///
  /// - Parameter agreedPhrases: Phrases of the option agreed in the session (its `offered-by`),
  ///   counted by checks with `session-phrases: true`.
  public func check(_ recap: String, agreedPhrases: [String] = []) -> RecapResult {
    let assessment = evaluator.assess(recap)
    let analysis = assessment.analysis
    let words = assessment.wordCount
    let session = evaluator.compile(agreedPhrases)
    let minWords = checks.compactMap(\.rule.minWords).max() ?? 0
    func sentence(of offset: Int) -> Int? {
      analysis.sentences.firstIndex { Int($0.span.start) <= offset && offset < Int($0.span.end) }
    }
    func cueMatches(_ set: CueSet, vetoes: [Evidence], source: String) -> [RecapEvidence] {
      evaluator.matches(set, in: assessment).filter { match in
        !match.negated && !vetoes.contains { $0.range.overlaps(match.range) }
      }.map { RecapEvidence(evidence: $0, source: source) }
    }
    var results: [RecapCheck] = []
    for compiled in checks {
      let rule = compiled.rule
      var check = RecapCheck(id: rule.id, title: rule.title, weight: rule.weight, value: 0)
      defer { results.append(check) }
      if words == 0 { continue }
      if rule.isLength {
        check.words = words
        if words < (rule.minWords ?? 0) {
          check.value = 0
        } else if words <= rule.maxWords ?? Int.max {
          check.value = 1
        } else if words <= rule.longWords ?? (rule.maxWords ?? 0) {
          check.value = 0.5
        }
        continue
      }
      let vetoes = evaluator.matches(compiled.notWhen, in: assessment)
      // Sentences where a listed anti-pattern refuses: nothing there counts for this check.
      let refused = Set(
        assessment.antipatterns.filter { rule.notWithAntipatterns.contains($0.id) }
          .compactMap { sentence(of: $0.range.lowerBound) })
      func counts(_ item: RecapEvidence) -> Bool {
        guard let s = sentence(of: item.evidence.range.lowerBound) else { return true }
        return !refused.contains(s)
      }
      switch rule.expect {
      case .absent:
        // Anti-patterns first: they carry the standard rewrite.
        var found = assessment.antipatterns.filter { rule.antipatterns.contains($0.id) }
          .map { RecapEvidence(evidence: $0, source: "antipattern:" + $0.id) }
        for match in cueMatches(compiled.cues, vetoes: vetoes, source: "cue")
        where !found.contains(where: { $0.evidence.range.overlaps(match.evidence.range) }) {
          found.append(match)
        }
        check.evidence = found.sorted { $0.evidence.range.lowerBound < $1.evidence.range.lowerBound }
        let nothingToJudge =
          words < minWords
          || (!rule.needsAny.isEmpty
            && !results.contains { rule.needsAny.contains($0.id) && $0.value >= 1 })
        check.value = found.isEmpty ? (nothingToJudge ? 0.5 : 1) : 0
      case .present:
        var first = cueMatches(compiled.cues, vetoes: vetoes, source: "cue")
        first += assessment.signals.filter { signal in
          rule.signals.contains(signal.id) && !vetoes.contains { $0.range.overlaps(signal.range) }
        }
          .map { RecapEvidence(evidence: $0, source: "signal:" + $0.id) }
        // Also-cues only complete the first part; signals and session phrases stand alone.
        let completing = cueMatches(compiled.alsoCues, vetoes: vetoes, source: "cue").filter(counts)
        var second = assessment.signals.filter { rule.alsoSignals.contains($0.id) }
          .map { RecapEvidence(evidence: $0, source: "signal:" + $0.id) }
        if rule.sessionPhrases {
          second += cueMatches(session, vetoes: vetoes, source: "session")
        }
        first = first.filter(counts)
        second = second.filter(counts)
        let twoPart =
          !rule.alsoCues.isEmpty || !rule.alsoSignals.isEmpty
          || (rule.sessionPhrases && !agreedPhrases.isEmpty)
        let both = second + completing
        if !twoPart {
          check.value = first.isEmpty ? 0 : 1
        } else if rule.sameSentence {
          let together = first.contains { a in
            let s = sentence(of: a.evidence.range.lowerBound)
            return both.contains { sentence(of: $0.evidence.range.lowerBound) == s }
          }
          check.value = together ? 1 : (first.isEmpty && second.isEmpty ? 0 : 0.5)
        } else {
          check.value =
            !first.isEmpty && !both.isEmpty ? 1 : (first.isEmpty && second.isEmpty ? 0 : 0.5)
        }
        let used = check.value >= 1 ? both : second
        check.evidence = Self.unique(first + used)
      }
    }
    for index in results.indices where results[index].value < 1 {
      results[index].tip = checks[index].rule.tip
    }
    let total = results.reduce(0) { $0 + $1.weight }
    let sum = results.reduce(0.0) { $0 + Double($1.weight) * $1.value }
    let score = total == 0 ? 0 : (sum / Double(total) * 100).rounded() / 100
    let tips = results.enumerated().filter { $0.element.value < 1 && $0.element.tip != nil }
      .sorted { ($1.element.weight, $0.offset) < ($0.element.weight, $1.offset) }
      .compactMap(\.element.tip)
    return RecapResult(score: score, checks: results, tips: tips, words: words)
  }

  /// Evidence in text order, one per range and source.
  static func unique(_ items: [RecapEvidence]) -> [RecapEvidence] {
    var result: [RecapEvidence] = []
    for item in items.sorted(by: { $0.evidence.range.lowerBound < $1.evidence.range.lowerBound })
    where !result.contains(where: { $0.evidence.range == item.evidence.range && $0.source == item.source }) {
      result.append(item)
    }
    return result
  }
}
