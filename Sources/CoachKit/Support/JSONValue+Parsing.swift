extension JSONValue {
  /// Why a JSON text could not be read, and where (a 1-based character column in the text).
  public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Offset in Unicode scalars from the start of the text.
    public var offset: Int

    public var description: String { "\(message) at character \(offset + 1)" }
  }

  /// Parses one JSON value (RFC 8259). Numbers without a fraction or exponent that fit an `Int`
  /// become ``int(_:)``; others ``double(_:)``. Nesting deeper than `maxDepth` is refused.
  public static func parse(_ text: String, maxDepth: Int = 256) throws(ParseError) -> JSONValue {
    var spans: [JSONTextParser.Span] = []
    return try parse(text, maxDepth: maxDepth, spans: &spans, recording: false)
  }

  /// One member of an object read by ``parseObject(_:maxDepth:)``: its key, its value, and the
  /// value's JSON text exactly as it was written (for echoing it back byte for byte).
  public struct Member: Sendable {
    public var key: String
    public var value: JSONValue
    public var source: Substring

    public init(key: String, value: JSONValue, source: Substring) {
      self.key = key
      self.value = value
      self.source = source
    }
  }

  /// Parses one JSON value like ``parse(_:maxDepth:)`` and, when it is an object, returns its
  /// members with the text of each value as written; `nil` when the value is not an object.
  public static func parseObject(_ text: String, maxDepth: Int = 256) throws(ParseError)
    -> [Member]?
  {
    var text = text
    text.makeContiguousUTF8()
    var spans: [JSONTextParser.Span] = []
    guard case .object = try parse(text, maxDepth: maxDepth, spans: &spans, recording: true)
    else { return nil }
    let utf8 = text.utf8
    return spans.map { span in
      let start = utf8.index(utf8.startIndex, offsetBy: span.start)
      let end = utf8.index(start, offsetBy: span.end - span.start)
      return Member(key: span.key, value: span.value, source: text[start..<end])
    }
  }

  private static func parse(
    _ text: String, maxDepth: Int, spans: inout [JSONTextParser.Span], recording: Bool
  ) throws(ParseError) -> JSONValue {
    var text = text
    let result: Result<JSONValue, ParseError> = text.withUTF8 { bytes in
      var parser = JSONTextParser(bytes: bytes, maxDepth: maxDepth)
      do throws(ParseError) {
        parser.skipSpace()
        let value = try parser.value(depth: 0, spans: &spans, recording: recording)
        parser.skipSpace()
        if parser.index < bytes.count { throw parser.error("unexpected text after the value") }
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// The member `key` of an object, or `nil`.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
    return nil
  }

  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number as an `Int`, if this is a whole number.
  public var intValue: Int? {
    switch self {
    case .int(let value): value
    case .double(let value) where value.rounded(.towardZero) == value && abs(value) < 1e15:
      Int(value)
    default: nil
    }
  }

  /// The items, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }
}

/// A JSON reader over UTF-8 bytes (of a valid Swift string). Error offsets are reported in
/// Unicode scalars, as ``JSONValue/ParseError`` promises.
struct JSONTextParser {
  /// A member of the top-level object: key, value, and the byte range of the value's text.
  struct Span {
    var key: String
    var value: JSONValue
    var start: Int
    var end: Int
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let maxDepth: Int
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  func error(_ message: String) -> JSONValue.ParseError {
    // Scalars before the byte offset: every byte that does not continue a sequence.
    var scalars = 0
    for byte in bytes[0..<min(index, bytes.count)] where byte & 0xC0 != 0x80 { scalars += 1 }
    return JSONValue.ParseError(message: message, offset: scalars)
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  mutating func skipSpace() {
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
      index += 1
    }
  }

  /// A value; when it is the top-level object and `recording`, each member's key, value and the
  /// byte range of the value's text are added to `spans`.
  mutating func value(depth: Int, spans: inout [Span], recording: Bool) throws(JSONValue.ParseError)
    -> JSONValue
  {
    guard depth < maxDepth else { throw error("nesting is deeper than \(maxDepth)") }
    guard let byte = current else { throw error("unexpected end of text") }
    switch byte {
    case UInt8(ascii: "{"):
      index += 1
      var members: [(String, JSONValue)] = []
      skipSpace()
      if current == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
        let key = try string()
        skipSpace()
        guard current == UInt8(ascii: ":") else { throw error("expected `:`") }
        index += 1
        skipSpace()
        let start = index
        let member = try value(depth: depth + 1, spans: &spans, recording: false)
        if recording, depth == 0 {
          spans.append(Span(key: key, value: member, start: start, end: index))
        }
        members.append((key, member))
        skipSpace()
        guard let next = current else { throw error("unexpected end of text in an object") }
        if next == UInt8(ascii: ",") {
          index += 1
        } else if next == UInt8(ascii: "}") {
          index += 1
          return .object(members)
        } else {
          throw error("expected `,` or `}`")
        }
      }
    case UInt8(ascii: "["):
      index += 1
      var items: [JSONValue] = []
      skipSpace()
      if current == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1, spans: &spans, recording: false))
        skipSpace()
        guard let next = current else { throw error("unexpected end of text in an array") }
        if next == UInt8(ascii: ",") {
          index += 1
        } else if next == UInt8(ascii: "]") {
          index += 1
          return .array(items)
        } else {
          throw error("expected `,` or `]`")
        }
      }
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default:
      return try number()
    }
  }

  mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONValue.ParseError)
    -> JSONValue
  {
    for i in 0..<word.utf8CodeUnitCount {
      guard current == word.utf8Start[i] else { throw error("unexpected character") }
      index += 1
    }
    return value
  }

  private mutating func digits() -> Int {
    let start = index
    while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
    return index - start
  }

  mutating func number() throws(JSONValue.ParseError) -> JSONValue {
    let start = index
    var isInteger = true
    if current == UInt8(ascii: "-") { index += 1 }
    guard digits() > 0 else {
      index = start
      throw error("unexpected character")
    }
    if current == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard digits() > 0 else { throw error("expected digits after `.`") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw error("expected digits in the exponent") }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    if isInteger, let value = Int(text) { return .int(value) }
    guard let value = Double(text) else { throw error("invalid number") }
    return .double(value)
  }

  mutating func string() throws(JSONValue.ParseError) -> String {
    index += 1  // opening quote
    // Fast path: no escape before the closing quote.
    let start = index
    while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 {
      index += 1
    }
    if current == UInt8(ascii: "\"") {
      index += 1
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
    }
    var result = Array(bytes[start..<index])
    while true {
      guard let byte = current else { throw error("unterminated string") }
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: result, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard let escape = current else { throw error("unterminated escape") }
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escape)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
            bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
          {
            let mark = index
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
              index = mark  // not a pair: the second escape is read on its own
            }
          }
          result.append(contentsOf: String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8)
        default:
          throw error(
            "invalid escape `\\\(String(decoding: CollectionOfOne(escape), as: UTF8.self))`")
        }
      default:
        if byte < 0x20 { throw error("control character in a string") }
        result.append(byte)
      }
    }
  }

  mutating func hex4() throws(JSONValue.ParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = Self.hexDigit(byte) else {
        throw error("invalid \\u escape")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  private static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}
