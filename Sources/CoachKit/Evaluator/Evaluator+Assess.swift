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
      stops: vocabulary.classBits["negation-stop"] ?? 0, inert: inert)
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
          phrases: phrases.isEmpty ? [] : phrases.filter { $0.sentence == index }.map(\.phrase),
          determiners: vocabulary.classBits["determiner"] ?? 0)
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
      var cue = verdict.cue
      if !verdict.words.isEmpty {
        let span = analysis.span(verdict.words.lowerBound, verdict.words.upperBound - 1)
        cue += analysis.text(span).lowercased()
      }
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
      found.removeAll { f in
        isSignal[f.group] && stepIndex[f.group] == Step.check.index
          && rhetorical.contains(tokens[f.first].sentence)
      }
    }

    var tipsFromRules: [String] = []
    contrast(&found, analysis)
    summaries(
      &found, analysis, context: context, questions: questionSentences, tips: &tipsFromRules)
    lengthAndTone(&found, analysis, isOpen: isOpen, questions: questionSentences)

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
            cue: "cue words are \(share / tokens.count)% of the reply",
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
        : score >= thresholds.strong
          ? .strong
          : score >= thresholds.weak ? .weak : .none
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
        let rewrite = group.rewrite.map {
          group.rewriteQuotesText ? replacing($0, "{text}", with: text) : $0
        }
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
    let acts = acts(found: found, analysis: analysis, questions: questionSentences)
    return Assessment(
      steps: steps, signals: signals, antipatterns: antipatterns, tips: tips, quality: quality,
      isQuestion: isQuestion, isOpenQuestion: isOpen, acts: acts, stepScores: scores,
      analysis: analysis)
  }

  /// The reply's quality (see ``Lexicon/QualityWeights``).
  func quality(steps: StepStrengths, found: [Found], context: ReplyContext) -> Int {
    let q = lexicon.quality
    var points = q.base
    for step in Step.allCases {
      switch steps[step] {
      case .strong: points += q.strong[step.index]
      case .weak: points += q.weak[step.index]
      case .none: break
      }
    }
    var counted = Set<Int>()
    for f in found where !isSignal[f.group] && counted.insert(f.group).inserted {
      points -= q.antipattern * weights[f.group]
    }
    if isLeapfrog(steps, context) { points -= q.leapfrog }
    return max(0, min(100, points))
  }

  /// Each sentence's primary act: an offer (a core offer signal in it), else a check, else a
  /// question, else a statement.
  func acts(found: [Found], analysis: TextAnalysis, questions: SentenceFlags) -> [SentenceAct] {
    let tokens = analysis.tokens
    var offers = SentenceFlags(count: analysis.sentences.count)
    var checks = SentenceFlags(count: analysis.sentences.count)
    for f in found where f.first < tokens.count && isSignal[f.group] && f.cueIndex >= 0 {
      let sentence = Int(tokens[f.first].sentence)
      if stepIndex[f.group] == Step.offer.index, !groups[f.group].auxiliary {
        offers[sentence] = true
      }
      if stepIndex[f.group] == Step.check.index { checks[sentence] = true }
    }
    return analysis.sentences.indices.map { i in
      let act: ReplyAct =
        offers[i] ? .offer : checks[i] ? .check : questions[i] ? .question : .statement
      let span = analysis.sentences[i].span
      return SentenceAct(act: act, range: Int(span.start)..<Int(span.end))
    }
  }

  /// An offer before any empathy or understanding, at the start of a call.
  func isLeapfrog(_ steps: StepStrengths, _ context: ReplyContext) -> Bool {
    guard let step = context.step else { return false }
    return step <= .understand && steps.offer > .none && steps.empathy == .none
      && steps.understand == .none
  }

  /// The cue a find reports: the matcher's phrase, or the rule's text.
  @inline(__always) func cueText(_ f: Found) -> String {
    f.cueIndex >= 0 ? matcher.cues[Int(f.cueIndex)].phrase : f.cue
  }

  // MARK: - Rules

  /// "I understand, but…": a contrast word takes back the empathy before it in the sentence (or,
  /// starting a sentence, in the sentence before).
  func contrast(_ found: inout [Found], _ analysis: TextAnalysis) {
    let tokens = analysis.tokens
    guard builtins.contrast >= 0 else { return }
    // Per sentence: the last contrast word with at least two words after it.
    var anyContrast = false
    for sentence in analysis.sentences where !anyContrast {
      for i in sentence.tokens
      where tokens[i].is(WordClass.contrast) && sentence.tokens.upperBound - i - 1 >= 2 {
        anyContrast = true
        break
      }
    }
    guard anyContrast else { return }
    var lastContrast = [Int](repeating: -1, count: analysis.sentences.count)
    for (index, sentence) in analysis.sentences.enumerated() {
      for i in sentence.tokens where tokens[i].is(WordClass.contrast) {
        if sentence.tokens.upperBound - i - 1 >= 2 { lastContrast[index] = i }
      }
    }
    guard lastContrast.contains(where: { $0 >= 0 }) else { return }
    var used = Set<Int>()
    found.removeAll { f in
      guard isSignal[f.group], stepIndex[f.group] == 0 else { return false }
      let sentence = Int(tokens[f.first].sentence)
      let here = lastContrast[sentence]
      if here >= f.end {
        used.insert(here)
        return true
      }
      if sentence + 1 < analysis.sentences.count {
        let next = lastContrast[sentence + 1]
        if next >= 0, next == analysis.sentences[sentence + 1].tokens.lowerBound {
          used.insert(next)
          return true
        }
      }
      return false
    }
    for i in used.sorted() {
      let token = tokens[i]
      found.append(
        Found(
          group: builtins.contrast, span: token.span, first: i, end: i + 1,
          cue: "empathy taken back by `\(analysis.text(token.span).lowercased())`",
          weight: weights[builtins.contrast]))
    }
  }

  /// Reflective summaries: ones that echo the customer's words, and feelings before facts.
  func summaries(
    _ found: inout [Found], _ analysis: TextAnalysis, context: ReplyContext,
    questions: SentenceFlags, tips: inout [String]
  ) {
    let b = builtins
    guard b.summary >= 0 else { return }
    let tokens = analysis.tokens
    let soStem = vocabulary.info(for: [0x73, 0x6F]).stem  // "so"
    // Content words of the customer's line.
    var customerWords = Set<UInt64>()
    if let line = context.customerLine, !line.isEmpty {
      let customer = tokenizer.analyse(line)
      for t in customer.tokens where t.classes & Self.functionWords == 0 {
        customerWords.insert(t.stem)
      }
    }
    do {
      let summarised = Set(found.filter { $0.group == b.summary }.map { tokens[$0.first].sentence })
      // A sentence that blames, minimises or argues is no reflection, whatever words it echoes;
      // nor is one that offers or checks ("We'll cover the extra before Thursday's meeting").
      let faulted = Set(
        found.filter {
          ($0.cueIndex >= 0 && !isSignal[$0.group])
            || (isSignal[$0.group]
              && (stepIndex[$0.group] == Step.offer.index
                || stepIndex[$0.group] == Step.check.index))
        }.map { tokens[$0.first].sentence })
      let tags = vocabulary.classBits["tag"] ?? 0
      let pastForms = vocabulary.classBits["past-form"] ?? 0
      for (index, sentence) in analysis.sentences.enumerated() {
        guard !summarised.contains(Int32(index)), !faulted.contains(Int32(index)) else { continue }
        // A question is a restatement only as a tag question ("…, right?", "…, yes?").
        let last = sentence.tokens.upperBound - 1
        if questions[index],
          !(last >= sentence.tokens.lowerBound && tokens[last].classes & tags != 0)
        {
          continue
        }
        // "You…" and "So…" sentences reflect with fewer shared words than other statements
        // ("Three weeks with £340 in limbo, no wonder…" shares three).
        var s = sentence.tokens.lowerBound
        let startsWithSo = tokens[s].stem == soStem
        while s < sentence.tokens.upperBound, tokens[s].is(WordClass.leadIn) { s += 1 }
        guard s < sentence.tokens.upperBound else { continue }
        // Any other statement about the rep ("I…", "we…") is not a reflection.
        if !tokens[s].is(WordClass.second), !startsWithSo,
          tokens[s].is(WordClass.first) || tokens[s].is(WordClass.collective)
        {
          continue
        }
        let needed =
          tokens[s].is(WordClass.second) || startsWithSo
          ? thresholds.echoMinWords : thresholds.echoAnyMinWords
        // A long "So…" statement about the customer's side restates what they said, with or
        // without their line to compare ("So you moved in June, told us, and we've kept
        // sending bills to the old address").
        var words = 0
        for i in sentence.tokens where !tokens[i].has(Token.continuation) { words += 1 }
        if startsWithSo, words >= thresholds.restatementMinWords,
          !(tokens[s].is(WordClass.first) || tokens[s].is(WordClass.collective))
        {
          found.append(
            Found(
              group: b.summary, span: sentence.span, first: sentence.tokens.lowerBound,
              end: sentence.tokens.upperBound, cue: "a restatement starting with `so`",
              weight: 1))
          continue
        }
        // A long statement of what the customer did ("Right, you ordered a 10, got an 8, sent it
        // back…"): "you" starting a clause, and two or more things that happened.
        var starts = [s]
        for i in sentence.tokens where i > s && tokens[i].has(Token.afterPunctuation) {
          starts.append(i)
        }
        if words >= thresholds.restatementMinWords,
          starts.contains(where: { tokens[$0].is(WordClass.second) })
        {
          var events = 0
          for i in sentence.tokens where !tokens[i].has(Token.continuation) {
            if tokens[i].classes & pastForms != 0
              || analysis.text(tokens[i].span).lowercased().hasSuffix("ed")
            {
              events += 1
            }
          }
          if events >= 2 {
            found.append(
              Found(
                group: b.summary, span: sentence.span, first: sentence.tokens.lowerBound,
                end: sentence.tokens.upperBound, cue: "a restatement of what happened",
                weight: 1))
            continue
          }
        }
        guard !customerWords.isEmpty, !questions[index] else { continue }
        var shared: [Int] = []
        var stems = Set<UInt64>()
        for i in sentence.tokens where customerWords.contains(tokens[i].stem) {
          if stems.insert(tokens[i].stem).inserted { shared.append(i) }
        }
        if shared.count >= needed {
          let words = shared.prefix(4).map { analysis.text(tokens[$0].span).lowercased() }
          found.append(
            Found(
              group: b.summary, span: sentence.span, first: sentence.tokens.lowerBound,
              end: sentence.tokens.upperBound,
              cue: "echoes the customer: \(words.joined(separator: ", "))", weight: 1))
        }
      }
    }
    // Feelings first, facts second, inside each summary's sentence.
    let summaries = found.filter { $0.group == b.summary }
    var feelingsBySentence: [Int32: [Found]] = [:]
    if !summaries.isEmpty {
      for f in found where f.group == b.feeling {
        feelingsBySentence[tokens[f.first].sentence, default: []].append(f)
      }
    }
    var factsFirst = false
    var doneSentences = Set<Int32>()
    for summary in summaries {
      guard doneSentences.insert(tokens[summary.first].sentence).inserted else { continue }
      let sentence = analysis.sentences[Int(tokens[summary.first].sentence)]
      let feelings = feelingsBySentence[tokens[summary.first].sentence] ?? []
      let firstFeeling = feelings.map(\.first).min()
      var firstFact: Int?
      for i in sentence.tokens where i < summary.first || i >= summary.end {
        let t = tokens[i]
        if t.has(Token.number) || t.is(WordClass.factNoun)
          || (customerWords.contains(t.stem) && t.classes & Self.functionWords == 0
            && !feelings.contains(where: { $0.first <= i && i < $0.end }))
        {
          firstFact = i
          break
        }
      }
      if let feeling = firstFeeling, firstFact.map({ feeling < $0 }) ?? true {
        if b.feelingsFirst >= 0, let f = feelings.first(where: { $0.first == feeling }) {
          found.append(
            Found(
              group: b.feelingsFirst, span: f.span, first: f.first, end: f.end,
              cue: "the feeling comes before the facts", weight: weights[b.feelingsFirst]))
        }
      } else if firstFact != nil {
        factsFirst = true
      }
    }
    if factsFirst, let tip = tipTexts[Lexicon.TipKey.factsFirst] { tips.append(tip) }
  }

  /// Words that carry no content of their own.
  static let functionWords: UInt64 =
    WordClass.stopword | WordClass.first | WordClass.second | WordClass.collective
    | WordClass.auxiliary | WordClass.negator | WordClass.wh | WordClass.subject
    | WordClass.leadIn | WordClass.clauseBreak | WordClass.contrast

  /// Shouting, rambling, curt replies and I/you-heavy wording.
  func lengthAndTone(
    _ found: inout [Found], _ analysis: TextAnalysis, isOpen: Bool, questions: SentenceFlags
  ) {
    let b = builtins
    let t = thresholds
    let tokens = analysis.tokens
    if b.shouting >= 0 {
      var capitals = false
      var i = 0
      while i < tokens.count {
        guard tokens[i].has(Token.caps), !tokens[i].is(WordClass.acronym) else {
          i += 1
          continue
        }
        var j = i
        var words = 0
        while j < tokens.count, tokens[j].has(Token.caps), !tokens[j].is(WordClass.acronym) {
          if !tokens[j].has(Token.continuation) { words += 1 }
          j += 1
        }
        if words >= t.capsMinWords {
          capitals = true
          found.append(
            Found(
              group: b.shouting, span: analysis.span(i, j - 1), first: i, end: j,
              cue: "\(words) words in capitals", weight: weights[b.shouting]))
        }
        i = j
      }
      // "So sorry!!" is warmth; "!!" shouts only beside words in capitals.
      for run in analysis.exclamationRuns where capitals {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if tokens[mid].span.end <= run.start { lo = mid + 1 } else { hi = mid }
        }
        let at = max(0, lo - 1)
        found.append(
          Found(
            group: b.shouting, span: run, first: at, end: min(at + 1, max(tokens.count, 1)),
            cue: "\(run.end - run.start) exclamation marks", weight: weights[b.shouting]))
      }
    }
    guard !tokens.isEmpty else { return }
    let all = analysis.span(0, tokens.count - 1)
    if b.rambling >= 0 {
      if analysis.wordCount >= t.ramblingMinWords {
        found.append(
          Found(
            group: b.rambling, span: all, first: 0, end: tokens.count,
            cue: "\(analysis.wordCount) words (\(t.ramblingMinWords) or more)",
            weight: weights[b.rambling]))
      } else {
        for sentence in analysis.sentences {
          var words = 0
          for i in sentence.tokens where !tokens[i].has(Token.continuation) { words += 1 }
          if words >= t.ramblingSentenceWords {
            found.append(
              Found(
                group: b.rambling, span: sentence.span, first: sentence.tokens.lowerBound,
                end: sentence.tokens.upperBound,
                cue: "a sentence of \(words) words (\(t.ramblingSentenceWords) or more)",
                weight: weights[b.rambling]))
            break
          }
        }
      }
    }
    // Curt: a short reply with nothing for the customer's feelings, no softener and no open
    // question, made of fragments and bare orders ("Noted. Order number?", "Done. Bye.",
    // "Can't help with that.", "Your account is suspended. Pay the balance."). A short warm or
    // open reply is not, and nor is a whole sentence ("I'll refund the duplicate payment.").
    let softeners = vocabulary.classBits["softener"] ?? 0
    let commands = vocabulary.classBits["command-verb"] ?? 0
    var blunt = 0
    var commandAt = -1
    for (index, sentence) in analysis.sentences.enumerated() {
      var i = sentence.tokens.lowerBound
      while i < sentence.tokens.upperBound, tokens[i].is(WordClass.leadIn) { i += 1 }
      guard i < sentence.tokens.upperBound else { continue }
      let first = tokens[i]
      // A subject, or the auxiliary or question word a question starts with, makes a whole
      // sentence; a bare command verb or anything else is a fragment or an order.
      let whole =
        first.classes & commands == 0
        && (first.is(WordClass.subject)
          || (questions[index] && first.classes & (WordClass.auxiliary | WordClass.wh) != 0))
      if !whole { blunt += 1 }
      if first.classes & commands != 0, commandAt < 0 { commandAt = i }
    }
    if b.curt >= 0, analysis.wordCount <= t.curtMaxWords, !isOpen,
      !found.contains(where: {
        isSignal[$0.group]
          && (stepIndex[$0.group] == Step.empathy.index || stepIndex[$0.group] == Step.check.index)
      }),
      !tokens.contains(where: { $0.classes & softeners != 0 }),
      analysis.wordCount <= 3 || blunt * 2 >= analysis.sentences.count
    {
      found.append(
        Found(
          group: b.curt, span: all, first: 0, end: tokens.count,
          cue: "\(analysis.wordCount) word\(analysis.wordCount == 1 ? "" : "s")",
          weight: weights[b.curt]))
    }
    // Tone: an order, or a hostile anti-pattern, with nothing to soften it (no softener, no
    // empathy) reads as blunt ("Pay the balance.", "Calm down, it's policy.").
    let softened =
      tokens.contains(where: { $0.classes & softeners != 0 })
      || found.contains(where: { isSignal[$0.group] && stepIndex[$0.group] == Step.empathy.index })
    if b.blunt >= 0, !softened, !found.contains(where: { $0.group == b.blunt }) {
      if let hostile = found.first(where: { $0.cueIndex >= 0 && groups[$0.group].hostile }) {
        // The tone of the whole reply: nothing in it softens the anti-pattern.
        found.append(
          Found(
            group: b.blunt, span: all, first: 0, end: tokens.count,
            cue: "nothing softens `\(groups[hostile.group].id)`", weight: weights[b.blunt]))
      } else if commandAt >= 0, analysis.wordCount <= t.curtMaxWords * 2 {
        let sentence = analysis.sentences[Int(tokens[commandAt].sentence)]
        found.append(
          Found(
            group: b.blunt, span: sentence.span, first: sentence.tokens.lowerBound,
            end: sentence.tokens.upperBound, cue: "a bare order", weight: weights[b.blunt]))
      }
    }
    if b.iYou >= 0 {
      // I/you-heavy wording divides in a disagreement; a sentence that empathises, owns the
      // problem or commits to something ("I'm sorry I let you down", "I'll call you") with a
      // full cue (not a weak one) is first- and second-person by nature, so its words count
      // only beside an anti-pattern.
      var cooperative = SentenceFlags(count: analysis.sentences.count)
      var faulted = SentenceFlags(count: analysis.sentences.count)
      for f in found where f.first < tokens.count {
        let sentence = Int(tokens[f.first].sentence)
        if !isSignal[f.group] {
          if f.cueIndex >= 0 { faulted[sentence] = true }
        } else if f.cueIndex >= 0, matcher.cues[Int(f.cueIndex)].tag & 3 == Self.roleStrong,
          stepIndex[f.group] == Step.empathy.index || stepIndex[f.group] == Step.offer.index
        {
          cooperative[sentence] = true
        }
      }
      var iYou = 0
      var we = 0
      for token in tokens {
        let sentence = Int(token.sentence)
        if token.is(WordClass.first) || token.is(WordClass.second),
          !cooperative[sentence] || faulted[sentence]
        {
          iYou += 1
        }
        if token.is(WordClass.collective) { we += 1 }
      }
      if we == 0, iYou >= t.iYouMinCount, iYou * 100 >= t.iYouMinPercent * tokens.count {
        var bestSentence = analysis.sentences[0]
        var bestCount = -1
        for sentence in analysis.sentences {
          var c = 0
          let index = Int(tokens[sentence.tokens.lowerBound].sentence)
          if cooperative[index] && !faulted[index] { continue }
          for i in sentence.tokens
          where tokens[i].is(WordClass.first) || tokens[i].is(WordClass.second) {
            c += 1
          }
          if c > bestCount {
            bestCount = c
            bestSentence = sentence
          }
        }
        found.append(
          Found(
            group: b.iYou, span: bestSentence.span, first: bestSentence.tokens.lowerBound,
            end: bestSentence.tokens.upperBound,
            cue: "\(iYou) of \(tokens.count) words are I or you, none is we",
            weight: weights[b.iYou]))
      }
    }
  }

  /// One or two tips, drawn from what was found and what is missing.
  func chooseTips(
    found: [Found], steps: StepStrengths, context: ReplyContext, isOpen: Bool, isQuestion: Bool,
    extra: [String]
  ) -> [String] {
    var tips: [String] = []
    func add(_ tip: String?) {
      guard let tip, !tip.isEmpty, tips.count < 2, !tips.contains(tip) else { return }
      tips.append(tip)
    }
    // The heaviest anti-patterns first, earlier ones first among equals (the order of a stable
    // sort by weight and start), picked one after another without a sorted copy.
    var last = (weight: Int.max, start: Int32.min, index: -1)
    while tips.count < 2 {
      var next = -1
      for (i, f) in found.enumerated() where !isSignal[f.group] {
        let after =
          f.weight < last.weight
          || (f.weight == last.weight
            && (f.span.start > last.start || (f.span.start == last.start && i > last.index)))
        guard after else { continue }
        if next < 0 { next = i; continue }
        let n = found[next]
        if f.weight > n.weight || (f.weight == n.weight && f.span.start < n.span.start) {
          next = i
        }
      }
      guard next >= 0 else { break }
      let f = found[next]
      last = (f.weight, f.span.start, next)
      add(groups[f.group].tip)
    }
    for tip in extra { add(tip) }
    let tipText = tipTexts
    if isLeapfrog(steps, context) { add(tipText[.leapfrog]) }
    if context.step == .understand, isQuestion, !isOpen {
      add(tipText[.closedOnly])
    }
    let focus = context.step ?? Step.allCases.first { steps[$0] == .none }
    if let focus, steps[focus] == .none {
      let key: Lexicon.TipKey =
        switch focus {
        case .empathy: .missingEmpathy
        case .understand: .missingUnderstand
        case .offer: .missingOffer
        case .check: .missingCheck
        }
      add(tipText[key])
    }
    if tips.isEmpty { add(tipText[.wellDone]) }
    return tips
  }
}

/// One flag per sentence; no allocation for replies of up to 64 sentences.
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
