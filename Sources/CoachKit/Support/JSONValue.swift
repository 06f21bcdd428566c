/// A JSON value with object keys kept in insertion order, and its serialisation.
///
/// Foundation's encoders sort or shuffle keys; `coach` promises keys in document order
/// (`coach parse`) and stable shapes (`coach score --json`), so it writes JSON itself.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.int(let a), .int(let b)): a == b
    case (.double(let a), .double(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(serialized())
  }

  /// The value as compact JSON (`pretty: false`) or indented with two spaces.
  public func serialized(pretty: Bool = false) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    write(to: &out, pretty: pretty, indent: 0)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the value as compact JSON (the bytes of ``serialized(pretty:)``) to `out`: for
  /// writers of many values, such as a stream of JSON lines.
  public func appendSerialized(to out: inout [UInt8]) {
    write(to: &out, pretty: false, indent: 0)
  }

  private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
    switch self {
    case .null: Self.append("null", to: &out)
    case .bool(let value): Self.append(value ? "true" : "false", to: &out)
    case .int(let value): Self.appendInteger(value, to: &out)
    case .double(let value):
      if value.isFinite {
        if abs(value) < 1e15, Double(Int(value)) == value {
          Self.appendInteger(Int(value), to: &out)
          Self.append(".0", to: &out)
        } else {
          out += String(value).utf8
        }
      } else {
        Self.append("null", to: &out)
      }
    case .string(let value): Self.appendString(value, to: &out)
    case .array(let items):
      if items.isEmpty {
        Self.append("[]", to: &out)
        return
      }
      out.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(&out, indent + 1) }
        item.write(to: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(&out, indent) }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        Self.append("{}", to: &out)
        return
      }
      out.append(UInt8(ascii: "{"))
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(&out, indent + 1) }
        Self.appendString(key, to: &out)
        Self.append(pretty ? ": " : ":", to: &out)
        value.write(to: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(&out, indent) }
      out.append(UInt8(ascii: "}"))
    }
  }

  private func newline(_ out: inout [UInt8], _ indent: Int) {
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
  }

  private static func append(_ text: StaticString, to out: inout [UInt8]) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  private static func appendInteger(_ value: Int, to out: inout [UInt8]) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    if magnitude >= 10_000_000_000 {
      out += String(magnitude).utf8
      return
    }
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[9 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      out.append(contentsOf: buffer[(10 - count)...])
    }
  }

  /// Appends `value` as a JSON string literal, escaping quotes, backslashes and every control
  /// character (so JSON output never carries raw escape codes either).
  public static func writeString(_ value: String, to out: inout String) {
    var bytes: [UInt8] = []
    appendString(value, to: &bytes)
    out += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `value` as a JSON string literal to `out`: quotes, backslashes and every control
  /// character escaped — C0, DEL, C1 and the separators U+2028/U+2029, so JSON output never
  /// carries raw escape codes either. Runs of bytes that need nothing are copied whole.
  public static func appendString(_ value: String, to out: inout [UInt8]) {
    var value = value
    out.append(UInt8(ascii: "\""))
    value.withUTF8 { bytes in
      var run = 0
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        // Plain: printable ASCII but `"` and `\`, and bytes of multi-byte characters except
        // the lead bytes C2 (U+0080–U+00BF) and E2 (U+2000–U+2FFF), looked at below.
        if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x7F, byte != 0xC2, byte != 0xE2 {
          index += 1
          continue
        }
        var escaped: UInt32?
        var length = 1
        switch byte {
        case 0xC2:
          length = 2
          if index + 1 < count, bytes[index + 1] < 0xA0 { escaped = UInt32(bytes[index + 1]) }
        case 0xE2:
          length = 3
          if index + 2 < count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
          {
            escaped = 0x2000 | UInt32(bytes[index + 2] & 0x3F)
          }
        default:
          escaped = UInt32(byte)
        }
        guard let code = escaped else {
          index += length
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        appendEscape(code, to: &out)
        index += length
        run = index
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<count]))
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func appendEscape(_ code: UInt32, to out: inout [UInt8]) {
    switch code {
    case 0x22: append("\\\"", to: &out)
    case 0x5C: append("\\\\", to: &out)
    case 0x0A: append("\\n", to: &out)
    case 0x0D: append("\\r", to: &out)
    case 0x09: append("\\t", to: &out)
    case 0x08: append("\\b", to: &out)
    case 0x0C: append("\\f", to: &out)
    default:
      let hex: StaticString = "0123456789abcdef"
      append("\\u", to: &out)
      for shift in stride(from: 12, through: 0, by: -4) {
        out.append(hex.utf8Start[Int((code >> UInt32(shift)) & 0xF)])
      }
    }
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}
