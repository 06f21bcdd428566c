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
    header(ofFile: path)?.kind
  }

  static func kind(of bytes: ArraySlice<UInt8>) -> Script.Kind? {
    header(of: bytes)?.kind
  }

  /// The kind and the id (the first key's plain value, e.g. `scenario: late-delivery`), or `nil`.
  static func header(ofFile path: String) -> (kind: Script.Kind, id: String)? {
    guard let file = ScriptFiles.withRawPath(path, { fopen($0, "rb") }) else { return nil }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = fread(&buffer, 1, buffer.count, file)
    return header(of: buffer[0..<count])
  }

  static func header(of bytes: ArraySlice<UInt8>) -> (kind: Script.Kind, id: String)? {
    guard !bytes.isEmpty else { return nil }
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
      guard let kind = Script.Kind(rawValue: key) else { return nil }
      var value = line[(colon + 1)...]
      if let hash = value.firstIndex(of: 0x23) { value = value[..<hash] }  // ` # comment`
      let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
      while let first = value.first, blank(first) { value = value.dropFirst() }
      while let last = value.last, blank(last) { value = value.dropLast() }
      return (kind, String(decoding: value, as: UTF8.self))
    }
    return nil
  }
}
