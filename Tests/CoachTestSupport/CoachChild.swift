import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A `coach` process under the test's control, for fault injection: its id (to send it real
/// signals), a standard input the test keeps open and writes to when it likes, its output in
/// files, and how it ended, with its peak memory.
public final class CoachChild {
  /// How the process ended.
  public struct Ending: Sendable, CustomStringConvertible {
    /// The exit status, when it exited.
    public var exitStatus: Int32?
    /// The signal that ended it, when one did.
    public var signal: Int32?
    /// Peak resident memory in bytes.
    public var peakMemory: Int

    public var description: String {
      if let signal { return "killed by signal \(signal)" }
      return "exit \(exitStatus ?? -1)"
    }
  }

  public let pid: pid_t
  private var input: Int32
  private let outputPath: String
  private let errorPath: String

  /// Starts `coach arguments…` with `environment` added to a minimal one; its standard input
  /// is a pipe (or the file at `inputFile`), its standard output and error go to files.
  public init(
    _ arguments: [String], environment: [String: String] = [:], inputFile: String? = nil,
    closedOutput: Bool = false
  ) throws {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("coach-child-\(UUID().uuidString)").path
    outputPath = base + ".out"
    errorPath = base + ".err"
    var pipeEnds: [Int32] = [-1, -1]
    var outputPipe: [Int32] = [-1, -1]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let inputFile {
      posix_spawn_file_actions_addopen(&actions, 0, inputFile, O_RDONLY, 0)
      input = -1
    } else {
      guard pipe(&pipeEnds) == 0 else { throw CocoaError(.fileWriteUnknown) }
      posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
      posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
      input = pipeEnds[1]
    }
    if closedOutput {
      // A pipe whose reading end is already closed: every write gets EPIPE (or SIGPIPE).
      guard pipe(&outputPipe) == 0 else { throw CocoaError(.fileWriteUnknown) }
      posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
      posix_spawn_file_actions_addclose(&actions, outputPipe[0])
    } else {
      posix_spawn_file_actions_addopen(
        &actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    }
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var env = [
      "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
      "COACH_SCRIPTS": CoachProcess.packageRoot.appendingPathComponent("Scripts").path,
    ]
    for (key, value) in environment { env[key] = value }
    let argv =
      ([CoachProcess.executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    // The child starts with default signal handling whatever the test runner has.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var pid = pid_t()
    let spawned = posix_spawn(
      &pid, CoachProcess.executable.path, &actions, &attributes, argv, envp)
    if pipeEnds[0] >= 0 { close(pipeEnds[0]) }
    if outputPipe[0] >= 0 {
      close(outputPipe[0])
      close(outputPipe[1])
    }
    guard spawned == 0 else { throw CocoaError(.executableLoad) }
    self.pid = pid
  }

  deinit {
    closeInput()
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, WNOHANG)
    unlink(outputPath)
    unlink(errorPath)
  }

  /// Writes `text` to the process's standard input.
  public func send(_ text: String) {
    guard input >= 0 else { return }
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes {
        write(input, $0.baseAddress! + offset, $0.count - offset)
      }
      if n <= 0 { return }
      offset += n
    }
  }

  /// Closes standard input: the process sees the end of its input.
  public func closeInput() {
    if input >= 0 { close(input) }
    input = -1
  }

  /// What the process has written to standard output so far.
  public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
  /// What the process has written to standard error so far.
  public var errors: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

  /// Waits until standard output contains `text` at least `count` times; `false` after
  /// `timeout` seconds.
  @discardableResult
  public func waitForOutput(_ text: String, count: Int = 1, timeout: Double = 10) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if output.components(separatedBy: text).count - 1 >= count { return true }
      usleep(10_000)
    }
    return false
  }

  /// Sends `signal` to the process.
  public func signal(_ signal: Int32) { kill(pid, signal) }

  /// Waits for the process to end (killing it after `timeout` seconds).
  public func wait(timeout: Double = 20) -> Ending {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var usage = rusage()
    // The process's own high-water mark, read while it runs: the reaped child's `ru_maxrss` also
    // counts the test runner's memory, whose address space the spawned child shares until it
    // starts `coach` (so it grows with whatever other tests hold).
    var highWater: Int?
    while true {
      if let hwm = Self.highWaterMark(of: pid) { highWater = max(highWater ?? 0, hwm) }
      let done = wait4(pid, &status, WNOHANG, &usage)
      if done == pid { break }
      if done < 0 && errno != EINTR { return Ending(exitStatus: nil, signal: nil, peakMemory: 0) }
      if Date() > deadline { kill(pid, SIGKILL) }
      usleep(5_000)
    }
    let signalled = status & 0x7F
    return Ending(
      exitStatus: signalled == 0 ? (status >> 8) & 0xFF : nil,
      signal: signalled == 0 ? nil : signalled,
      peakMemory: highWater ?? Int(usage.ru_maxrss) * 1024)
  }

  /// `VmHWM` of a running process in bytes, from `/proc` (nil where there is none, or once it
  /// has exited).
  static func highWaterMark(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kB = Int(line.dropFirst("VmHWM:".count).filter(\.isNumber))
    else { return nil }
    return kB * 1024
  }
}
