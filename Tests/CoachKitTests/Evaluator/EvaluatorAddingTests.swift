import CoachKit
import CoachTestSupport
import Testing

/// `Evaluator.adding(extraCues:)` compiles only a scenario's phrases; it must judge exactly as a
/// full compile with the same extra cues.
@Suite struct EvaluatorAddingTests {
  let base = LexiconFixture.evaluator

  func expectSame(_ extraCues: [String: [String]], replies: [String]) {
    let full = Evaluator(lexicon: LexiconFixture.lexicon, extraCues: extraCues)
    let added = base.adding(extraCues: extraCues)
    #expect(added.problems == full.problems)
    for reply in replies {
      for step in [nil, Step.empathy, .understand, .offer, .check] {
        let context = ReplyContext(customerLine: "My parcel is late again.", step: step)
        #expect(
          added.assess(reply, context: context) == full.assess(reply, context: context), "\(reply)")
      }
    }
    let phrases = ["courier", "same day", "refund"]
    #expect(added.compile(phrases) == full.compile(phrases))
  }

  static let replies = [
    "I'm so sorry, that sounds really frustrating. What happened with the courier?",
    "We can send a courier today or refund the delivery charge, which would you prefer?",
    "I understand. I can't offer a refund, but a same day courier is possible.",
    "So the parcel was late again and the oven is down. Does that sound right?",
    "That's not my fault, the courier was late. Policy says no.",
  ]

  @Test func bundledScenarios() throws {
    for url in AuthoringFixtures.bundledScripts() {
      let script = ScriptLoader.load(
        SourceFile(path: url.path, bytes: TestScripts.readFile(url.path)))
      guard let scenario = script.scenario, !scenario.cues.isEmpty else { continue }
      let cues = scenario.cues.mapValues { $0.map(\.text) }
      let own = cues.values.flatMap { $0 }.map { "Well, \($0), I think." }
      expectSame(cues, replies: Self.replies + own)
    }
  }

  @Test func duplicatesUnknownIDsAndWildcards() {
    // An extra cue equal to a lexicon phrase of the same group (weak or strong), one for an
    // unknown id, one with no words, one with a wildcard or a class (compiled in full).
    expectSame(
      ["option": ["courier", "same day courier"], "validation": ["makes sense", "i see"]],
      replies: Self.replies + ["That makes sense, I see.", "A courier, same day courier."])
    expectSame(["nonsense": ["courier"], "option": ["?!"]], replies: Self.replies)
    expectSame(["option": ["send * courier"]], replies: Self.replies)
  }
}
