import CoachKit
import Testing

@Suite struct ProgressSummaryTests {
  typealias R = ProgressFixtures

  static let history: [ResultRecord] = [
    R.record(scenario: "a", score: 40, flags: ["blame": 1], curriculum: nil, day: 1),
    R.record(rep: "ben", scenario: "a", score: 99, curriculum: nil, day: 1),
    R.record(
      scenario: "a", score: 70, steps: [.check: 30], flags: ["blame": 2], curriculum: nil, day: 2),
    R.record(scenario: "b", score: 90, flags: ["shouting": 1], curriculum: nil, day: 3),
    R.record(
      scenario: "c", score: 50, flags: ["blame": 1, "shouting": 0], curriculum: nil, day: 4),
  ]

  @Test func nothingPlayedYet() {
    let summary = ProgressSummary(rep: "zed", records: Self.history, available: ["a": 1, "b": 2])
    #expect(summary.sessions == 0 && summary.scenarios.isEmpty && summary.weakestStep == nil)
    #expect(summary.recommendation == .init(scenario: "a", reason: "not played yet (difficulty 1)"))
  }

  @Test func trendsBestWorstAndRecurringAntipatterns() {
    let summary = ProgressSummary(
      rep: "ana", records: Self.history, available: ["a": 1, "b": 2, "c": 3])
    #expect(summary.sessions == 4)
    #expect(summary.overallTrend == [40, 60, 90, 50])  // a: (70*3+30)/4 = 60
    #expect(summary.stepTrend[.check] == [40, 30, 90, 50])
    #expect(Sparkline.render(summary.stepTrend[.check]!) == "▃▃▇▄")
    // Means: b 90; a (40 + 60) / 2 = 50 with best 60; c 50 with best 50.
    #expect(summary.scenarios.map(\.scenario) == ["b", "a", "c"])
    // Best: a mean of 60 or more; needs more work: below 60, weakest first.
    #expect(summary.best().map(\.scenario) == ["b"])
    #expect(summary.worst().map(\.scenario) == ["c", "a"])
    #expect(summary.recurring == [.init(id: "blame", total: 4, sessions: 3, recent: 3)])
    #expect(summary.weakestStep == .check)
    // c's best is 50, below 60: play it again.
    #expect(summary.recommendation?.scenario == "c")
  }

  /// Two scenarios at 100 and one at 33: the 33 is never a "best", the 100s never "need work".
  @Test func bestAndWorstNeverCrossTheComfortableScore() {
    let records = [
      R.record(scenario: "x", score: 100, curriculum: nil, day: 1),
      R.record(scenario: "y", score: 100, curriculum: nil, day: 2),
      R.record(scenario: "z", score: 33, curriculum: nil, day: 3),
    ]
    let summary = ProgressSummary(rep: "ana", records: records)
    #expect(summary.best().map(\.scenario) == ["x", "y"])
    #expect(summary.worst().map(\.scenario) == ["z"])
    let poor = ProgressSummary(rep: "ana", records: [records[2]])
    #expect(poor.best().isEmpty)
    #expect(poor.worst().map(\.scenario) == ["z"])
    let good = ProgressSummary(rep: "ana", records: Array(records.prefix(2)))
    #expect(good.worst().isEmpty)
  }

  @Test func aDrillPlanComesFirst() throws {
    let curriculum = try #require(
      R.load("curriculum: d\ntitle: D\nscenarios: [a, b]\n").curriculum)
    let records = [R.record(scenario: "a", score: 80, curriculum: "d")]
    let plan = DrillPlan(curriculum: curriculum, rep: "ana", records: records)
    let summary = ProgressSummary(rep: "ana", records: records, plans: [plan])
    #expect(
      summary.recommendation
        == .init(scenario: "b", reason: "next in the `d` drill (coach drill d --rep ana)"))
  }

  @Test func sparklinesAndBars() {
    #expect(Sparkline.render([0, 50, 100, 150, -3]) == "▁▄██▁")
    #expect(Sparkline.bar(50, width: 4) == "██░░")
    #expect(Sparkline.bar(55, width: 4) == "██▏░")
    #expect(Sparkline.bar(100, width: 4) == "████")
  }
}
