/// Per-step scores (0–100) for a finished or running session, by the method's rubric
/// (``Method/Rubric``, the `rubric:` section of the method file), which weighs what went wrong as
/// well as what went right:
///
/// - **Empathy**: the strongest empathy shown; capped when the first reply showed none; less for
///   each reply that dismissed or blamed the customer.
/// - **Understand**: the share of required facts uncovered, an open question, a summary; less for
///   each offer made before the problem was understood.
/// - **Offer**: an accepted option, with more for a choice and a strong offer; less for an offer
///   that was answered but not accepted, little for offers that came too soon, nothing when no
///   option was offered; less for each can't-do.
/// - **Check**: a check that resolved the call, a check that found upset left, a check before
///   anything was agreed; less when the call was closed too early.
/// - **Overall**: the mean of the four, less for each reply after which the customer was more
///   upset, capped for a call with a serious anti-pattern (blame, "not our fault", an argued
///   policy…) and for an escalated call.
public struct StepScores: Hashable, Sendable {
  public var scores: [Step: Int]
  /// The overall score: the mean of the steps, less what the rubric takes off for the whole call.
  public var overall: Int
  /// What took the overall below the mean of the steps, so the debrief can say why.
  public var overallLimits: [OverallLimit] = []

  /// One reason the overall is below the mean of the steps.
  public enum OverallLimit: Hashable, Sendable {
    /// `points` off for `replies` replies after which the customer was more upset.
    case moodRises(replies: Int, points: Int)
    /// At most `cap` for a call with these serious anti-patterns.
    case serious(ids: [String], cap: Int)
    /// At most `cap` for a call the customer gave up on.
    case escalated(cap: Int)
  }

  /// Scores as recorded; `overall` defaults to the mean of the four steps.
  public init(scores: [Step: Int], overall: Int? = nil) {
    self.scores = scores
    self.overall = overall ?? Self.mean(scores)
  }

  public subscript(step: Step) -> Int { scores[step] ?? 0 }

  private static func mean(_ scores: [Step: Int]) -> Int {
    Step.allCases.reduce(0) { $0 + (scores[$1] ?? 0) } / Step.allCases.count
  }

  /// Scores the turns of a session by `rubric`.
  public init(turns: [Turn], scenario: Scenario, outcome: Outcome?, rubric: Method.Rubric) {
    let events = turns.flatMap(\.events)
    func count(_ ids: [String]) -> Int {
      turns.filter { turn in turn.reading.antipatterns.contains { ids.contains($0.id) } }.count
    }

    var empathy = 0
    for turn in turns {
      empathy = max(
        empathy, rubric.empathy.points(turn.reading.strength(.empathy)))
    }
    if let first = turns.first, first.reading.strength(.empathy) == .none {
      empathy = min(empathy, rubric.empathy.noneFirstCap)
    }
    empathy -= rubric.empathy.perDismissal * count(rubric.dismissive)

    let required = scenario.facts.filter(\.required).map(\.id)
    let revealed = Set(
      events.compactMap { event -> String? in
        if case .revealed(let fact) = event { return fact }
        return nil
      })
    let share =
      required.isEmpty
      ? 1.0 : Double(required.filter(revealed.contains).count) / Double(required.count)
    var understand = Int((Double(rubric.understand.facts) * share).rounded(.down))
    if turns.contains(where: { $0.reading.isOpenQuestion }) {
      understand += rubric.understand.openQuestion
    }
    if events.contains(.summary) { understand += rubric.understand.summary }
    understand -= rubric.understand.perLeapfrog * events.filter { $0 == .leapfrog }.count
    if turns.isEmpty { understand = 0 }

    var offer = 0
    let answered = events.contains { event in
      switch event {
      case .countered, .refused, .notYet: true
      default: false
      }
    }
    let tooSoon = events.contains { if case .tooSoon = $0 { true } else { false } }
    if events.contains(where: { if case .accepted = $0 { true } else { false } }) {
      offer = rubric.offer.accepted
      // A choice: options put side by side in one reply, or several offered over the call.
      let offeredOptions = Set(
        events.compactMap { if case .offered(let id) = $0 { id } else { nil } })
      if turns.contains(where: { $0.reading.choicesQuote != nil }) || offeredOptions.count > 1 {
        offer += rubric.offer.choice
      }
      if turns.contains(where: { $0.reading.strength(.offer) == .strong }) {
        offer += rubric.offer.strong
      }
    } else if answered {
      offer = rubric.offer.answered
    } else if tooSoon {
      offer = rubric.offer.tooSoon
    }
    offer -= rubric.offer.perCannot * count(rubric.cannot)

    var check = 0
    let checked = turns.contains { $0.reading.checkQuote != nil }
    if outcome == .resolved, turns.last?.reading.checkQuote != nil {
      check = rubric.check.resolved
    } else if events.contains(.loopBack) {
      check = rubric.check.loopBack
    } else if checked {
      check = rubric.check.early
    }
    let closedEarly = turns.contains { turn in
      turn.reading.checkQuote != nil && !turn.events.contains(.resolved)
        && !turn.events.contains(.loopBack) && !turn.events.contains(.summary)
        && !turn.events.contains(where: { if case .accepted = $0 { true } else { false } })
    }
    if closedEarly, check > rubric.check.early { check -= rubric.check.earlyPenalty }

    func clamp(_ value: Int) -> Int { max(0, min(100, value)) }
    scores = [
      .empathy: clamp(empathy), .understand: clamp(understand), .offer: clamp(offer),
      .check: clamp(check),
    ]
    var overall = Self.mean(scores)
    let rises = turns.filter { $0.moodAfter > $0.moodBefore }.count
    let taken = min(max(0, overall), rubric.overall.perMoodRise * rises)
    if rises > 0, taken > 0 {
      overall -= taken
      overallLimits.append(.moodRises(replies: rises, points: taken))
    }
    if count(rubric.serious) > 0, overall > rubric.overall.seriousCap {
      overall = rubric.overall.seriousCap
      let found = turns.flatMap { $0.reading.antipatterns.map(\.id) }
      var ids: [String] = []
      for id in found where rubric.serious.contains(id) && !ids.contains(id) { ids.append(id) }
      overallLimits.append(.serious(ids: ids, cap: rubric.overall.seriousCap))
    }
    if outcome == .escalated, overall > rubric.overall.escalatedCap {
      overall = rubric.overall.escalatedCap
      overallLimits.append(.escalated(cap: rubric.overall.escalatedCap))
    }
    self.overall = clamp(overall)
  }
}
