import CoachKit
import Foundation
import Testing

/// Paraphrase families (Fixtures/ReaderCorpus/families.jsonl): for every act and anti-pattern,
/// everyday wordings that do it and hard negatives that look alike but do not, written without
/// sight of the lexicon. The reader must find the family's thing in nearly all the first and in
/// almost none of the second.
@Suite struct ParaphraseFamilyTests {
  struct Item: Decodable, Sendable, CustomStringConvertible {
    var family: String
    var kind: String
    var reply: String
    var description: String { "\(family) \(kind): \(reply)" }
  }

  static let items: [Item] = ReaderCorpusFixture.lines("families")

  static let families = [
    "empathy", "question", "open-question", "summary", "offer", "check", "cannot", "blame",
    "defensive", "dismissive", "catastrophe", "curt",
  ]

  /// Whether the reader finds the family's thing in `a`.
  static func does(_ family: String, _ a: Assessment, negative: Bool) -> Bool {
    switch family {
    // A stock apology is weak empathy: a hard negative must not be strong.
    case "empathy": negative ? a.steps.empathy == .strong : a.steps.empathy != .none
    case "question": a.isQuestion
    case "open-question": a.isOpenQuestion
    case "summary": a.has(signal: "summary")
    case "offer": a.steps.offer != .none
    case "check": a.has(signal: "check")
    case "cannot": a.has(antipattern: "cannot") || a.has(antipattern: "policy")
    case "blame": a.has(antipattern: "blame") || a.has(antipattern: "past")
    case "defensive": a.has(antipattern: "defensive")
    case "dismissive":
      a.has(antipattern: "calm-down") || a.has(antipattern: "minimise")
        || a.has(antipattern: "cliche")
    case "catastrophe": a.has(antipattern: "catastrophe")
    case "curt": a.has(antipattern: "curt") || a.has(antipattern: "blunt")
    default: false
    }
  }

  @Test func everyFamilyHasFifteenParaphrasesAndTenHardNegatives() {
    #expect(Self.items.count == ReaderCorpusFixture.lineCount("families"))
    for family in Self.families {
      let items = Self.items.filter { $0.family == family }
      #expect(items.filter { $0.kind == "positive" }.count >= 15, "\(family)")
      #expect(items.filter { $0.kind == "negative" }.count >= 10, "\(family)")
    }
  }

  @Test(arguments: families)
  func theReaderFindsTheParaphrasesAndNotTheLookalikes(_ family: String) {
    let e = LexiconFixture.evaluator
    var missed: [String] = []
    var wrong: [String] = []
    let items = Self.items.filter { $0.family == family }
    for item in items {
      let negative = item.kind == "negative"
      let found = Self.does(family, e.assess(item.reply), negative: negative)
      if negative, found { wrong.append(item.reply) }
      if !negative, !found { missed.append(item.reply) }
    }
    let positives = items.filter { $0.kind == "positive" }.count
    let negatives = items.count - positives
    // At least 85% of each side, and the misses are listed.
    #expect(missed.count * 100 <= positives * 15, "missed: \(missed)")
    #expect(wrong.count * 100 <= negatives * 15, "found in hard negatives: \(wrong)")
  }
}
