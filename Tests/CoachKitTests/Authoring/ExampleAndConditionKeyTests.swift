import CoachTestSupport
import Testing

@testable import CoachKit

/// The keys added through the key descriptions: `examples:` on facts and options, decoded into
/// the model with their places.
@Suite struct ExampleAndConditionKeyTests {
  static func script(facts: String = "", option: String = "", variant: String = "") -> String {
    """
    scenario: keys
    title: Keys
    difficulty: 1
    situation: A late parcel.
    customer:
      name: Ana
      mood: 5
      opening: Where is it?
    facts:
      - id: deadline
        asked-by: [deadline]
        reveal: Friday.
    \(facts)
    options:
      - id: courier
        offered-by: [courier]
        accept: Fine.
    \(option)
    lines:
      offer:
        good:
          - say: Friday works.
    \(variant)
    """
  }

  @Test func examplesAreOptionalAndEmptyByDefault() {
    let scenario = TestScripts.scenario(Self.script())
    #expect(scenario.facts[0].examples.isEmpty)
    #expect(scenario.options[0].examples.isEmpty)
  }

  @Test func examplesAreDecodedWithTheirPlacesAndMayHoldCommas() throws {
    let text = Self.script(
      facts: """
            examples:
              - When do you need it, roughly?
              - Is there a deadline?
        """,
      option: """
            examples: I can send a courier, today.
        """)
    let script = TestScripts.load(text)
    #expect(script.diagnostics.isEmpty, "\(script.diagnostics.map(\.message))")
    let scenario = try #require(script.scenario)
    let fact = scenario.facts[0]
    #expect(fact.examples.map(\.text) == ["When do you need it, roughly?", "Is there a deadline?"])
    #expect(fact.examples[0].span.start.line == 14)
    #expect(fact.examples[1].span.start.line == 15)
    #expect(scenario.options[0].examples.map(\.text) == ["I can send a courier, today."])
  }
}
