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
    var w = JSONBytes(out: out)
    out = []
    w.raw("{")
    if let id {
      w.raw("\"id\":")
      switch id {
      case .int(let n): w.int(n)
      case .string(let text): w.string(text)
      case .null: w.raw("null")
      default: w.out.append(contentsOf: id.serialized().utf8)
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
    for (i, e) in signals.enumerated() {
      if i > 0 { w.raw(",") }
      w.evidence(e, rewrite: false)
    }
    w.raw("],\"antipatterns\":[")
    for (i, e) in antipatterns.enumerated() {
      if i > 0 { w.raw(",") }
      w.evidence(e, rewrite: true)
    }
    w.raw("],\"tips\":[")
    for (i, tip) in tips.enumerated() {
      if i > 0 { w.raw(",") }
      w.string(tip)
    }
    w.raw("]}\n")
    out = w.out
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
struct JSONBytes {
  var out: [UInt8]

  @inline(__always) mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  mutating func int(_ value: Int) {
    if value < 0 {
      out.append(0x2D)
      int(-value)
      return
    }
    if value >= 10 { int(value / 10) }
    out.append(UInt8(0x30 + value % 10))
  }

  mutating func evidence(_ e: Evidence, rewrite: Bool) {
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
    out.append(0x22)
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
        if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
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
        default: out.append(b)
        }
        i += 1
        run = i
      }
      if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<n])) }
    }
    out.append(0x22)
  }

  /// `\u` and four lowercase hex digits.
  mutating func escape(_ value: UInt32) {
    raw("\\u")
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    for shift in stride(from: 12, through: 0, by: -4) {
      out.append(hex[Int((value >> UInt32(shift)) & 0xF)])
    }
  }
}
