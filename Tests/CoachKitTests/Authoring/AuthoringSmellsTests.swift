import CoachTestSupport
import Foundation
import Testing

@testable import CoachKit

/// Golden tests for the lint smells that need the evaluator (`W010`–`W019`) and for the
/// validator's own checks (the `validation-*` fixtures): each
/// `Fixtures/Authoring/Lint/NAME.coach.yaml` must render exactly `NAME.expected.txt`. `RECORD_SNAPSHOTS=1` rewrites the expected files.
@Suite struct AuthoringSmellsTests {
  static let names = AuthoringFixtures.names(in: "Lint")

  static func lint(_ source: SourceFile) -> [Diagnostic] {
    let script = ScriptLoader.load(source)
    guard let scenario = script.scenario else { return script.diagnostics }
    let smells = AuthoringSmells.check(
      scenario, evaluator: AuthoringFixtures.evaluator,
      everydayPhrases: AuthoringFixtures.everydayPhrases)
    return (script.diagnostics + smells).sortedBySource()
  }

  @Test func thereAreFixtures() {
    #expect(!Self.names.isEmpty)
  }

  @Test(arguments: names) func rendersTheExpectedDiagnostics(name: String) throws {
    let source = try AuthoringFixtures.source("Lint/\(name).coach.yaml")
    let rendered = DiagnosticRenderer(color: false).render(Self.lint(source), in: source)
    try AuthoringFixtures.assertGolden(rendered, "Lint/\(name).expected.txt")
  }

  @Test func theFixturesTogetherUseEveryNewCode() throws {
    var codes: Set<String> = []
    for name in Self.names {
      let source = try AuthoringFixtures.source("Lint/\(name).coach.yaml")
      codes.formUnion(Self.lint(source).map(\.code))
    }
    for code in (10...19).map({ "W0\($0)" }) {
      #expect(codes.contains(code), "no fixture shows \(code)")
    }
  }

  @Test func theDefaultScenarioHasNoSmells() throws {
    let url = AuthoringFixtures.scripts.appendingPathComponent("scenarios/late-delivery.coach.yaml")
    let source = SourceFile(path: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
    let scenario = try #require(ScriptLoader.load(source).scenario)
    let smells = AuthoringSmells.check(
      scenario, evaluator: AuthoringFixtures.evaluator,
      everydayPhrases: AuthoringFixtures.everydayPhrases)
    #expect(smells.isEmpty, "\(DiagnosticRenderer().render(smells, in: source))")
  }

  @Test func theTemplateIsCleanUnderEveryCheck() throws {
    let source = SourceFile(path: "x.coach.yaml", text: try AuthoringFixtures.template(id: "x"))
    let diagnostics = Self.lint(source)
    #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics, in: source))")
  }

  @Test func aWorkingCueIsNotReported() {
    let scenario = TestScripts.scenario(AuthoringFixtures.minimal)
    let smells = AuthoringSmells(scenario: scenario, evaluator: AuthoringFixtures.evaluator)
    let phrase = Phrase("when do you need", span: scenario.span)
    #expect(smells.questionProblem(phrase) == nil)
    #expect(smells.replyProblem(Phrase("same day", span: scenario.span)) == nil)
    #expect(
      smells.questionProblem(Phrase("{nope}", span: scenario.span))?.label == "no word class `nope`"
    )
    #expect(
      smells.replyProblem(Phrase("a, b", span: scenario.span))?.label == "has punctuation inside")
  }
}

extension AuthoringFixtures {
  /// The smallest valid scenario.
  static let minimal = """
    scenario: minimal
    title: Minimal
    difficulty: 1
    situation: A late parcel.
    customer:
      name: Ana
      mood: 5
      opening: Where is it?
    options:
      - id: courier
        offered-by: [courier]
        accept: Fine.
    lines:
      empathy: {good: [a, b], poor: [c, d]}
      understand: {good: [a, b], poor: [c, d]}
      offer: {good: [a, b], poor: [c, d]}
      check: {good: [a, b], poor: [c, d]}
    """
}
