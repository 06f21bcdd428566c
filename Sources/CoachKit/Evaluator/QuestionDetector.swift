/// Decides whether a sentence asks a question, and whether the question is open or closed, the way
/// motivational-interviewing coding (MITI) does.
///
/// A question need not end with `?`: auxiliary inversion (`can you…`), a question word followed by
/// an auxiliary (`what did…`), a request for an account (`tell me…`, `walk me through…`) and an
/// indirect question (`I wonder…`, `let me know if…`) all ask. Open questions invite a wide answer
/// (`what happened`, `how did that affect you`, `tell me more`); closed ones ask for yes/no, a
/// choice or one fact (`did it arrive`, `when did you order`, `how many`, `what is your number`).
/// A `?` inside a word or inside quotes asks nothing.
struct QuestionDetector {
  /// The verdict for one sentence.
  struct Verdict: Equatable {
    var open: Bool
    /// The rule that decided, and the request or indirect phrase it found (if any); the words
    /// of tokens `words` (when not empty) are quoted in the evidence.
    var rule: Lexicon.EvidenceKey
    var phrase = ""
    var words: Range<Int> = 0..<0
    /// The token the question starts at, after lead-ins (-1 for a `?` after lead-ins only).
    var start = -1
  }

  /// The lexicon's classes the rules read. `determiners` make a subject only with a noun after
  /// them (`the`, `your`): after an auxiliary they ask only when the sentence ends with `?`
  /// ("Does your phone restart?", but "Have a nice day", "Do your best"). `cleftVerbs` right
  /// after a question word make a statement of what follows when no `?` ends it ("what matters
  /// is getting it back", "what happened was…").
  struct Classes {
    var determiners: UInt64 = 0
    var cleftVerbs: UInt64 = 0
  }

  /// A request or indirect-question phrase found in the sentence.
  struct Phrase {
    var first: Int
    var end: Int
    var text: String
    var indirect: Bool
  }

  /// Classifies one sentence.
  static func classify(
    _ sentence: Sentence, _ tokens: [Token], phrases: [Phrase], classes: Classes = Classes()
  ) -> Verdict? {
    // The sentence's start first, then the start of each later clause after punctuation
    // ("I'm sorry, what happened?", "Okay, so when did it arrive?").
    if let verdict = classify(
      from: sentence.tokens.lowerBound, sentence, tokens, phrases, classes: classes)
    {
      return verdict
    }
    for i in sentence.tokens.dropFirst() where tokens[i].has(Token.afterPunctuation) {
      if let verdict = classify(from: i, sentence, tokens, phrases, classes: classes) {
        return verdict
      }
    }
    guard sentence.endsWithQuestionMark else { return nil }
    var s = sentence.tokens.lowerBound
    while s < sentence.tokens.upperBound, tokens[s].is(WordClass.leadIn),
      !tokens[s].is(WordClass.wh), !tokens[s].is(WordClass.auxiliary)
    {
      s += 1
    }
    return Verdict(open: false, rule: .questionMark, start: s < sentence.tokens.upperBound ? s : -1)
  }

  /// The verdict of the rules for a clause starting at token `start`, or `nil`.
  static func classify(
    from start: Int, _ sentence: Sentence, _ tokens: [Token], _ phrases: [Phrase],
    classes: Classes
  ) -> Verdict? {
    let end = sentence.tokens.upperBound
    var s = start
    while s < end, tokens[s].is(WordClass.leadIn), !tokens[s].is(WordClass.wh),
      !tokens[s].is(WordClass.auxiliary)
    {
      s += 1
    }
    let mark = sentence.endsWithQuestionMark
    guard s < end else { return nil }
    let t0 = tokens[s]

    // A request for an account, at the start or after an auxiliary and its subject.
    for phrase in phrases where !phrase.indirect {
      let atStart = phrase.first == s
      let afterAux =
        t0.is(WordClass.auxiliary) && phrase.first > s && phrase.first <= s + 3
      if atStart || afterAux {
        let open = !factFollows(tokens, from: phrase.end, end: end)
        return Verdict(open: open, rule: .request, phrase: phrase.text, start: s)
      }
    }
    // An indirect question: `I wonder whether…`, `let me know what…`.
    for phrase in phrases where phrase.indirect && phrase.first == s {
      var j = phrase.end
      while j < end, tokens[j].is(WordClass.negator) { j += 1 }
      if j < end, tokens[j].is(WordClass.wh) {
        return Verdict(
          open: whIsOpen(tokens, at: j, end: end), rule: .indirect, phrase: phrase.text, start: s)
      }
      return Verdict(open: false, rule: .indirect, phrase: phrase.text, start: s)
    }
    // Auxiliary inversion: `can you`, `did it`, `can't we`.
    if t0.is(WordClass.auxiliary) {
      var j = s + 1
      if j < end, tokens[j].is(WordClass.negator) { j += 1 }
      if j < end, tokens[j].is(WordClass.subject),
        mark || tokens[j].classes & classes.determiners == 0
      {
        return Verdict(open: false, rule: .inversion, words: s..<(j + 1), start: s)
      }
    }
    // A question word, then an auxiliary before any subject: `what did`, `how long have`.
    if t0.is(WordClass.wh) {
      var asks = false
      var j = s + 1
      while j < end, j <= s + 3 {
        if tokens[j].is(WordClass.auxiliary) {
          asks = true
          break
        }
        if tokens[j].is(WordClass.subject) { break }
        j += 1
      }
      // "What matters is getting it back." names what matters; it asks nothing.
      if asks, !mark, j > s + 1, tokens[s + 1].classes & classes.cleftVerbs != 0 { return nil }
      // Inside a sentence with no `?`, "…, which is about £99 a month" and "…, when it drops"
      // are relative clauses, not questions.
      if !mark, start > sentence.tokens.lowerBound, t0.is(WordClass.closedWh) { return nil }
      if asks || mark {
        return Verdict(
          open: whIsOpen(tokens, at: s, end: end), rule: .questionWord, words: s..<(s + 1),
          start: s)
      }
    }
    return nil
  }

  /// Whether a question starting with the question word at `i` is open.
  static func whIsOpen(_ tokens: [Token], at i: Int, end: Int) -> Bool {
    if tokens[i].is(WordClass.closedWh) { return false }
    if i + 1 < end, tokens[i + 1].is(WordClass.closedAfterWh) { return false }
    return !factFollows(tokens, from: i + 1, end: end)
  }

  /// Whether a fact noun comes within four words of `from` (`what is your order number`).
  static func factFollows(_ tokens: [Token], from: Int, end: Int) -> Bool {
    var j = from
    while j < end, j < from + 4 {
      if tokens[j].is(WordClass.factNoun) { return true }
      j += 1
    }
    return false
  }
}
