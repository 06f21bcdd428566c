import CoachKit
import Testing

@Suite struct RecapCheckerTests {
  static let checker = RecapChecker(evaluator: LexiconFixture.evaluator)

  @Test func theLexiconDefinesEveryCheck() {
    #expect(
      Self.checker.checkIDs
        == ["agreed", "who-what-when", "next-contact", "thanks", "no-blame", "no-rearguing", "concise"])
  }

  @Test func atLeastFiftyLabelledRecaps() {
    #expect(LabelledRecaps.all.count >= 50)
  }

  @Test(arguments: LabelledRecaps.all.indices)
  func labelledRecap(index: Int) {
    let (text, checks, band) = LabelledRecaps.all[index]
    let result = Self.checker.check(text)
    for label in checks {
      let parts = label.split(separator: "=")
      let id = String(parts[0])
      let expected = Double(String(parts[1]))!
      #expect(result.check(id)?.value == expected, "\(id) in: \(text.prefix(80))")
    }
    let actual = result.score >= 0.85 ? "good" : result.score >= 0.5 ? "fair" : "poor"
    #expect(actual == band, "score \(result.score) in: \(text.prefix(80))")
  }
}
