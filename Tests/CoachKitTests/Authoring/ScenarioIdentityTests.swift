import Foundation
import Testing

@testable import CoachKit

/// The checks of a scenario's id against its file name and the other scenarios on the search
/// path (W007, W008), as `coach lint` reports them.
@Suite struct ScenarioIdentityTests {
  @Test func aCopyUnderAnotherNameIsReportedTwice() throws {
    let source = try AuthoringFixtures.source("Identity/my-late-parts.coach.yaml")
    let scenario = try #require(ScriptLoader.load(source).scenario)
    let diagnostics = ScenarioIdentity.check(
      scenario, path: source.path, others: ["scripts/late-parts.coach.yaml"])
    let rendered = DiagnosticRenderer(color: false).render(diagnostics, in: source)
    try AuthoringFixtures.assertGolden(rendered, "Identity/my-late-parts.expected.txt")
  }

  @Test func aFileNamedAfterItsIDAloneOnThePathIsClean() throws {
    let source = try AuthoringFixtures.source("Identity/my-late-parts.coach.yaml")
    let scenario = try #require(ScriptLoader.load(source).scenario)
    #expect(ScenarioIdentity.check(scenario, path: "x/late-parts.coach.yaml", others: []).isEmpty)
  }
}
