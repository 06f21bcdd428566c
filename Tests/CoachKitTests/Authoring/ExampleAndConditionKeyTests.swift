import CoachTestSupport
import Testing

@testable import CoachKit

/// The keys added through the key descriptions: `examples:` on facts and options, and `when:`
/// on a line variant, decoded into the model with their places.
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
    #expect(scenario.lines[.good(.offer)][0].when.isEmpty)
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

  @Test func conditionsAreDecodedTyped() throws {
    let text = Self.script(
      variant: """
                when: [knows deadline, not offered courier, offered, accepted]
              - say: Thank you.
                when: [summary, not feeling-named, time-given]
        """)
    let script = TestScripts.load(text)
    #expect(script.diagnostics.isEmpty, "\(script.diagnostics.map(\.message))")
    let variants = try #require(script.scenario).lines[.good(.offer)]
    #expect(variants.count == 2)
    #expect(
      variants[0].when.map(\.kind) == [
        .knows("deadline"), .offered("courier"), .offered(nil), .accepted,
      ])
    #expect(variants[0].when.map(\.negated) == [false, true, false, false])
    #expect(variants[1].when.map(\.kind) == [.summary, .feelingNamed, .timeGiven])
    #expect(variants[1].when.map(\.negated) == [false, true, false])
    #expect(variants[0].when[1].span.start.line == variants[0].span.start.line + 1)
  }

  @Test func aSingleConditionIsAListOfOne() throws {
    let scenario = TestScripts.scenario(Self.script(variant: "        when: not summary"))
    let condition = try #require(scenario.lines[.good(.offer)][0].when.first)
    #expect(condition.kind == .summary)
    #expect(condition.negated)
  }

  @Test(arguments: [
    ("when: knwos deadline", "S024", "did you mean `knows`?"),
    ("when: knows", "S024", "write `knows FACT`"),
    ("when: accepted courier", "S024", "`accepted` takes no id"),
    ("when: offered courier now", "S024", "`offered` takes one id"),
    ("when: not", "S024", "no condition after `not`"),
    ("when: knows Deadline", "S011", "for example `deadline`"),
    ("when: knows deadlin", "S009", "did you mean `deadline`?"),
    ("when: offered couriers", "S009", "did you mean `courier`?"),
    ("when: knows deadline, offered", "S012", "write `when: [knows deadline, offered]`"),
  ])
  func aWrongConditionIsALocatedError(when: String, code: String, expected: String) {
    let text = Self.script(variant: "        " + when)
    let script = TestScripts.load(text)
    let found = script.diagnostics.filter { $0.code == code }
    #expect(found.count == 1, "\(script.diagnostics.map { "\($0.code) \($0.message)" })")
    guard let diagnostic = found.first else { return }
    #expect(diagnostic.span?.start.line == 23)
    let words = [diagnostic.message, diagnostic.help ?? "", diagnostic.label ?? ""]
    #expect(words.contains { $0.contains(expected) }, "\(words)")
  }
}
