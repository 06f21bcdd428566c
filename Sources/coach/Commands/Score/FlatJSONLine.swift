import CoachKit

/// A fast reader for the usual `--jsonl` input line: one flat JSON object whose values are
/// strings, numbers, booleans or null. Anything else (nesting, odd numbers, syntax errors) returns
/// `nil`, and the caller falls back to the full parser, which also words the errors.
enum FlatJSONLine {
  static func parse(_ bytes: ArraySlice<UInt8>) -> [(String, JSONValue)]? {
    var i = bytes.startIndex
    let end = bytes.endIndex
    func skip() {
      while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A {
        i += 1
      }
    }
    skip()
    guard i < end, bytes[i] == 0x7B else { return nil }
    i += 1
    var members: [(String, JSONValue)] = []
    skip()
    if i < end, bytes[i] == 0x7D {
      i += 1
      skip()
      return i == end ? members : nil
    }
    while true {
      skip()
      guard let key = string(bytes, &i) else { return nil }
      skip()
      guard i < end, bytes[i] == 0x3A else { return nil }
      i += 1
      skip()
      guard i < end else { return nil }
      let value: JSONValue
      switch bytes[i] {
      case 0x22:
        guard let s = string(bytes, &i) else { return nil }
        value = .string(s)
      case 0x2D, 0x30...0x39:
        var j = i
        if bytes[j] == 0x2D { j += 1 }
        let digitsStart = j
        while j < end, bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
        let digits = j - digitsStart
        guard digits > 0, digits <= 15, !(digits > 1 && bytes[digitsStart] == 0x30) else {
          return nil
        }
        if j < end, bytes[j] == 0x2E || bytes[j] == 0x65 || bytes[j] == 0x45 { return nil }
        guard let n = Int(String(decoding: bytes[i..<j], as: UTF8.self)) else { return nil }
        value = .int(n)
        i = j
      case 0x74:
        guard literal(bytes, &i, "true") else { return nil }
        value = .bool(true)
      case 0x66:
        guard literal(bytes, &i, "false") else { return nil }
        value = .bool(false)
      case 0x6E:
        guard literal(bytes, &i, "null") else { return nil }
        value = .null
      default:
        return nil
      }
      members.append((key, value))
      skip()
      guard i < end else { return nil }
      if bytes[i] == 0x2C {
        i += 1
        continue
      }
      guard bytes[i] == 0x7D else { return nil }
      i += 1
      skip()
      return i == end ? members : nil
    }
  }

  private static func literal(_ bytes: ArraySlice<UInt8>, _ i: inout Int, _ word: StaticString)
    -> Bool
  {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.endIndex else { return false }
    let ok = word.withUTF8Buffer { w in (0..<n).allSatisfy { bytes[i + $0] == w[$0] } }
    if ok { i += n }
    return ok
  }

  /// A JSON string at `i` (which must be `"`); `nil` for anything malformed.
  private static func string(_ bytes: ArraySlice<UInt8>, _ i: inout Int) -> String? {
    guard i < bytes.endIndex, bytes[i] == 0x22 else { return nil }
    i += 1
    let start = i
    var escaped = false
    while i < bytes.endIndex {
      let b = bytes[i]
      if b == 0x22 { break }
      if b < 0x20 { return nil }
      if b == 0x5C {
        escaped = true
        i += 2
        continue
      }
      i += 1
    }
    guard i < bytes.endIndex else { return nil }
    let body = bytes[start..<i]
    i += 1
    if !escaped { return String(decoding: body, as: UTF8.self) }
    // Escapes: let the full parser decode this one string.
    var quoted: [UInt8] = [0x22]
    quoted.append(contentsOf: body)
    quoted.append(0x22)
    guard case .string(let s)? = try? JSONValue.parse(String(decoding: quoted, as: UTF8.self))
    else { return nil }
    return s
  }
}
