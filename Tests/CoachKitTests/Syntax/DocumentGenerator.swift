import CoachKit

/// Generated inputs use the library's seeded generator, so they are the same on every run.
typealias SeededGenerator = SeededRandom

/// Writes random YAML documents inside the subset: nested block and flow collections, every
/// scalar style, comments, and block scalars with chomping.
struct DocumentGenerator {
  var random: SeededGenerator

  init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  private mutating func chance(_ percent: Int) -> Bool {
    Int.random(in: 0..<100, using: &random) < percent
  }
  private mutating func pick<T>(_ items: [T]) -> T {
    items[Int.random(in: 0..<items.count, using: &random)]
  }
  private mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &random)
  }

  static let words = [
    "sorry", "refund", "courier", "Dana", "mood", "8", "-1", "3.5", "yes", "no", "null", "~",
    "true", "a-b", "x:y", "c#d", "it's", "say\"hi\"", "é", "日本", "🙂", "http://x.io/a?b=c",
    "0x1F", "1e3", "-x", "?q", ":z", "a.b", "(paren)", "50%", "$5", "a/b", "tab\tin", "x=y",
  ]
  static let flowSafeWords = [
    "sorry", "refund", "courier", "Dana", "mood", "8", "-1", "3.5", "yes", "no", "null", "~",
    "true", "a-b", "c#d", "it's", "é", "日本", "0x1F", "-x", "a.b", "(paren)", "50%", "$5",
  ]

  /// One document.
  mutating func document() -> String {
    var out = ""
    if chance(10) { out += "# generated\n" }
    if chance(10) { out += "---\n" }
    switch int(0...9) {
    case 0: out += scalarLine(flow: false) + "\n"
    case 1: out += flowCollection(depth: 0, indent: 0) + "\n"
    case 2, 3: blockSequence(into: &out, indent: 0, depth: 0)
    default: blockMapping(into: &out, indent: 0, depth: 0)
    }
    if chance(10) { out += "...\n" }
    return out
  }

  private mutating func plainText(flow: Bool) -> String {
    var parts: [String] = []
    for _ in 0..<int(1...3) { parts.append(pick(flow ? Self.flowSafeWords : Self.words)) }
    return parts.joined(separator: " ")
  }

  private mutating func anyText() -> String {
    var text = ""
    for index in 0..<int(0...4) {
      if index > 0 { text += pick([" ", "  ", ", ", ": ", " # ", "\t", "'", "\"", "\\"]) }
      text += pick(Self.words)
    }
    return text
  }

  private mutating func singleQuoted() -> String {
    "'" + anyText().replacingOccurrences(of: "'", with: "''") + "'"
  }

  private mutating func doubleQuoted() -> String {
    var out = "\""
    for scalar in anyText().unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\t": out += pick(["\\t", "\t"])
      default: out.unicodeScalars.append(scalar)
      }
      if chance(3) { out += pick(["\\n", "\\u00e9", "\\x41", "\\U0001F642", "\\ ", "\\/", "\\_"]) }
    }
    return out + "\""
  }

  /// A scalar that fits on one line.
  private mutating func scalarLine(flow: Bool) -> String {
    switch int(0...5) {
    case 0: return singleQuoted()
    case 1: return doubleQuoted()
    default: return plainText(flow: flow)
    }
  }

  private mutating func key(_ index: Int) -> String {
    switch int(0...9) {
    case 0: return "'\(index) " + anyText().replacingOccurrences(of: "'", with: "''") + "'"
    case 1: return "\"\(index) " + pick(["x", "\\t", "\\u00e9", "a b", ": ", "#"]) + "\""
    default:
      return pick(["id", "name", "mood", "text", "says", "when", "a b", "x-y", "k"]) + "\(index)"
    }
  }

  private mutating func comment() -> String { chance(15) ? " # note \(int(0...99))" : "" }

  private mutating func flowCollection(depth: Int, indent: Int) -> String {
    let multiLine = chance(20)
    let separator =
      multiLine ? ",\n" + String(repeating: " ", count: indent + 1) : pick([", ", ","])
    let count = int(0...4)
    var items: [String] = []
    let mapping = chance(40)
    for index in 0..<count {
      let value: String
      if depth < 3, chance(20) {
        value = flowCollection(depth: depth + 1, indent: indent)
      } else {
        value = scalarLine(flow: true)
      }
      if mapping {
        items.append("k\(index)_\(int(0...999)): " + value)
      } else if chance(10) {
        items.append("p\(index): " + value)
      } else {
        items.append(value)
      }
    }
    let trailing = count > 0 && chance(15) ? "," : ""
    let body = items.joined(separator: separator) + trailing
    return mapping ? "{" + body + "}" : "[" + body + "]"
  }

  private mutating func blockScalar(indent: Int) -> String {
    var header = pick(["|", ">"]) + pick(["", "", "-", "+"])
    let extra = chance(20) ? int(1...3) : 0
    if extra > 0 { header += String(extra) }
    var out = header + comment() + "\n"
    let pad = String(repeating: " ", count: indent + (extra > 0 ? extra : int(1...3)))
    var first = true
    for _ in 0..<int(1...4) {
      if chance(20) {
        out += "\n"
        continue
      }
      let more = !first && chance(15) ? "  " : ""
      first = false
      out += pad + more + plainText(flow: false) + "\n"
    }
    if chance(30) { out += "\n" }
    return out
  }

  /// A value after `key:` or `- `: on the same line (with the line break) or below.
  private mutating func value(into out: inout String, indent: Int, depth: Int, compact: Bool) {
    let roll = depth >= 4 ? int(0...5) : int(0...9)
    switch roll {
    case 0, 1, 2:
      out += " " + scalarLine(flow: false) + comment() + "\n"
    case 3:
      // A plain scalar over several lines.
      out += " " + plainText(flow: false) + "\n"
      for _ in 0..<int(1...2) {
        if chance(30) { out += "\n" }
        out += String(repeating: " ", count: indent + int(1...3)) + plainText(flow: false) + "\n"
      }
    case 4:
      out += " " + flowCollection(depth: 0, indent: indent) + comment() + "\n"
    case 5:
      out += " " + blockScalar(indent: indent)
    case 6:
      out += comment() + "\n"
    case 7 where compact:
      out += " "
      blockMapping(into: &out, indent: indent + 2, depth: depth + 1, firstInline: true)
    default:
      out += comment() + "\n"
      if chance(10) { out += String(repeating: " ", count: indent) + "# between\n" }
      let step = int(1...4)
      if chance(50) {
        blockMapping(into: &out, indent: indent + step, depth: depth + 1)
      } else {
        blockSequence(into: &out, indent: indent + step, depth: depth + 1)
      }
    }
  }

  private mutating func blockMapping(
    into out: inout String, indent: Int, depth: Int, firstInline: Bool = false
  ) {
    let pad = String(repeating: " ", count: indent)
    for index in 0..<int(1...4) {
      if !(firstInline && index == 0) { out += pad }
      out += key(index) + ":"
      value(into: &out, indent: indent, depth: depth, compact: false)
    }
  }

  private mutating func blockSequence(into out: inout String, indent: Int, depth: Int) {
    let pad = String(repeating: " ", count: indent)
    for _ in 0..<int(1...4) {
      out += pad + "-"
      value(into: &out, indent: indent, depth: depth, compact: true)
    }
  }
}
