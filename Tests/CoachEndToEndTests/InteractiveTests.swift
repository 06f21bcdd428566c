import CoachTestSupport
import Foundation
import Testing

/// `coach` at a real terminal, driven through tmux like a person types. Skipped where tmux is
/// missing.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct InteractiveTests {
  /// The harness itself: a program starts in the pane, sees typed keys and its exit is noticed.
  @Test func harnessDrivesAProgramInATerminal() throws {
    let tmux = try TmuxSession(["/bin/cat"], width: 40, height: 10)
    defer { tmux.close() }
    try tmux.type("hello tmux")
    try tmux.press("Enter")
    try tmux.waitFor("^hello tmux$\\n^hello tmux$")
    try tmux.press("C-d")
    #expect(try tmux.waitForExit() == 0)
  }

  /// A whole practice session at the terminal: the reply goes into the history, Up recalls it,
  /// Tab completes a slash command, Ctrl-D ends the session with a debrief, and the history file
  /// is private.
  @Test func practiceSessionAtATerminal() throws {
    let root = try CoachProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let state = root.appendingPathComponent("state").path
    let reply = "I am so sorry, that sounds really frustrating. When is the wedding?"
    let tmux = try practice(in: root, height: 30)
    defer { tmux.close() }

    // The first customer line, then an empty prompt.
    try waitForPrompt(tmux, showing: "")
    try tmux.type(reply)
    try tmux.press("Enter")
    try waitForPrompt(tmux, showing: "")

    // Up recalls the reply onto the prompt line.
    try tmux.press("Up")
    try waitForPrompt(tmux, showing: NSRegularExpression.escapedPattern(for: reply))

    // Clear the line, then Tab completes `/he` to `/help`.
    try tmux.press("C-e", "C-u")
    try waitForPrompt(tmux, showing: "")
    try tmux.type("/he")
    try tmux.press("Tab")
    try waitForPrompt(tmux, showing: "/help ?")
    try tmux.press("Enter")
    try tmux.waitFor("/hint")
    try waitForPrompt(tmux, showing: "")

    // Ctrl-D ends the session with a debrief.
    try tmux.press("C-d")
    try tmux.waitFor("Debrief")
    #expect(try tmux.waitForExit() == 0)

    let historyPath = state + "/coach/history"
    let history = try String(contentsOfFile: historyPath, encoding: .utf8)
    #expect(history.components(separatedBy: "\n").contains(reply))
    let attributes = try FileManager.default.attributesOfItem(atPath: historyPath)
    #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o777 == 0o600)
  }

  /// At a terminal a command word typed without its slash is asked about (Enter runs it, the
  /// same word again is the reply), and Ctrl-C on an empty line asks before it ends the session.
  @Test func commandWordsAndCtrlCAskFirstAtATerminal() throws {
    let root = try CoachProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let tmux = try practice(in: root, height: 60)
    defer { tmux.close() }
    try tmux.waitFor("^Patience 4: each reply that does not help Dana costs 1; at 0, Dana gives")
    try waitForPrompt(tmux, showing: "")

    // `hint` is asked about; Enter runs /hint, and nothing reached the customer.
    try enter(tmux, "hint")
    try tmux.waitFor("^Did you mean /hint\\? Press Enter to run it, or type your reply\\.$")
    try waitForPrompt(tmux, showing: "")
    try tmux.press("Enter")
    try tmux.waitFor("^hint: ")
    #expect(try tmux.screen().components(separatedBy: "· patience").count - 1 == 1)

    // `Quit.` is asked about; `quit` again is sent to the customer, and costs patience.
    try enter(tmux, "Quit.")
    try tmux.waitFor("^Did you mean /quit\\? Press Enter")
    try enter(tmux, "quit")
    try tmux.waitFor("· patience 3 \\(that reply cost 1\\)$")

    // Ctrl-C on a typed line clears it and asks nothing.
    try tmux.type("half typed")
    try waitForPrompt(tmux, showing: "half typed")
    try tmux.press("C-c")
    try tmux.waitFor("^you> half typed\\^C$")
    try waitForPrompt(tmux, showing: "")
    #expect(try !tmux.screen().contains("Press Ctrl-C again"))

    // Ctrl-C on an empty line asks; a reply in between carries on.
    let ask = "Press Ctrl-C again to end the session, or keep typing."
    try tmux.press("C-c")
    try tmux.waitFor("^you> \\^C\\n" + NSRegularExpression.escapedPattern(for: ask) + "$")
    try waitForPrompt(tmux, showing: "")
    try enter(tmux, "I'm so sorry, that sounds really frustrating.")
    try waitFor(tmux, "· patience", count: 3)
    try waitForPrompt(tmux, showing: "")
    try tmux.press("C-c")
    try waitFor(tmux, ask, count: 2)
    #expect(try !tmux.screen().contains("Debrief"))
    // The second Ctrl-C in a row ends the session with the debrief.
    try tmux.press("C-c")
    try tmux.waitFor("Debrief")
    #expect(try tmux.waitForExit() == 0)
    let screen = try tmux.screen()
    #expect(screen.contains("Abandoned after 2 turns"), "\(screen)")
  }

  /// A drill at the terminal: a reply typed at "Press Enter to start" is the call's first reply,
  /// and `q` stops with a command that resumes for the same rep.
  @Test func drillAtATerminalKeepsAReplyTypedAtTheStartQuestion() throws {
    let root = try CoachProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let reply = "I am so sorry, that sounds really frustrating."
    func drill(_ extra: [String]) throws -> TmuxSession {
      try TmuxSession(
        [CoachProcess.executable.path, "drill", "onboarding", "--rep", "ana b"] + extra,
        environment: [
          "HOME": root.path, "XDG_STATE_HOME": root.appendingPathComponent("state").path,
          "XDG_DATA_HOME": root.appendingPathComponent("data").path,
          "LANG": "C.UTF-8", "NO_COLOR": "1",
        ],
        width: 100, height: 40)
    }
    let tmux = try drill(["--seed", "1"])
    defer { tmux.close() }
    try tmux.waitFor("Press Enter to start, or q to stop: $")
    try tmux.type(reply)
    try tmux.press("Enter")
    // The reply is shown at the first prompt and answered with a coaching note.
    try tmux.waitFor("^you> " + NSRegularExpression.escapedPattern(for: reply) + "$")
    try tmux.waitFor("coach: ")
    try tmux.press("C-d")
    try tmux.waitFor("Progress saved")
    let screen = try tmux.screen()
    #expect(screen.contains("Debrief"))
    #expect(screen.contains("Run `coach drill onboarding --rep 'ana b'` to go on."))
    #expect(try tmux.waitForExit() == 0)

    let again = try drill([])
    defer { again.close() }
    try again.waitFor("attempt 2 of 5")
    try again.waitFor("Press Enter to start, or q to stop: $")
    // Ctrl-C on a typed line only clears it, as in a session; the question is asked again.
    try again.type("Quite")
    try again.waitFor("stop: Quite$")
    try again.press("C-c")
    try again.waitFor("Quite\\^C\\nPress Enter to start, or q to stop: $")
    try again.type("q")
    try again.press("Enter")
    try again.waitFor("^Stopped. Run `coach drill onboarding --rep 'ana b'` to go on.$")
    #expect(try again.waitForExit() == 0)
  }

  /// `coach practice --seed 1` in a `height`-line terminal, with its files under `root`.
  private func practice(in root: URL, height: Int) throws -> TmuxSession {
    try TmuxSession(
      [CoachProcess.executable.path, "practice", "--seed", "1"],
      environment: [
        "HOME": root.path, "XDG_STATE_HOME": root.appendingPathComponent("state").path,
        "XDG_DATA_HOME": root.appendingPathComponent("data").path,
        "LANG": "C.UTF-8", "NO_COLOR": "1",
        "COACH_SCRIPTS": CoachProcess.packageRoot.appendingPathComponent("Scripts").path,
      ],
      width: 100, height: height)
  }

  /// Types `line` and presses Enter.
  private func enter(_ tmux: TmuxSession, _ line: String) throws {
    try tmux.type(line)
    try tmux.press("Enter")
  }

  /// Polls until `text` is on the screen `count` times.
  private func waitFor(
    _ tmux: TmuxSession, _ text: String, count: Int, timeout: TimeInterval = 5
  ) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let screen = try tmux.screen()
      if screen.components(separatedBy: text).count - 1 >= count { return }
      if Date() > deadline {
        throw TmuxSession.Failure.timedOut(pattern: "\(count) × \(text)", screen: screen)
      }
      usleep(20_000)
    }
  }

  /// Polls until the cursor is on a prompt line (ending in `>` then what is typed) whose typed
  /// text matches `pattern` completely.
  private func waitForPrompt(
    _ tmux: TmuxSession, showing pattern: String, timeout: TimeInterval = 5
  ) throws {
    let regex = try NSRegularExpression(pattern: ">\\s?(\(pattern))\\s*$")
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let line = try tmux.cursorLine()
      if regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil { return }
      if Date() > deadline {
        throw TmuxSession.Failure.timedOut(pattern: regex.pattern, screen: try tmux.screen())
      }
      usleep(20_000)
    }
  }
}
