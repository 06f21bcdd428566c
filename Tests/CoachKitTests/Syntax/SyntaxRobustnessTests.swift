import CoachKit
import Foundation
import Testing

/// Hostile and random input: the parser must return diagnostics, never trap or hang.
@Suite struct SyntaxRobustnessTests {
  private func parse(_ bytes: [UInt8], limits: SyntaxParser.Limits = .default) -> SyntaxTree {
    SyntaxParser.parse(SourceFile(path: "x.coach.yaml", bytes: bytes), limits: limits)
  }

  private func elapsed(_ work: () -> Void) -> Double {
    let start = ContinuousClock.now
    work()
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  /// Every diagnostic points inside the file and renders without control characters.
  private func checkDiagnostics(_ tree: SyntaxTree, _ source: SourceFile) {
    for diagnostic in tree.diagnostics {
      if let span = diagnostic.span {
        #expect(span.start.offset <= source.bytes.count && span.end.offset <= source.bytes.count)
        #expect(span.start.offset <= span.end.offset)
        #expect(span.start.line >= 1 && span.start.column >= 1)
      }
    }
  }

  /// 100,000 inputs with a fixed seed in a release build (`swift test -c release`): 30,000
  /// random byte strings and 70,000 mutations of valid documents. A debug build runs the first
  /// 30,000 to stay fast. The fuzz target (`Fuzz/coach-fuzz`) runs the open-ended version.
  #if DEBUG
    static let inputCount = 30_000
  #else
    static let inputCount = 100_000
  #endif

  @Test func randomBytesAndMutatedScripts() {
    var random = SeededGenerator(seed: 0x5EED)
    var mutator = Mutator(seed: 0xBEEF)
    var generator = DocumentGenerator(seed: 0xFACE)
    var bases = DifferentialCorpus.documents.map { Array($0.utf8) }
    for _ in 0..<200 { bases.append(Array(generator.document().utf8)) }
    let alphabet = Mutator.interesting
    var refused = 0
    for index in 0..<Self.inputCount {
      let bytes: [UInt8]
      if index % 10 < (Self.inputCount == 100_000 ? 3 : 1) {
        let count = Int.random(in: 0...120, using: &random)
        bytes = (0..<count).map { _ in
          Bool.random(using: &random)
            ? alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            : UInt8.random(in: 0...255, using: &random)
        }
      } else {
        bytes = mutator.mutate(bases[index % bases.count])
      }
      let source = SourceFile(path: "x.coach.yaml", bytes: bytes)
      let tree = SyntaxParser.parse(source)
      if tree.diagnostics.hasErrors { refused += 1 }
      if index % 97 == 0 {
        checkDiagnostics(tree, source)
        let text = DiagnosticRenderer(color: false).render(tree.diagnostics, in: source)
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{0}" })
      }
    }
    #expect(refused > Self.inputCount / 10)
  }

  @Test func hundredThousandNestedBrackets() {
    let bytes = Array(repeating: UInt8(ascii: "["), count: 100_000)
    var tree: SyntaxTree?
    let unlimited = SyntaxParser.Limits(maxLineLength: .max)
    let seconds = elapsed { tree = parse(bytes, limits: unlimited) }
    #expect(tree?.diagnostics.map(\.code) == ["Y006"])
    #expect(seconds < 2)
    let closed = bytes + Array(repeating: UInt8(ascii: "]"), count: 100_000)
    #expect(parse(closed, limits: unlimited).diagnostics.map(\.code) == ["Y006"])
    let mixed = Array(String(repeating: "{a: [", count: 50_000).utf8)
    #expect(parse(mixed, limits: unlimited).diagnostics.map(\.code) == ["Y006"])
    // With the default limits the line is also too long.
    #expect(parse(bytes).diagnostics.map(\.code) == ["Y006", "Y004"])
  }

  @Test func thousandsOfNestedBlocks() {
    var text = ""
    for level in 0..<3_000 {
      text += String(repeating: " ", count: level) + "k\(level):\n"
    }
    var tree: SyntaxTree?
    let seconds = elapsed { tree = parse(Array(text.utf8), limits: .init(maxLineLength: 100_000)) }
    #expect(tree?.diagnostics.map(\.code) == ["Y006"])
    #expect(seconds < 2)

    let dashes = Array((String(repeating: "- ", count: 10_000) + "x\n").utf8)
    #expect(
      parse(dashes, limits: .init(maxLineLength: 100_000)).diagnostics.map(\.code) == ["Y006"])

    var items = ""
    for level in 0..<3_000 {
      items += String(repeating: " ", count: level * 2) + "-\n"
    }
    #expect(
      parse(Array(items.utf8), limits: .init(maxLineLength: 100_000)).diagnostics.map(\.code) == [
        "Y006"
      ])
  }

  @Test func tenMegabyteLine() {
    var bytes = Array("title: ".utf8)
    bytes += Array(repeating: UInt8(ascii: "x"), count: 10_000_000)
    bytes += Array("\nmood: 8\n".utf8)
    var tree: SyntaxTree?
    let seconds = elapsed { tree = parse(bytes) }
    #expect(tree?.diagnostics.map(\.code) == ["Y004"])
    #expect(tree?.diagnostics.first?.span?.start.column == 10_001)
    #expect(seconds < 5)

    // A long line full of structure, with the limit lifted.
    let flow = Array(("a: [" + String(repeating: "é, ", count: 200_000) + "z]\n").utf8)
    let lifted = parse(flow, limits: .init(maxLineLength: .max))
    #expect(lifted.diagnostics.isEmpty)
  }

  @Test func manyProblemsStopAtTheCap() {
    let text =
      String(repeating: "a: &x b\n", count: 1_000) + String(repeating: "\u{1B}\n", count: 1_000)
    let tree = parse(Array(text.utf8))
    #expect(tree.diagnostics.count <= 40)
    #expect(tree.diagnostics.count >= 20)
  }

  @Test func unterminatedConstructsAtTheEndOfTheFile() {
    for text in [
      "\"", "'", "[", "{", "a: \"x\\", "a: |", "a: |2", "- [a, {b: \"", "a: 'x''", "-", "? ",
      "a: \"\\u12", "a: [b,", "{a: [b]: c}", "...", "---", "--- |", "\u{FEFF}", "a:\r\n b",
    ] {
      let source = SourceFile(path: "x", text: text)
      let tree = SyntaxParser.parse(source)
      checkDiagnostics(tree, source)
      _ = DiagnosticRenderer(color: false).render(tree.diagnostics, in: source)
    }
  }
}
