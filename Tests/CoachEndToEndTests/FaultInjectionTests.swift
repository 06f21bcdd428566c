import CoachTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Faults and hostile input, as a careless or hostile user would bring them: real signals to a
/// real `coach` process, a closed output pipe, concurrent processes, read-only and full folders,
/// symbolic links, hostile scripts. Each test is a promise of docs/RELIABILITY.md.
@Suite struct FaultInjectionTests {
  /// A private home for one test: `data` and `state` folders that `coach` uses.
  struct Home {
    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    var coach: URL { data.appendingPathComponent("coach") }
    var transcripts: URL { coach.appendingPathComponent("transcripts") }
    var results: URL { coach.appendingPathComponent("results.jsonl") }
    var environment: [String: String] {
      [
        "HOME": root.path, "XDG_DATA_HOME": data.path,
        "XDG_STATE_HOME": root.appendingPathComponent("state").path, "COLUMNS": "100",
      ]
    }

    init() throws { root = try CoachProcess.temporaryDirectory() }

    func files(in folder: URL, ending suffix: String) -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(suffix) }.sorted()
    }

    func resultLines() -> [String] {
      ((try? String(contentsOf: results, encoding: .utf8)) ?? "")
        .split(separator: "\n").map(String.init)
    }

    func run(_ arguments: [String], input: String = "") throws -> CoachProcess.Result {
      try CoachProcess.run(arguments, input: input, environment: environment)
    }
  }

  static let reply = "I'm so sorry, that sounds really frustrating.\n"

  // MARK: - Data loss

  /// Item 1: sessions that start in the same second never share or overwrite a transcript.
  @Test func concurrentSessionsEachKeepTheirOwnTranscriptPair() throws {
    let home = try Home()
    let count = 8
    let children = try (1...count).map { seed in
      try CoachChild(
        ["practice", "--seed", String(seed), "--rep", "r\(seed)"], environment: home.environment)
    }
    for child in children { child.send(Self.reply + "/quit\n") }
    for child in children { child.closeInput() }
    let saved = children.map { child -> String in
      #expect(child.wait().exitStatus == 0, "\(child.errors)")
      return child.output.split(separator: "\n").first { $0.contains("Transcript saved:") }
        .map(String.init) ?? ""
    }
    #expect(Set(saved).count == count, "each session names its own files: \(saved)")
    let markdown = home.files(in: home.transcripts, ending: ".md")
    let json = home.files(in: home.transcripts, ending: ".json")
    #expect(markdown.count == count)
    #expect(json.count == count)
    // Each pair comes from one session: the seed in the .md is the seed in the .json.
    for name in json {
      let base = String(name.dropLast(".json".count))
      let record = try String(
        contentsOf: home.transcripts.appendingPathComponent(name), encoding: .utf8)
      let text = try String(
        contentsOf: home.transcripts.appendingPathComponent(base + ".md"), encoding: .utf8)
      let seed = try #require(
        record.firstMatch(of: /"seed": "(\d+)"/)?.1)
      #expect(text.contains("(seed \(seed),"), "\(base): .md and .json from different sessions")
    }
    #expect(home.resultLines().count == count)
  }

  /// Item 2: a reader that closed the output pipe does not lose the finished session.
  @Test func aClosedOutputPipeStillSavesTheSession() throws {
    let home = try Home()
    let child = try CoachChild(
      ["practice", "--seed", "1", "--rep", "piped"], environment: home.environment,
      closedOutput: true)
    child.send(Self.reply + "What is the order for?\n/quit\n")
    child.closeInput()
    let ending = child.wait()
    #expect(ending.signal == nil, "not killed by SIGPIPE: \(ending)")
    #expect(ending.exitStatus == 0, "\(child.errors)")
    #expect(home.resultLines().count == 1)
    #expect(home.files(in: home.transcripts, ending: ".md").count == 1)
  }

  /// Item 3: SIGTERM, SIGHUP and (on piped input) SIGINT save the session as abandoned and end
  /// the process with the signal.
  @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
  func aSignalSavesTheSessionAsAbandoned(_ signal: Int32) throws {
    let home = try Home()
    let child = try CoachChild(
      ["practice", "--seed", "3", "--rep", "sig"], environment: home.environment)
    #expect(child.waitForOutput("patience"), "the session started: \(child.errors)")
    child.send(Self.reply)
    #expect(child.waitForOutput("patience", count: 2), "the reply was answered")
    child.signal(signal)
    let ending = child.wait()
    #expect(ending.signal == signal, "ends with the signal's conventional status: \(ending)")
    let lines = home.resultLines()
    #expect(lines.count == 1)
    #expect(lines.first?.contains(#""outcome":"abandoned""#) == true)
    #expect(home.files(in: home.transcripts, ending: ".json").count == 1)
    #expect(child.output.contains("Transcript saved:"))
  }

  /// Item 3: a drill attempt closed by its window (SIGHUP) still counts: it is recorded with
  /// the drill's verdict, and the drill stops there.
  @Test func aDrillAttemptClosedByItsWindowStillCounts() throws {
    let home = try Home()
    try """
    curriculum: window
    title: Window drill
    pass-mark: 0
    scenarios:
      - late-delivery
    """.write(
      to: home.root.appendingPathComponent("window.coach.yaml"), atomically: true,
      encoding: .utf8)
    let child = try CoachChild(
      ["drill", "window", "--rep", "ana", "--seed", "1", "--scripts", home.root.path],
      environment: home.environment)
    #expect(child.waitForOutput("patience"), "the attempt started: \(child.errors)")
    child.send(Self.reply)
    #expect(child.waitForOutput("patience", count: 2))
    child.signal(SIGHUP)
    let ending = child.wait()
    #expect(ending.signal == SIGHUP, "\(ending)")
    let lines = home.resultLines()
    #expect(lines.count == 1)
    #expect(lines.first?.contains(#""curriculum":"window""#) == true, "\(lines)")
    #expect(lines.first?.contains(#""outcome":"abandoned""#) == true)
  }

  /// Item 3: a kill in the middle of a save leaves temporary files; the next start removes the
  /// stale ones (and leaves one that a save in progress may still own).
  @Test func staleTemporaryFilesAreRemovedAtTheNextStart() throws {
    let home = try Home()
    try FileManager.default.createDirectory(at: home.transcripts, withIntermediateDirectories: true)
    let stale = home.transcripts.appendingPathComponent("x-late-delivery.json.tmp-AbC123")
    let fresh = home.transcripts.appendingPathComponent("y-late-delivery.json.tmp-XyZ789")
    let staleInData = home.coach.appendingPathComponent("results.jsonl.tmp-QwE456")
    for url in [stale, fresh, staleInData] {
      try "{".write(to: url, atomically: false, encoding: .utf8)
    }
    let old = Date().addingTimeInterval(-3600)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: stale.path)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: staleInData.path)
    let run = try home.run(["practice", "--seed", "1"], input: "/quit\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: stale.path))
    #expect(!FileManager.default.fileExists(atPath: staleInData.path))
    #expect(FileManager.default.fileExists(atPath: fresh.path))
  }

  /// Item 4: concurrent recaps never race for a name: each gets its own file.
  @Test func concurrentRecapsEachGetTheirOwnFile() throws {
    let home = try Home()
    let text = home.root.appendingPathComponent("recap.txt")
    try "Thank you for your patience. We will send the part by Thursday noon."
      .write(to: text, atomically: true, encoding: .utf8)
    let count = 10
    let children = try (0..<count).map { _ in
      try CoachChild(["recap", "--text", text.path], environment: home.environment)
    }
    var saved: [String] = []
    for child in children {
      child.closeInput()
      #expect(child.wait().exitStatus == 0, "\(child.errors)")
      saved += child.output.split(separator: "\n").filter { $0.contains("Saved:") }.map(String.init)
    }
    #expect(saved.count == count)
    #expect(Set(saved).count == count, "every process printed its own path")
    #expect(
      home.files(in: home.coach.appendingPathComponent("recaps"), ending: ".md").count == count)
  }

  /// Item 12: files that exist with loose permissions are made owner-only when opened.
  @Test func looseResultsFileIsTightened() throws {
    let home = try Home()
    try FileManager.default.createDirectory(at: home.coach, withIntermediateDirectories: true)
    try "".write(to: home.results, atomically: false, encoding: .utf8)
    chmod(home.results.path, 0o644)
    let run = try home.run(["practice", "--seed", "1"], input: FaultInjectionTests.reply)
    #expect(run.status == 0, "\(run.stderr)")
    var info = stat()
    stat(home.results.path, &info)
    #expect(info.st_mode & 0o777 == 0o600)
  }

  /// Item 13: a results file or a data folder that is a symbolic link is refused, before any
  /// input, and what it points to is left alone.
  @Test func symbolicLinksInTheDataFolderAreRefused() throws {
    let home = try Home()
    try FileManager.default.createDirectory(at: home.coach, withIntermediateDirectories: true)
    let target = home.root.appendingPathComponent("elsewhere.txt")
    try "precious\n".write(to: target, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(at: home.results, withDestinationURL: target)
    let run = try home.run(["practice", "--seed", "1"], input: FaultInjectionTests.reply)
    #expect(run.status == 1)
    #expect(run.stderr.contains("symbolic link"))
    #expect(!run.stdout.contains("patience"), "refused before the session started")
    #expect(try String(contentsOf: target, encoding: .utf8) == "precious\n")

    let other = try Home()
    let shared = other.root.appendingPathComponent("shared")
    try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
    chmod(shared.path, 0o1777)
    try FileManager.default.createDirectory(at: other.data, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: other.coach, withDestinationURL: shared)
    let linked = try other.run(["practice", "--seed", "1"], input: FaultInjectionTests.reply)
    #expect(linked.status == 1)
    #expect(linked.stderr.contains("symbolic link"))
    var info = stat()
    stat(shared.path, &info)
    #expect(info.st_mode & 0o7777 == 0o1777, "the link's target is not chmod-ed")
  }

  /// Item 3 at a terminal: SIGTERM or SIGHUP while readline edits a line gives the terminal
  /// back in its normal mode (canonical input, echo) and still saves the session.
  @Test(
    .enabled(if: TmuxSession.isAvailable, "needs tmux"),
    arguments: [SIGTERM, SIGHUP])
  func aSignalAtATerminalRestoresItAndSaves(_ signal: Int32) throws {
    let home = try Home()
    var environment = home.environment
    environment["NO_COLOR"] = "1"
    environment["COACH"] = CoachProcess.executable.path
    environment["COACH_SCRIPTS"] = CoachProcess.packageRoot.appendingPathComponent("Scripts").path
    let tmux = try TmuxSession(
      ["/bin/sh", "-c", "\"$COACH\" practice --seed 1; echo status=$?; stty -a"],
      environment: environment, width: 120, height: 40)
    defer { tmux.close() }
    try tmux.waitFor("^you> $")
    try tmux.type(Self.reply.trimmingCharacters(in: .newlines))
    try tmux.press("Enter")
    try tmux.waitFor("patience[^\\n]*\\n(.*\\n)*.*patience")
    try tmux.type("and I will")
    let pid = try #require(try tmux.processID(named: "coach"))
    kill(pid, signal)
    let screen = try tmux.waitFor("^status=(.*\\n)*.*icanon")
    #expect(screen.contains("status=\(128 + signal)"), "\(screen)")
    #expect(screen.contains(" icanon") && !screen.contains("-icanon"), "\(screen)")
    #expect(screen.contains(" echo ") && !screen.contains("-echo "), "\(screen)")
    #expect(home.resultLines().count == 1)
    #expect(home.files(in: home.transcripts, ending: ".md").count == 1)
  }

  // MARK: - Read-only and full folders (a small tmpfs in a private mount namespace)

  /// Whether this process may mount a tmpfs in a private mount namespace (root with `unshare`).
  static let canMount: Bool = {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
      return false
    }
    let probe = try? CoachProcess.runShell("mount -t tmpfs -o size=16k tmpfs \"$D\"", folder: nil)
    return probe?.status == 0
  }()

  /// Item 5: on a read-only data folder, practice, reflect and recap refuse before asking for
  /// anything, and say why.
  @Test(.enabled(if: canMount, "needs root and unshare -m to mount a read-only tmpfs"))
  func aReadOnlyFolderIsRefusedBeforeAnyInput() throws {
    for command in ["practice --seed 1", "recap", "reflect"] {
      let result = try CoachProcess.runShell(
        """
        mount -t tmpfs -o size=64k tmpfs "$D" && mount -o remount,ro "$D" &&
        printf "I'm so sorry.\\n/quit\\n" | XDG_DATA_HOME="$D" "$COACH" \(command)
        """, folder: try CoachProcess.temporaryDirectory())
      #expect(result.status == 1, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("Read-only file system"), "\(command): \(result.stderr)")
      #expect(result.stderr.contains("--no-save"))
      #expect(!result.stdout.contains("patience") && !result.stdout.contains("Saved"))
    }
  }

  /// Item 5: on a full data folder, practice refuses before the session starts.
  @Test(.enabled(if: canMount, "needs root and unshare -m to mount a full tmpfs"))
  func aFullFolderIsRefusedBeforeAnyInput() throws {
    let result = try CoachProcess.runShell(
      """
      mount -t tmpfs -o size=64k tmpfs "$D" && mkdir -p "$D/coach/transcripts" &&
      { dd if=/dev/zero of="$D/fill" bs=4k 2>/dev/null; true; } &&
      printf "I'm so sorry.\\n/quit\\n" | XDG_DATA_HOME="$D" "$COACH" practice --seed 1
      """, folder: try CoachProcess.temporaryDirectory())
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    #expect(!result.stdout.contains("patience"))
  }

  /// Item 5: a disk that fills during the session: the save fails, `coach` exits non-zero and
  /// prints the transcript so it can be kept by hand.
  @Test(.enabled(if: canMount, "needs root and unshare -m to mount a tmpfs that fills"))
  func aSaveThatFailsExitsNonZeroAndPrintsTheTranscript() throws {
    // The disk is filled once the session has started (its first status line is out), then
    // the replies are sent.
    let result = try CoachProcess.runShell(
      """
      mount -t tmpfs -o size=64k tmpfs "$D" && mkfifo "$D/../in" || exit 99
      { XDG_DATA_HOME="$D" "$COACH" practice --seed 1 --rep full <"$D/../in" >"$D/../out" \\
          2>"$D/../err"; echo $? >"$D/../status"; } &
      exec 3>"$D/../in"
      i=0
      until grep -q patience "$D/../out" 2>/dev/null || [ $i -gt 600 ]; do
        sleep 0.05; i=$((i + 1)); done
      dd if=/dev/zero of="$D/fill" bs=4k 2>/dev/null
      cat "$D/../input.txt" >&3
      exec 3>&-
      wait
      cat "$D/../out"; cat "$D/../err" >&2
      exit "$(cat "$D/../status")"
      """,
      folder: try CoachProcess.temporaryDirectory(), input: Self.reply + "We'll fix it today.\n")
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("could not save"), "\(result.stderr)")
    #expect(result.stdout.contains("## Conversation"), "the transcript is printed")
    #expect(result.stdout.contains("I'm so sorry, that sounds really frustrating."))
  }

  // MARK: - Terminal injection

  /// A scenario whose title and customer name carry an OSC title write, an OSC 52 clipboard
  /// write, a bell and a screen clear.
  static func hostileScript(in folder: URL) throws -> URL {
    let bundled = CoachProcess.packageRoot
      .appendingPathComponent("Scripts/scenarios/late-delivery.coach.yaml")
    let hostile = try String(contentsOf: bundled, encoding: .utf8)
      .replacingOccurrences(of: "scenario: late-delivery\n", with: "scenario: hostile\n")
      .replacingOccurrences(
        of: "title: The third late delivery\n", with: "title: \"T\\e]0;PWNED\\a\"\n"
      )
      .replacingOccurrences(
        of: "  name: Dana Okafor\n", with: "  name: \"Sam\\e]52;c;aGk=\\a\\e[2J Reid\"\n")
    let url = folder.appendingPathComponent("hostile.coach.yaml")
    try hostile.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  static func isInert(_ text: String) -> Bool {
    !text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }
  }

  /// Items 6 and 7: hostile text reaches neither the terminal nor the saved Markdown raw, nor the
  /// guided reflection on that session: a reply that carries an OSC title write and a bell, and
  /// a saved transcript whose customer name carries an OSC 52 clipboard write, a bell and a
  /// screen clear. (A script that writes such characters is not played at all: see
  /// `aScriptThatWritesControlCharactersIsRefused`.)
  @Test func hostileTextIsNeutralisedInTranscriptsAndReflections() throws {
    let home = try Home()
    let reply = "I'm so sorry \u{1B}]0;PWNED\u{07}, that sounds really frustrating.\n"
    let run = try home.run(["practice", "--seed", "1"], input: reply)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("PWNED"), "the reply is shown, made visible")
    #expect(Self.isInert(run.stdout) && Self.isInert(run.stderr))
    let markdown = try #require(home.files(in: home.transcripts, ending: ".md").first)
    let text = try String(
      contentsOf: home.transcripts.appendingPathComponent(markdown), encoding: .utf8)
    #expect(Self.isInert(text), "the saved Markdown holds no escape codes")
    #expect(text.contains("PWNED"), "the text is kept, made visible")
    let json = home.transcripts.appendingPathComponent(
      try #require(home.files(in: home.transcripts, ending: ".json").first))
    let hostile = try String(contentsOf: json, encoding: .utf8).replacingOccurrences(
      of: "\"Dana Okafor\"", with: #""Sam\u001b]52;c;aGk=\u0007\u001b[2J Reid""#)
    #expect(hostile.contains("Sam"))
    try hostile.write(to: json, atomically: true, encoding: .utf8)
    let reflect = try home.run(
      ["reflect", "--last"], input: "She is angry.\n\nShe wants it fixed.\n\nCalm\nTime\n")
    #expect(reflect.status == 0, "\(reflect.stderr)")
    #expect(Self.isInert(reflect.stdout) && Self.isInert(reflect.stderr))
    #expect(reflect.stdout.contains("Sam"))
    for file in home.files(in: home.coach.appendingPathComponent("reflections"), ending: ".md") {
      let saved = try String(
        contentsOf: home.coach.appendingPathComponent("reflections/" + file), encoding: .utf8)
      #expect(Self.isInert(saved))
    }
  }

  /// Item 8: a script whose text writes control characters as escapes (`"\e]0;…\a"`) is refused
  /// by `coach lint` (S014, at the escape) and is not played.
  @Test func aScriptThatWritesControlCharactersIsRefused() throws {
    let home = try Home()
    let script = try Self.hostileScript(in: home.root)
    let lint = try home.run(["lint", script.path])
    #expect(lint.status != 0)
    #expect(
      lint.stdout.contains("hostile.coach.yaml:11:10: error[S014]: U+001B ESCAPE"), "\(lint.stdout)"
    )
    #expect(Self.isInert(lint.stdout) && Self.isInert(lint.stderr))
    let run = try home.run(
      ["practice", script.path, "--seed", "1"], input: FaultInjectionTests.reply)
    #expect(run.status != 0)
    #expect(!run.stdout.contains("PWNED"), "the session does not start")
    #expect(Self.isInert(run.stdout) && Self.isInert(run.stderr))
  }

  /// Item 8: an invalid option value is not echoed raw by the argument parser.
  @Test func invalidOptionValuesAreNotEchoedRaw() throws {
    let result = try CoachProcess.run(["schema", "--kind", "x\u{1B}]52;c;Zm9v\u{07}"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("52;c;Zm9v"), "the value is shown, made visible")
    #expect(Self.isInert(result.stderr) && Self.isInert(result.stdout))
  }

  // MARK: - Wrong behaviour

  /// Item 9: `score --jsonl` echoes each id as it was written.
  @Test func scoreEchoesIdsByteForByte() throws {
    let ids = [
      "1e999", "12345678901234567890", "1e2", "-0", "1.50", "\"\\u00e9\"", "[1, 2]", "null",
      "{\"a\": 1}",
    ]
    let input = ids.map { "{\"id\": \($0), \"text\": \"I'm sorry\"}\n" }.joined()
    let result = try CoachProcess.run(["score", "--jsonl"], input: input)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == ids.count)
    for (line, id) in zip(lines, ids) {
      #expect(line.hasPrefix("{\"id\":\(id),\"steps\":"), "\(line.prefix(60))")
    }
  }

  /// Item 10: a 16 MB line of "sorry " neither eats memory nor stops the stream: it is refused
  /// with an error object and the next line is answered.
  @Test func aHugeLineKeepsMemoryBounded() throws {
    let home = try Home()
    let path = home.root.appendingPathComponent("huge.jsonl")
    var data = Data("{\"id\":1,\"text\":\"".utf8)
    data.append(Data(String(repeating: "sorry ", count: 16 * 1_048_576 / 6).utf8))
    data.append(Data("\"}\n{\"id\":2,\"text\":\"I'm sorry\"}\n".utf8))
    let long = "{\"id\":3,\"text\":\"" + String(repeating: "sorry ", count: 100_000) + "\"}\n"
    data.append(Data(long.utf8))
    try data.write(to: path)
    let child = try CoachChild(["score", "--jsonl"], inputFile: path.path)
    let ending = child.wait(timeout: 60)
    #expect(ending.exitStatus == 0)
    #expect(ending.peakMemory < 200 * 1_048_576, "peak \(ending.peakMemory / 1_048_576) MB")
    let lines = child.output.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.first?.hasPrefix(#"{"line":1,"error":"the line is longer than 1 MB"#) == true)
    #expect(lines.dropFirst().first?.hasPrefix(#"{"id":2,"steps""#) == true)
    #expect(
      lines.last?.hasPrefix(#"{"line":3,"id":3,"error":"\"text\" is longer than 64 KB"#) == true)
  }

  /// Item 16: a piped reply longer than 64 KB is not cut silently.
  @Test func anOverlongPipedReplyIsReported() throws {
    let home = try Home()
    let long = String(repeating: "sorry ", count: 70_000 / 6) + "\n"
    let run = try home.run(["practice", "--seed", "1", "--no-save"], input: long)
    #expect(run.status == 0)
    #expect(run.stderr.contains("input line 1 is longer than 64 KB"), "\(run.stderr)")
  }

  /// Item 18: Ctrl-\ (SIGQUIT) neither crashes with a report nor ends the session.
  @Test func sigquitIsIgnoredWithoutACrashReport() throws {
    let home = try Home()
    let child = try CoachChild(["practice", "--seed", "1"], environment: home.environment)
    #expect(child.waitForOutput("patience"))
    child.signal(SIGQUIT)
    usleep(200_000)
    child.send(Self.reply)
    #expect(child.waitForOutput("patience", count: 2), "the session goes on")
    child.closeInput()
    let ending = child.wait()
    #expect(ending.exitStatus == 0, "\(ending)")
    #expect(
      !child.errors.contains("Crash") && !child.errors.contains("Backtrace"), "\(child.errors)")
    #expect(home.resultLines().count == 1)
  }
}

/// Items 11, 14, 15 and 17: files walked once, file names that are not UTF-8, the history's
/// cap, and messages that name the fault.
@Suite struct FileFaultTests {
  typealias Home = FaultInjectionTests.Home

  /// Item 14: a folder link loop is not walked round: each real script is tested once.
  @Test func aFolderLinkLoopIsWalkedOnce() throws {
    let home = try Home()
    let loop = home.root.appendingPathComponent("loop")
    try FileManager.default.createDirectory(at: loop, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: CoachProcess.packageRoot.appendingPathComponent(
        "Scripts/scenarios/late-delivery.coach.yaml"),
      to: loop.appendingPathComponent("late-delivery.coach.yaml"))
    try FileManager.default.createSymbolicLink(
      atPath: loop.appendingPathComponent("self").path, withDestinationPath: "../loop")
    try FileManager.default.createSymbolicLink(
      atPath: loop.appendingPathComponent("again.coach.yaml").path,
      withDestinationPath: "late-delivery.coach.yaml")
    let once = try CoachProcess.run(
      [
        "test",
        CoachProcess.packageRoot.appendingPathComponent("Scripts/scenarios").path
          + "/late-delivery.coach.yaml",
      ])
    let walked = try home.run(["test", loop.path])
    #expect(walked.status == 0, "\(walked.stderr)")
    let total = { (text: String) in text.split(separator: "\n").last.map(String.init) ?? "" }
    #expect(total(walked.stdout) == total(once.stdout), "\(walked.stdout)")
    #expect(walked.stdout.components(separatedBy: ".coach.yaml:").count == 2, "one file reported")
  }

  /// Item 15: scripts whose names are not UTF-8 (byte 0xFF) or hold a control byte (ESC), in a
  /// folder whose name is not UTF-8 either, are read by `lint`, `test`, `practice` and `list`
  /// (given as arguments, found by walking a folder, on the search path by option or
  /// environment), and every name is shown escaped: `\xFF`, `␛`.
  @Test func fileNamesThatAreNotUTF8AreReadAndShownEscaped() throws {
    let home = try Home()
    let bundled = CoachProcess.packageRoot
      .appendingPathComponent("Scripts/scenarios/late-delivery.coach.yaml")
    var environment = home.environment
    environment["BUNDLED"] = bundled.path
    // The names are made by the shell: `printf '\377'` is the byte 0xFF, `\033` is ESC.
    func shell(_ script: String, input: String = "") throws -> CoachProcess.Result {
      try CoachProcess.run(
        shell: #"D="$(printf 'dir\377')"; F="$D/$(printf 'odd\377.coach.yaml')"; "#
          + #"E="$D/$(printf 'esc\033.coach.yaml')"; "# + script,
        input: input, environment: environment, directory: home.root)
    }
    let setup = try shell(
      #"mkdir "$D" && sed 's/^scenario: late-delivery$/scenario: odd-name/' "$BUNDLED" > "$F" "#
        + #"&& cp "$F" "$E""#)
    #expect(setup.status == 0, "\(setup.stderr)")

    let lint = try shell(#""$COACH" lint "$F" "$D""#)
    #expect(lint.status == 0, "\(lint.stderr)")
    #expect(lint.stderr.isEmpty, "\(lint.stderr)")
    // The file given by name, then both files found by walking the folder.
    #expect(
      lint.stdout.contains(#"dir\xFF/odd\xFF.coach.yaml:10:11: warning[W007]"#), "\(lint.stdout)")
    #expect(lint.stdout.contains("dir\\xFF/esc␛.coach.yaml:10:11: warning[W007]"))
    #expect(lint.stdout.contains("3 files: 0 errors, 3 warnings"))
    #expect(FaultInjectionTests.isInert(lint.stdout) && !lint.stdout.contains("\u{FFFD}"))

    let test = try shell(#""$COACH" test "$F""#)
    #expect(test.status == 0, "\(test.stderr)")
    #expect(test.stdout.contains(#"dir\xFF/odd\xFF.coach.yaml: "#), "\(test.stdout)")
    #expect(test.stdout.contains(" 0 failed"))

    let practice = try shell(#""$COACH" practice --seed 1 "$E""#, input: FaultInjectionTests.reply)
    #expect(practice.status == 0, "\(practice.stderr)")
    #expect(practice.stdout.contains("The third late delivery"), "\(practice.stdout)")
    #expect(home.files(in: home.transcripts, ending: ".json").count == 1)

    let listed = try shell(#""$COACH" list --scripts "$D""#)
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout.contains("odd-name"), "\(listed.stdout)")
    // Two files declare `odd-name`: the warning names both, escaped.
    #expect(
      listed.stderr.contains(
        #"`dir\xFF/esc␛.coach.yaml` is played, not `dir\xFF/odd\xFF.coach.yaml`"#)
        || listed.stderr.contains(
          #"`dir\xFF/odd\xFF.coach.yaml` is played, not `dir\xFF/esc␛.coach.yaml`"#),
      "\(listed.stderr)")
    #expect(FaultInjectionTests.isInert(listed.stderr))
    let fromEnvironment = try shell(#"COACH_SCRIPTS="$(pwd)/$D" "$COACH" list"#)
    #expect(fromEnvironment.stdout.contains("odd-name"), "\(fromEnvironment.stdout)")
  }

  /// Item 17: a negative seed is refused as a value, with what is wrong with it.
  @Test func aNegativeSeedIsNamedAsAnInvalidValue() throws {
    let result = try CoachProcess.run(["practice", "--seed", "-1", "--no-save"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("The value '-1' is invalid for '--seed"), "\(result.stderr)")
  }

  /// Items 11 and 12: a long, loose history file is trimmed to the newest 1000 entries and made
  /// private when a terminal session starts.
  @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
  func theHistoryIsTrimmedAndPrivate() throws {
    let home = try Home()
    let state = home.root.appendingPathComponent("state/coach")
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    let history = state.appendingPathComponent("history")
    try (1...1500).map { "reply number \($0)\n" }.joined()
      .write(to: history, atomically: false, encoding: .utf8)
    chmod(history.path, 0o644)
    var environment = home.environment
    environment["NO_COLOR"] = "1"
    environment["COACH_SCRIPTS"] = CoachProcess.packageRoot.appendingPathComponent("Scripts").path
    let tmux = try TmuxSession(
      [CoachProcess.executable.path, "practice", "--seed", "1", "--no-save"],
      environment: environment, width: 100, height: 30)
    defer { tmux.close() }
    try tmux.waitFor("^you> $")
    try tmux.press("Up")
    try tmux.waitFor("^you> reply number 1500$")
    try tmux.press("C-e", "C-u")
    try tmux.type("/quit")
    try tmux.press("Enter")
    #expect(try tmux.waitForExit() == 0)
    let lines = try String(contentsOf: history, encoding: .utf8).split(separator: "\n")
    #expect(lines.count <= 1001)
    #expect(lines.first == "reply number 501")
    #expect(lines.contains("reply number 1500"))
    var info = stat()
    stat(history.path, &info)
    #expect(info.st_mode & 0o777 == 0o600)
  }
}
