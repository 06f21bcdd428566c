import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `coach-xapi`, the program that talks HTTP to the LRS, and reads its report lines.
///
/// It is installed beside `coach` (same folder). `coach` starts it only when an LRS is
/// configured, so a session that sends nothing never loads the networking stack.
struct XAPIHelperProcess {
  static let programName = "coach-xapi"

  /// The helper's path, beside the running `coach`.
  static func path() throws -> String {
    if let folder = ScriptFiles.executableDirectory() {
      let candidate = folder + "/" + programName
      if access(candidate, X_OK) == 0 { return candidate }
    }
    throw CoachError(
      "`\(programName)` is not installed beside coach; it sends results to the LRS "
        + "(install it with coach, see README)")
  }

  /// Runs the helper with `arguments`, the LRS settings in its environment, and calls `line` with
  /// each JSON line it prints. Returns when the helper has exited, or after `limit` seconds, when
  /// it is stopped (its own timeouts should end it long before).
  static func run(
    _ arguments: [String], settings: LRSSettings, limit: Double? = nil, line: (JSONValue) -> Void
  ) throws {
    let program = try path()
    var environment: [String] = []
    let names = Set(LRSSettings.Name.allCases.map(\.rawValue))
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      let name = String(text.prefix { $0 != "=" })
      if !names.contains(name) { environment.append(text) }
      entry += 1
    }
    environment.append("COACH_LRS_ENDPOINT=" + settings.endpoint)
    if let username = settings.username { environment.append("COACH_LRS_USERNAME=" + username) }
    if let password = settings.password { environment.append("COACH_LRS_PASSWORD=" + password) }

    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else {
      throw CoachError("cannot start \(programName): \(ScriptFiles.errnoText())")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    posix_spawn_file_actions_addclose(&actions, pipeEnds[1])

    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    // The helper starts with default signal handling, not the session's held signals.
    var attributes = Signals.childAttributes()
    defer { posix_spawnattr_destroy(&attributes) }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
    close(pipeEnds[1])
    guard status == 0 else {
      close(pipeEnds[0])
      throw CoachError("cannot start \(programName): \(String(cString: strerror(status)))")
    }
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let started = WallClock.seconds()
    while true {
      if let limit {
        let remaining = limit - (WallClock.seconds() - started)
        var ready = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
        if remaining <= 0 || poll(&ready, 1, Int32(remaining * 1000)) == 0 {
          kill(pid, SIGKILL)
          line(
            .object([
              ("status", "stopped"),
              ("message", .string("the LRS did not finish within \(Int(limit)) s")),
            ]))
          break
        }
      }
      let count = read(pipeEnds[0], &chunk, chunk.count)
      if count < 0, errno == EINTR { continue }
      if count <= 0 { break }
      buffer += chunk[0..<count]
      while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let text = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        if let json = try? JSONValue.parse(text, maxDepth: 64) { line(json) }
      }
    }
    close(pipeEnds[0])
    var exitStatus: Int32 = 0
    while waitpid(pid, &exitStatus, 0) < 0, errno == EINTR {}
  }
}
