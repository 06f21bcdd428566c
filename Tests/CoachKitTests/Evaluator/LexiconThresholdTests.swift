import Testing

@testable import CoachKit

/// Each step is weak and strong from its own thresholds (`thresholds:` `STEP-weak`,
/// `STEP-strong`), fitted by Evaluation/fit_thresholds.py.
@Suite struct LexiconThresholdTests {
  /// The bundled lexicon with the `thresholds:` lines `edits` replaced (`key: value`).
  func evaluator(_ edits: [String: Int]) throws -> Evaluator {
    var text = String(decoding: LexiconFixture.source.bytes, as: UTF8.self)
    for (key, value) in edits {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let index = try #require(lines.firstIndex { $0.hasPrefix("  \(key): ") })
      text = (lines[..<index] + ["  \(key): \(value)"] + lines[(index + 1)...])
        .joined(separator: "\n")
    }
    let (lexicon, diagnostics) = Lexicon.load(
      SourceFile(path: "lexicon.en.coach.yaml", bytes: Array(text.utf8)))
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    return Evaluator(lexicon: try #require(lexicon))
  }

  @Test func eachStepReadsItsOwnThresholds() throws {
    let reply = "I'm so sorry. What happened?"
    let bundled = LexiconFixture.evaluator.assess(reply)
    #expect(bundled.steps[.understand] == .strong)
    #expect(bundled.steps[.empathy] != .none)
    let understandScore = bundled.score(.understand)
    let empathyScore = bundled.score(.empathy)

    // Understanding out of reach: none; empathy keeps its own thresholds.
    let raised = try evaluator([
      "understand-weak": understandScore + 1, "understand-strong": understandScore + 2,
    ]).assess(reply)
    #expect(raised.steps[.understand] == .none)
    #expect(raised.steps[.empathy] == bundled.steps[.empathy])

    // Strong from exactly the step's score, weak just below it.
    let exact = try evaluator(["empathy-weak": empathyScore, "empathy-strong": empathyScore])
      .assess(reply)
    #expect(exact.steps[.empathy] == .strong)
    let below = try evaluator(["empathy-weak": empathyScore, "empathy-strong": empathyScore + 1])
      .assess(reply)
    #expect(below.steps[.empathy] == .weak)
    #expect(below.steps[.understand] == .strong)
  }

  @Test func theOldGlobalPairIsAnUnknownKey() throws {
    let text = String(decoding: LexiconFixture.source.bytes, as: UTF8.self)
      .replacingOccurrences(of: "\n  empathy-weak: ", with: "\n  weak: 1\n  empathy-weak: ")
    let source = SourceFile(path: "lexicon.en.coach.yaml", bytes: Array(text.utf8))
    let (lexicon, diagnostics) = Lexicon.load(source)
    #expect(lexicon == nil)
    let error = try #require(diagnostics.first { $0.severity == .error })
    #expect(error.message.contains("`weak`"), "\(error.message)")
  }
}
