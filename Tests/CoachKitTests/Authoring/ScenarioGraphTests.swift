@testable import CoachKit
import CoachTestSupport
import Foundation
import Testing

/// `coach graph`: golden files for both formats on a small fixture whose text needs escaping,
/// and the escaping rules on their own.
@Suite struct ScenarioGraphTests {
  /// The fixture's opening writes an ESC (`\e[31m`), which lint refuses (S014) but the graph
  /// must neutralise all the same: the scenario is taken despite that one error.
  static func fixture() throws -> Scenario {
    let source = try AuthoringFixtures.source("Graph/small.coach.yaml")
    let script = ScriptLoader.load(source)
    let errors = script.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == ["S014"], "\(DiagnosticRenderer().render(errors, in: source))")
    let scenario: Scenario? =
      if case .scenario(let scenario)? = script.content { scenario } else { nil }
    return try #require(scenario)
  }

  @Test(arguments: [(ScenarioGraph.Format.mermaid, "mmd"), (.dot, "dot")])
  func rendersTheGoldenFile(format: ScenarioGraph.Format, ext: String) throws {
    let rendered = ScenarioGraph(try Self.fixture()).render(format)
    try AuthoringFixtures.assertGolden(rendered, "Graph/small.\(ext)")
  }

  @Test(arguments: ScenarioGraph.Format.allCases)
  func noControlCharacterReachesTheOutput(format: ScenarioGraph.Format) throws {
    let rendered = ScenarioGraph(try Self.fixture()).render(format)
    #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
  }

  @Test func mermaidLabelsHoldNoRawQuotesOrBrackets() {
    let text = ScenarioGraph.mermaidText("say \"hi\" [x] {y} <b> | # ; a\\b & `z`")
    #expect(text == "say #quot;hi#quot; #91;x#93; #123;y#125; #60;b#62; #124; #35; #59; a#92;b #38; #96;z#96;")
  }

  @Test func dotLabelsEscapeQuotesAndBackslashes() {
    #expect(ScenarioGraph.dotText("a \"b\" c\\n \u{1B}[31m") == "a \\\"b\\\" c\\\\n ␛[31m")
  }

  @Test func longTextIsCutAndPhrasesAbbreviated() {
    let long = String(repeating: "word ", count: 30)
    let cut = ScenarioGraph.cut(long)
    #expect(cut.count == ScenarioGraph.maxLine)
    #expect(cut.hasSuffix("…"))
    let span = SourceSpan(at: SourceLocation(offset: 0, line: 1, column: 1))
    let phrases = ["a", "b", "c", "d", "e"].map { Phrase($0, span: span) }
    #expect(ScenarioGraph.phrases(phrases) == "a, b, c +2 more")
  }

  @Test func everyFactOptionAndRuleIsANode() throws {
    let scenario = try Self.fixture()
    let graph = ScenarioGraph(scenario)
    #expect(graph.nodes.filter { $0.kind == .fact }.count == scenario.facts.count)
    #expect(graph.nodes.filter { $0.kind == .option }.count == scenario.options.count)
    #expect(graph.nodes.filter { $0.kind == .rule }.count == scenario.rules.count)
    let ids = Set(graph.nodes.map(\.id))
    for edge in graph.edges {
      #expect(ids.contains(edge.from) && ids.contains(edge.to), "\(edge.from) -> \(edge.to)")
    }
  }
}
