import CoachTestSupport
import Foundation
import Testing

/// `coach practice` end to end through pipes: what a program driving `coach` sees.
@Suite struct PracticeTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Runs a practice session with a private data folder; returns the result and the folder.
  func practice(
    _ arguments: [String], input: String, environment: [String: String] = [:]
  ) throws -> (CoachProcess.Result, URL) {
    let home = try CoachProcess.temporaryDirectory()
    var env = [
      "HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
      "XDG_STATE_HOME": home.appendingPathComponent("state").path, "COLUMNS": "100",
    ]
    for (key, value) in environment { env[key] = value }
    return (try CoachProcess.run(["practice"] + arguments, input: input, environment: env), home)
  }

  /// Compares output with a golden file, or records it when `RECORD_SNAPSHOTS` is set.
  func assertGolden(
    _ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws
  {
    let url = Self.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
      text == expected, "differs from \(name); RECORD_SNAPSHOTS=1 re-records it",
      sourceLocation: sourceLocation)
  }

  @Test(arguments: ["resolved", "escalated"])
  func goldenTranscriptIsByteIdenticalAcrossRuns(_ outcome: String) throws {
    let input = try String(
      contentsOf: Self.golden.appendingPathComponent("practice-\(outcome).input.txt"),
      encoding: .utf8)
    let (first, _) = try practice(["--seed", "5", "--no-save"], input: input)
    let (second, _) = try practice(["--seed", "5", "--no-save"], input: input)
    #expect(first.status == 0)
    #expect(first.stderr == "")
    #expect(first.stdout == second.stdout)
    #expect(!first.stdout.contains("\u{1B}"), "no escape codes on a pipe")
    #expect(first.stdout.contains(outcome == "resolved" ? "Resolved after" : "Escalated"))
    try assertGolden(first.stdout, "practice-\(outcome).txt")
  }

  /// The lexicon is read once the opening line is on screen: a broken one is reported, with its
  /// location, before the first reply is read, and nothing is saved.
  @Test func aBrokenLexiconIsReportedBeforeTheFirstReply() throws {
    let scripts = try CoachProcess.temporaryDirectory()
    try "lexicon: en\ntitle: Broken\n".write(
      to: scripts.appendingPathComponent("lexicon.en.coach.yaml"), atomically: true,
      encoding: .utf8)
    let (result, home) = try practice(
      ["--seed", "2", "--scripts", scripts.path], input: "I'm so sorry, that sounds awful.\n")
    #expect(result.status == 1)
    #expect(result.stdout.contains("Dana:"), "the opening line comes first")
    #expect(!result.stdout.contains("Abandoned"), "no reply was read")
    #expect(result.stderr.contains("lexicon.en.coach.yaml:1:1: error[L008]"))
    let saved = home.appendingPathComponent("data/coach/transcripts")
    #expect((try? FileManager.default.contentsOfDirectory(atPath: saved.path))?.isEmpty ?? true)
  }

  @Test func endOfInputAbandonsWithADebriefAndSavesTheTranscript() throws {
    let (result, home) = try practice(
      ["--seed", "2", "--rep", "sam"], input: "I'm so sorry, that sounds really frustrating.\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Abandoned after 1 turn"))
    let folder = home.appendingPathComponent("data/coach/transcripts")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files.count == 2)
    #expect(files.contains { $0.hasSuffix("-late-delivery.json") })
    #expect(files.contains { $0.hasSuffix("-late-delivery.md") })
    for file in files {
      let attributes = try FileManager.default.attributesOfItem(
        atPath: folder.appendingPathComponent(file).path)
      #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o777 == 0o600)
    }
    let json = try String(
      contentsOf: folder.appendingPathComponent(files.first { $0.hasSuffix(".json") }!),
      encoding: .utf8)
    #expect(json.contains("\"outcome\": \"abandoned\""))
    #expect(json.contains("I'm so sorry, that sounds really frustrating."))
    let results = try String(
      contentsOf: home.appendingPathComponent("data/coach/results.jsonl"), encoding: .utf8)
    #expect(results.contains("\"rep\":\"sam\""))
  }

  @Test func slashCommandsAnswerThroughAPipe() throws {
    let input = """
      /help
      /hint
      /score
      I'm so sorry, that sounds really frustrating.
      /score
      /why
      /transcript
      /hlep
      /restart
      /quit

      """
    let (result, _) = try practice(["--seed", "3", "--no-save"], input: input)
    #expect(result.status == 0)
    let out = result.stdout
    #expect(out.contains("Commands:"))
    #expect(out.contains("/transcript"))
    #expect(out.contains("Patience: each reply that does not help Dana costs 1; at 0, Dana gives"))
    #expect(out.contains("A command word typed alone (hint, quit, …) is asked about first"))
    #expect(out.contains("hint: Name the feeling you hear"))
    #expect(out.contains("No reply yet"))
    #expect(out.contains("Steps"))
    #expect(out.contains("Turn 1: upset 8 →"))
    #expect(out.contains("you: I'm so sorry, that sounds really frustrating."))
    #expect(out.contains("Unknown command /hlep. Did you mean /help?"))
    #expect(out.contains("Starting again from the top."))
    // Nothing said since the restart: no all-zero debrief.
    #expect(out.contains("No reply was given, so there is no debrief and nothing was recorded."))
    #expect(!out.contains("Abandoned after 0 turns"))
  }

  /// Piped replies are played as they are: a line that is only a command's word reaches the
  /// customer (and costs patience, as the status line says), with a note on standard error.
  @Test func aCommandWordFromAPipeIsSentAsAReplyWithANote() throws {
    let input = "I'm so sorry, that sounds really frustrating.\nhint\n/quit\n"
    let (result, _) = try practice(["--seed", "1", "--no-save"], input: input)
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "coach: note: “hint” was sent to the customer as a reply; a session command starts"
        + " with a slash: /hint\n")
    let out = result.stdout
    #expect(!out.contains("Did you mean"))
    #expect(!out.contains("hint: "), "the hint was not shown")
    #expect(
      out.contains("Patience 4: each reply that does not help Dana costs 1; at 0, Dana gives"))
    // The second status line says the reply cost patience; the first does not.
    let statusLines = out.split(separator: "\n").filter { $0.contains("· patience") }
    #expect(
      statusLines.map { $0.contains("patience 3 (that reply cost 1)") } == [false, false, true],
      "\(statusLines)")
    #expect(out.contains("Weakest reply (turn 2):\n  “hint”"))
  }

  @Test func hostileInputNeverReachesTheTerminalRaw() throws {
    let input = "I'm sorry \u{1B}[2J\u{1B}]0;pwned\u{07} about that.\n/transcript\n"
    let (result, _) = try practice(["--seed", "1", "--no-save"], input: input)
    #expect(result.status == 0)
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(!result.stdout.contains("\u{07}"))
    #expect(result.stdout.contains("␛[2J"))
  }

  @Test func anUnknownScenarioIsAClearErrorWithASuggestion() throws {
    let (result, _) = try practice(["late-delivry"], input: "")
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("no scenario `late-delivry` found; did you mean `late-delivery`?"))
  }

  @Test func aBrokenScenarioFileShowsItsDiagnostics() throws {
    let dir = try CoachProcess.temporaryDirectory()
    let file = dir.appendingPathComponent("broken.coach.yaml")
    try "scenario: broken\ntitle: [unclosed\n".write(to: file, atomically: true, encoding: .utf8)
    let (result, _) = try practice([file.path], input: "")
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.coach.yaml:2:"))
    #expect(result.stderr.contains("error["))
  }

  @Test func usageErrorsExit64() throws {
    let (result, _) = try practice(["--mode", "loud"], input: "")
    #expect(result.status == 64)
  }

  @Test func listShowsTheBundledScenarios() throws {
    let result = try CoachProcess.run(["list", "--json"])
    #expect(result.status == 0)
    let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
    let ids = array?.compactMap { $0["id"] as? String } ?? []
    #expect(ids.count >= 12)
    #expect(ids.contains("late-delivery"))
    #expect(array?.allSatisfy { Set($0.keys) == ["id", "title", "difficulty", "tags"] } == true)
  }

  @Test func listFindsScenariosInExtraFolders() throws {
    let dir = try CoachProcess.temporaryDirectory()
    let source = try String(
      contentsOf: CoachProcess.packageRoot.appendingPathComponent(
        "Scripts/scenarios/late-delivery.coach.yaml"),
      encoding: .utf8)
    try source.replacingOccurrences(of: "scenario: late-delivery", with: "scenario: my-copy")
      .write(
        to: dir.appendingPathComponent("my-copy.coach.yaml"), atomically: true, encoding: .utf8)
    let viaEnv = try CoachProcess.run(["list"], environment: ["COACH_SCRIPTS": dir.path])
    #expect(viaEnv.stdout.contains("my-copy"))
    let viaFlag = try CoachProcess.run(["list", "--scripts", dir.path])
    #expect(viaFlag.stdout.contains("my-copy"))
  }
}
