import CoachKit
import CoachTestSupport
import Foundation
import Testing

/// A choice is two or more of the scenario's options in one reply. Several offer words about one
/// plan ("the refund goes back to your card today, and I'll email you a note") are no choice:
/// the debrief once praised such a confirmation as "a choice". Found playing renewal-price at a
/// terminal.
@Suite struct ChoiceReadingTests {
  /// A bundled scenario and its judge.
  static func judge(_ id: String) throws -> (Scenario, ScenarioJudge) {
    let url = AuthoringFixtures.scripts.appendingPathComponent("scenarios/\(id).coach.yaml")
    let source = SourceFile(path: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
    let scenario = try #require(ScriptLoader.load(source).scenario)
    return (scenario, ScenarioJudge(evaluator: AuthoringFixtures.evaluator, scenario: scenario))
  }

  @Test func aChoiceIsTwoOfTheScenariosOptions() throws {
    let (_, judge) = try Self.judge("renewal-price")
    // Each reply touches two options; only the first sets them side by side. A choice word
    // outside the offer ("questions or concerns") sets nothing side by side.
    for (reply, step, isChoice) in [
      (
        "I can put you back on last year's £1,200 and refund the £450 today, or if you'd rather "
          + "leave, I'll cancel and refund the full £1,650. Which works better?", Step.offer, true
      ),
      (
        "Great. The refund goes back to your card today, and I'll email you a note for the "
          + "partners by 3pm. Does that give you what you need for them?", .check, false
      ),
      (
        "First, the refund goes back to your card today, and I'll email you a note for the "
          + "partners. Any questions or concerns?", .check, false
      ),
    ] {
      let reading = judge.read(reply, customerLine: nil, step: step).reading
      #expect(reading.optionsOffered.count > 1, "\(reply)")
      #expect((reading.choicesQuote != nil) == isChoice, "\(reply)")
    }
  }
}

/// One question that asks about two facts equally well brings them out in the scenario's order,
/// on every run: the order once came from a dictionary, so the same seed and replies could play
/// two ways. Found by a new rep replaying a session at a terminal.
@Suite struct FactOrderTests {
  @Test func equallyAskedFactsComeInTheScenariosOrder() throws {
    let (scenario, judge) = try ChoiceReadingTests.judge("late-delivery")
    let reading = judge.read(
      "that sounds rough. whats going on with the oven, and is there something coming up you "
        + "need it for?", customerLine: nil, step: .understand
    ).reading
    let order = scenario.facts.map(\.id).filter { reading.factsAsked[$0] != nil }
    #expect(reading.factsAskedInOrder == order)
    #expect(order.count == 2)
  }
}
