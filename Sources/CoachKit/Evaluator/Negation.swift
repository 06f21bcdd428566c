/// Marks the words a negator reaches, as VADER does, with a clause-bounded scope: a negator
/// (`not`, `never`, `no`…) reaches forward to the end of its clause (punctuation or a
/// clause-breaking word: `but`, `because`) or a word of the lexicon class `negation-stop`
/// (`and`), at most `negation-window` words; a quotation right after it stays in reach. So "I'm
/// not saying it was your fault" negates the fault, "I'm not able to offer a payment plan" the
/// plan, and "you won't hear "it's fixed" from me" the promise.
///
/// Negators inside an exception phrase (`no wonder`, `not only`, `can't imagine`, `not surprised`)
/// negate nothing.
enum Negation {
  /// Sets ``Token/negated`` on every token a negator reaches.
  static func mark(
    _ tokens: inout [Token], window: Int, stops: UInt64 = 0, inert exceptions: [(Int, Int)]
  ) {
    for (first, end) in exceptions {
      for i in first..<end where tokens[i].is(WordClass.negator) {
        tokens[i].flags |= Token.inertNegator
      }
    }
    let count = tokens.count
    for i in 0..<count where tokens[i].is(WordClass.negator) && !tokens[i].has(Token.inertNegator) {
      var clause = tokens[i].clause
      var j = i + 1
      while j < count, j <= i + window, tokens[j].classes & stops == 0 {
        if tokens[j].clause != clause {
          // A quotation stays in reach: you won't hear "it should be fine now" from me.
          guard tokens[j].has(Token.opensQuote), tokens[j].sentence == tokens[i].sentence
          else { break }
          clause = tokens[j].clause
        }
        tokens[j].flags |= Token.negated
        j += 1
      }
    }
  }

  /// Whether a cue over tokens `first ..< end` is negated: a negator reaches its first word, or
  /// it ends on an auxiliary that a negator follows (`we can` in `we can't`).
  static func isNegated(_ tokens: [Token], first: Int, end: Int) -> Bool {
    if tokens[first].has(Token.negated) { return true }
    // `we can` + `not`; `a refund` + `is not`.
    let last = tokens[end - 1]
    var j = end
    if !last.is(WordClass.auxiliary), j < tokens.count, tokens[j].is(WordClass.auxiliary),
      tokens[j].clause == last.clause
    {
      j += 1
    } else if !last.is(WordClass.auxiliary) {
      return false
    }
    if j < tokens.count {
      let next = tokens[j]
      if next.is(WordClass.negator), !next.has(Token.inertNegator), next.clause == last.clause {
        return true
      }
    }
    return false
  }
}
