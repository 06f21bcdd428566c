import CoachKit
import Foundation
import Testing

/// Golden tests for the syntax diagnostics: each `Fixtures/Syntax/NAME.coach.yaml` must render
/// exactly `NAME.expected.txt`. Run with `RECORD_SNAPSHOTS=1` to rewrite the expected files.
@Suite struct SyntaxGoldenTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Syntax")

  static let names: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".coach.yaml") }
      .map { String($0.dropLast(".coach.yaml".count)) }
      .sorted()
  }()

  @Test func thereAreEnoughFixtures() {
    #expect(Self.names.count >= 40)
  }

  @Test(arguments: names) func rendersTheExpectedDiagnostics(name: String) throws {
    let input = Self.directory.appendingPathComponent(name + ".coach.yaml")
    let expectedURL = Self.directory.appendingPathComponent(name + ".expected.txt")
    let bytes = Array(try Data(contentsOf: input))
    let source = SourceFile(path: name + ".coach.yaml", bytes: bytes)
    let tree = SyntaxParser.parse(source)
    #expect(tree.diagnostics.hasErrors, "a malformed fixture must be refused")
    let rendered = DiagnosticRenderer(color: false).render(tree.diagnostics, in: source)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(rendered.utf8).write(to: expectedURL)
      return
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(rendered == expected)
  }
}
