import CoachTestSupport
import Foundation
import Testing

/// The authoring commands end to end: `new`, then `lint` and `test` on what it wrote; `graph`
/// and `schema` on the bundled scripts.
@Suite struct AuthoringTests {
  @Test func newWritesASkeletonThatLintsCleanAndPassesItsTests() throws {
    let folder = try CoachProcess.temporaryDirectory()
    let new = try CoachProcess.run(["new", "broken-lamp"], directory: folder)
    #expect(new.status == 0, "\(new.stderr)")
    #expect(new.stdout.contains("Wrote broken-lamp.coach.yaml"))
    let file = folder.appendingPathComponent("broken-lamp.coach.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("scenario: broken-lamp\n"))
    #expect(text.contains("title: Broken lamp\n"))
    #expect(!text.contains("{{"))

    let lint = try CoachProcess.run(["lint", "--strict", "broken-lamp.coach.yaml"], directory: folder)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    #expect(lint.stdout == "no problems in broken-lamp.coach.yaml\n")

    let test = try CoachProcess.run(["test", "broken-lamp.coach.yaml"], directory: folder)
    #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
    #expect(test.stdout.hasSuffix("4 passed, 0 failed\n"))
  }

  @Test func newRefusesToReplaceAFileWithoutForce() throws {
    let folder = try CoachProcess.temporaryDirectory()
    let file = folder.appendingPathComponent("mine.coach.yaml")
    try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
    let refused = try CoachProcess.run(["new", "mine"], directory: folder)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("`mine.coach.yaml` already exists; use --force to replace it"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")

    let forced = try CoachProcess.run(["new", "mine", "--force"], directory: folder)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try String(contentsOf: file, encoding: .utf8).contains("scenario: mine\n"))
  }

  @Test(arguments: ["Late_Parts", "9lives", "", "a/b", "café"])
  func newRefusesAnInvalidID(id: String) throws {
    let folder = try CoachProcess.temporaryDirectory()
    let result = try CoachProcess.run(["new", id], directory: folder)
    #expect(result.status == 64)
    #expect(result.stderr.contains("is not a valid scenario id"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func lintChecksACurriculumsScenarioIDsAgainstTheSearchPath() throws {
    let folder = try CoachProcess.temporaryDirectory()
    let extra = try CoachProcess.temporaryDirectory()
    try """
      curriculum: mine
      title: Mine
      scenarios:
        - late-delivery
        - late-deliveyr
        - my-own
      """.write(
        to: folder.appendingPathComponent("mine.coach.yaml"), atomically: true, encoding: .utf8)
    let own = try String(
      contentsOf: CoachProcess.packageRoot.appendingPathComponent(
        "Scripts/scenarios/late-delivery.coach.yaml"), encoding: .utf8
    ).replacingOccurrences(of: "scenario: late-delivery\n", with: "scenario: my-own\n")
    try own.write(
      to: extra.appendingPathComponent("my-own.coach.yaml"), atomically: true, encoding: .utf8)

    let result = try CoachProcess.run(
      ["lint", "mine.coach.yaml"], environment: ["COACH_SCRIPTS": extra.path], directory: folder)
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        mine.coach.yaml:5:5: error[C010]: no scenario has the id `late-deliveyr`
          |
        5 |   - late-deliveyr
          |     ^^^^^^^^^^^^^ unknown scenario
          |
          = help: did you mean `late-delivery`?

        1 error in mine.coach.yaml

        """)
  }

  @Test func graphPrintsMermaidByDefaultAndDotOnRequest() throws {
    let mermaid = try CoachProcess.run(["graph", "late-delivery"])
    #expect(mermaid.status == 0, "\(mermaid.stderr)")
    #expect(mermaid.stdout.hasPrefix("---\ntitle: \"late-delivery\"\n---\nflowchart TD\n"))
    let dot = try CoachProcess.run(["graph", "late-delivery", "--format", "dot"])
    #expect(dot.status == 0, "\(dot.stderr)")
    #expect(dot.stdout.hasPrefix("digraph \"late-delivery\" {\n"))
    #expect(dot.stdout.hasSuffix("}\n"))
    let bad = try CoachProcess.run(["graph", "late-delivery", "--format", "svg"])
    #expect(bad.status == 64)
    let missing = try CoachProcess.run(["graph", "late-delivry"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("did you mean `late-delivery`?"))
  }

  @Test func schemaPrintsADraft07SchemaOfEachKind() throws {
    for kind in ["all", "scenario", "curriculum", "lexicon", "method"] {
      let result = try CoachProcess.run(["schema", "--kind", kind])
      #expect(result.status == 0, "\(result.stderr)")
      let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
      #expect(object?["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
    }
    let bad = try CoachProcess.run(["schema", "--kind", "poem"])
    #expect(bad.status == 64)
  }
}
