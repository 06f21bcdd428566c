import CReadline

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
  /// Writes text to standard output.
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      _ = fwrite(buffer.baseAddress, 1, buffer.count, coach_stdout())
    }
  }

  /// Writes text to standard error.
  static func writeError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
        if n <= 0 { break }
        offset += n
      }
    }
  }

  static func flush() { coach_stdout_flush() }

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
