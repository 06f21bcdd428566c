import CoachTestSupport
import Foundation
import Testing

/// `coach results export`, `coach report` and `coach progress`, run as a user would.
@Suite struct ReportTests {
  static var fixtures: URL {
    CoachProcess.packageRoot.appendingPathComponent("Tests/CoachKitTests/Fixtures/Progress")
  }

  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// A data folder whose results file holds `lines`.
  static func dataHome(results lines: String) throws -> URL {
    let home = try CoachProcess.temporaryDirectory()
    let folder = home.appendingPathComponent("coach")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try lines.write(
      to: folder.appendingPathComponent("results.jsonl"), atomically: true, encoding: .utf8)
    return home
  }

  @Test func reportsInEveryFormat() throws {
    let files = ["cohort-ana-ben.jsonl", "cohort-cy.jsonl", "cohort-dee.results.jsonl"].map(
      Self.fixture)
    let md = try CoachProcess.run(["report"] + files)
    #expect(md.status == 0)
    #expect(md.stderr == "")
    #expect(md.stdout.contains("- Sessions: 10 by 4 reps over 2 scenarios"))
    let csv = try CoachProcess.run(["report"] + files + ["--format", "csv"])
    #expect(csv.stdout.hasPrefix("kind,rep,scenario,title,sessions,"))
    let json = try CoachProcess.run(["report"] + files + ["--format", "json"])
    #expect(json.stdout.contains("\"format\": \"coach-trainer-report\""))
    let html = try CoachProcess.run(["report"] + files + ["--format", "html"])
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(html.stdout.contains("&lt;dee&gt;"))
  }

  @Test func warnsAboutTornRecordsAndDuplicatesButStillReports() throws {
    let files = ["cohort-ana-ben.jsonl", "torn.results.jsonl"].map(Self.fixture)
    let result = try CoachProcess.run(["report"] + files)
    #expect(result.status == 0)
    #expect(result.stderr.contains("torn.results.jsonl:3: the last record is incomplete"))
    #expect(
      result.stderr.contains("2 sessions appeared in more than one file and were counted once"))
    #expect(result.stdout.contains("- Sessions: 5 by 2 reps"))
  }

  @Test func anUnreadableFileFailsAndAnUnknownFormatIsAUsageError() throws {
    let missing = try CoachProcess.run(["report", "/nonexistent/results.jsonl"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("cannot read `/nonexistent/results.jsonl`"))
    let usage = try CoachProcess.run(["report", Self.fixture("cohort-cy.jsonl"), "--format", "pdf"])
    #expect(usage.status == 64)
  }

  @Test func exportsOneRepsResultsForTheReport() throws {
    let lines =
      try String(contentsOfFile: Self.fixture("cohort-ana-ben.jsonl"), encoding: .utf8)
      .split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
    let home = try Self.dataHome(results: lines)
    let export = try CoachProcess.run(
      ["results", "export", "--rep", "ben"], environment: ["XDG_DATA_HOME": home.path])
    #expect(export.status == 0)
    let exported = export.stdout.split(separator: "\n")
    #expect(exported.count == 4)
    #expect(
      exported[0].hasPrefix(
        #"{"format":"coach-results-export","version":1,"rep":"ben","exported":""#))
    #expect(exported[0].hasSuffix(#","records":3}"#))
    let report = try CoachProcess.run(["report", "-"], input: export.stdout)
    #expect(report.stdout.contains("- Sessions: 3 by 1 rep over 2 scenarios"))
    let nobody = try CoachProcess.run(
      ["results", "export", "--rep", "zed"], environment: ["XDG_DATA_HOME": home.path])
    #expect(nobody.stderr.contains("no results for `zed`"))
    #expect(nobody.stdout.split(separator: "\n").count == 1)
  }

  @Test func progressShowsTrendsHabitsAndWhatNext() throws {
    let lines =
      try String(contentsOfFile: Self.fixture("cohort-ana-ben.jsonl"), encoding: .utf8)
      .split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
    let home = try Self.dataHome(results: lines)
    let result = try CoachProcess.run(
      ["progress", "--rep", "ben"], environment: ["XDG_DATA_HOME": home.path])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("\u{1B}["), "no colour on a pipe")
    #expect(result.stdout.contains("Progress for ben — 3 sessions, 2026-03-03 to 2026-03-05"))
    #expect(result.stdout.contains("Empathy    ▃▅▂  latest 20"))
    #expect(result.stdout.contains("blame"))
    #expect(result.stdout.contains("in 2 of 3 sessions"))
    #expect(result.stdout.contains("Next: s2 — your best here is 20; try it again"))
    let empty = try CoachProcess.run(
      ["progress", "--rep", "nobody"], environment: ["XDG_DATA_HOME": home.path])
    #expect(empty.stdout.contains("No sessions recorded yet."))
  }
}
