import CoachTestSupport
import Foundation

/// Servers on 127.0.0.1 for the learning record store tests: a real Ralph LRS, and small
/// misbehaving ones (one that fails with HTTP 500, one that never answers). Each stops by itself
/// after a bounded time even if a test forgets it.
enum LRSServers {
  /// The virtual environment with Ralph (`.ci/run` installs it).
  static var ralphEnvironment: URL {
    if let path = ProcessInfo.processInfo.environment["COACH_RALPH_VENV"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let cache =
      ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
    return cache.appendingPathComponent("coach-ci/ralph-venv")
  }

  static var python: URL { ralphEnvironment.appendingPathComponent("bin/python") }

  /// Whether Ralph is installed where the tests look for it.
  static let ralphInstalled: Bool = {
    guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
    let check = Process()
    check.executableURL = python
    check.arguments = ["-c", "import ralph.cli, uvicorn, click_option_group, requests"]
    check.standardOutput = FileHandle.nullDevice
    check.standardError = FileHandle.nullDevice
    guard (try? check.run()) != nil else { return false }
    check.waitUntilExit()
    return check.terminationStatus == 0
  }()

  static let notInstalled =
    "Ralph is not installed, so the LRS tests are skipped: run .ci/run, or pip install "
    + "\"ralph-malph[cli,lrs]\" click-option-group requests into a virtual environment at "
    + "$COACH_RALPH_VENV (default ~/.cache/coach-ci/ralph-venv)"

  /// A port that was free a moment ago.
  static func freePort() throws -> Int {
    let probe = try runPython(
      "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
    guard let port = Int(probe.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw ServerError("no free port: \(probe)")
    }
    return port
  }

  struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  static func runPython(_ code: String, environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = python
    process.arguments = ["-c", code]
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Waits until something accepts connections on `port` (at most `seconds`).
  static func waitForPort(_ port: Int, seconds: Double) throws {
    let started = Date()
    while Date().timeIntervalSince(started) < seconds {
      let answer = try runPython(
        "import socket\ntry:\n socket.create_connection(('127.0.0.1', \(port)), 1).close(); print('up')\n"
          + "except OSError:\n print('down')")
      if answer.contains("up") { return }
      Thread.sleep(forTimeInterval: 0.2)
    }
    throw ServerError("nothing listens on 127.0.0.1:\(port) after \(seconds) s")
  }
}

/// A Ralph LRS with the file-system backend, on 127.0.0.1, with one user `coach` / `secret`.
final class RalphServer {
  let port: Int
  let folder: URL
  let username = "coach"
  let password = "secret"
  private var process: Process?

  /// The xAPI endpoint.
  var endpoint: String { "http://127.0.0.1:\(port)/xAPI/" }
  /// Where Ralph keeps the statements: one JSON object per line.
  var statementsFile: URL { folder.appendingPathComponent("data/fs_lrs.jsonl") }

  /// The environment for `coach` to use this LRS.
  var coachEnvironment: [String: String] {
    [
      "COACH_LRS_ENDPOINT": endpoint, "COACH_LRS_USERNAME": username,
      "COACH_LRS_PASSWORD": password,
    ]
  }

  /// The environment for `coach` to use this LRS, with `overrides`.
  func coachEnvironment(_ overrides: [String: String]) -> [String: String] {
    coachEnvironment.merging(overrides) { $1 }
  }

  /// Makes the user and starts the server; `pageSize` is the most statements per answer, so a
  /// read of more needs `more` links.
  init(pageSize: Int = 3) throws {
    folder = try CoachProcess.temporaryDirectory()
    port = try LRSServers.freePort()
    self.pageSize = pageSize
    let auth = Process()
    auth.executableURL = LRSServers.ralphEnvironment.appendingPathComponent("bin/ralph")
    auth.arguments = [
      "auth", "-u", username, "-p", password, "-s", "all", "-M", "mailto:trainer@example.org",
      "-w",
    ]
    auth.environment = ralphEnvironment
    auth.standardOutput = FileHandle.nullDevice
    auth.standardError = FileHandle.nullDevice
    try auth.run()
    auth.waitUntilExit()
    guard auth.terminationStatus == 0 else { throw LRSServers.ServerError("ralph auth failed") }
    try start()
  }

  private let pageSize: Int

  private var ralphEnvironment: [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["RALPH_APP_DIR"] = folder.appendingPathComponent("app").path
    env["RALPH_RUNSERVER_BACKEND"] = "fs"
    env["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] =
      folder.appendingPathComponent("data").path
    env["RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT"] = String(pageSize)
    return env
  }

  /// Starts (or restarts) the server on the same port and data.
  ///
  /// Ralph is run as `ralph runserver` runs it (uvicorn serving `ralph.api:app`), in one process
  /// and without the reloader so that it can be stopped, and with one correction: Ralph 5's
  /// file-system backend opens its statements file in "create" mode on every write, so the
  /// second statement ever stored fails with HTTP 500; here it appends, as its documentation
  /// says a file-system LRS does.
  func start() throws {
    let process = Process()
    process.executableURL = LRSServers.python
    process.arguments = [
      "-c",
      """
      import threading, os
      from ralph.backends.data.base import BaseOperationType
      from ralph.backends.data.fs import FSDataBackend
      FSDataBackend.default_operation_type = BaseOperationType.APPEND
      stopper = threading.Timer(300, lambda: os._exit(0)); stopper.daemon = True; stopper.start()
      import uvicorn
      uvicorn.run("ralph.api:app", host="127.0.0.1", port=\(port), log_level="warning")
      """,
    ]
    process.environment = ralphEnvironment
    process.standardOutput = FileHandle.nullDevice
    let log = folder.appendingPathComponent("server.log").path
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    process.standardError = FileHandle(forWritingAtPath: log) ?? FileHandle.nullDevice
    try process.run()
    self.process = process
    try LRSServers.waitForPort(port, seconds: 60)
  }

  /// Stops the server; the data stays for a restart.
  func stop() {
    guard let process else { return }
    // uvicorn's graceful shutdown can wait on Ralph's own threads; an outage is abrupt anyway.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    self.process = nil
  }

  /// The statements Ralph has stored, parsed.
  func storedStatements() throws -> [[String: Any]] {
    guard FileManager.default.fileExists(atPath: statementsFile.path) else { return [] }
    return try String(contentsOf: statementsFile, encoding: .utf8).split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
  }

  deinit { stop() }
}

/// A server on 127.0.0.1 that answers every request with HTTP 500, or (`hang`) accepts
/// connections and never answers. It exits by itself after two minutes.
final class MisbehavingServer {
  let port: Int
  private let process: Process

  var endpoint: String { "http://127.0.0.1:\(port)/xAPI/" }

  init(hang: Bool) throws {
    port = try LRSServers.freePort()
    process = Process()
    process.executableURL = LRSServers.python
    let code =
      hang
      ? """
      import socket, threading, os
      stopper = threading.Timer(120, lambda: os._exit(0)); stopper.daemon = True; stopper.start()
      server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
      server.bind(('127.0.0.1', \(port))); server.listen(16)
      held = []
      while True:
          connection, _ = server.accept(); held.append(connection)
      """
      : """
      import http.server, threading, os
      stopper = threading.Timer(120, lambda: os._exit(0)); stopper.daemon = True; stopper.start()
      class Failing(http.server.BaseHTTPRequestHandler):
          def answer(self):
              length = int(self.headers.get('Content-Length') or 0)
              self.rfile.read(length)
              body = b'{"detail": "database is down"}'
              self.send_response(500)
              self.send_header('Content-Type', 'application/json')
              self.send_header('Content-Length', str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          do_GET = do_PUT = do_POST = answer
          def log_message(self, *args): pass
      http.server.HTTPServer(('127.0.0.1', \(port)), Failing).serve_forever()
      """
    process.arguments = ["-c", code]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    try LRSServers.waitForPort(port, seconds: 20)
  }

  deinit {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}
