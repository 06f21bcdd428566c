import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells a script's kind from its first key by reading only the start of the file.
///
/// The answer is a hint for choosing which files to load: a file whose kind cannot be told this
/// way (odd formatting, a quoted first key) gives `nil`, and callers that need certainty load it.
enum ScriptKindSniffer {
  /// The kind named by the first `key:` at column 1, skipping comments, blank lines and `---`.
  static func kind(ofFile path: String) -> Script.Kind? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = fread(&buffer, 1, buffer.count, file)
    return kind(of: buffer[0..<count])
  }

  static func kind(of bytes: ArraySlice<UInt8>) -> Script.Kind? {
    var index = bytes.startIndex
    if bytes[index...].starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
    while index < bytes.endIndex {
      var end = index
      while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
      let line = bytes[index..<end]
      index = end + 1
      guard let first = line.first, first != 0x23, first != 0x0D else { continue }  // '#', blank
      if line.starts(with: Array("---".utf8)) { continue }
      guard let colon = line.firstIndex(of: 0x3A) else { return nil }
      let key = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
      return Script.Kind(rawValue: key)
    }
    return nil
  }
}
