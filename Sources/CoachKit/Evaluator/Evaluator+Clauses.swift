/// Cues read against their clause: whose feeling a `feeling` cue names, and what a question
/// does with a feeling or a reflection in it.
extension Evaluator {
  /// Applies the clause rules to the finds, in order.
  func readAgainstClauses(_ found: inout [Found], _ analysis: TextAnalysis) {
    let tokens = analysis.tokens
    let clauses = analysis.clauses
    guard !clauses.isEmpty else { return }
    var k = 0
    while k < found.count {
      let f = found[k]
      guard f.first < tokens.count, f.cueIndex >= 0 else {
        k += 1
        continue
      }
      let clause = clauses[Int(tokens[f.first].clause)]
      if let invite = feelingAsked(f, clause, analysis) {
        found[k] = invite
      } else if ownFeeling(f, clause, tokens) || reflectionAsked(f, clause)
        || detailAsked(f, clause, tokens)
      {
        found.remove(at: k)
        continue
      }
      k += 1
    }
    for clause in clauses {
      if let f = cannotClause(clause, analysis, found) ?? adviceClause(clause, analysis, found)
        ?? tagCheck(clause, analysis, found)
      {
        found.append(f)
      }
    }
  }

  /// A feeling asked about ("how are you feeling?", "is anything else worrying you?") is not
  /// named but explored: in a clause that asks, a `feeling` find becomes an `invite` (the
  /// customer is invited to say how it has been), with the lexicon's `feeling-asked` evidence.
  func feelingAsked(_ f: Found, _ clause: Clause, _ analysis: TextAnalysis) -> Found? {
    let b = builtins
    guard f.group == b.feeling, b.invite >= 0, clause.asks else { return nil }
    let words = analysis.text(f.span).lowercased()
    return Found(
      group: b.invite, span: f.span, first: f.first, end: f.end,
      cue: evidence(.feelingAsked, ["words": words]), weight: weights[b.invite])
  }

  /// The rep's own feeling ("I feel anxious too", "we were so worried") is not the customer's:
  /// a feeling word (or `feel` before one) whose holder — the nearest subject before it in its
  /// clause, with no question word between ("I can hear how upset you are") — is `i` or `we`,
  /// in a clause that is not hypothetical ("I'd be worried too" meets the customer's). "I feel
  /// for you" names no feeling of the rep's.
  func ownFeeling(_ f: Found, _ clause: Clause, _ tokens: [Token]) -> Bool {
    let b = builtins
    guard f.group == b.feeling else { return false }
    var word = f.first
    while word < clause.tokens.upperBound, tokens[word].classes & b.feelingClass == 0 {
      word += 1
    }
    guard word < clause.tokens.upperBound else { return false }
    switch clause.modality {
    case .would, .could, .might: return false
    default: break
    }
    var j = word - 1
    while j >= clause.tokens.lowerBound {
      if let holder = clauseReader.subject(of: tokens[j]) { return holder == .i || holder == .we }
      // "I can hear how upset you are": a question word opens a clause of its own.
      if tokens[j].is(WordClass.wh) { return false }
      j -= 1
    }
    return false
  }

  /// A reflection's words inside a question ("how does that make you feel?", "did you feel
  /// let down?") ask; they do not summarise. A reflection that is itself the question ("have I
  /// got that right?") and a declarative question ("so you were charged twice?") still reflect.
  func reflectionAsked(_ f: Found, _ clause: Clause) -> Bool {
    f.group == builtins.summary && clause.asks && f.first > clause.questionStart
  }
}

extension Evaluator {
  /// A question word's inversion asks for a detail; it offers nothing: an `option` find that
  /// starts with an auxiliary after the question word of a clause that asks ("when would you
  /// like to come in?", "what city should I look in?"). The options named in the question
  /// still offer ("which would you prefer, a refund or a replacement?").
  func detailAsked(_ f: Found, _ clause: Clause, _ tokens: [Token]) -> Bool {
    f.group == builtins.option && clause.asks && clause.questionStart >= 0
      && f.first > clause.questionStart && tokens[clause.questionStart].is(WordClass.wh)
      && tokens[f.first].is(WordClass.auxiliary)
  }
}

extension Evaluator {
  /// What the rep's side cannot do, read from the clause: `i` or `we`, then `can` or `could`
  /// and a negator ("we couldn't find your booking", "I can't get it through today"), where
  /// no `cannot` cue was found in the clause. Negators that negate nothing ("I can't thank you
  /// enough") and a question word before the subject ("what I can't see is…") do not count.
  func cannotClause(_ clause: Clause, _ analysis: TextAnalysis, _ found: [Found]) -> Found? {
    let b = builtins
    guard b.cannot >= 0, clause.subject == .i || clause.subject == .we,
      clause.modality == .can || clause.modality == .could, clause.negated, !clause.asks,
      let m = modalAfterSubject(clause, analysis.tokens), m + 1 < clause.tokens.upperBound
    else { return nil }
    let tokens = analysis.tokens
    let negator = tokens[m + 1]
    // "What I can't see is…" says what is missing, not what the rep refuses.
    var j = clause.tokens.lowerBound
    while j < Int(clause.subjectToken), !tokens[j].is(WordClass.wh) { j += 1 }
    guard negator.is(WordClass.negator), !negator.has(Token.inertNegator),
      j == Int(clause.subjectToken),
      !found.contains(where: { $0.group == b.cannot && clause.tokens.contains($0.first) })
    else { return nil }
    let s = Int(clause.subjectToken)
    return Found(
      group: b.cannot, span: analysis.span(s, m + 1), first: s, end: m + 2,
      cue: evidence(
        .cannotClause,
        ["subject": clause.subject.rawValue, "modality": clause.modality.rawValue]),
      weight: weights[b.cannot])
  }

  /// Advice for the customer, read from the clause: a statement opening with `you` and an
  /// affirmative `can`, `could` or `might` in the present ("you could pick it up from the
  /// depot", "you can collect it tomorrow"), where no `option` cue was found in the clause.
  /// Not "you could have told us" (the past: blame), "you can't" (negated), "if you could…"
  /// (a request), "so you can…" (a restatement or a purpose), "you might be charged" (no act
  /// of the customer's).
  func adviceClause(_ clause: Clause, _ analysis: TextAnalysis, _ found: [Found]) -> Found? {
    let b = builtins
    let tokens = analysis.tokens
    guard b.option >= 0, clause.subject == .you, clause.mood == .statement, !clause.negated,
      clause.time == .present,
      clause.modality == .can || clause.modality == .could || clause.modality == .might,
      let m = modalAfterSubject(clause, tokens), m == Int(clause.subjectToken) + 1,
      m + 1 < clause.tokens.upperBound, !tokens[m + 1].is(WordClass.auxiliary),
      // "you can't pay it in one go" restates, even where an exception ("not pay") leaves the
      // clause's polarity alone.
      !tokens[m + 1].is(WordClass.negator)
    else { return nil }
    // "So you can drive" restates; "…, so you can buy one locally" gives a purpose.
    var start = clause.tokens.lowerBound
    while start < m, tokens[start].is(WordClass.leadIn), !tokens[start].is(WordClass.clauseBreak) {
      start += 1
    }
    guard start == Int(clause.subjectToken),
      !found.contains(where: { $0.group == b.option && clause.tokens.contains($0.first) })
    else { return nil }
    return Found(
      group: b.option, span: analysis.span(start, m), first: start, end: m + 1,
      cue: evidence(.adviceClause, ["modality": clause.modality.rawValue]),
      weight: weights[b.option])
  }

  /// A tag that asks whether an offer suits: a clause made only of `check-tag` words, in a
  /// statement turned into a question by its `?` ("I'll ring you on Monday, okay?", "Fair
  /// enough?"), after an offer found earlier in the reply. Not "…, right?" (the `tag` class
  /// confirms a detail), not a tag with no offer before it.
  func tagCheck(_ clause: Clause, _ analysis: TextAnalysis, _ found: [Found]) -> Found? {
    let b = builtins
    guard b.check >= 0, b.checkTag != 0, clause.mood == .declarativeQuestion,
      !clause.tokens.isEmpty
    else { return nil }
    let tokens = analysis.tokens
    for i in clause.tokens where tokens[i].classes & b.checkTag == 0 { return nil }
    let start = clause.tokens.lowerBound
    let offered = found.contains { f in
      isSignal[f.group] && stepIndex[f.group] == Step.offer.index && !groups[f.group].auxiliary
        && f.end <= start
    }
    guard offered,
      !found.contains(where: { $0.group == b.check && clause.tokens.contains($0.first) })
    else { return nil }
    let words = analysis.text(analysis.span(start, clause.tokens.upperBound - 1)).lowercased()
    return Found(
      group: b.check, span: analysis.span(start, clause.tokens.upperBound - 1), first: start,
      end: clause.tokens.upperBound, cue: evidence(.tagCheck, ["words": words]),
      weight: weights[b.check])
  }

  /// The clause's modal, when it comes right after its subject or one word later ("we
  /// couldn't", "we really can't").
  func modalAfterSubject(_ clause: Clause, _ tokens: [Token]) -> Int? {
    guard clause.subjectToken >= 0 else { return nil }
    let s = Int(clause.subjectToken)
    var m = s + 1
    while m < clause.tokens.upperBound, m <= s + 2 {
      if clauseReader.modality(of: tokens[m]) != nil { return m }
      m += 1
    }
    return nil
  }
}
