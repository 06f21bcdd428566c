import CoachKit
import Foundation
import Testing

/// Mutated documents: whenever the parser accepts one, libyaml must accept it too and read the
/// same thing. This is where a wrong reading of a near-miss would show.
///
/// `SYNTAX_MUTATIONS=N` runs N mutations instead of 20,000, and `SYNTAX_SEED` changes the seed.
///
/// Known libyaml quirks left out: a byte order mark shifts libyaml's columns (it then refuses
/// `a:` followed by a value indented one space), and libyaml refuses U+FFFB at the start of a
/// line; and libyaml refuses tabs that only separate (after `- `, on a blank or comment line, after
/// a continuation line's indentation), and a key inside `{ }` over several lines or with its `:`
/// on a later line. YAML 1.2 reads all of these the way the parser does.
@Suite struct SyntaxMutationTests {
  @Test func acceptedMutationsMeanTheSameToLibyaml() {
    let environment = ProcessInfo.processInfo.environment
    let count = environment["SYNTAX_MUTATIONS"].flatMap(Int.init) ?? 20_000
    let seed = environment["SYNTAX_SEED"].flatMap(UInt64.init) ?? 7
    var generator = DocumentGenerator(seed: seed)
    var mutator = Mutator(seed: seed &+ 4)
    var bases = DifferentialCorpus.documents.map { Array($0.utf8) }
    for _ in 0..<300 { bases.append(Array(generator.document().utf8)) }
    var failures = 0
    var accepted = 0
    for index in 0..<count where failures < 10 {
      let bytes = mutator.mutate(bases[index % bases.count])
      guard let text = String(validating: bytes, as: UTF8.self) else { continue }
      // U+2028 and U+2029 are line breaks in YAML 1.1 (libyaml) but not in YAML 1.2.
      if text.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) { continue }
      let ours = OurReading.json(text)
      guard ours.accepted else { continue }
      accepted += 1
      switch YamsReference.json(text) {
      case .failure(let error):
        if text.hasPrefix("\u{FEFF}") || text.unicodeScalars.contains("\u{FFFB}") { continue }
        if text.utf8.contains(UInt8(ascii: "\t")) || Self.hasFlowKeyOverLines(text) { continue }
        failures += 1
        let reading = ours.json?.serialized() ?? "nil"
        Issue.record(
          "accepted, but libyaml refuses: \(String(reflecting: text))\nours: \(reading)\n\(error)")
      case .success(let json):
        if json != ours.json {
          failures += 1
          let reading = ours.json?.serialized() ?? "nil"
          let reference = json?.serialized() ?? "nil"
          Issue.record(
            "different meaning: \(String(reflecting: text))\nours: \(reading)\nyams: \(reference)")
        }
      }
    }
    #expect(accepted > count / 10)
  }

  /// Whether a key inside `{ }` runs over several lines or has a line break before its `:`.
  static func hasFlowKeyOverLines(_ text: String) -> Bool {
    guard let root = SyntaxParser.parse(SourceFile(path: "t", text: text)).root else {
      return false
    }
    let bytes = Array(text.utf8)
    func breakBeforeColon(from offset: Int) -> Bool {
      var index = offset
      while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
        if bytes[index] == UInt8(ascii: "\n") { return true }
        if bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "}") { return false }
        if bytes[index] == UInt8(ascii: "#") {
          while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
          continue
        }
        index += 1
      }
      return false
    }
    func visit(_ node: Node) -> Bool {
      switch node {
      case .scalar: return false
      case .sequence(let sequence): return sequence.items.contains(where: visit)
      case .mapping(let mapping):
        return mapping.entries.contains { entry in
          let key = entry.key.span
          if mapping.style == .flow,
            key.start.line != key.end.line || breakBeforeColon(from: key.end.offset)
          {
            return true
          }
          return visit(entry.value)
        }
      }
    }
    return visit(root)
  }
}
