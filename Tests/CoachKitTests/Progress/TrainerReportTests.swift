import Testing

@testable import CoachKit

/// The report's numbers on a fixture of four reps and ten sessions in three files, worked out by
/// hand (see the table in each test).
@Suite struct TrainerReportTests {
  static func cohort() throws -> [ResultRecord] {
    let logs = try ["cohort-ana-ben.jsonl", "cohort-cy.jsonl", "cohort-dee.results.jsonl"].map {
      ResultsLog(bytes: try ProgressFixtures.bytes($0))
    }
    #expect(logs.allSatisfy { $0.warnings.isEmpty })
    return ResultsLog.merged(logs).records
  }

  static let dee = "<dee> & \"co\""

  static func report() throws -> TrainerReport {
    TrainerReport(records: try cohort(), generated: "2026-03-21T08:00:00Z")
  }

  @Test func totalsOverAllSessions() throws {
    let report = try Self.report()
    // 10 sessions; abandoned: ben/s2, dee/s1 → 8 completed. Passed: ana ×2, ben/s1 (70),
    // cy/s1 (100), cy/s2 (drill verdict pass at 50) → 5. dee/s2 scores 60 but its drill verdict
    // (mark 70) says not passed.
    #expect(report.all.sessions == 10)
    #expect(report.all.completed == 8)
    #expect(report.all.passed == 5)
    #expect(report.all.meanOverall == 55.0)  // 550 / 10
    #expect(report.all.mean(.empathy) == 59.0)  // 590 / 10
    #expect(report.all.mean(.understand) == 49.0)  // 490 / 10
    #expect(report.all.mean(.offer) == 61.0)
    #expect(report.all.mean(.check) == 51.0)
  }

  @Test func ratesPerScenario() throws {
    let report = try Self.report()
    #expect(report.scenarios.map(\.scenario) == ["s1", "s2"])
    let s1 = report.scenarios[0]
    // s1: ana 80, ben 40 + 70, cy 100, dee 30 (abandoned) + 40.
    #expect(s1.title == "Scenario One")
    #expect((s1.tally.sessions, s1.tally.completed, s1.tally.passed) == (6, 5, 3))
    #expect(s1.reps == 4 && s1.repsPassed == 3)
    #expect(s1.tally.meanOverall == 60.0)
    #expect(TrainerReport.format(s1.tally.mean(.empathy)) == "61.7")  // 370 / 6
    #expect(TrainerReport.percent(s1.tally.completionRate) == "83%")
    let s2 = report.scenarios[1]
    // s2: ana 60, ben 20 (abandoned), cy 50 (drill pass), dee 60 (drill fail).
    #expect((s2.tally.sessions, s2.tally.completed, s2.tally.passed) == (4, 3, 2))
    #expect(s2.reps == 4 && s2.repsPassed == 2)
    #expect(s2.tally.meanOverall == 47.5)
  }

  @Test func ratesPerRep() throws {
    let report = try Self.report()
    #expect(report.reps.map(\.rep) == [Self.dee, "ana", "ben", "cy"])
    let byRep = Dictionary(uniqueKeysWithValues: report.reps.map { ($0.rep, $0) })
    let ben = try #require(byRep["ben"])
    #expect((ben.tally.sessions, ben.tally.completed, ben.tally.passed) == (3, 2, 1))
    #expect((ben.scenarios, ben.scenariosPassed) == (2, 1))
    #expect(TrainerReport.format(ben.tally.meanOverall) == "43.3")
    #expect(ben.topAntipattern == "blame")
    let dee = try #require(byRep[Self.dee])
    #expect((dee.tally.sessions, dee.tally.passed, dee.scenariosPassed) == (3, 0, 0))
    #expect(TrainerReport.format(dee.tally.mean(.understand)) == "23.3")
    #expect(dee.topAntipattern == "defensive")
    #expect(byRep["cy"]?.tally.passRate == 1.0)
    #expect(byRep["ana"]?.tally.meanOverall == 70.0)
  }

  @Test func mostCommonAntipatterns() throws {
    let rows = try Self.report().antipatterns
    // blame: 1 + 2 + 1 + 1 over 4 sessions and 3 reps; defensive 3 + 1; shouting 1.
    #expect(rows.map(\.id) == ["blame", "defensive", "shouting"])
    #expect((rows[0].total, rows[0].sessions, rows[0].reps) == (5, 4, 3))
    #expect((rows[1].total, rows[1].sessions, rows[1].reps) == (4, 2, 1))
  }

  @Test func whoNeedsHelpWithWhat() throws {
    let help = try Self.report().help
    #expect(help.map(\.rep) == ["ben", Self.dee])
    #expect(help[0].count == 6)
    #expect(
      help[0].needs == [
        "weak steps: Empathy 43.3, Understand 43.3, Offer 43.3, Check 43.3", "not passed: s2",
        "habits: blame in 2 of 3 sessions",
      ])
    #expect(help[1].count == 5)
    #expect(
      help[1].needs == [
        "weak steps: Understand 23.3, Check 30.0", "not passed: s1, s2",
        "habits: defensive in 2 of 3 sessions",
      ])
  }

  @Test func outsideDrillsThePassMarkDecides() throws {
    let strict = TrainerReport(records: try Self.cohort(), generated: "now", passMark: 75)
    // Now only ana/s1 (80) and cy/s1 (100) pass outside drills; cy/s2 keeps its drill pass.
    #expect(strict.all.passed == 3)
  }

  @Test func markdownEscapesNamesAndShowsTheNumbers() throws {
    let markdown = try Self.report().markdown()
    #expect(markdown.contains("- Sessions: 10 by 4 reps over 2 scenarios\n"))
    #expect(markdown.contains("- Completed: 80%; passed: 50% (pass mark 60 outside drills)\n"))
    #expect(markdown.contains(#"| \<dee\> \& "co" | 3 | 0 of 2 | 67% | 0% | 43.3 |"#))
    #expect(!markdown.contains("<dee>"))
  }

  @Test func csvHasOneRowPerScenarioRepAndPair() throws {
    let records = try Self.cohort()
    let csv = TrainerReport(records: records, generated: "now").csv(records: records)
    let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: false)
    #expect(
      lines[0].hasPrefix("kind,rep,scenario,sessions,completed,passed,completion_rate,pass_rate"))
    #expect(lines[1] == "scenario,,s1,6,5,3,0.833,0.500,60.0,61.7,55.0,65.0,58.3,")
    #expect(
      lines.contains(#"rep,"<dee> & ""co""",,3,2,0,0.667,0.000,43.3,56.7,23.3,63.3,30.0,defensive"#)
    )
    // header, scenarios, reps, rep-scenario pairs, and the empty string after the last CRLF
    #expect(lines.count == 1 + 2 + 4 + 8 + 1)
  }

  @Test func csvCellsCannotBecomeFormulas() {
    #expect(TrainerReport.csvCell("=HYPERLINK(\"x\")") == #""'=HYPERLINK(""x"")""#)
    #expect(TrainerReport.csvCell("-1") == #""'-1""#)
    #expect(TrainerReport.csvCell("plain") == "plain")
  }

  @Test func jsonCarriesTheSameNumbers() throws {
    let json = try Self.report().jsonValue
    #expect(json["format"] == "coach-trainer-report")
    #expect(json["all"]?["passRate"] == .double(0.5))
    #expect(json["scenarios"]?.arrayValue?.first?["completionRate"] == .double(0.833))
    #expect(json["help"]?.arrayValue?.count == 2)
    #expect(try JSONValue.parse(json.serialized()) == json)
  }

  @Test func htmlIsSelfContainedAndEscaped() throws {
    let html = try Self.report().html()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("&lt;dee&gt; &amp; &quot;co&quot;"))
    #expect(!html.contains("<dee>"))
    #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
    for external in ["<script", "<link", "src=", "@import", "url(", "https://"] {
      #expect(!html.contains(external), "\(external)")
    }
  }

  @Test func anEmptyReportRendersEveryFormat() {
    let report = TrainerReport(records: [], generated: "now")
    #expect(report.all.sessions == 0 && report.help.isEmpty)
    #expect(report.markdown().contains("Nobody: every rep is above the marks."))
    #expect(report.html().contains("no data"))
    #expect(report.csv().split(separator: "\r\n").count == 1)
  }
}
