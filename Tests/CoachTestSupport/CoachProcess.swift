import Foundation

/// Runs the built `coach` executable, for end-to-end tests.
public enum CoachProcess {
  /// What a run printed and how it ended.
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// The built `coach` binary, beside the test bundle in the build folder.
  public static var executable: URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("coach")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("coach")
  }

  /// The package's root folder (for the bundled `Scripts`).
  public static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// Runs `coach` with `arguments`, feeding `input` on standard input, with `environment` added
  /// to a minimal environment (no colour, a private XDG home unless given).
  public static func run(
    _ arguments: [String], input: String = "", environment: [String: String] = [:],
    directory: URL? = nil
  ) throws -> Result {
    try run(executable, arguments, input: input, environment: environment, directory: directory)
  }

  /// Runs `script` with `/bin/sh -c`, `$COACH` the built binary: for arguments that must be
  /// bytes rather than text (file names that are not UTF-8, written with `printf '\377'`).
  public static func run(
    shell script: String, input: String = "", environment: [String: String] = [:],
    directory: URL? = nil
  ) throws -> Result {
    try run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", script], input: input,
      environment: environment.merging(["COACH": executable.path]) { $1 }, directory: directory)
  }

  private static func run(
    _ program: URL, _ arguments: [String], input: String, environment: [String: String],
    directory: URL?
  ) throws -> Result {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    // A `coach` that stops reading early (it refused to start) must fail its test, not kill the
    // test runner with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    return try finish(process, input: Data(input.utf8))
  }

  /// Runs `process` (its standard input fed with `input`) to its end, collecting its output.
  private static func finish(_ process: Process, input: Data) throws -> Result {
    let stdinPipe = Pipe()
    let stdoutPipe = Pipe()
    let stderrPipe = Pipe()
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    try process.run()
    let writer = Thread {
      try? stdinPipe.fileHandleForWriting.write(contentsOf: input)
      try? stdinPipe.fileHandleForWriting.close()
    }
    writer.start()
    let errData = DataBox()
    let errThread = Thread { errData.data = stderrPipe.fileHandleForReading.readDataToEndOfFile() }
    errThread.start()
    let out = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errThread.isExecuting || !errThread.isFinished { usleep(1000) }
    return Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: errData.data, as: UTF8.self))
  }

  /// A fresh temporary folder.
  public static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

private final class DataBox: @unchecked Sendable {
  var data = Data()
}

extension CoachProcess {
  /// Runs `script` with `sh` in a private mount namespace (`unshare -m`, needs root), with `$D`
  /// a fresh folder `data` under `folder` to mount on, `$COACH` the built binary, and `input`
  /// in the file `input.txt` beside `$D` (and on standard input).
  public static func runShell(_ script: String, folder: URL?, input: String = "") throws -> Result {
    let root = try folder ?? temporaryDirectory()
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try input.write(to: root.appendingPathComponent("input.txt"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = ["-m", "--propagation", "private", "/bin/sh", "-c", script]
    process.environment = [
      "PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "D": data.path,
      "COACH": executable.path, "HOME": root.path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_SCRIPTS": packageRoot.appendingPathComponent("Scripts").path,
    ]
    return try finish(process, input: Data())
  }
}
