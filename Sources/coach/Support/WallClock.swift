#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The wall clock, read only by the executable (the library is given times).
enum WallClock {
  /// Now, as an ISO 8601 UTC timestamp: `2026-11-24T08:30:00Z`.
  static func iso8601() -> String {
    format("%Y-%m-%dT%H:%M:%SZ")
  }

  /// Now, as a file-name-safe stamp: `2026-11-24T08-30-00Z`.
  static func fileStamp() -> String {
    format("%Y-%m-%dT%H-%M-%SZ")
  }

  /// Seconds since the epoch, with sub-second precision.
  static func seconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// A seed for a session when none is given: from the clock and the process id.
  static func randomSeed() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    let mixed = UInt64(spec.tv_nsec) ^ (UInt64(spec.tv_sec) << 20) ^ UInt64(getpid())
    return mixed % 1_000_000
  }

  private static func format(_ pattern: String) -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let count = strftime(&buffer, buffer.count, pattern, &parts)
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
