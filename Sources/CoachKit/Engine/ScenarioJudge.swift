/// A reply read for the engine, with the full assessment behind it (for `/score`).
public struct Judgement: Sendable {
  public var assessment: Assessment
  public var reading: Reading

  public init(assessment: Assessment, reading: Reading) {
    self.assessment = assessment
    self.reading = reading
  }
}

/// Reads replies for one scenario: the evaluator (with the scenario's extra cues) plus the
/// scenario's own cue phrases for facts, options and rules, compiled once.
public struct ScenarioJudge: Sendable {
  /// The evaluator, built with the scenario's extra cues.
  public let evaluator: Evaluator
  /// The evaluator without the scenario's cues, when it has any: it judges whether a reply uses
  /// offer language at all, so that naming a domain word ("the courier was late") is not an offer.
  /// This costs a second assessment per reply for such scenarios, on purpose: an assessment
  /// reports each signal group once, so the scenario's cue for a group can hide the lexicon's own
  /// offer wording in the same reply ("we'd like to add a goodwill credit").
  /// One extra assessment (a few microseconds) per typed reply is nothing at a person's pace.
  private let base: Evaluator?
  private let facts: [(id: String, cues: CueSet)]
  private let options: [(id: String, cues: CueSet)]
  private let rules: [(id: String, cues: CueSet)]
  /// What each fact is about, for matching what a question asks.
  private let factTopics: TopicIndex
  /// What each option is about, for matching what an offer names.
  private let optionTopics: TopicIndex
  /// The lexicon's groups the reading looks up on every reply, found once.
  private let groupIDs: GroupIDs

  /// Signal and anti-pattern ids by the part they play in a reading.
  private struct GroupIDs: Sendable {
    /// Core offer wording ("I can…", "what we can do is…").
    let coreOffer: Set<String>
    /// A time frame or "we": it strengthens an offer but never makes one.
    let auxiliaryOffer: Set<String>
    /// Each anti-pattern's tip.
    let tips: [String: String?]

    init(_ lexicon: Lexicon) {
      let offer = lexicon.signals.filter { $0.step == .offer }
      coreOffer = Set(offer.filter { !$0.auxiliary }.map(\.id))
      auxiliaryOffer = Set(offer.filter(\.auxiliary).map(\.id))
      tips = Dictionary(
        lexicon.antipatterns.map { ($0.id, $0.tip) }, uniquingKeysWith: { a, _ in a })
    }
  }

  /// The signal ids that count as showing empathy, in order of preference for quoting.
  static let empathySignals = ReaderID.empathySignals.map(\.rawValue)

  public init(evaluator base: Evaluator, scenario: Scenario) {
    if scenario.cues.isEmpty {
      evaluator = base
      self.base = nil
    } else {
      evaluator = base.adding(extraCues: scenario.cues.mapValues { $0.map(\.text) })
      self.base = base
    }
    let evaluator = self.evaluator
    facts = scenario.facts.map { ($0.id, evaluator.compile($0.askedBy.map(\.text))) }
    options = scenario.options.map { ($0.id, evaluator.compile($0.offeredBy.map(\.text))) }
    rules = scenario.rules.filter { !$0.whenSays.isEmpty }.map {
      ($0.id, evaluator.compile($0.whenSays.map(\.text)))
    }
    groupIDs = GroupIDs(evaluator.lexicon)
    let groups = TopicIndex.Groups(evaluator: evaluator)
    factTopics = TopicIndex(
      scenario.facts.map {
        .init(id: $0.id, own: ($0.askedBy + $0.examples).map(\.text), related: [$0.reveal])
      }, groups: groups, evaluator: evaluator)
    optionTopics = TopicIndex(
      scenario.options.map {
        .init(id: $0.id, own: ($0.offeredBy + $0.examples).map(\.text), related: [$0.says])
      }, groups: groups, evaluator: evaluator)
  }

  /// Problems compiling the scenario's phrases (for lint).
  public var problems: [String] {
    evaluator.problems + (facts + options + rules).flatMap(\.cues.problems)
  }

  /// Reads one reply in the context of the customer's last line and the current step.
  public func read(_ reply: String, customerLine: String?, step: Step) -> Judgement {
    let context = ReplyContext(customerLine: customerLine, step: step)
    let assessment = evaluator.assess(reply, context: context)
    let plain = base?.assess(reply, context: context) ?? assessment
    return Judgement(
      assessment: assessment,
      reading: reading(of: assessment, offerSentences: offerSentences(in: plain)))
  }

  /// The sentences of a reply that can offer an option, by the lexicon's offer wording alone
  /// (the scenario's own cues could make any domain word look like offer language).
  struct OfferSentences: Hashable, Sendable {
    /// Sentences with core offer wording ("what I can do is…", "I'll send…"): an option's
    /// phrases, or its topic, offer it there.
    var core: Set<Int> = []
    /// Statements with only a time frame or "we" ("…report in your inbox by 3pm"): an option's
    /// own phrases offer it there, its topic alone does not.
    var framed: Set<Int> = []
    /// Two or more sentences open with a list marker ("One, …", "A: …", "First: …").
    var enumerated = false
  }

  /// Only core offer wording makes a sentence an offer: a time frame or "we" alone ("you need
  /// something credible today") strengthens an offer but never makes one, except beside an
  /// option's own phrase in a statement that is not a summary.
  func offerSentences(in assessment: Assessment) -> OfferSentences {
    var result = OfferSentences()
    var excluded: Set<Int> = []
    let core = groupIDs.coreOffer
    let auxiliary = groupIDs.auxiliaryOffer
    var coreWords: [Int: Set<Tokenizer.Stem>] = [:]
    // Per sentence, the first word of its first core offer wording.
    var coreStart: [Int: Int] = [:]
    for signal in assessment.signals where !signal.negated {
      guard let index = Self.sentence(containing: signal.range.lowerBound, in: assessment) else {
        continue
      }
      if core.contains(signal.id) {
        result.core.insert(index)
        let tokens = evaluator.tokens(in: assessment.analysis, range: signal.range)
        if let first = tokens.first { coreStart[index] = min(coreStart[index] ?? first, first) }
        coreWords[index, default: []].formUnion(
          evaluator.contentStems(in: assessment.analysis, tokens: tokens))
      } else if auxiliary.contains(signal.id) {
        result.framed.insert(index)
      } else if signal.id == ReaderID.question.rawValue || signal.id == ReaderID.summary.rawValue {
        excluded.insert(index)
      }
    }
    // An announcement that names nothing ("Here's my proposal.", "What I can do is this:",
    // "Two options.", "After that, there are two ways to go.") makes the sentence after it the
    // offer: a short lead-in before the offer wording ("After that,", "OK, so") names nothing.
    let analysis = assessment.analysis
    // The plan it announces runs on until a question: "Here's what I'll do. Your order goes
    // back on today. And from now on you've got a name, mine, and my direct number."
    for index in result.core.sorted() where index + 1 < analysis.sentences.count {
      let sentence = analysis.sentences[index].tokens
      let start = coreStart[index] ?? sentence.lowerBound
      let from = start - sentence.lowerBound <= 3 ? start : sentence.lowerBound
      let words = evaluator.contentStems(in: analysis, tokens: from..<sentence.upperBound)
      let announces =
        words.count <= 1 || words.allSatisfy { coreWords[index]?.contains($0) == true }
      guard announces else { continue }
      var next = index + 1
      while next < analysis.sentences.count, !excluded.contains(next) {
        result.core.insert(next)
        next += 1
      }
    }
    // An enumerated plan ("One; the fault goes to our senior team. Two; monitoring on your line
    // from now.", "A: hold the bill now…", "First: I spread it…") offers: two or more sentences
    // that open with a list marker (a number, an ordinal or a single letter, then punctuation).
    let items = analysis.sentences.indices.filter { index in
      let tokens = analysis.sentences[index].tokens
      guard tokens.count >= 2 else { return false }
      let first = analysis.tokens[tokens.lowerBound]
      let marker =
        first.has(Token.number) || first.is(WordClass.number)
        || first.classes & evaluator.builtins.listMarker != 0
        || first.span.end - first.span.start == 1
      return marker && analysis.tokens[tokens.lowerBound + 1].has(Token.afterPunctuation)
    }
    if items.count >= 2 {
      result.enumerated = true
      for index in items where !excluded.contains(index) { result.core.insert(index) }
    }
    result.framed.subtract(result.core.union(excluded))
    return result
  }

  /// The text of the part of the reply between punctuation marks that holds `range`.
  private func phrase(around range: Range<Int>, in analysis: TextAnalysis) -> String? {
    let tokens = analysis.tokens
    guard
      var first = tokens.firstIndex(where: { Int($0.span.end) > range.lowerBound }),
      var last = tokens.lastIndex(where: { Int($0.span.start) < range.upperBound }),
      first <= last
    else { return nil }
    while first > 0, !tokens[first].has(Token.afterPunctuation),
      tokens[first - 1].sentence == tokens[first].sentence
    {
      first -= 1
    }
    while last + 1 < tokens.count, !tokens[last + 1].has(Token.afterPunctuation),
      tokens[last + 1].sentence == tokens[last].sentence
    {
      last += 1
    }
    return analysis.text(analysis.span(first, last))
  }

  /// The parts of a run of tokens between punctuation ("What's wrong with it, and when do you
  /// need it?" has two), as token ranges: a subordinate clause ("…if it doesn't come") stays with
  /// the question it belongs to.
  private func clauses(of tokens: Range<Int>, in analysis: TextAnalysis) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = tokens.lowerBound
    for i in tokens where i > start && analysis.tokens[i].has(Token.afterPunctuation) {
      result.append(start..<i)
      start = i
    }
    if start < tokens.upperBound { result.append(start..<tokens.upperBound) }
    return result
  }

  static func sentence(containing offset: Int, in assessment: Assessment) -> Int? {
    assessment.analysis.sentences.firstIndex {
      Int($0.span.start) <= offset && offset < Int($0.span.end)
    }
  }

  /// The engine's view of an assessment.
  ///
  /// - Parameter offerSentences: the sentences that use offer language by the lexicon alone (an
  ///   option's phrases count as an offer only there); `nil` means judge from `assessment`.
  func reading(of assessment: Assessment, offerSentences: OfferSentences? = nil) -> Reading {
    let offerSentences = offerSentences ?? self.offerSentences(in: assessment)
    func has(_ id: ReaderID) -> Bool {
      assessment.signals.contains { $0.id == id.rawValue && !$0.negated }
    }
    // A note quotes the rep's phrase that did it (between punctuation marks), not a lone cue
    // word: "that sounds really upsetting", not "upsetting".
    func first(_ id: String) -> String? {
      guard let evidence = assessment.signals.first(where: { $0.id == id && !$0.negated })
      else { return nil }
      return phrase(around: evidence.range, in: assessment.analysis) ?? evidence.text
    }
    var strengths: [Step: Strength] = [:]
    for step in Step.allCases { strengths[step] = assessment.steps[step] }
    let tips = groupIDs.tips
    let summarySpans = assessment.signals.filter {
      $0.id == ReaderID.summary.rawValue && !$0.negated
    }.map(\.range)
    var summarySentences = Set(
      summarySpans.compactMap { Self.sentence(containing: $0.lowerBound, in: assessment) })
    // A summary announced in a sentence of its own ("So let me check I've got it.", "Let me say
    // it back so I'm sure I have it right.") is the sentence after it: the announcing sentence
    // has at most two content words besides its summary cues.
    let analysis = assessment.analysis
    for index in summarySentences.sorted() where index + 1 < analysis.sentences.count {
      let announces = evaluator.onlyAnnounces(index, analysis) { i in
        let start = Int(analysis.tokens[i].span.start)
        return summarySpans.contains { $0.contains(start) }
      }
      if announces { summarySentences.insert(index + 1) }
    }
    // (Hostile words a summary tells back, "you feel you were refused on a technicality", are
    // taken back by the reader: `yields-to-summary`.)
    let flags = assessment.antipatterns.map { evidence in
      Reading.Flag(
        id: evidence.id, quote: evidence.text, tip: tips[evidence.id] ?? nil,
        rewrite: evidence.rewrite)
    }
    // A rule's words inside a summary the rep asks the customer to confirm ("…renewed
    // automatically, no notice reached you. Correct?") tell the customer's story back; they
    // are not the rep's own. (A summary cue alone does not: "it sounds like a training issue at
    // your end" blames.)
    let sentences = assessment.analysis.sentences
    let toldBack =
      sentences.last?.endsWithQuestionMark == true ? summarySentences : []
    func found(_ sets: [(id: String, cues: CueSet)]) -> [String: String] {
      var result: [String: String] = [:]
      for (id, cues) in sets {
        if let match = evaluator.matches(cues, in: assessment).first(where: {
          !$0.negated
            && Self.sentence(containing: $0.range.lowerBound, in: assessment).map(
              toldBack.contains) != true
        }) {
          result[id] = match.text
        }
      }
      return result
    }
    // An option is offered by a clause of a sentence that uses offer language: by its own cue
    // phrases, or else by the option its content words are most about.
    var offered: [String: String] = [:]
    var byTopic: Set<String> = []
    let optionCues = options.map { (id, cues) in
      (id, evaluator.matches(cues, in: assessment).filter { !$0.negated })
    }
    for sentence in offerSentences.core.union(offerSentences.framed).sorted() {
      let span = analysis.sentences[sentence].span
      let framedOnly = !offerSentences.core.contains(sentence)
      for clause in clauses(of: analysis.sentences[sentence].tokens, in: analysis) {
        let range = Int(analysis.tokens[clause.lowerBound].span.start)..<Int(span.end)
        let clauseEnd = Int(analysis.tokens[clause.upperBound - 1].span.end)
        let direct = optionCues.compactMap { (id, matches) -> (String, String)? in
          guard
            let match = matches.first(where: {
              range.contains($0.range.lowerBound) && $0.range.lowerBound < clauseEnd
            })
          else { return nil }
          return (id, match.text)
        }
        if !direct.isEmpty {
          for (id, quote) in direct where offered[id] == nil { offered[id] = quote }
          continue
        }
        if framedOnly { continue }
        let stems = evaluator.contentStems(
          in: analysis, tokens: clause, excluding: optionTopics.openStems)
        // An option is offered by words about it, not only by words the customer says when
        // answering it ("Two options; both start today." offers no callback because she once
        // said "passed me on today").
        if let best = optionTopics.ranked(stems, needsOwnWord: true).first,
          offered[best.id] == nil
        {
          offered[best.id] = analysis.text(analysis.span(clause.lowerBound, clause.upperBound - 1))
          byTopic.insert(best.id)
        }
      }
    }
    // A fact is asked about only inside a question ("…contract says we owe you. Who do you
    // report to?" asks about the boss, not the contract), and each clause of a question asks
    // about the one fact its content words are most about; its cue phrases count extra.
    let questions = assessment.signals.filter { $0.id == ReaderID.question.rawValue }.map(\.range)
    let factCues = facts.map { (id, cues) in
      (id, evaluator.matches(cues, in: assessment).filter { !$0.negated }.map(\.range.lowerBound))
    }
    var asked: [String: String] = [:]
    var askedScores: [String: Double] = [:]
    var askedOther = false
    var seenClauses: Set<Range<Int>> = []
    var beforeQuestions: [String] = []
    // A check ("is anything still missing?") or an offer asked as a question ("shall I send a
    // courier?") asks about no fact.
    // An offer in a clause that only qualifies a question before it ("What room is there in the
    // budget if the sit-stand frames cost more?") does not: the question still asks.
    let readerClauses = analysis.clauses
    func qualifiesAQuestion(_ offset: Int) -> Bool {
      let found = evaluator.tokens(in: analysis, range: offset..<(offset + 1))
      guard !found.isEmpty else { return false }
      let clause = readerClauses[Int(analysis.tokens[found.lowerBound].clause)]
      return !clause.asks
        && readerClauses.contains {
          $0.sentence == clause.sentence && $0.asks
            && $0.tokens.upperBound <= clause.tokens.lowerBound
        }
    }
    let notAsking = assessment.signals.filter { signal in
      !signal.negated
        && (signal.id == ReaderID.check.rawValue
          || groupIDs.coreOffer.contains(signal.id))
        && !qualifiesAQuestion(signal.range.lowerBound)
    }.map(\.range.lowerBound)
    // The whole sentence of a question is what it asks: "How did it go when you tried to reach
    // us?" asks about the trying, though the question words end before it.
    let questionSentences = Set(
      questions.compactMap { Self.sentence(containing: $0.lowerBound, in: assessment) })
    for sentence in questionSentences.sorted() {
      let tokens = analysis.sentences[sentence].tokens
      for clause in clauses(of: tokens, in: analysis) where seenClauses.insert(clause).inserted {
        let first = Int(analysis.tokens[clause.lowerBound].span.start)
        let last = Int(analysis.tokens[clause.upperBound - 1].span.end)
        if notAsking.contains(where: { $0 >= first && $0 < last }) { continue }
        var bonus: [String: Double] = [:]
        for (id, offsets) in factCues where offsets.contains(where: { $0 >= first && $0 < last }) {
          bonus[id] = 3
        }
        let stems = evaluator.contentStems(
          in: analysis, tokens: clause, excluding: factTopics.openStems)
        guard !stems.isEmpty || !bonus.isEmpty else { continue }
        // What the asking part says comes first: "What room is there in the budget, if the
        // sit-stand frames cost more?" asks about the budget; the rest counts when it names
        // nothing ("How did it go when you tried to reach us?").
        var ranked: [(id: String, score: Double)] = []
        let asking = clause.filter { readerClauses[Int(analysis.tokens[$0].clause)].asks }
        if !asking.isEmpty, asking.count < clause.count {
          let askingStems = evaluator.contentStems(
            in: analysis, tokens: asking, excluding: factTopics.openStems)
          let spans = asking.map { analysis.tokens[$0].span }
          var askingBonus: [String: Double] = [:]
          for (id, offsets) in factCues
          where offsets.contains(where: { o in spans.contains { Int($0.start) == o } }) {
            askingBonus[id] = 3
          }
          ranked = factTopics.ranked(askingStems, bonus: askingBonus)
        }
        if ranked.isEmpty { ranked = factTopics.ranked(stems, bonus: bonus) }
        // A question about something the reply has just said ("Your account manager retired, I
        // gather. Had you known them long?") asks about that: the statement before it counts too,
        // and what it is about comes out if the question brings out nothing new.
        if sentence > 0, !questionSentences.contains(sentence - 1) {
          let before = evaluator.contentStems(
            in: analysis, tokens: analysis.sentences[sentence - 1].tokens,
            excluding: factTopics.openStems)
          if ranked.isEmpty {
            ranked = factTopics.ranked(stems + before, bonus: bonus)
          } else if let said = factTopics.ranked(before).first, !beforeQuestions.contains(said.id) {
            beforeQuestions.append(said.id)
          }
        }
        if let best = ranked.first {
          if best.score > askedScores[best.id] ?? 0 {
            askedScores[best.id] = best.score
            asked[best.id] = analysis.text(analysis.span(tokens.lowerBound, tokens.upperBound - 1))
          }
        } else {
          askedOther = true
        }
      }
    }
    // A question after a summary ("…Is that close?") confirms it; it asks about nothing else.
    if !asked.isEmpty || !summarySentences.isEmpty { askedOther = false }
    // Best match first; equal matches in the scenario's order of facts, so a session is the same
    // on every run (a dictionary's order is not).
    let factOrder = Dictionary(
      facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let factsAsked = asked.keys.sorted {
      let (a, b) = (askedScores[$0] ?? 0, askedScores[$1] ?? 0)
      return a != b ? a > b : (factOrder[$0] ?? .max, $0) < (factOrder[$1] ?? .max, $1)
    }
    return Reading(
      strengths: strengths, isQuestion: assessment.isQuestion,
      isOpenQuestion: assessment.isOpenQuestion,
      empathyQuote: Self.empathySignals.lazy.compactMap(first).first,
      summaryQuote: first(ReaderID.summary.rawValue), checkQuote: first(ReaderID.check.rawValue),
      // A choice is two or more of the scenario's options put side by side ("…, or…", "One, …
      // Two, …"): several offer words about one plan ("the refund goes back today, and I'll
      // email you a note") are no choice, even where they touch two options' topics.
      choicesQuote: offered.count > 1 && Self.putsSideBySide(assessment, offerSentences)
        ? first(ReaderID.option.rawValue) : nil,
      antipatterns: flags, factsAsked: asked, factsAskedInOrder: factsAsked,
      factsBeforeQuestions: beforeQuestions.filter { asked[$0] == nil },
      askedAboutOther: askedOther, optionsOffered: offered, optionsByTopic: byTopic,
      rulesMatched: Set(found(rules).keys), quality: assessment.quality,
      namedFeeling: has(.feeling), gaveTime: has(.timeframe), feelingsFirst: has(.feelingsFirst))
  }

  /// Whether a reply sets options side by side: a choice word ("or", "either", "whichever") in
  /// a sentence that offers, or an enumerated plan. A choice word elsewhere ("any questions or
  /// concerns?") sets nothing side by side.
  static func putsSideBySide(_ assessment: Assessment, _ offers: OfferSentences) -> Bool {
    offers.enumerated
      || assessment.analysis.tokens.contains {
        $0.is(WordClass.choice) && offers.core.contains(Int($0.sentence))
      }
  }
}
