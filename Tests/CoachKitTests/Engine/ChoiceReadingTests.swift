import CoachKit
import CoachTestSupport
import Foundation
import Testing

/// A choice is two or more of the scenario's options in one reply. Several offer words about one
/// plan ("the refund goes back to your card today, and I'll email you a note") are no choice:
/// the debrief once praised such a confirmation as "a choice". Found playing renewal-price at a
/// terminal.
@Suite struct ChoiceReadingTests {
  @Test func aChoiceIsTwoOfTheScenariosOptions() throws {
    let url = AuthoringFixtures.scripts.appendingPathComponent(
      "scenarios/renewal-price.coach.yaml")
    let source = SourceFile(path: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
    let scenario = try #require(ScriptLoader.load(source).scenario)
    let judge = ScenarioJudge(evaluator: AuthoringFixtures.evaluator, scenario: scenario)
    let choice = judge.read(
      "I can put you back on last year's £1,200 and refund the £450 today, or if you'd rather "
        + "leave, I'll cancel and refund the full £1,650. Which works better?",
      customerLine: nil, step: .offer
    ).reading
    #expect(choice.optionsOffered.count > 1)
    #expect(choice.choicesQuote != nil)
    let confirmation = judge.read(
      "Great. The refund goes back to your card today, and I'll email you a note for the "
        + "partners by 3pm. Does that give you what you need for them?",
      customerLine: nil, step: .check
    ).reading
    #expect(confirmation.choicesQuote == nil, "\(confirmation.optionsOffered)")
  }
}
