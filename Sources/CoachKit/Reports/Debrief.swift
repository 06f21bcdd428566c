/// The end-of-session debrief: outcome, per-step scores, the strongest and weakest replies with
/// evidence, the anti-patterns seen, and what to practise next.
public struct Debrief: Sendable {
  /// A reply singled out, with the words that made it so.
  public struct Highlight: Sendable {
    public var turn: Int
    public var reply: String
    /// What worked or hurt, each with the rep's own words.
    public var evidence: [String]
    /// A better phrasing (for the weakest reply).
    public var better: String?
  }

  public var outcome: Outcome
  public var turns: Int
  public var moodStart: Int
  public var moodEnd: Int
  public var scores: StepScores
  public var strongest: Highlight?
  public var weakest: Highlight?
  public var antipatterns: [(id: String, count: Int)]
  public var practise: [String]

  public init(session: Session) {
    let turns = session.turns
    outcome = session.outcome ?? .abandoned
    self.turns = turns.count
    moodStart = session.scenario.customer.mood
    moodEnd = session.state.mood
    scores = StepScores(
      turns: turns, scenario: session.scenario, outcome: session.outcome,
      rubric: session.method.rubric)
    var counts: [(id: String, count: Int)] = []
    var tips: [String: String] = [:]
    for flag in turns.flatMap(\.reading.antipatterns) {
      if let index = counts.firstIndex(where: { $0.id == flag.id }) {
        counts[index].count += 1
      } else {
        counts.append((flag.id, 1))
      }
      if let tip = flag.tip, tips[flag.id] == nil { tips[flag.id] = tip }
    }
    antipatterns = counts.sorted { $0.count > $1.count }

    // The reader's quality of each reply, with what it did for the call: a fact brought out,
    // a summary, an offer accepted, the call resolved; a reply that did nothing, or made the
    // customer more upset, costs.
    func value(_ turn: Turn) -> Int {
      let progress = turn.events.filter { event in
        switch event {
        case .revealed, .summary, .accepted, .resolved: true
        default: false
        }
      }.count
      return turn.reading.quality + 10 * progress - (turn.wasPoor ? 10 : 0)
        - (turn.moodAfter > turn.moodBefore ? 10 : 0)
    }
    // A reply the coach warned about live (it did nothing, had an anti-pattern, offered before
    // understanding, or made things worse) is never the strongest; the weakest is one of them,
    // so the debrief and the live notes agree.
    // An anti-pattern that costs the customer's mood nothing (a long reply) warns only about a
    // reply that did nothing else: a long summary and offer that settled the call is no weakest.
    let mood = session.method.mood
    func warned(_ turn: Turn) -> Bool {
      let moved = turn.events.contains { event in
        switch event {
        case .revealed, .summary, .accepted, .resolved: true
        default: false
        }
      }
      let flagged = turn.reading.antipatterns.contains {
        mood.weight(ofAntipattern: $0.id) > 0 || !moved
      }
      return turn.wasPoor || flagged || turn.moodAfter > turn.moodBefore
        || turn.events.contains(.leapfrog)
        || turn.events.contains(where: { if case .tooSoon = $0 { true } else { false } })
    }
    let premature = { (turn: Turn) in
      turn.reading.checkQuote != nil && turn.reading.optionsOffered.isEmpty
        && !turn.events.contains(.resolved) && !turn.events.contains(.summary)
    }
    if let best = turns.filter({ !warned($0) && !premature($0) }).max(by: {
      value($0) < value($1)
    }), value(best) > 40 {
      strongest = Highlight(
        turn: best.number, reply: best.reply, evidence: Self.worked(best), better: nil)
    }
    if let worst = turns.filter(warned).min(by: { value($0) < value($1) }) {
      var evidence = worst.reading.antipatterns.map { "\(Self.quoted($0.quote)) (\($0.id))" }
      if worst.events.contains(.leapfrog) {
        evidence.append("an offer before the problem was understood")
      }
      if evidence.isEmpty, worst.wasPoor {
        evidence = ["it did nothing for \(worst.stepBefore.title)"]
      }
      if worst.moodAfter > worst.moodBefore {
        evidence.append(
          "it left them more upset: from \(worst.moodBefore) to \(worst.moodAfter) of 10")
      }
      let better =
        worst.reading.antipatterns.compactMap(\.rewrite).first
        ?? worst.reading.antipatterns.compactMap(\.tip).first
        ?? session.method.guide(worst.stepBefore).hint
      weakest = Highlight(
        turn: worst.number, reply: worst.reply, evidence: evidence, better: better)
    }

    var advice: [String] = []
    let scores = self.scores
    for step in Step.allCases.sorted(by: { scores[$0] < scores[$1] }) where scores[step] < 70 {
      advice.append(session.method.guide(step).practise)
      if advice.count == 2 { break }
    }
    // The habit to watch: the costliest to the customer's mood (as the live note names it), then
    // the most frequent (`antipatterns` is by count).
    if let top = session.method.mood.costliestFirst(antipatterns, id: \.id).first,
      let tip = tips[top.id]
    {
      advice.append("Watch for `\(top.id)` (\(top.count)×): \(tip)")
    }
    if advice.isEmpty {
      advice.append("Try a harder scenario, or this one in exam mode (`--mode exam`).")
    }
    practise = Array(advice.prefix(3))
  }

  private static func worked(_ turn: Turn) -> [String] {
    var evidence: [String] = []
    let reading = turn.reading
    if let quote = reading.empathyQuote { evidence.append("empathy: " + quoted(quote)) }
    for (fact, quote) in reading.factsAsked.sorted(by: { $0.key < $1.key })
    where turn.events.contains(.revealed(fact: fact)) {
      evidence.append("a question that uncovered \(fact): " + quoted(quote))
    }
    if let quote = reading.summaryQuote { evidence.append("a summary: " + quoted(quote)) }
    if let quote = reading.choicesQuote { evidence.append("a choice: " + quoted(quote)) }
    for event in turn.events {
      if case .accepted(let option) = event {
        evidence.append("an offer they accepted (\(option))")
      }
    }
    if let quote = reading.checkQuote { evidence.append("a check: " + quoted(quote)) }
    return evidence
  }

  /// The rep's words in quotation marks, shortened as ``QuoteShortener`` says.
  static func quoted(_ words: String) -> String { "“" + QuoteShortener.shortened(words) + "”" }

  /// The debrief as plain text wrapped to `width` columns.
  public func render(width: Int = 80) -> String {
    let width = max(40, width)
    var out = "Debrief " + String(repeating: "─", count: max(0, min(width, 72) - 8)) + "\n"
    let verb: String
    switch outcome {
    case .resolved: verb = "Resolved"
    case .escalated: verb = "Escalated: the customer gave up on you"
    case .abandoned: verb = "Abandoned"
    }
    out +=
      "\(verb) after \(turns) turn\(turns == 1 ? "" : "s"); upset \(moodStart) → \(moodEnd) of 10.\n\n"
    for step in Step.allCases {
      let score = scores[step]
      let filled = score / 10
      let name = step.title.padding(to: 11)
      let number = String(score)
      out +=
        "  \(name)" + String(repeating: "█", count: filled)
        + String(repeating: "░", count: 10 - filled) + " "
        + String(repeating: " ", count: 3 - number.count) + number + "\n"
    }
    out +=
      "  " + "Overall".padding(to: 11) + String(repeating: " ", count: 11) + String(scores.overall)
      + "\n"
    for limit in scores.overallLimits {
      let why: String
      switch limit {
      case .moodRises(let replies, let points):
        why = "−\(points): \(replies) repl\(replies == 1 ? "y" : "ies") left them more upset"
      case .serious(let ids, let cap):
        why =
          "at most \(cap): "
          + ids.map { "`\($0)`" }.joined(separator: ", ")
          + " in the call (a serious anti-pattern)"
      case .escalated(let cap):
        why = "at most \(cap): the customer gave up"
      }
      out += "    " + why + "\n"
    }

    func wrap(_ text: String, indent: String, hanging: Int = 2) -> String {
      TextWrapper.wrap(
        TerminalSafe.clean(text), width: width - indent.count, hangingIndent: hanging
      )
      .split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(
        separator: "\n")
    }
    if let strongest {
      out +=
        "\nStrongest reply (turn \(strongest.turn)):\n"
        + wrap(Self.quoted(strongest.reply), indent: "  ")
        + "\n"
      for item in strongest.evidence { out += wrap("+ " + item, indent: "    ") + "\n" }
    }
    if let weakest {
      out +=
        "\nWeakest reply (turn \(weakest.turn)):\n" + wrap(Self.quoted(weakest.reply), indent: "  ")
        + "\n"
      for item in weakest.evidence { out += wrap("- " + item, indent: "    ") + "\n" }
      if let better = weakest.better { out += wrap("Better: " + better, indent: "    ") + "\n" }
    }
    if !antipatterns.isEmpty {
      out +=
        "\nAnti-patterns: " + antipatterns.map { "\($0.id) ×\($0.count)" }.joined(separator: ", ")
        + "\n"
    }
    out += "\nPractise next:\n"
    for (index, item) in practise.enumerated() {
      out += wrap("\(index + 1). \(item)", indent: "  ", hanging: 3) + "\n"
    }
    return out
  }
}

extension String {
  /// The string padded with spaces to `width` characters (never truncated).
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
