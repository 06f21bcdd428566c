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
    var parser = JSONTextParser(scalars: Array(text.unicodeScalars), maxDepth: maxDepth)
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.index < parser.scalars.count { throw parser.error("unexpected text after the value") }
    return value
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
    let scalars = Array(text.unicodeScalars)
    var parser = JSONTextParser(scalars: scalars, maxDepth: maxDepth)
    parser.skipSpace()
    var spans: [(key: String, value: JSONValue, start: Int, end: Int)] = []
    let value = try parser.value(depth: 0, spans: &spans)
    parser.skipSpace()
    if parser.index < scalars.count { throw parser.error("unexpected text after the value") }
    guard case .object = value else { return nil }
    // Scalar offsets to string indices, in one pass over the text.
    var members: [Member] = []
    members.reserveCapacity(spans.count)
    var position = text.unicodeScalars.startIndex
    var offset = 0
    for span in spans {
      position = text.unicodeScalars.index(position, offsetBy: span.start - offset)
      let end = text.unicodeScalars.index(position, offsetBy: span.end - span.start)
      members.append(Member(key: span.key, value: span.value, source: text[position..<end]))
      position = end
      offset = span.end
    }
    return members
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

private struct JSONTextParser {
  let scalars: [Unicode.Scalar]
  let maxDepth: Int
  var index = 0

  func error(_ message: String) -> JSONValue.ParseError {
    JSONValue.ParseError(message: message, offset: index)
  }

  mutating func skipSpace() {
    while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
  }

  mutating func value(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
    var spans: [(key: String, value: JSONValue, start: Int, end: Int)] = []
    return try value(depth: depth, spans: &spans, recording: false)
  }

  /// A value; when it is the top-level object and `recording`, each member's key, value and
  /// the scalar range of the value's text are added to `spans`.
  mutating func value(
    depth: Int, spans: inout [(key: String, value: JSONValue, start: Int, end: Int)],
    recording: Bool = true
  ) throws(JSONValue.ParseError) -> JSONValue {
    guard depth < maxDepth else { throw error("nesting is deeper than \(maxDepth)") }
    guard index < scalars.count else { throw error("unexpected end of text") }
    switch scalars[index] {
    case "{":
      index += 1
      var members: [(String, JSONValue)] = []
      skipSpace()
      if index < scalars.count, scalars[index] == "}" {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard index < scalars.count, scalars[index] == "\"" else {
          throw error("expected a string key")
        }
        let key = try string()
        skipSpace()
        guard index < scalars.count, scalars[index] == ":" else { throw error("expected `:`") }
        index += 1
        skipSpace()
        let start = index
        let member = try value(depth: depth + 1)
        if recording, depth == 0 { spans.append((key, member, start, index)) }
        members.append((key, member))
        skipSpace()
        guard index < scalars.count else { throw error("unexpected end of text in an object") }
        if scalars[index] == "," {
          index += 1
        } else if scalars[index] == "}" {
          index += 1
          return .object(members)
        } else {
          throw error("expected `,` or `}`")
        }
      }
    case "[":
      index += 1
      var items: [JSONValue] = []
      skipSpace()
      if index < scalars.count, scalars[index] == "]" {
        index += 1
        return .array(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard index < scalars.count else { throw error("unexpected end of text in an array") }
        if scalars[index] == "," {
          index += 1
        } else if scalars[index] == "]" {
          index += 1
          return .array(items)
        } else {
          throw error("expected `,` or `]`")
        }
      }
    case "\"":
      return .string(try string())
    case "t": return try literal("true", .bool(true))
    case "f": return try literal("false", .bool(false))
    case "n": return try literal("null", .null)
    default:
      return try number()
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(JSONValue.ParseError)
    -> JSONValue
  {
    for scalar in word.unicodeScalars {
      guard index < scalars.count, scalars[index] == scalar else {
        throw error("unexpected character")
      }
      index += 1
    }
    return value
  }

  mutating func number() throws(JSONValue.ParseError) -> JSONValue {
    let start = index
    var isInteger = true
    if index < scalars.count, scalars[index] == "-" { index += 1 }
    var digits = 0
    while index < scalars.count, ("0"..."9").contains(scalars[index]) {
      index += 1
      digits += 1
    }
    guard digits > 0 else {
      index = start
      throw error("unexpected character")
    }
    if index < scalars.count, scalars[index] == "." {
      isInteger = false
      index += 1
      var fraction = 0
      while index < scalars.count, ("0"..."9").contains(scalars[index]) {
        index += 1
        fraction += 1
      }
      guard fraction > 0 else { throw error("expected digits after `.`") }
    }
    if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
      isInteger = false
      index += 1
      if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
      var exponent = 0
      while index < scalars.count, ("0"..."9").contains(scalars[index]) {
        index += 1
        exponent += 1
      }
      guard exponent > 0 else { throw error("expected digits in the exponent") }
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[start..<index])
    if isInteger, let value = Int(text) { return .int(value) }
    guard let value = Double(text) else { throw error("invalid number") }
    return .double(value)
  }

  mutating func string() throws(JSONValue.ParseError) -> String {
    index += 1  // opening quote
    var result = String.UnicodeScalarView()
    while true {
      guard index < scalars.count else { throw error("unterminated string") }
      let scalar = scalars[index]
      index += 1
      switch scalar {
      case "\"":
        return String(result)
      case "\\":
        guard index < scalars.count else { throw error("unterminated escape") }
        let escape = scalars[index]
        index += 1
        switch escape {
        case "\"": result.append("\"")
        case "\\": result.append("\\")
        case "/": result.append("/")
        case "b": result.append("\u{08}")
        case "f": result.append("\u{0C}")
        case "n": result.append("\n")
        case "r": result.append("\r")
        case "t": result.append("\t")
        case "u":
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code), index + 1 < scalars.count, scalars[index] == "\\",
            scalars[index + 1] == "u"
          {
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
          }
          result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default:
          throw error("invalid escape `\\\(escape)`")
        }
      default:
        if scalar.value < 0x20 { throw error("control character in a string") }
        result.append(scalar)
      }
    }
  }

  mutating func hex4() throws(JSONValue.ParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < scalars.count, let digit = UInt32(String(scalars[index]), radix: 16) else {
        throw error("invalid \\u escape")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }
}
