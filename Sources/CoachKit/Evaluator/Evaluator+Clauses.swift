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
      } else if ownFeeling(f, clause, tokens) || reflectionAsked(f, clause) {
        found.remove(at: k)
        continue
      }
      k += 1
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
