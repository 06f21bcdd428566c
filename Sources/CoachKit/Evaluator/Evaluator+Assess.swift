extension Evaluator {
  /// One signal or anti-pattern found, before it becomes ``Evidence``.
  struct Found {
    var group: Int
    var span: TextSpan
    var first: Int
    var end: Int
    /// A rule's cue; empty for a matcher's cue (``Evaluator/cueText(_:)`` reads it from the
    /// matcher, so finds are copied without a string).
    var cue: String
    var weight: Int
    /// The matcher's cue index, or -1 for a rule.
    var cueIndex: Int32 = -1
    /// Whether the evidence carries its group's rewrite (not when it rides on another
    /// anti-pattern whose own rewrite is the fix).
    var rewrites = true
  }

  /// Assesses one reply. Pure and deterministic: the same reply, context and evaluator always give
  /// the same assessment.
  public func assess(_ reply: String, context: ReplyContext = ReplyContext()) -> Assessment {
    var analysis = tokenizer.analyse(reply)
    var raw: [CueMatcher.Match] = []
    raw.reserveCapacity(16)
    matcher.matches(in: analysis, into: &raw)

    // Negation: exception phrases make their negators inert, then negators reach forward.
    var inert: [(Int, Int)] = []
    var phrases: [(sentence: Int, phrase: QuestionDetector.Phrase)] = []
    for m in raw where matcher.cues[Int(m.cue)].tag < 0 {
      let cue = matcher.cues[Int(m.cue)]
      switch cue.tag {
      case Self.tagNegationException: inert.append((Int(m.first), Int(m.end)))
      default:
        let sentence = Int(analysis.tokens[Int(m.first)].sentence)
        phrases.append(
          (
            sentence,
            QuestionDetector.Phrase(
              first: Int(m.first), end: Int(m.end), text: cue.phrase,
              indirect: cue.tag == Self.tagIndirect)
          ))
      }
    }
    Negation.mark(
      &analysis.tokens, window: thresholds.negationWindow,
      stops: builtins.negationStop, inert: inert)
    clauseReader.read(&analysis, phrases: phrases)
    let tokens = analysis.tokens

    // Group matches: drop negated and vetoed ones, keep the longest of overlapping ones.
    // Vetoes come in token order (by first word); a match looks only at those that can reach it.
    var vetoes: [(group: Int, first: Int32, end: Int32)] = []
    var longestVeto: Int32 = 0
    for m in raw {
      let tag = matcher.cues[Int(m.cue)].tag
      if tag >= 0, tag & 3 == Self.roleVeto {
        vetoes.append((Int(tag >> 2), m.first, m.end))
        longestVeto = max(longestVeto, m.end - m.first)
      }
    }
    func vetoed(_ g: Int, _ first: Int32, _ end: Int32) -> Bool {
      guard !vetoes.isEmpty else { return false }
      var lo = 0
      var hi = vetoes.count
      let from = first - longestVeto
      while lo < hi {
        let mid = (lo + hi) / 2
        if vetoes[mid].first < from { lo = mid + 1 } else { hi = mid }
      }
      while lo < vetoes.count, vetoes[lo].first < end {
        let v = vetoes[lo]
        if v.group == g, first < v.end { return true }
        lo += 1
      }
      return false
    }
    var found: [Found] = []
    found.reserveCapacity(raw.count + 8)
    for m in raw {
      let cue = matcher.cues[Int(m.cue)]
      guard cue.tag >= 0, cue.tag & 3 != Self.roleVeto else { continue }
      let g = Int(cue.tag >> 2)
      if groups[g].negatable,
        Negation.isNegated(tokens, first: Int(m.first), end: Int(m.end))
      {
        continue
      }
      if vetoed(g, m.first, m.end) { continue }
      let groupWeight = weights[g]
      let weight = cue.tag & 3 == Self.roleWeak ? min(1, groupWeight) : groupWeight
      let candidate = Found(
        group: g, span: analysis.span(Int(m.first), Int(m.end) - 1), first: Int(m.first),
        end: Int(m.end), cue: "", weight: weight, cueIndex: m.cue)
      // Matches come in token order, so only the group's last match can overlap.
      var k = found.count - 1
      while k >= 0, found[k].group != g { k -= 1 }
      if k >= 0, found[k].first < candidate.end, candidate.first < found[k].end {
        let kept = found[k]
        if candidate.end - candidate.first > kept.end - kept.first
          || (candidate.end - candidate.first == kept.end - kept.first
            && candidate.weight > kept.weight)
        {
          found[k] = candidate
        }
        continue
      }
      found.append(candidate)
    }
    readAgainstClauses(&found, analysis)
    // Anti-patterns that override signals (the cliché over its `how you feel`).
    let overriding = hasOverrides ? found.filter { overrides[$0.group] } : []
    if !overriding.isEmpty {
      var bySentence: [Int32: [Found]] = [:]
      for o in overriding { bySentence[tokens[o.first].sentence, default: []].append(o) }
      found.removeAll { f in
        guard let candidates = bySentence[tokens[f.first].sentence] else { return false }
        return candidates.contains { o in
          groups[o.group].overrides.contains(f.group) && o.span.overlaps(f.span)
        }
      }
    }

    // Questions, sentence by sentence.
    var isQuestion = false
    var isOpen = false
    let b = builtins
    var questionSentences = SentenceFlags(count: analysis.sentences.count)
    let antipatternStarts = Set(
      found.lazy.filter { !self.isSignal[$0.group] && $0.cueIndex >= 0 }.map(\.first))
    var rhetorical = Set<Int32>()
    for (index, sentence) in analysis.sentences.enumerated() {
      guard
        let verdict = QuestionDetector.classify(
          sentence, tokens,
          // (Only a sentence that has some builds a list of them.)
          phrases: phrases.contains(where: { $0.sentence == index })
            ? phrases.filter { $0.sentence == index }.map(\.phrase) : [],
          classes: builtins.questionClasses)
      else { continue }
      // A hostile rhetorical question ("what do you want me to do about it?", "how many times do
      // I have to…") starts with an anti-pattern's cue: it asks nothing and checks nothing.
      if verdict.start >= 0, antipatternStarts.contains(verdict.start) {
        rhetorical.insert(Int32(index))
        continue
      }
      isQuestion = true
      isOpen = isOpen || verdict.open
      questionSentences[index] = true
      let r = sentence.tokens
      let kind = verdict.open ? b.questionOpen : b.questionClosed
      var words = ""
      if !verdict.words.isEmpty {
        let span = analysis.span(verdict.words.lowerBound, verdict.words.upperBound - 1)
        words = analysis.text(span).lowercased()
      }
      let cue = evidence(verdict.rule, ["phrase": verdict.phrase, "words": words])
      // The question group, then its kind (a range, not an array literal: no allocation).
      for k in 0..<2 {
        let g = k == 0 ? b.question : kind
        guard g >= 0 else { continue }
        found.append(
          Found(
            group: g, span: sentence.span, first: r.lowerBound, end: r.upperBound,
            cue: cue, weight: weights[g]))
      }
    }
    if !rhetorical.isEmpty {
      for k in analysis.clauses.indices where rhetorical.contains(analysis.clauses[k].sentence) {
        analysis.clauses[k].rhetorical = true
      }
      found.removeAll { f in
        isSignal[f.group] && stepIndex[f.group] == Step.check.index
          && rhetorical.contains(tokens[f.first].sentence)
      }
    }

    var tipsFromRules: [String] = []
    contrast(&found, analysis)
    toldBack(&found, analysis, questions: questionSentences)
    yieldsTo(&found, analysis)
    summaries(
      &found, analysis, context: context, questions: questionSentences, tips: &tipsFromRules)
    lengthAndTone(
      &found, analysis, isOpen: isOpen, questions: questionSentences, step: context.step)

    // Keyword stuffing: a string of cue phrases back to back (no word of the rep's own between
    // them) that covers most of the reply. Natural sentences join their cues with other words;
    // one cue that is a whole sentence ("How does that sound?") is not a string.
    var stuffed = false
    let countsForStuffing = { (f: Found) -> Bool in
      self.isSignal[f.group] && f.group != b.question
        && f.group != b.questionOpen && f.group != b.questionClosed
    }
    var signalFindCount = 0
    for f in found where countsForStuffing(f) { signalFindCount += 1 }
    if b.stuffing >= 0, signalFindCount >= thresholds.stuffingMinCues, !tokens.isEmpty {
      let signalFinds = found.filter(countsForStuffing)
      var covered = [Bool](repeating: false, count: tokens.count)
      for f in signalFinds { for i in f.first..<f.end { covered[i] = true } }
      let share = covered.filter { $0 }.count * 100
      // The longest run of cues each starting where the one before ended; overlapping matches
      // of several signals ("that sounds" in "how does that sound") are one cue.
      var longestRun = 0
      var run = 0
      var runEnd = -1
      for f in signalFinds.sorted(by: { ($0.first, $0.end) < ($1.first, $1.end) }) {
        if f.first < runEnd {
          runEnd = max(runEnd, f.end)
          continue
        }
        run = f.first == runEnd ? run + 1 : 1
        runEnd = f.end
        longestRun = max(longestRun, run)
      }
      if share >= thresholds.stuffingPercent * tokens.count,
        longestRun >= thresholds.stuffingMinCues
      {
        stuffed = true
        let all = analysis.span(0, tokens.count - 1)
        found.append(
          Found(
            group: b.stuffing, span: all, first: 0, end: tokens.count,
            cue: evidence(.stuffing, ["percent": "\(share / tokens.count)"]),
            weight: weights[b.stuffing]))
      }
    }

    // Scores: each signal counts once, at its best weight; each anti-pattern costs once.
    // Each group once, at its first find (no per-group tables: a reply finds few groups).
    var scores = [0, 0, 0, 0]
    var stepHasSignal: UInt8 = 0
    for i in found.indices {
      let g = found[i].group
      var j = 0
      while j < i, found[j].group != g { j += 1 }
      guard j == i, let step = groups[g].step else { continue }
      var best = 0
      for f in found[i...] where f.group == g { best = max(best, f.weight) }
      let signal = groups[g].signal
      scores[step.index] += signal ? best : -best
      // An auxiliary signal (a time frame, "we") strengthens a step but never raises it alone.
      if signal, !groups[g].auxiliary { stepHasSignal |= 1 << step.index }
    }
    if b.option >= 0, let step = groups[b.option].step {
      var first: Int32 = -1
      var distinct = false
      for f in found where f.group == b.option {
        if first < 0 { first = f.cueIndex } else if f.cueIndex != first { distinct = true }
      }
      if distinct { scores[step.index] += thresholds.choiceBonus }
    }
    var steps = StepStrengths()
    for step in Step.allCases {
      let hasSignal = stepHasSignal & (1 << step.index) != 0
      let score = scores[step.index]
      var strength: Strength =
        !hasSignal
        ? .none
        : score >= thresholds.strong[step.index]
          ? .strong
          : score >= thresholds.weak[step.index] ? .weak : .none
      if stuffed, strength == .strong { strength = .weak }
      steps[step] = strength
    }

    found.sort { ($0.span.start, $0.span.end, $0.group) < ($1.span.start, $1.span.end, $1.group) }
    var signals: [Evidence] = []
    var antipatterns: [Evidence] = []
    var signalCount = 0
    for f in found where groups[f.group].signal { signalCount += 1 }
    if signalCount > 0 { signals.reserveCapacity(signalCount) }
    if found.count > signalCount { antipatterns.reserveCapacity(found.count - signalCount) }
    for f in found {
      let group = groups[f.group]
      let text = analysis.text(f.span)
      if group.signal {
        signals.append(
          Evidence(
            id: group.id, range: Int(f.span.start)..<Int(f.span.end), text: text,
            cue: cueText(f))
        )
      } else {
        let rewrite =
          f.rewrites
          ? group.rewrite.map { group.rewriteQuotesText ? replacing($0, "{text}", with: text) : $0 }
          : nil
        antipatterns.append(
          Evidence(
            id: group.id, range: Int(f.span.start)..<Int(f.span.end), text: text,
            cue: cueText(f), rewrite: rewrite))
      }
    }
    let tips = chooseTips(
      found: found, steps: steps, context: context, isOpen: isOpen, isQuestion: isQuestion,
      extra: tipsFromRules)
    let quality = quality(steps: steps, found: found, context: context)
    let acts = acts(found: found, analysis: analysis)
    return Assessment(
      steps: steps, signals: signals, antipatterns: antipatterns, tips: tips, quality: quality,
      isQuestion: isQuestion, isOpenQuestion: isOpen, acts: acts, stepScores: scores,
      analysis: analysis)
  }

  /// The cue a find reports: the matcher's phrase, or the rule's text.
  @inline(__always) func cueText(_ f: Found) -> String {
    f.cueIndex >= 0 ? matcher.cues[Int(f.cueIndex)].phrase : f.cue
  }

}

/// One flag per sentence (or clause); no allocation for up to 64 of them.
struct SentenceFlags {
  private var small: UInt64 = 0
  private var large: [Bool]

  init(count: Int) { large = count > 64 ? [Bool](repeating: false, count: count) : [] }

  @inline(__always) subscript(index: Int) -> Bool {
    get { large.isEmpty ? (small >> UInt64(index)) & 1 != 0 : large[index] }
    set {
      if !large.isEmpty {
        large[index] = newValue
      } else if newValue {
        small |= 1 << UInt64(index)
      } else {
        small &= ~(1 << UInt64(index))
      }
    }
  }
}

/// `text` with every `placeholder` replaced (no Foundation).
func replacing(_ text: String, _ placeholder: String, with value: String) -> String {
  guard !placeholder.isEmpty, text.contains(placeholder) else { return text }
  var out = ""
  var rest = Substring(text)
  while let r = rest.firstRange(of: placeholder) {
    out += rest[..<r.lowerBound]
    out += value
    rest = rest[r.upperBound...]
  }
  out += rest
  return out
}
