/// Per-step scores (0–100) for a finished or running session, by a transparent rubric:
///
/// - **Empathy**: the strongest empathy shown (strong 100, weak 60); capped at 80 when the first
///   reply showed none ("empathy first").
/// - **Understand**: 50 × the share of required facts uncovered, +25 for an open question, +25 for
///   a summary; −20 for each leapfrog.
/// - **Offer**: 60 when the customer accepted an option, +20 for offering a choice, +20 for a
///   strong offer (options, a next step, a time frame); without an accepted option, 30 for a
///   strong offer, 15 for a weak one.
/// - **Check**: 100 when a check question resolved the call, 60 when a check found upset left,
///   30 for a check before anything was agreed.
public struct StepScores: Hashable, Sendable {
  public var scores: [Step: Int]

  public init(scores: [Step: Int]) {
    self.scores = scores
  }

  public subscript(step: Step) -> Int { scores[step] ?? 0 }

  /// The mean of the four step scores.
  public var overall: Int { Step.allCases.reduce(0) { $0 + self[$1] } / Step.allCases.count }

  /// Scores the turns of a session.
  public init(turns: [Turn], scenario: Scenario, outcome: Outcome?) {
    var empathy = 0
    for turn in turns {
      empathy = max(empathy, [0, 60, 100][turn.reading.strength(.empathy)])
    }
    if let first = turns.first, first.reading.strength(.empathy) == 0 { empathy = min(empathy, 80) }

    let required = scenario.facts.filter(\.required).map(\.id)
    let revealed = Set(
      turns.flatMap(\.events).compactMap { event -> String? in
        if case .revealed(let fact) = event { return fact }
        return nil
      })
    let share =
      required.isEmpty
      ? 1.0 : Double(required.filter(revealed.contains).count) / Double(required.count)
    var understand = Int(50 * share)
    if turns.contains(where: { $0.reading.isOpenQuestion }) { understand += 25 }
    let events = turns.flatMap(\.events)
    if events.contains(.summary) { understand += 25 }
    understand -= 20 * events.filter { $0 == .leapfrog }.count
    if turns.isEmpty { understand = 0 }

    let accepted = events.contains { if case .accepted = $0 { true } else { false } }
    let bestOffer = turns.map { $0.reading.strength(.offer) }.max() ?? 0
    var offer: Int
    if accepted {
      offer = 60
      if turns.contains(where: {
        $0.reading.choicesQuote != nil || $0.reading.optionsOffered.count > 1
      }) {
        offer += 20
      }
      if bestOffer == 2 { offer += 20 }
    } else {
      offer = [0, 15, 30][bestOffer]
    }

    var check = 0
    if outcome == .resolved, turns.last?.reading.checkQuote != nil {
      check = 100
    } else if events.contains(.loopBack) {
      check = 60
    } else if turns.contains(where: { $0.reading.checkQuote != nil }) {
      check = 30
    }
    func clamp(_ value: Int) -> Int { max(0, min(100, value)) }
    scores = [
      .empathy: clamp(empathy), .understand: clamp(understand), .offer: clamp(offer),
      .check: clamp(check),
    ]
  }
}
