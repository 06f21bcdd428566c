import CoachKit
import Testing

@Suite struct AssumptionDetectorTests {
  static let detector = AssumptionDetector(evaluator: LexiconFixture.evaluator)

  /// `kind:words` for each assumption, `~kind:words` for a hedged one, in thought order.
  static func found(_ thought: String) -> [String] {
    detector.assumptions(in: thought).map { ($0.hedged ? "~" : "") + $0.kind + ":" + $0.text }
  }

  @Test func compilesEveryPhrase() {
    #expect(Self.detector.problems.isEmpty, "\(Self.detector.problems)")
    #expect(Self.detector.kindIDs == ["mind-reading", "absolute", "label", "catastrophe", "blame"])
  }

  @Test func atLeastAHundredLabelledThoughts() {
    #expect(LabelledThoughts.all.count >= 100)
    #expect(LabelledThoughts.all.filter(\.labels.isEmpty).count >= 30)
  }

  @Test(arguments: LabelledThoughts.all.indices)
  func labelledThought(index: Int) {
    let (thought, labels) = LabelledThoughts.all[index]
    #expect(Set(Self.found(thought)) == Set(labels), "\(thought)")
  }
}
