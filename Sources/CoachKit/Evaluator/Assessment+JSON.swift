extension Assessment {
  /// The assessment as the stable JSON object of `coach score --json` / `--jsonl`:
  ///
  /// ```json
  /// {"id": …, "steps": {"empathy": "strong", "understand": "weak", "offer": "none", "check": "none"},
  ///  "signals": [{"id": "apology", "start": 4, "end": 9, "text": "sorry", "cue": "sorry"}],
  ///  "antipatterns": [{"id": "cannot", "start": …, "end": …, "text": "…", "cue": "…", "rewrite": "…"}],
  ///  "tips": ["…"]}
  /// ```
  ///
  /// Offsets count Unicode scalars of the reply; `end` is exclusive. `id` is present only when
  /// given; `rewrite` is `null` for anti-patterns without a standard rewrite.
  public func json(id: JSONValue? = nil) -> JSONValue {
    var members: [(String, JSONValue)] = []
    if let id { members.append(("id", id)) }
    members.append(
      ("steps", .object(Step.allCases.map { ($0.rawValue, .string(steps[$0].rawValue)) })))
    members.append(("signals", .array(signals.map { $0.json(rewrite: false) })))
    members.append(("antipatterns", .array(antipatterns.map { $0.json(rewrite: true) })))
    members.append(("tips", .array(tips.map { .string($0) })))
    return .object(members)
  }
}

extension Evidence {
  /// The evidence as a JSON object: `id`, `start`, `end`, `text`, `cue` (and `rewrite`).
  public func json(rewrite includeRewrite: Bool) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("id", .string(id)), ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)),
      ("text", .string(text)), ("cue", .string(cue)),
    ]
    if includeRewrite { members.append(("rewrite", rewrite.map { .string($0) } ?? .null)) }
    return .object(members)
  }
}

extension Assessment {
  /// Appends ``json(id:)`` as compact JSON and a newline to `out`: the same bytes as
  /// `json(id:).serialized() + "\n"`, written directly (the `--jsonl` hot path).
  public func writeJSONLine(id: JSONValue?, to out: inout [UInt8]) {
    var w = JSONBytes(capacity: 1024)
    w.raw("{")
    if let id {
      w.raw("\"id\":")
      switch id {
      case .int(let n): w.int(n)
      case .string(let text): w.string(text)
      case .null: w.raw("null")
      default:
        var text = id.serialized()
        text.withUTF8 { w.append($0) }
      }
      w.raw(",")
    }
    w.raw("\"steps\":{")
    for (i, step) in Step.allCases.enumerated() {
      if i > 0 { w.raw(",") }
      w.string(step.rawValue)
      w.raw(":")
      w.string(steps[step].rawValue)
    }
    w.raw("},\"signals\":[")
    for i in signals.indices {
      if i > 0 { w.raw(",") }
      w.evidence(signals[i], rewrite: false)
    }
    w.raw("],\"antipatterns\":[")
    for i in antipatterns.indices {
      if i > 0 { w.raw(",") }
      w.evidence(antipatterns[i], rewrite: true)
    }
    w.raw("],\"tips\":[")
    for (i, tip) in tips.enumerated() {
      if i > 0 { w.raw(",") }
      w.string(tip)
    }
    w.raw("]}\n")
    w.appendBytes(to: &out)
  }
}

/// The bytes ``JSONBytes/string(_:)`` copies as they are: not a control character, `"`, `\`,
/// DEL, or the lead bytes of U+0080–U+009F (`C2`) and U+2028/U+2029 (`E2`). One table lookup a
/// byte instead of six comparisons. Written once, then only read.
nonisolated(unsafe) private let jsonPlainBytes: UnsafePointer<Bool> = {
  let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
  for b in 0..<256 {
    table[b] = b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xC2 && b != 0xE2
  }
  return UnsafePointer(table)
}()

/// A byte-level JSON writer with ``JSONValue``'s escaping rules.
///
/// It writes into its own growing buffer, so that each of the many small pieces of a line is a
/// capacity check and a copy, and the line reaches its destination in one append.
struct JSONBytes: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Appends what has been written to `out`.
  func appendBytes(to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
  }

  /// Makes room for `extra` more bytes.
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
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  @inline(__always) mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  mutating func int(_ value: Int) {
    if value < 0 {
      append(0x2D)
      int(-value)
      return
    }
    if value >= 10 { int(value / 10) }
    append(UInt8(0x30 + value % 10))
  }

  mutating func evidence(_ e: borrowing Evidence, rewrite: Bool) {
    raw("{\"id\":")
    string(e.id)
    raw(",\"start\":")
    int(e.range.lowerBound)
    raw(",\"end\":")
    int(e.range.upperBound)
    raw(",\"text\":")
    string(e.text)
    raw(",\"cue\":")
    string(e.cue)
    if rewrite {
      raw(",\"rewrite\":")
      if let r = e.rewrite { string(r) } else { raw("null") }
    }
    raw("}")
  }

  mutating func string(_ text: String) {
    var text = text
    append(0x22)
    let plain = jsonPlainBytes
    text.withUTF8 { bytes in
      var i = 0
      var run = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        // Plain bytes are copied in runs.
        if plain[Int(b)] {
          i += 1
          continue
        }
        if run < i { append(UnsafeBufferPointer(rebasing: bytes[run..<i])) }
        switch b {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case 0x00..<0x20, 0x7F: escape(UInt32(b))
        case 0xC2 where i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] < 0xA0:
          escape(UInt32(bytes[i + 1]))
          i += 1
        case 0xE2
        where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
          escape(0x2000 | UInt32(bytes[i + 2] & 0x3F))
          i += 2
        default: append(b)
        }
        i += 1
        run = i
      }
      if run < n { append(UnsafeBufferPointer(rebasing: bytes[run..<n])) }
    }
    append(0x22)
  }

  /// `\u` and four lowercase hex digits.
  mutating func escape(_ value: UInt32) {
    raw("\\u")
    let hex: StaticString = "0123456789abcdef"
    for shift in stride(from: 12, through: 0, by: -4) {
      append(hex.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
    }
  }
}
