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
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let stdinPipe = Pipe()
    let stdoutPipe = Pipe()
    let stderrPipe = Pipe()
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    try process.run()
    let writer = Thread {
      stdinPipe.fileHandleForWriting.write(Data(input.utf8))
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
