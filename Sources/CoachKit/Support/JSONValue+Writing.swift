extension JSONValue {
  /// The value as compact JSON (`pretty: false`) or indented with two spaces.
  public func serialized(pretty: Bool = false) -> String {
    var out = JSONOutput(capacity: 256)
    write(to: &out, pretty: pretty, indent: 0)
    return out.string()
  }

  /// Appends the value as compact JSON (the bytes of ``serialized(pretty:)``) to `out`: for
  /// writers of many values, such as a stream of JSON lines.
  public func appendSerialized(to out: inout [UInt8]) {
    var buffer = JSONOutput(capacity: 1024)
    write(to: &buffer, pretty: false, indent: 0)
    buffer.copy(to: &out)
  }

  /// Appends `value` as a JSON string literal, escaping quotes, backslashes and every control
  /// character (so JSON output never carries raw escape codes either).
  public static func writeString(_ value: String, to out: inout String) {
    var buffer = JSONOutput(capacity: value.utf8.count + 16)
    buffer.string(value)
    out += buffer.string()
  }

  /// Appends `value` as a JSON string literal to `out` (see ``writeString(_:to:)``).
  public static func appendString(_ value: String, to out: inout [UInt8]) {
    var buffer = JSONOutput(capacity: value.utf8.count + 16)
    buffer.string(value)
    buffer.copy(to: &out)
  }

  private func write(to out: inout JSONOutput, pretty: Bool, indent: Int) {
    switch self {
    case .null: out.append("null")
    case .bool(let value): out.append(value ? "true" : "false")
    case .int(let value): out.integer(value)
    case .double(let value):
      if value.isFinite {
        if abs(value) < 1e15, Double(Int(value)) == value {
          out.integer(Int(value))
          out.append(".0")
        } else {
          var text = String(value)
          text.withUTF8 { out.append($0) }
        }
      } else {
        out.append("null")
      }
    case .string(let value): out.string(value)
    case .array(let items):
      if items.isEmpty {
        out.append("[]")
        return
      }
      out.append(UInt8(ascii: "["))
      // Through a buffer pointer, so the elements are read in place, not copied (retained).
      items.withUnsafeBufferPointer { items in
        for index in items.indices {
          if index > 0 { out.append(UInt8(ascii: ",")) }
          if pretty { out.newline(indent + 1) }
          items[index].write(to: &out, pretty: pretty, indent: indent + 1)
        }
      }
      if pretty { out.newline(indent) }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        out.append("{}")
        return
      }
      out.append(UInt8(ascii: "{"))
      members.withUnsafeBufferPointer { members in
        for index in members.indices {
          if index > 0 { out.append(UInt8(ascii: ",")) }
          if pretty { out.newline(indent + 1) }
          out.string(members[index].0)
          out.append(pretty ? ": " : ":")
          members[index].1.write(to: &out, pretty: pretty, indent: indent + 1)
        }
      }
      if pretty { out.newline(indent) }
      out.append(UInt8(ascii: "}"))
    }
  }
}

/// The bytes a JSON string carries as they are: not a control character, `"`, `\`, DEL, or the
/// lead bytes of U+0080–U+00BF (`C2`) and U+2000–U+2FFF (`E2`), which are looked at whole.
/// One table lookup a byte; written once, then only read.
nonisolated(unsafe) private let jsonPlainBytes: UnsafePointer<Bool> = {
  let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
  for byte in 0..<256 {
    table[byte] =
      byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xC2 && byte != 0xE2
  }
  return UnsafePointer(table)
}()

/// The serialiser's output: a growing byte buffer, so each of the many small pieces of a value
/// is a capacity check and a copy.
struct JSONOutput: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// What has been written, as text (it is valid UTF-8: whole strings and ASCII).
  func string() -> String {
    String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
  }

  /// Appends what has been written to `out`.
  func copy(to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
  }

  @inline(__always) private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  private mutating func grow(to needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  @inline(__always) mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  @inline(__always) mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  mutating func newline(_ indent: Int) {
    reserve(1 + 2 * indent)
    base[count] = UInt8(ascii: "\n")
    (base + count + 1).initialize(repeating: UInt8(ascii: " "), count: 2 * indent)
    count += 1 + 2 * indent
  }

  /// The digits are counted against powers of ten, then written from the last one back, each a
  /// division by the constant 10 (a multiplication; dividing by a running power of ten is not).
  mutating func integer(_ value: Int) {
    reserve(21)
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits = 1
    var power: UInt = 10
    while digits < 20, magnitude >= power {
      digits += 1
      if digits < 20 { power &*= 10 }
    }
    var index = count + digits
    count = index
    repeat {
      index -= 1
      base[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
  }

  /// `value` as a JSON string literal: quotes, backslashes and every control character escaped —
  /// C0, DEL, C1 and the separators U+2028/U+2029, so JSON output never carries raw escape codes
  /// either. Runs of bytes that need nothing are copied whole, eight bytes looked at a time.
  mutating func string(_ value: String) {
    append(UInt8(ascii: "\""))
    if value.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
      var copy = value
      copy.withUTF8 { escaped($0) }
    }
    append(UInt8(ascii: "\""))
  }

  private mutating func escaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let start = bytes.baseAddress else { return }
    let count = bytes.count
    let plain = jsonPlainBytes
    var run = 0
    var index = 0
    while index < count {
      // Eight plain ASCII bytes at a time: none below 0x20, none `"` or `\`, none 0x7F or above.
      while index + 8 <= count {
        let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
        if Self.needsLook(word) { break }
        index += 8
      }
      // Then byte by byte, up to eight (a short string's tail, or the bytes around a non-ASCII
      // character), before trying whole words again.
      let stop = min(count, index + 8)
      while index < stop, plain[Int(bytes[index])] { index += 1 }
      guard index < count else { break }
      if index == stop { continue }
      let byte = bytes[index]
      var code: UInt32?
      var length = 1
      switch byte {
      case 0xC2:
        length = 2
        if index + 1 < count, bytes[index + 1] < 0xA0 { code = UInt32(bytes[index + 1]) }
      case 0xE2:
        length = 3
        if index + 2 < count, bytes[index + 1] == 0x80,
          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
        {
          code = 0x2000 | UInt32(bytes[index + 2] & 0x3F)
        }
      default:
        code = UInt32(byte)
      }
      guard let code else {
        index += length
        continue
      }
      append(UnsafeBufferPointer(rebasing: bytes[run..<index]))
      escape(code)
      index += length
      run = index
    }
    append(UnsafeBufferPointer(rebasing: bytes[run..<count]))
  }

  /// Whether any of the eight bytes in `word` is below 0x20, `"`, `\`, or 0x7F and above.
  @inline(__always) private static func needsLook(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    if word & highs != 0 { return true }  // non-ASCII
    if (word &- 0x2020_2020_2020_2020) & ~word & highs != 0 { return true }  // below 0x20
    return hasZero(word ^ 0x2222_2222_2222_2222) || hasZero(word ^ 0x5C5C_5C5C_5C5C_5C5C)
      || hasZero(word ^ 0x7F7F_7F7F_7F7F_7F7F)
  }

  /// The escape for `code`: a short one where JSON has it, else `\u` and four hex digits.
  private mutating func escape(_ code: UInt32) {
    switch code {
    case 0x22: append("\\\"")
    case 0x5C: append("\\\\")
    case 0x0A: append("\\n")
    case 0x0D: append("\\r")
    case 0x09: append("\\t")
    case 0x08: append("\\b")
    case 0x0C: append("\\f")
    default:
      let hex: StaticString = "0123456789abcdef"
      append("\\u")
      for shift in stride(from: 12, through: 0, by: -4) {
        append(hex.utf8Start[Int((code >> UInt32(shift)) & 0xF)])
      }
    }
  }
}
