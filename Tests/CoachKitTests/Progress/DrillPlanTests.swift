import CoachKit
import Testing

@Suite struct DrillPlanTests {
  /// a → b → c in order; d opens after a; c is an exam with one attempt that must resolve.
  static let curriculum: Curriculum = {
    let script = ProgressFixtures.load(
      """
      curriculum: drill
      title: Drill
      pass-mark: 60
      max-attempts: 2
      scenarios:
        - a
        - scenario: b
          step-marks: {empathy: 70}
        - scenario: c
          mode: exam
          max-attempts: 1
          must-resolve: true
        - scenario: d
          after: [a]
      """)
    return script.curriculum!
  }()

  typealias R = ProgressFixtures
  func plan(_ records: [ResultRecord], rep: String = "ana") -> DrillPlan {
    DrillPlan(curriculum: Self.curriculum, rep: rep, records: records)
  }

  @Test func withNoRecordsOnlyTheFirstEntryIsOpen() {
    let plan = plan([])
    #expect(
      plan.standings.map(\.status) == [
        .open, .locked(waitingFor: ["a"]), .locked(waitingFor: ["b"]), .locked(waitingFor: ["a"]),
      ])
    #expect(plan.next?.entry.scenario == "a")
    #expect(plan.overall == .inProgress(passed: 0, of: 4))
  }

  @Test func passingAUnlocksTheEntriesThatWaitForIt() {
    let plan = plan([R.record(scenario: "a", score: 60)])
    #expect(plan.standings.map(\.status) == [.passed, .open, .locked(waitingFor: ["b"]), .open])
    #expect(plan.next?.entry.scenario == "b", "the first open entry in curriculum order")
  }

  @Test func theOverallMarkIsInclusiveAndStepMarksApply() {
    let b = Self.curriculum.entries[1]
    let exact = R.record(scenario: "b", score: 70)
    #expect(DrillPlan.verdict(for: exact, entry: b) == .init(passed: true, reasons: []))
    let lowEmpathy = R.record(scenario: "b", score: 80, steps: [.empathy: 65])
    #expect(
      DrillPlan.verdict(for: lowEmpathy, entry: b).reasons == [
        "Empathy scored 65, below its mark of 70"
      ])
    let low = R.record(scenario: "b", score: 59, steps: [.empathy: 59])
    #expect(DrillPlan.verdict(for: low, entry: b).reasons.count == 2)
    #expect(
      DrillPlan.verdict(for: low, entry: b).reasons[0]
        == "overall score 59 is below the pass mark of 60")
  }

  @Test func mustResolveFailsAHighScoreThatEscalated() {
    let c = Self.curriculum.entries[2]
    let verdict = DrillPlan.verdict(
      for: R.record(scenario: "c", score: 90, outcome: .escalated), entry: c)
    #expect(!verdict.passed)
    #expect(verdict.reasons == ["the conversation had to end resolved; it ended escalated"])
  }

  @Test func attemptsRunOutAndBlockWhatComesAfter() {
    let records = [
      R.record(scenario: "a", score: 80),
      R.record(scenario: "d", score: 10),
      R.record(scenario: "b", score: 40),
      R.record(scenario: "b", score: 50),
      R.record(scenario: "b", score: 90),  // a third attempt beyond max-attempts 2: ignored
    ]
    let plan = plan(records)
    let b = plan.standing("b")!
    #expect(b.status == .outOfAttempts)
    #expect(b.attempts.count == 2 && b.best == 50 && b.attemptsLeft == 0)
    #expect(plan.standing("c")?.status == .locked(waitingFor: ["b"]))
    #expect(plan.standing("d")?.attemptsLeft == 1)
    #expect(plan.next?.entry.scenario == "d")
    let stuck = DrillPlan(
      curriculum: Self.curriculum, rep: "ana",
      records: records + [R.record(scenario: "d", score: 20)])
    #expect(stuck.next == nil)
    #expect(stuck.overall == .stuck(outOfAttempts: ["b", "d"]))
  }

  @Test func aTrainersGrantOpensAnEntryThatRanOutOfAttempts() {
    let records = [
      R.record(scenario: "a", score: 80),
      R.record(scenario: "b", score: 40),
      R.record(scenario: "b", score: 50),
      R.record(scenario: "b", score: 90),  // beyond max-attempts 2: counts once a grant allows it
    ]
    #expect(plan(records).standing("b")?.status == .outOfAttempts)
    #expect(plan(records).summary == "on d, attempt 1 of 2")
    func grant(_ rep: String, _ curriculum: String, _ scenario: String) -> AttemptGrant {
      AttemptGrant(rep: rep, curriculum: curriculum, scenario: scenario, attempts: 1, granted: "t")
    }
    let others = DrillPlan(
      curriculum: Self.curriculum, rep: "ana", records: records,
      grants: [grant("ben", "drill", "b"), grant("ana", "other", "b"), grant("ana", "drill", "a")])
    #expect(others.standing("b")?.status == .outOfAttempts, "grants for others do not count")
    let granted = DrillPlan(
      curriculum: Self.curriculum, rep: "ana", records: records,
      grants: [grant("ana", "drill", "b")])
    let b = granted.standing("b")!
    #expect(b.status == .passed)
    #expect((b.attempts.count, b.granted, b.allowed) == (3, 1, 3))
    #expect(granted.standing("c")?.status == .open)

    let stuck = DrillPlan(
      curriculum: Self.curriculum, rep: "ana",
      records: Array(records.prefix(3)) + [
        R.record(scenario: "d", score: 20), R.record(scenario: "d", score: 20),
      ])
    #expect(stuck.summary == "locked out of b (2 of 2 attempts used), d (2 of 2 attempts used)")
    #expect(stuck.grantable.map(\.entry.scenario) == ["b", "d"])
    #expect(stuck.grantCommand("b") == "coach drill drill --rep ana --grant b")
  }

  @Test func onlyThisRepsRecordsInThisCurriculumCount() {
    let plan = plan([
      R.record(rep: "ben", scenario: "a"),
      R.record(scenario: "a", curriculum: nil),
      R.record(scenario: "a", curriculum: "other"),
    ])
    #expect(plan.standing("a")?.status == .open)
    #expect(plan.standing("a")?.attempts.isEmpty == true)
  }

  @Test func resumesFromRecordsWrittenByEarlierRuns() {
    // Run 1 passes a; run 2 fails b once; run 3 starts from the log alone.
    var log = ""
    for record in [R.record(scenario: "a", day: 1), R.record(scenario: "b", score: 30, day: 2)] {
      log += record.line + "\n"
    }
    let read = ResultsLog(text: log)
    #expect(read.warnings.isEmpty)
    let plan = plan(read.records)
    #expect(plan.next?.entry.scenario == "b")
    #expect(plan.standing("b")?.attemptsLeft == 1)
    #expect(plan.standing("b")?.best == 30)
  }

  @Test func completingEveryEntryPassesTheCurriculum() {
    let plan = plan([
      R.record(scenario: "a", score: 60), R.record(scenario: "b", score: 70),
      R.record(scenario: "c", score: 80), R.record(scenario: "d", score: 90),
    ])
    #expect(plan.overall == .passed(mean: 75))
    #expect(plan.next == nil)
  }

  @Test func belowTheOverallMarkTheWeakestPassedEntryIsPlayedAgain() throws {
    var curriculum = Self.curriculum
    curriculum.overallMark = 80
    let records = [
      R.record(scenario: "a", score: 90), R.record(scenario: "b", score: 70),
      R.record(scenario: "c", score: 80), R.record(scenario: "d", score: 62),
    ]
    let plan = DrillPlan(curriculum: curriculum, rep: "ana", records: records)
    #expect(plan.overall == .belowOverallMark(mean: 75, mark: 80))
    #expect(plan.next?.entry.scenario == "d")
    let exhausted = DrillPlan(
      curriculum: curriculum, rep: "ana", records: records + [R.record(scenario: "d", score: 64)])
    // d has no attempts left; b (70) is the weakest with attempts left.
    #expect(exhausted.next?.entry.scenario == "b")
  }
}
