import CoachKit
import Foundation
import Testing

/// Golden renders of the two columns: `Fixtures/Reflection/NAME.wWIDTH.txt` (side by side) and
/// `NAME.md` (Markdown). Run with `RECORD_SNAPSHOTS=1` to rewrite them (and read every one).
@Suite struct LeftHandColumnGoldenTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Reflection")

  static let detector = AssumptionDetector(evaluator: LexiconFixture.evaluator)

  static let labels = LeftHandColumn.Labels(
    left: "What I thought, not said", right: "What was said", customer: "Dana", rep: "You")

  /// A long conversation with a long unbroken word and a stray escape code.
  static let long = LeftHandColumn(exchanges: [
    .init(
      customer:
        "This is the THIRD time your delivery is late. Third! I paid for next-day, I have no working oven, and nobody has called me. What exactly am I paying you for?",
      rep: "I'm so sorry the delivery is late again, that sounds really frustrating.",
      thought:
        "Here we go again. She always does this on purpose to get the delivery fee back, and the blame will land on me."
    ),
    .init(
      customer: "It's for a wedding on Saturday. Three hundred guests.",
      rep: "What time on Friday do you need the oven working by?",
      thought: "Maybe she's exaggerating the guest count. I don't think she's lying about the wedding, though."),
    .init(
      customer: "Honestly? By Friday lunchtime. https://example.com/orders/ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
      rep: "I can send the part by same-day courier by Thursday noon, or book a technician for Friday at 8.",
      thought: "The customer is being ridiculous!\u{1B}[31m red \u{1B}[0m"),
    .init(customer: "Thursday. Fine. Don't let me down again.", thought: ""),
  ])

  /// Non-ASCII: CJK (two cells a character), emoji, accents, right-to-left-free text.
  static let wide = LeftHandColumn(exchanges: [
    .init(
      customer: "配達がまた遅れています。三回目です！😤 これは本当に困ります。",
      rep: "本当に申し訳ございません。ご迷惑をおかけしています。",
      thought: "彼女はいつも怒っている 😩 She always complains, everyone knows it."),
    .init(
      customer: "Zoë from Café Überstraße: 我需要在周五之前拿到零件 🙏🏽👨‍👩‍👧",
      rep: "Je comprends, Zoë. On peut l'envoyer jeudi — ça vous va ?",
      thought: "Peut-être qu'elle est pressée. Nobody reads the emails we send 📧📧📧."),
  ])

  static let cases: [(name: String, column: LeftHandColumn)] = [("long", long), ("wide", wide)]

  static func check(_ actual: String, _ file: String) throws {
    let url = directory.appendingPathComponent(file)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "\(file) differs; re-record with RECORD_SNAPSHOTS=1 and read it")
  }

  static func assumptions(_ column: LeftHandColumn) -> [Assumption] {
    ReflectionReport(column: column, detector: detector).assumptions
  }

  @Test(arguments: [80, 120])
  func sideBySide(width: Int) throws {
    for (name, column) in Self.cases {
      let text = column.render(width: width, labels: Self.labels, assumptions: Self.assumptions(column))
      for line in text.split(separator: "\n") {
        #expect(DisplayWidth.of(line) <= width, "\(name): \(line)")
        #expect(!line.hasSuffix(" "), "\(name): trailing space")
        #expect(!line.contains("\u{1B}"), "\(name): raw escape")
      }
      try Self.check(text, "\(name).w\(width).txt")
    }
  }

  @Test func markdown() throws {
    for (name, column) in Self.cases {
      let report = ReflectionReport(column: column, detector: Self.detector)
      try Self.check(report.markdown(labels: Self.labels), "\(name).md")
    }
  }

  @Test func emptyAndNarrow() {
    #expect(!LeftHandColumn().render(width: 10).contains("┼"))
    let one = LeftHandColumn(exchanges: [.init(thought: "x")])
    #expect(one.render(width: 30).contains("x"))
  }
}
