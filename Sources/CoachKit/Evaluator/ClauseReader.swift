/// Splits a reply into clauses and reads each one's mood, subject, polarity, modality and time,
/// in one pass over its tokens (no allocation but the clause array).
///
/// - **Mood**: a clause asks when its start (after lead-ins) asks by ``QuestionDetector``'s
///   rules: an inverted auxiliary, a question word and an auxiliary, a request for an account,
///   an indirect question. With the sentence's `?` it is a `question`, without one an
///   `unmarked-question`. A sentence ending with `?` in which no clause asks makes its last
///   clause a `declarative-question` ("you've tried the reset?", "…, right?"). A clause that
///   starts with a command verb, or with `do`/`don't` before a verb, is `imperative`.
/// - **Subject**: the subject after an inverted auxiliary; else the first subject word before
///   the clause's first auxiliary (`subject-i`, `subject-we`, `subject-you`, `subject-it`,
///   `subject-other`), or a noun phrase before it ("the driver was…", "your order is…") for a
///   third party.
/// - **Polarity**: a negator that negates something (not inside `no wonder`) is in the clause.
/// - **Modality**: the clause's first modal (`modal-can` … `modal-must`).
/// - **Time**: past with a past marker (`was`, `did`, `had`, `been`), the perfect before a past
///   form ("should have told", "we've sent"), or a past form right after the subject ("you
///   ordered", "the driver left").
struct ClauseReader: Sendable {
  private var subjectBits: [(UInt64, ClauseSubject)] = []
  private var modalBits: [(UInt64, ClauseModality)] = []
  private var anySubject: UInt64 = 0
  private var anyModal: UInt64 = 0
  private let pastMarker: UInt64
  private let perfect: UInt64
  private let commandVerb: UInt64
  private let pastForm: UInt64
  private let determiner: UInt64
  private let questionClasses: QuestionDetector.Classes
  private let intensifier: UInt64

  /// Reads the lexicon's classes by name (a class the lexicon lacks has no words).
  init(classBits: [String: UInt64], questionClasses: QuestionDetector.Classes) {
    for c in ClauseClass.allCases {
      let bit = classBits[c.rawValue] ?? 0
      if let s = c.subject {
        subjectBits.append((bit, s))
        anySubject |= bit
      }
      if let m = c.modality {
        modalBits.append((bit, m))
        anyModal |= bit
      }
    }
    pastMarker = classBits[ClauseClass.pastMarker.rawValue] ?? 0
    perfect = classBits[ClauseClass.perfect.rawValue] ?? 0
    commandVerb = classBits[ClauseClass.commandVerb.rawValue] ?? 0
    pastForm = classBits[ClauseClass.pastForm.rawValue] ?? 0
    intensifier = classBits[ClauseClass.intensifier.rawValue] ?? 0
    self.determiner = questionClasses.determiners
    self.questionClasses = questionClasses
  }

  /// The subject a token names, if it is a subject word.
  @inline(__always) func subject(of token: Token) -> ClauseSubject? {
    guard token.classes & anySubject != 0 else { return nil }
    for (bit, s) in subjectBits where token.classes & bit != 0 { return s }
    return nil
  }

  /// The modality a token names, if it is a modal.
  @inline(__always) func modality(of token: Token) -> ClauseModality? {
    guard token.classes & anyModal != 0 else { return nil }
    for (bit, m) in modalBits where token.classes & bit != 0 { return m }
    return nil
  }

  /// Splits `analysis` into clauses, numbering each token's ``Token/clause`` by its clause's
  /// index, and reads each clause. `phrases` are the request and indirect-question phrases
  /// found, with their sentences.
  func read(
    _ analysis: inout TextAnalysis,
    phrases: [(sentence: Int, phrase: QuestionDetector.Phrase)]
  ) {
    let count = analysis.tokens.count
    guard count > 0 else { return }
    var clauses: [Clause] = []
    clauses.reserveCapacity(analysis.sentences.count * 2)
    var first = 0
    analysis.tokens.withUnsafeMutableBufferPointer { tokens in
      for i in 0..<count {
        let last =
          i + 1 == count
          || (tokens[i + 1].clause != tokens[i].clause
            && !isIntensifying(tokens, at: i + 1))
        tokens[i].clause = Int32(clauses.count)
        if last {
          clauses.append(
            Clause(
              range: Int(tokens[first].span.start)..<Int(tokens[i].span.end), mood: .statement,
              subject: .none, negated: false, modality: .none, time: .present,
              tokens: first..<(i + 1), sentence: tokens[first].sentence))
          first = i + 1
        }
      }
    }
    let tokens = analysis.tokens
    var k = 0
    for (index, sentence) in analysis.sentences.enumerated() {
      let sentencePhrases =
        phrases.isEmpty ? [] : phrases.lazy.filter { $0.sentence == index }.map(\.phrase)
      var asks = false
      let firstClause = k
      while k < clauses.count, clauses[k].sentence == Int32(index) {
        read(&clauses[k], sentence, tokens, Array(sentencePhrases))
        asks = asks || clauses[k].asks
        k += 1
      }
      // The last clause ends where its sentence does, with its `?`, `.` or `!`.
      if k > firstClause {
        let lower = clauses[k - 1].range.lowerBound
        clauses[k - 1].range = lower..<max(lower, Int(sentence.span.end))
      }
      if sentence.endsWithQuestionMark, !asks, k > firstClause {
        clauses[k - 1].mood = .declarativeQuestion
      }
    }
    analysis.clauses = clauses
  }

  /// Whether the clause-breaking word at `i` only intensifies what follows, in the clause
  /// before it: "I was so annoyed" (but "so we can", "so I'll", "so that").
  @inline(__always) private func isIntensifying(
    _ tokens: UnsafeMutableBufferPointer<Token>, at i: Int
  ) -> Bool {
    let t = tokens[i]
    guard t.classes & intensifier != 0, t.is(WordClass.clauseBreak), !t.has(Token.afterPunctuation),
      t.sentence == tokens[i - 1].sentence, i + 1 < tokens.count,
      tokens[i + 1].sentence == t.sentence
    else { return false }
    let next = tokens[i + 1]
    return !next.is(WordClass.subject) && !next.is(WordClass.auxiliary)
      && !next.is(WordClass.negator) && !next.is(WordClass.clauseBreak)
  }

  /// Reads one clause's mood, subject, polarity, modality and time.
  private func read(
    _ clause: inout Clause, _ sentence: Sentence, _ tokens: [Token],
    _ phrases: [QuestionDetector.Phrase]
  ) {
    let range = clause.tokens
    let end = range.upperBound
    var s = range.lowerBound
    while s < end, tokens[s].is(WordClass.leadIn), !tokens[s].is(WordClass.wh),
      !tokens[s].is(WordClass.auxiliary)
    {
      s += 1
    }
    // Mood, and the subject of a question. A clause can open a question at its sentence's
    // start, after punctuation, or after a lead-in that breaks clauses ("so can you…"); not
    // after a relative or other clause-breaking word ("…, which is in Napa", "if you could…").
    let first = tokens[range.lowerBound]
    let canAsk =
      range.lowerBound == sentence.tokens.lowerBound || first.has(Token.afterPunctuation)
      || first.is(WordClass.leadIn)
    if canAsk,
      let verdict = QuestionDetector.classify(
        from: range.lowerBound, sentence, tokens, phrases, classes: questionClasses),
      range.contains(verdict.start)
    {
      clause.mood = sentence.endsWithQuestionMark ? .question : .unmarkedQuestion
      let v = verdict.start
      clause.questionStart = v
      var j = -1
      if tokens[v].is(WordClass.auxiliary) {
        j = v + 1  // "can you", "did it"
      } else if tokens[v].is(WordClass.wh) {
        // "what did you", "how long have they": the subject follows the auxiliary.
        var a = v + 1
        while a < end, a <= v + 3, !tokens[a].is(WordClass.auxiliary) { a += 1 }
        if a < end, a <= v + 3 { j = a + 1 }
      } else {
        readSubject(&clause, tokens, from: v)  // "I wonder…", "let me know…"
      }
      if j >= 0, j < end, tokens[j].is(WordClass.negator) { j += 1 }
      if j >= 0, j < end {
        if let subject = subject(of: tokens[j]) {
          clause.subject = subject
          clause.subjectToken = Int32(j)
        } else if tokens[j].classes & determiner != 0 {
          clause.subject = .thirdParty
          clause.subjectToken = Int32(j)
        }
      }
    } else if s < end, isImperative(tokens, at: s, end: end) {
      clause.mood = .imperative
    } else if s < end {
      readSubject(&clause, tokens, from: s)
    }
    // Polarity and modality.
    for i in range {
      let t = tokens[i]
      if t.is(WordClass.negator), !t.has(Token.inertNegator) { clause.negated = true }
      if clause.modality == .none, let m = modality(of: t) { clause.modality = m }
    }
    clause.time = isPast(clause, tokens) ? .past : .present
  }

  /// The subject of a statement: the first subject word before its first auxiliary, or a noun
  /// phrase before it.
  private func readSubject(_ clause: inout Clause, _ tokens: [Token], from s: Int) {
    let end = clause.tokens.upperBound
    if tokens[s].classes & determiner != 0, subject(of: tokens[s]) == nil {
      clause.subject = .thirdParty
      clause.subjectToken = Int32(s)
      return
    }
    var j = s
    while j < end, j < s + 5 {
      let t = tokens[j]
      if let subject = subject(of: t) {
        clause.subject = subject
        clause.subjectToken = Int32(j)
        return
      }
      if t.is(WordClass.auxiliary) {
        // "The parcel was…", "Nothing is…": words before the auxiliary are its subject.
        if j > s {
          clause.subject = .thirdParty
          clause.subjectToken = Int32(s)
        }
        return
      }
      j += 1
    }
  }

  /// An order: a command verb first, or `do` (`don't`) and then no subject.
  private func isImperative(_ tokens: [Token], at s: Int, end: Int) -> Bool {
    let t = tokens[s]
    if t.classes & commandVerb != 0, !t.is(WordClass.auxiliary) { return true }
    guard t.is(WordClass.auxiliary), t.classes & anyModal == 0, s + 1 < end else { return false }
    var j = s + 1
    let negated = tokens[j].is(WordClass.negator)
    if negated { j += 1 }
    guard j < end else { return false }
    let next = tokens[j]
    if next.is(WordClass.subject) || next.is(WordClass.auxiliary) { return false }
    // "Don't worry", "do call us" (not "have a nice day": `do` only).
    return t.classes & pastMarker == 0 && t.classes & perfect == 0
      && (negated || next.classes & commandVerb != 0)
  }

  /// Whether the clause speaks of the past.
  private func isPast(_ clause: Clause, _ tokens: [Token]) -> Bool {
    let range = clause.tokens
    for i in range {
      let t = tokens[i]
      if t.classes & pastMarker != 0 { return true }
      guard t.classes & perfect != 0, i + 1 < range.upperBound else { continue }
      let next = tokens[i + 1]
      if isPastForm(next) { return true }
      // A modal perfect, "should have read" (not "could have it", "could have a refund").
      if i > range.lowerBound, tokens[i - 1].classes & anyModal != 0,
        next.classes & determiner == 0, subject(of: next) == nil, !next.is(WordClass.number)
      {
        return true
      }
    }
    // A past form right after the subject (or after the noun phrase that is the subject).
    guard clause.subjectToken >= 0 else { return false }
    var j = Int(clause.subjectToken) + 1
    while j < range.upperBound, j <= Int(clause.subjectToken) + 3 {
      let t = tokens[j]
      if t.is(WordClass.auxiliary) || subject(of: t) != nil { return false }
      if isPastForm(t) { return true }
      if clause.subject != .thirdParty, j > Int(clause.subjectToken) + 1 { return false }
      j += 1
    }
    return false
  }

  /// A past form: a word of `past-form`, or a regular past (a word written as it is, of four
  /// letters or more, ending in -ed but not -eed).
  @inline(__always) private func isPastForm(_ t: Token) -> Bool {
    if t.classes & (pastForm | pastMarker) != 0 { return true }
    return t.has(Token.regularPast)
  }
}
