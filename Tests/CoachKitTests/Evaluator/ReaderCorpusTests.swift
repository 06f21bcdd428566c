import CoachKit
import Foundation
import Testing

/// The labelled reply corpus (Fixtures/ReaderCorpus/replies.jsonl, see its README): replies
/// written and labelled by people who never saw the lexicon. The reader's agreement with the
/// annotators on the report half, which the lexicon is never tuned on, must not fall below the
/// floors here, which sit a little under what it measured when they were set
/// (`python3 Evaluation/evaluate.py corpus --split report` gives the same figures).
@Suite struct ReaderCorpusTests {
  struct Item: Decodable, Sendable {
    var id: String
    var split: String
    var context: String
    var reply: String
    var labels: [String: Double]
  }

  static let items: [Item] = ReaderCorpusFixture.lines("replies")

  /// The corpus labels an assessment stands for, as `Evaluation/evaluate.py`'s `reader_labels`
  /// reads them from `coach score` (docs/EVALUATOR.md): keep the two in step.
  static func labels(_ a: Assessment) -> [String: Bool] {
    func any(_ ids: String...) -> Bool { ids.contains { a.has(antipattern: $0) } }
    return [
      "empathy": a.steps.empathy != .none,
      "question": a.has(signal: "question"),
      "open_question": a.has(signal: "question.open"),
      "summary": a.has(signal: "summary"),
      "offer": a.steps.offer != .none,
      "check": a.has(signal: "check"),
      "cannot": any("cannot", "policy"),
      "blame": any("blame", "past"),
      "defensive": any("defensive", "records", "policy"),
      "dismissive": any("calm-down", "minimise", "cliche"),
      "catastrophe": any("catastrophe"),
      "curt": any("curt", "blunt"),
    ]
  }

  /// Cohen's kappa of two series of yes/no decisions.
  static func kappa(_ a: [Bool], _ b: [Bool]) -> Double {
    let n = Double(a.count)
    let agree = Double(zip(a, b).filter { $0 == $1 }.count) / n
    let pa = Double(a.filter { $0 }.count) / n
    let pb = Double(b.filter { $0 }.count) / n
    let chance = pa * pb + (1 - pa) * (1 - pb)
    return chance == 1 ? 1 : (agree - chance) / (1 - chance)
  }

  /// Floors on the report half: the reader's kappa when they were last set, less 0.03, rounded
  /// down to the hundredth (catastrophe, with 13 positives, is left out: a reply or two moves it
  /// a lot).
  static let floors: [(label: String, kappa: Double)] = [
    ("empathy", 0.67), ("question", 0.87), ("open_question", 0.63), ("summary", 0.56),
    ("offer", 0.55), ("check", 0.79), ("cannot", 0.60), ("blame", 0.22), ("defensive", 0.32),
    ("dismissive", 0.23), ("curt", 0.29),
  ]

  static let reportAnswers: [(gold: [String: Double], read: [String: Bool])] = {
    let e = LexiconFixture.evaluator
    return items.filter { $0.split == "report" }.map {
      ($0.labels, labels(e.assess($0.reply, context: ReplyContext(customerLine: $0.context))))
    }
  }()

  @Test func theCorpusIsThereAndEveryLineDecodes() {
    #expect(Self.items.count >= 2_700)
    #expect(Self.items.count == ReaderCorpusFixture.lineCount("replies"))
    #expect(Self.reportAnswers.count >= 1_500)
  }

  @Test(arguments: floors.map(\.label))
  func theReaderAgreesWithTheAnnotatorsAtLeastAsWellAsBefore(_ label: String) throws {
    let floor = try #require(Self.floors.first { $0.label == label }).kappa
    let gold = Self.reportAnswers.map { ($0.gold[label] ?? 0) > 0 }
    let read = Self.reportAnswers.map { $0.read[label] ?? false }
    let k = Self.kappa(gold, read)
    #expect(k >= floor, "\(label): kappa \(k) on the report half, floor \(floor)")
  }
}
