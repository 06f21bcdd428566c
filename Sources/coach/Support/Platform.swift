import CReadline
import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process-level facts and effects the commands need: streams, terminals, environment.
///
/// Everything that touches the process's global state lives here, so the commands stay thin and
/// the library stays pure.
enum Platform {
  /// Set once standard output turns out to be closed (a pipe whose reader went away): nothing
  /// more is written to it, and the command goes on to save its work.
  nonisolated(unsafe) private static var outputClosed = false

  /// Writes text to standard output.
  ///
  /// This is the boundary to the terminal: the text goes through
  /// ``TerminalSafe/cleanOutput(_:keepingStyles:)``, so only `coach`'s own colour codes reach it, never a
  /// control character or escape sequence from a script, a file or the user.
  static func write(_ text: String) {
    guard !outputClosed else { return }
    var text = TerminalSafe.cleanOutput(text, keepingStyles: true)
    text.withUTF8 { buffer in
      if fwrite(buffer.baseAddress, 1, buffer.count, coach_stdout()) < buffer.count {
        noteOutputFailure()
      }
    }
  }

  /// Writes text to standard error (through the same boundary as ``write(_:)``).
  static func writeError(_ text: String) {
    var text = TerminalSafe.cleanOutput(text, keepingStyles: true)
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0, errno == EINTR { continue }
        if n <= 0 { break }
        offset += n
      }
    }
  }

  static func flush() {
    guard !outputClosed else { return }
    if coach_stdout_flush() != 0 { noteOutputFailure() }
  }

  /// A write to standard output failed: if the reader is gone, stop writing to it.
  private static func noteOutputFailure() {
    if errno == EPIPE { outputClosed = true }
  }

  /// All of standard input as bytes, or `nil` if it is longer than `limit`.
  static func readStandardInput(limit: Int) -> [UInt8]? {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = read(0, &buffer, buffer.count)
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
      if bytes.count > limit { return nil }
    }
    return bytes
  }

  /// Whether file descriptor `fd` is a terminal.
  static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// The value of an environment variable.
  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// An environment variable that holds paths, decoded as ``FileName`` does, so that a folder
  /// whose name is not UTF-8 keeps its real bytes.
  static func pathEnvironment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return FileName.text(UnsafeRawBufferPointer(start: value, count: strlen(value)))
  }

  /// The command-line arguments after the program name, decoded as ``FileName`` does: a path
  /// argument whose bytes are not UTF-8 keeps its real bytes (`CommandLine.arguments` would have
  /// replaced them with U+FFFD, naming a file that does not exist).
  static func arguments() -> [String] {
    (1..<Int(CommandLine.argc)).compactMap { index in
      guard let argument = CommandLine.unsafeArgv[index] else { return nil }
      return FileName.text(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
    }
  }

  /// Whether to colour output written to `fd`: only on a terminal, never with `NO_COLOR` set, never
  /// for a dumb terminal.
  static func useColor(on fd: Int32, disabled: Bool = false) -> Bool {
    if disabled { return false }
    if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
    if environment("TERM") == "dumb" { return false }
    return isTerminal(fd)
  }

  /// The terminal width in columns, or `fallback` when not a terminal.
  static func terminalWidth(fallback: Int = 80) -> Int {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = environment("COLUMNS"), let value = Int(columns), value > 0 { return value }
    return fallback
  }
}
