import CoachTestSupport
import Foundation
import Testing

/// `coach drill` through pipes: plays until the input ends, saves, resumes on the next run.
@Suite struct DrillTests {
  /// A scripts folder with a copy of the bundled late-delivery scenario under a second id, and a
  /// curriculum of the two; plus an empty data folder.
  struct Setup {
    var scripts: URL
    var data: URL
    var results: URL { data.appendingPathComponent("coach/results.jsonl") }
    var environment: [String: String] { ["XDG_DATA_HOME": data.path, "XDG_STATE_HOME": data.path] }

    init(passMark: Int = 0) throws {
      scripts = try CoachProcess.temporaryDirectory()
      data = try CoachProcess.temporaryDirectory()
      let bundled = CoachProcess.packageRoot
        .appendingPathComponent("Scripts/scenarios/late-delivery.coach.yaml")
      let copy = try String(contentsOf: bundled, encoding: .utf8)
        .replacingOccurrences(of: "scenario: late-delivery\n", with: "scenario: late-again\n")
      try copy.write(
        to: scripts.appendingPathComponent("late-again.coach.yaml"), atomically: true,
        encoding: .utf8)
      try """
      curriculum: e2e
      title: End-to-end drill
      pass-mark: \(passMark)
      max-attempts: 2
      scenarios:
        - late-delivery
        - late-again
      """.write(
        to: scripts.appendingPathComponent("e2e.coach.yaml"), atomically: true, encoding: .utf8)
    }

    func drill(_ input: String, _ extra: [String] = [], seed: Int = 7) throws
      -> CoachProcess.Result
    {
      try CoachProcess.run(
        ["drill", "e2e", "--rep", "ana", "--seed", "\(seed)", "--scripts", scripts.path] + extra,
        input: input, environment: environment)
    }

    func resultLines() throws -> [Substring] {
      try String(contentsOf: results, encoding: .utf8).split(separator: "\n")
    }
  }

  static let replies = """
    I'm so sorry, that sounds really stressful, and it's on us.
    Can you tell me more about what you need the oven for this week?

    """

  @Test func playsUntilInputEndsSavesAndResumes() throws {
    let setup = try Setup()
    let first = try setup.drill(Self.replies)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("End-to-end drill — ana"))
    #expect(first.stdout.contains("Next: The third late delivery"))
    #expect(first.stdout.contains("Passed"))
    #expect(
      first.stdout.contains(
        "Progress saved. Run `coach drill e2e --rep ana --scripts \(setup.scripts.path)` to go on."
      ), "the resume command names the rep and the scripts folder")
    let lines = try setup.resultLines()
    #expect(lines.count == 1)
    #expect(lines[0].contains(#""rep":"ana","scenario":"late-delivery""#))
    #expect(lines[0].contains(#""drill":{"curriculum":"e2e","passMark":0,"passed":true}"#))
    #expect(lines[0].contains(#""seed":"7""#))

    // The second run starts where the first stopped.
    let second = try setup.drill(Self.replies)
    #expect(second.status == 0)
    #expect(second.stdout.contains("✓ The third late delivery"))
    #expect(second.stdout.contains("e2e: 1 of 2 passed; next: late-again"))
    #expect(try setup.resultLines().count == 2)
    #expect(try setup.resultLines()[1].contains(#""scenario":"late-again""#))

    let status = try setup.drill("", ["--status"])
    #expect(status.stdout.contains("e2e: complete"))
  }

  @Test func aTornRecordIsSkippedWithAWarningAndTheNextRecordStartsOnItsOwnLine() throws {
    let setup = try Setup()
    _ = try setup.drill(Self.replies)
    let handle = try FileHandle(forWritingTo: setup.results)
    handle.seekToEndOfFile()
    handle.write(Data(#"{"format":"coach-result","version":1,"rep":"ana","scen"#.utf8))
    try handle.close()

    let second = try setup.drill(Self.replies)
    #expect(second.status == 0)
    #expect(second.stderr.contains("results.jsonl:2: the last record is incomplete"))
    #expect(
      second.stdout.contains("next: late-again"), "the record before the torn one still counts")
    let lines = try setup.resultLines()
    #expect(lines.count == 3)
    #expect(lines[2].contains(#""scenario":"late-again""#))

    let third = try setup.drill("", ["--status"])
    #expect(third.stderr.contains("results.jsonl:2: not valid JSON"))
    #expect(third.stdout.contains("e2e: complete"))
  }

  @Test func nothingSaidRecordsNothing() throws {
    let setup = try Setup()
    let run = try setup.drill("")
    #expect(run.status == 0)
    #expect(
      run.stdout.contains("No reply was given, so there is no debrief and nothing was recorded."))
    #expect(!run.stdout.contains("Debrief"), "no debrief of a call nobody answered")
    #expect(!run.stdout.contains("Progress saved"))
    #expect(!FileManager.default.fileExists(atPath: setup.results.path))
  }

  /// Two failed attempts lock the rep out; the trainer's grant opens the scenario again, and
  /// the grant travels in the export to the report, which says where the rep stands.
  @Test func aTrainerGrantsMoreAttemptsAndTheReportShowsWhereTheRepStands() throws {
    let setup = try Setup(passMark: 100)
    let poor = "whatever\n"
    // Each session with its own seed, so that two played in the same second stay two sessions.
    _ = try setup.drill(poor, seed: 1)
    let second = try setup.drill(poor, seed: 2)
    #expect(second.stdout.contains("e2e: no scenario left to play"))
    #expect(second.stdout.contains("(`coach drill e2e --rep ana --grant late-delivery`)"))

    let noRep = try CoachProcess.run(
      ["drill", "e2e", "--grant", "late-delivery", "--scripts", setup.scripts.path],
      environment: setup.environment)
    #expect(noRep.status == 64)
    #expect(noRep.stderr.contains("--grant needs --rep"))
    let typo = try setup.drill("", ["--grant", "late-delivry"])
    #expect(typo.status == 1)
    #expect(typo.stderr.contains("did you mean `late-delivery`?"))

    let granted = try setup.drill("", ["--grant", "late-delivery", "--attempts", "2"])
    #expect(granted.status == 0, "\(granted.stderr)")
    #expect(granted.stdout.contains("Granted ana 2 more attempts at late-delivery."))
    #expect(granted.stdout.contains("attempts 2/4 (2 granted)"))
    #expect(!granted.stdout.contains("Next:"), "a grant does not start a session")
    let lines = try setup.resultLines()
    #expect(lines.count == 3)
    #expect(
      lines[2].hasPrefix(
        #"{"format":"coach-grant","version":1,"rep":"ana","curriculum":"e2e","scenario":"late-delivery","attempts":2,"#
      ))

    let third = try setup.drill(poor, seed: 3)
    #expect(third.stdout.contains("attempt 3 of 4 (2 granted)"))

    let export = try CoachProcess.run(
      ["results", "export", "--rep", "ana"], environment: setup.environment)
    #expect(export.stdout.contains(#""format":"coach-grant""#))
    let report = try CoachProcess.run(
      ["report", "-", "--scripts", setup.scripts.path], input: export.stdout)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(
      report.stdout.contains("| ana | on late-delivery, attempt 4 of 4 (2 granted) | 0 of 2 |"))
    let bare = try CoachProcess.run(["report", "-"], input: export.stdout)
    #expect(bare.stderr.contains("no curriculum `e2e` on the script search path"))
  }

  @Test func anUnknownScenarioInTheCurriculumIsReportedWithItsLocation() throws {
    let setup = try Setup()
    try "curriculum: broken\ntitle: Broken\nscenarios: [late-delivry]\n".write(
      to: setup.scripts.appendingPathComponent("broken.coach.yaml"), atomically: true,
      encoding: .utf8)
    let run = try CoachProcess.run(
      ["drill", "broken", "--scripts", setup.scripts.path], environment: setup.environment)
    #expect(run.status == 1)
    #expect(
      run.stderr.contains(
        "broken.coach.yaml:3:13: error[C010]: no scenario has the id `late-delivry`"))
    #expect(run.stderr.contains("did you mean `late-delivery`?"))
  }
}
