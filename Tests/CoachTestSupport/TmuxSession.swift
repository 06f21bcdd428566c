import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Drives an interactive program in a real terminal, for tests: a private tmux server with one
/// pane of a fixed size, keys sent like a person types them, and the screen read back.
///
/// Each session has its own server (`tmux -L <unique name>`), so it never touches a tmux the
/// person running the tests uses, and ``close()`` (also called on deinit) kills it.
///
/// ```swift
/// let tmux = try TmuxSession(["coach", "practice"], environment: ["NO_COLOR": "1"])
/// try tmux.waitFor("you> ")
/// try tmux.type("I'm sorry")
/// try tmux.press("Enter")
/// ```
///
/// Tests should be enabled only ``isAvailable`` (`@Test(.enabled(if: TmuxSession.isAvailable))`),
/// so they are skipped, not failed, where tmux is missing.
public final class TmuxSession {
  /// What went wrong while driving the terminal.
  public enum Failure: Error, CustomStringConvertible {
    case tmuxMissing
    case tmuxFailed(arguments: [String], message: String)
    case timedOut(pattern: String, screen: String)

    public var description: String {
      switch self {
      case .tmuxMissing: "tmux is not installed"
      case .tmuxFailed(let arguments, let message):
        "tmux \(arguments.joined(separator: " ")) failed: \(message)"
      case .timedOut(let pattern, let screen):
        "timed out waiting for /\(pattern)/; the screen was:\n\(screen)"
      }
    }
  }

  /// The tmux executable on `PATH`, if any.
  public static let tmuxPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
      let candidate = "\(directory)/tmux"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// Whether tmux can be used here.
  public static var isAvailable: Bool { tmuxPath != nil }

  /// The private server's socket name.
  public let socket: String
  private let tmux: String
  private let statusPath: String
  private var socketPath: String?
  private var closed = false

  /// Starts `command` (the executable and its arguments) in a new `width`×`height` terminal, with
  /// `environment` added to the program's environment (and `TERM` set to a colour terminal unless
  /// given). The pane stays on screen after the program exits, so its last output can be read.
  public init(
    _ command: [String], environment: [String: String] = [:], width: Int = 100, height: Int = 30
  ) throws {
    guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
    self.tmux = tmux
    self.socket = "coach-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    var environment = environment
    if environment["TERM"] == nil { environment["TERM"] = "xterm-256color" }
    let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    self.statusPath =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("\(socket).status").path
    // The shell records the exit status in a file, for `waitForExit`.
    let shellCommand =
      (["/usr/bin/env"] + assignments + command).map(Self.shellQuoted).joined(separator: " ")
      + "; echo $? > " + Self.shellQuoted(statusPath)
    // One tmux call, so the pane is kept even if the program exits at once.
    try run([
      "-f", "/dev/null", "new-session", "-d", "-s", "test", "-x", "\(width)", "-y", "\(height)",
      shellCommand, ";", "set-option", "-t", "test", "remain-on-exit", "on",
    ])
    socketPath = try? run(["display-message", "-p", "-t", "test", "#{socket_path}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  deinit { close() }

  /// Types `text` literally (no key names are interpreted).
  public func type(_ text: String) throws {
    try run(["send-keys", "-t", "test", "-l", "--", text])
  }

  /// Presses keys by tmux name: `Enter`, `Up`, `Tab`, `BSpace`, `C-c`, `C-d`, `C-r`, …
  public func press(_ keys: String...) throws {
    try run(["send-keys", "-t", "test"] + keys)
  }

  /// The whole screen now, scrollback included, with wrapped lines joined.
  public func screen() throws -> String {
    try run(["capture-pane", "-p", "-J", "-S", "-", "-t", "test"])
  }

  /// The id of the first process named `name` under the pane (the program the pane runs, or
  /// one it started), or `nil`.
  public func processID(named name: String) throws -> pid_t? {
    let text = try run(["display-message", "-p", "-t", "test", "#{pane_pid}"])
    guard let root = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
    var queue = [root]
    while !queue.isEmpty {
      let pid = queue.removeFirst()
      let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
      if comm.trimmingCharacters(in: .whitespacesAndNewlines) == name { return pid }
      let children =
        (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
      queue += children.split(separator: " ").compactMap { pid_t($0) }
    }
    return nil
  }

  /// The line the cursor is on (the prompt line while a program waits for input).
  public func cursorLine() throws -> String {
    let y = try run(["display-message", "-p", "-t", "test", "#{cursor_y}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let lines = try run(["capture-pane", "-p", "-t", "test"]).components(separatedBy: "\n")
    guard let row = Int(y), row < lines.count else { return "" }
    return lines[row]
  }

  /// Polls the screen until a line matches the regular expression `pattern` and returns the
  /// screen; throws ``Failure/timedOut(pattern:screen:)`` after `timeout` seconds.
  @discardableResult
  public func waitFor(_ pattern: String, timeout: TimeInterval = 5) throws -> String {
    let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let text = try screen()
      if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
        return text
      }
      if Date() > deadline { throw Failure.timedOut(pattern: pattern, screen: text) }
      usleep(20_000)
    }
  }

  /// Waits until the program has exited and returns its exit status, or `nil` after `timeout`.
  public func waitForExit(timeout: TimeInterval = 5) throws -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() <= deadline {
      if let text = try? String(contentsOfFile: statusPath, encoding: .utf8),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      usleep(20_000)
    }
    return nil
  }

  /// Kills the private tmux server and the program in it. Safe to call more than once.
  public func close() {
    guard !closed else { return }
    closed = true
    // Killing the session first ends the server even where `kill-server` alone was seen to leave
    // it running; `kill-server` then catches anything left.
    _ = try? run(["kill-session", "-t", "test"])
    _ = try? run(["kill-server"])
    if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    unlink(statusPath)
  }

  /// Runs one tmux command and returns what it printed.
  ///
  /// It is started with `posix_spawn` and its output goes to temporary files: the command that
  /// starts the server forks a daemon that outlives it, which keeps pipes open and makes
  /// Foundation's `Process` wait for it forever.
  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
    let errorPath = outputPath + ".err"
    defer {
      unlink(outputPath)
      unlink(errorPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw Failure.tmuxFailed(arguments: arguments, message: String(cString: strerror(spawned)))
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    // Exited normally with status 0: the low 7 bits (signal) and the exit code are all zero.
    guard status == 0 else {
      let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
      throw Failure.tmuxFailed(arguments: arguments, message: message)
    }
    return text
  }

  private static func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
