import CoachTestSupport
import Foundation
import Testing

/// Results in a learning record store, end to end: `coach` against a real Ralph LRS on
/// 127.0.0.1 (and against servers that fail or hang), through pipes.
@Suite(.serialized) struct LRSTests {
  /// A private home for `coach` (data, state and config folders) and the bundled scripts.
  struct Home {
    let root: URL
    var data: URL { root.appendingPathComponent("data/coach") }
    var outbox: URL { data.appendingPathComponent("lrs-outbox.jsonl") }
    var config: URL { root.appendingPathComponent("config/coach/config") }

    init() throws { root = try CoachProcess.temporaryDirectory() }

    var environment: [String: String] {
      [
        "HOME": root.path, "XDG_DATA_HOME": root.appendingPathComponent("data").path,
        "XDG_STATE_HOME": root.appendingPathComponent("state").path,
        "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
      ]
    }

    func run(_ arguments: [String], input: String = "", lrs: [String: String] = [:]) throws
      -> CoachProcess.Result
    {
      try CoachProcess.run(
        arguments, input: input, environment: environment.merging(lrs) { $1 })
    }

    /// A practice session on the bundled scenario with two replies.
    func practice(rep: String = "ana", seed: Int = 3, lrs: [String: String] = [:]) throws
      -> CoachProcess.Result
    {
      try run(
        ["practice", "--seed", String(seed), "--rep", rep], input: LRSTests.replies, lrs: lrs)
    }

    /// The statements waiting in the outbox.
    func pending() throws -> Int {
      guard FileManager.default.fileExists(atPath: outbox.path) else { return 0 }
      let lines = try String(contentsOf: outbox, encoding: .utf8).split(separator: "\n")
      let sent = Set(
        lines.compactMap { line -> String? in
          let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
          return object?["sent"] as? String
        })
      return Set(
        lines.compactMap { line -> String? in
          let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
          return object?["queued"] as? String
        }
      ).subtracting(sent).count
    }

    /// Plays a session, then syncs, against an LRS that cannot take the statement: the session
    /// still ends with exit 0 and says `session` in its queued line, the sync fails saying `sync`,
    /// and the statement stays queued.
    func expectKeptQueued(lrs: [String: String], session: String, sync: String) throws {
      let played = try practice(lrs: lrs)
      #expect(played.status == 0)
      #expect(played.stdout.contains("Result queued for the team's learning record store"))
      #expect(played.stdout.contains(session), "\(played.stdout)")
      let synced = try run(["results", "sync"], lrs: lrs)
      #expect(synced.status == 1)
      #expect(synced.stderr.contains(sync), "\(synced.stderr)")
      #expect(try pending() == 1)
    }

    func writeConfig(_ text: String, mode: Int) throws {
      try FileManager.default.createDirectory(
        at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: config, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: config.path)
    }
  }

  static let replies = """
    I'm so sorry, that sounds really stressful, and it's on us.
    Can you tell me more about what you need the oven for this week?

    """

  static let ralph = Testing.ConditionTrait.enabled(
    if: LRSServers.ralphInstalled, Comment(rawValue: LRSServers.notInstalled))

  // MARK: - A real LRS

  @Test(ralph) func aSessionArrivesAsOneStatementWithTheRightFields() throws {
    let lrs = try RalphServer()
    let home = try Home()
    let played = try home.practice(lrs: lrs.coachEnvironment)
    #expect(played.status == 0, "\(played.stderr)")
    #expect(played.stdout.contains("Result sent to the team's learning record store."))
    #expect(try home.pending() == 0)

    let statements = try lrs.storedStatements()
    try #require(statements.count == 1)
    let statement = statements[0]
    let record = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          String(contentsOf: home.data.appendingPathComponent("results.jsonl"), encoding: .utf8)
            .utf8)) as? [String: Any])
    let actor = statement["actor"] as? [String: Any]
    let account = actor?["account"] as? [String: Any]
    #expect(account?["name"] as? String == "ana")
    #expect(account?["homePage"] as? String == "https://coach.invalid/reps")
    let verb = statement["verb"] as? [String: Any]
    let outcome = record["outcome"] as? String
    #expect(
      verb?["id"] as? String
        == (outcome == "abandoned"
          ? "http://adlnet.gov/expapi/verbs/attempted" : "http://adlnet.gov/expapi/verbs/completed")
    )
    let object = statement["object"] as? [String: Any]
    #expect(
      object?["id"] as? String == "https://coach.invalid/xapi/activities/scenarios/late-delivery")
    let definition = object?["definition"] as? [String: Any]
    #expect(
      (definition?["name"] as? [String: Any])?["en-US"] as? String == "The third late delivery")
    let ext = "https://coach.invalid/xapi/extensions/"
    #expect((definition?["extensions"] as? [String: Any])?[ext + "difficulty"] as? Int != nil)
    let result = statement["result"] as? [String: Any]
    let scores = record["scores"] as? [String: Any]
    #expect((result?["score"] as? [String: Any])?["raw"] as? Int == scores?["overall"] as? Int)
    #expect(result?["completion"] as? Bool == (outcome != "abandoned"))
    #expect((result?["duration"] as? String)?.hasPrefix("PT") == true)
    let stepScores = (result?["extensions"] as? [String: Any])?[ext + "scores"] as? [String: Any]
    #expect(stepScores?["empathy"] as? Int == scores?["empathy"] as? Int)
    let context = statement["context"] as? [String: Any]
    let contextExtensions = context?["extensions"] as? [String: Any]
    #expect(contextExtensions?[ext + "script-hash"] as? String == record["scriptHash"] as? String)
    #expect(contextExtensions?[ext + "coach-version"] as? String != nil)
    #expect(statement["timestamp"] as? String != nil)
    // Nothing the rep typed.
    let stored = try String(contentsOf: lrs.statementsFile, encoding: .utf8)
    #expect(!stored.contains("stressful"))
    #expect(!stored.contains("oven"))
  }

  @Test(ralph) func aDrillSessionIsPassedOrFailedInItsCurriculum() throws {
    let lrs = try RalphServer()
    let home = try Home()
    let played = try home.run(
      ["drill", "onboarding", "--rep", "ben", "--seed", "5"], input: Self.replies,
      lrs: lrs.coachEnvironment(["COACH_LRS_SHARE_TEXT": "yes"]))
    #expect(played.status == 0, "\(played.stderr)")
    #expect(played.stdout.contains("Result sent to the team's learning record store."))
    let statement = try #require(try lrs.storedStatements().first)
    let verb = (statement["verb"] as? [String: Any])?["id"] as? String
    #expect(
      [
        "http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/failed",
        "http://adlnet.gov/expapi/verbs/attempted",
      ].contains(verb ?? ""))
    let result = statement["result"] as? [String: Any]
    #expect(result?["success"] as? Bool != nil)
    let context = statement["context"] as? [String: Any]
    #expect(context?["registration"] as? String != nil)
    let parent = ((context?["contextActivities"] as? [String: Any])?["parent"] as? [Any])?.first
    #expect(
      (parent as? [String: Any])?["id"] as? String
        == "https://coach.invalid/xapi/activities/curricula/onboarding")
    // The rep opted in: what they typed is there.
    let transcript =
      (result?["extensions"] as? [String: Any])?[
        "https://coach.invalid/xapi/extensions/transcript"] as? [Any]
    #expect(
      ((transcript?.first as? [String: Any])?["rep"] as? String)?.contains("stressful") == true)
  }

  @Test(ralph) func anOutageQueuesAndTwoSyncsAtOnceDeliverExactlyOnce() throws {
    let lrs = try RalphServer()
    let home = try Home()
    lrs.stop()
    let started = Date()
    let played = try home.practice(lrs: lrs.coachEnvironment)
    #expect(played.status == 0, "\(played.stderr)")
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(played.stdout.contains("Result queued for the team's learning record store"))
    #expect(played.stdout.contains("`coach results sync` sends it"))
    #expect(try home.pending() == 1)

    let down = try home.run(["results", "sync"], lrs: lrs.coachEnvironment)
    #expect(down.status == 1)
    #expect(down.stderr.contains("cannot connect to the LRS at 127.0.0.1:\(lrs.port)"))
    #expect(down.stdout.contains("1 statement is still queued"))

    try lrs.start()
    let environment = home.environment.merging(lrs.coachEnvironment) { $1 }
    let results = try [0, 1].concurrentMap { _ in
      try CoachProcess.run(["results", "sync"], environment: environment)
    }
    for result in results { #expect(result.status == 0, "\(result.stdout)\(result.stderr)") }
    #expect(results.map(\.stdout).joined().contains("Sent 1 statement"))
    #expect(try home.pending() == 0)
    #expect(try lrs.storedStatements().count == 1)

    let again = try home.run(["results", "sync", "--all"], lrs: lrs.coachEnvironment)
    #expect(again.status == 0)
    #expect(again.stdout.contains("Queued 0 results from results.jsonl (1 already sent or queued)"))
    #expect(try lrs.storedStatements().count == 1)
  }

  @Test(ralph) func aWrongPasswordIsRefusedClearlyAndLosesNothing() throws {
    let lrs = try RalphServer()
    let home = try Home()
    let wrong = lrs.coachEnvironment(["COACH_LRS_PASSWORD": "not-the-password"])
    try home.expectKeptQueued(
      lrs: wrong, session: "the LRS refused the credentials (HTTP 401",
      sync: "check COACH_LRS_USERNAME and COACH_LRS_PASSWORD")
    let fixed = try home.run(["results", "sync"], lrs: lrs.coachEnvironment)
    #expect(fixed.status == 0, "\(fixed.stderr)")
    #expect(try lrs.storedStatements().count == 1)
  }

  @Test(ralph) func aRejectedStatementSaysWhyAndStaysQueued() throws {
    let lrs = try RalphServer()
    let home = try Home()
    // Ralph checks that an mbox is an email address; this one is not.
    let environment = lrs.coachEnvironment(["COACH_LRS_MBOX": "ana@"])
    try home.expectKeptQueued(
      lrs: environment, session: "the LRS rejected it (HTTP 422: body.actor",
      sync: "ana, late-delivery, ")
    let sync = try home.run(["results", "sync"], lrs: environment)
    #expect(sync.stderr.contains("the LRS rejected it (HTTP 422: body.actor"))
    #expect(try lrs.storedStatements().isEmpty)
  }

  @Test(ralph) func syncAllBackfillsTheResultsFile() throws {
    let lrs = try RalphServer()
    let home = try Home()
    for seed in [1, 2, 3] { #expect(try home.practice(seed: seed).status == 0) }
    #expect(try home.pending() == 0)
    let plain = try home.run(["results", "sync"], lrs: lrs.coachEnvironment)
    #expect(plain.stdout.contains("Sent 0 statements"))
    let backfill = try home.run(["results", "sync", "--all"], lrs: lrs.coachEnvironment)
    #expect(backfill.status == 0, "\(backfill.stderr)")
    #expect(backfill.stdout.contains("Queued 3 results from results.jsonl"))
    #expect(backfill.stdout.contains("Sent 3 statements"))
    #expect(try lrs.storedStatements().count == 3)
  }

  @Test(ralph) func theReportFromTheLRSIsTheReportFromExportFiles() throws {
    // Three statements per page: reading all of them follows `more` links.
    let lrs = try RalphServer(pageSize: 3)
    let ana = try Home()
    let ben = try Home()
    for seed in [1, 2, 3] {
      #expect(try ana.practice(rep: "ana", seed: seed, lrs: lrs.coachEnvironment).status == 0)
    }
    #expect(try ben.practice(rep: "ben", seed: 4, lrs: lrs.coachEnvironment).status == 0)
    let drill = try ben.run(
      ["drill", "onboarding", "--rep", "ben", "--seed", "9"], input: Self.replies,
      lrs: lrs.coachEnvironment)
    #expect(drill.status == 0)
    #expect(try lrs.storedStatements().count == 5)

    let exports = try CoachProcess.temporaryDirectory()
    var files: [String] = []
    for (name, home) in [("ana", ana), ("ben", ben)] {
      let export = try home.run(["results", "export", "--rep", name])
      let file = exports.appendingPathComponent("\(name).jsonl")
      try export.stdout.write(to: file, atomically: true, encoding: .utf8)
      files.append(file.path)
    }
    let trainer = try Home()
    func normalised(_ text: String) -> String {
      text.replacingOccurrences(
        of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "<time>", options: .regularExpression)
    }
    for format in ["md", "csv", "json", "html"] {
      let fromFiles = try trainer.run(["report", "--format", format] + files)
      let fromLRS = try trainer.run(
        ["report", "--lrs", "--format", format], lrs: lrs.coachEnvironment)
      #expect(fromFiles.status == 0 && fromLRS.status == 0, "\(fromLRS.stderr)")
      #expect(normalised(fromLRS.stdout) == normalised(fromFiles.stdout), "\(format)")
      #expect(fromLRS.stdout.contains("ben"))
    }
    for filter in [["--rep", "ben"], ["--curriculum", "onboarding"], ["--since", "2020-01-01"]] {
      let fromFiles = try trainer.run(["report", "--format", "json"] + filter + files)
      let fromLRS = try trainer.run(
        ["report", "--lrs", "--format", "json"] + filter, lrs: lrs.coachEnvironment)
      #expect(normalised(fromLRS.stdout) == normalised(fromFiles.stdout), "\(filter)")
    }
    let none = try trainer.run(
      ["report", "--lrs", "--format", "json", "--since", "2999-01-01"], lrs: lrs.coachEnvironment)
    #expect(none.stdout.contains("\"sessions\": 0"))
  }

  // MARK: - LRSs that fail

  @Test(ralph) func aServerThatFailsIsRetriedAndTheStatementStaysQueued() throws {
    let server = try MisbehavingServer(hang: false)
    let home = try Home()
    let lrs = ["COACH_LRS_ENDPOINT": server.endpoint]
    try home.expectKeptQueued(
      lrs: lrs, session: "the LRS failed (HTTP 500: database is down)",
      sync: "the LRS failed (HTTP 500: database is down) (tried 3 times)")
    let report = try home.run(["report", "--lrs"], lrs: lrs)
    #expect(report.status != 0)
    #expect(
      report.stderr.contains("cannot read the learning record store: the LRS failed (HTTP 500"))
  }

  @Test(ralph) func aHangingServerTimesOutAndTheSessionStillEndsAtOnce() throws {
    let server = try MisbehavingServer(hang: true)
    let home = try Home()
    let lrs = ["COACH_LRS_ENDPOINT": server.endpoint, "COACH_LRS_TIMEOUT": "1"]
    var started = Date()
    let played = try home.practice(lrs: lrs)
    #expect(played.status == 0)
    #expect(Date().timeIntervalSince(started) < 8)
    #expect(played.stdout.contains("did not answer within 1 s"))
    started = Date()
    let sync = try home.run(["results", "sync"], lrs: lrs)
    #expect(sync.status == 1)
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(sync.stderr.contains("the LRS at 127.0.0.1:\(server.port) did not answer within 1 s"))
    #expect(try home.pending() == 1)
  }

  // MARK: - Settings (no server needed)

  @Test func aMalformedEndpointIsAClearErrorAndTheResultIsKept() throws {
    let home = try Home()
    let lrs = ["COACH_LRS_ENDPOINT": "lrs.example/xAPI"]
    let played = try home.practice(lrs: lrs)
    #expect(played.status == 0)
    #expect(
      played.stderr.contains(
        "COACH_LRS_ENDPOINT `lrs.example/xAPI` is not an http:// or https:// URL"))
    #expect(played.stderr.contains("`coach results sync --all` sends it"))
    #expect(
      FileManager.default.fileExists(atPath: home.data.appendingPathComponent("results.jsonl").path)
    )
    let sync = try home.run(["results", "sync"], lrs: lrs)
    #expect(sync.status == 1)
    #expect(sync.stderr.contains("is not an http:// or https:// URL"))
  }

  @Test func withoutSettingsNothingIsSentAndSyncSaysWhatToSet() throws {
    let home = try Home()
    let played = try home.practice()
    #expect(played.status == 0)
    #expect(!played.stdout.contains("learning record store"))
    #expect(!FileManager.default.fileExists(atPath: home.outbox.path))
    let sync = try home.run(["results", "sync"])
    #expect(sync.status == 1)
    #expect(sync.stderr.contains("no learning record store is configured: set COACH_LRS_ENDPOINT"))
  }

  @Test func theConfigFileMustBeTheOwnersOnly() throws {
    let home = try Home()
    // Port 9 (discard) on loopback: nothing listens, so a try fails at once.
    try home.writeConfig(
      "# team LRS\nCOACH_LRS_ENDPOINT = http://127.0.0.1:9/xAPI/\nCOACH_LRS_PASSWORD=\"s3cret\"\n",
      mode: 0o644)
    let open = try home.run(["results", "sync"])
    #expect(open.status == 1)
    #expect(open.stderr.contains("can be read by others (mode 644)"))
    #expect(open.stderr.contains("chmod 600"))

    try home.writeConfig(
      "# team LRS\nCOACH_LRS_ENDPOINT = http://127.0.0.1:9/xAPI/\nCOACH_LRS_PASSWORD=\"s3cret\"\n",
      mode: 0o600)
    let used = try home.run(["results", "sync"])
    #expect(used.stdout.contains("Sent 0 statements to http://127.0.0.1:9/xAPI/"))
    // The environment wins over the file.
    let overridden = try home.run(
      ["results", "sync"], lrs: ["COACH_LRS_ENDPOINT": "http://127.0.0.1:7/other/"])
    #expect(overridden.stdout.contains("http://127.0.0.1:7/other/"))

    try home.writeConfig("COACH_LRS_ENDPOIN=http://127.0.0.1:9/\n", mode: 0o600)
    let typo = try home.run(["results", "sync"])
    #expect(typo.status == 1)
    #expect(typo.stderr.contains("config:1: unknown setting `COACH_LRS_ENDPOIN`"))
    #expect(typo.stderr.contains("did you mean COACH_LRS_ENDPOINT?"))
  }
}

extension Array where Element: Sendable {
  /// `transform` applied to every element on its own thread, at the same time.
  fileprivate func concurrentMap<T: Sendable>(
    _ transform: @escaping @Sendable (Element) throws -> T
  )
    throws -> [T]
  {
    let box = ResultsBox<T>(count: count)
    let group = DispatchGroup()
    for (index, element) in enumerated() {
      group.enter()
      Thread {
        box.set(index, Result { try transform(element) })
        group.leave()
      }.start()
    }
    group.wait()
    return try box.values()
  }
}

private final class ResultsBox<T: Sendable>: @unchecked Sendable {
  private var results: [Result<T, any Error>?]
  private let lock = NSLock()
  init(count: Int) { results = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ result: Result<T, any Error>) {
    lock.lock()
    results[index] = result
    lock.unlock()
  }
  func values() throws -> [T] { try results.map { try $0!.get() } }
}
