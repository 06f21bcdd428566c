import CoachKit
import Testing

@Suite struct DiagnosticRendererTests {
  @Test func rendersPrimaryAndRelatedLabelsWithHelp() {
    let source = SourceFile(
      path: "x.coach.yaml", text: "facts:\n  - id: wedding\n  - id: wedding\n")
    let first = source.span(from: 15, to: 22)
    let second = source.span(from: 31, to: 38)
    let diagnostic = Diagnostic.error(
      "S008", "duplicate fact id `wedding`", at: second, label: "used again here",
      related: [.init(first, "first defined here")], help: "give each fact its own id")
    let text = DiagnosticRenderer().render(diagnostic, in: source)
    #expect(
      text == """
        x.coach.yaml:3:9: error[S008]: duplicate fact id `wedding`
          |
        2 |   - id: wedding
          |         ------- first defined here
        3 |   - id: wedding
          |         ^^^^^^^ used again here
          |
          = help: give each fact its own id

        """)
  }

  @Test func neutralisesEscapeCodesInSourceLines() {
    let source = SourceFile(path: "evil.coach.yaml", text: "title: \u{1B}[31mred\n")
    let diagnostic = Diagnostic.error("Y001", "bad", at: source.span(from: 7, to: 8))
    let text = DiagnosticRenderer().render(diagnostic, in: source)
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("1 | title: \u{FFFD}[31mred"))
  }

  @Test func columnsCountUnicodeScalars() {
    let source = SourceFile(path: "a", text: "name: Zoë\nmood: x\n")
    let afterName = Array("name: Zoë".utf8).count
    #expect(source.location(at: afterName).column == 10)
    #expect(
      source.location(at: afterName + 1)
        == SourceLocation(offset: afterName + 1, line: 2, column: 1))
  }

  @Test func suggestionsFindCloseNames() {
    #expect(Suggestions.closest(to: "opennig", in: ["opening", "mood", "name"]) == "opening")
    #expect(Suggestions.closest(to: "zzz", in: ["opening", "mood"]) == nil)
    #expect(Suggestions.closest(to: "mod", in: ["mood"]) == "mood")
  }

  @Test func aVeryLongLineIsShownAsAWindowAroundTheMark() {
    let long = "title: " + String(repeating: "a", count: 5_000) + "\u{1B}" + String(repeating: "b", count: 5_000)
    let source = SourceFile(path: "long.coach.yaml", text: long + "\n")
    let offset = 7 + 5_000
    let diagnostic = Diagnostic.error(
      "Y002", "control character", at: source.span(from: offset, to: offset + 1), label: "here")
    let text = DiagnosticRenderer().render(diagnostic, in: source)
    #expect(text.count < 600)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let shown = lines[2]
    let caret = lines[3]
    #expect(shown.hasPrefix("1 | …"))
    #expect(shown.hasSuffix("…"))
    // The caret sits under the replacement character that stands for the control character.
    let shownScalars = Array(shown.unicodeScalars)
    let caretScalars = Array(caret.unicodeScalars)
    let at = caretScalars.firstIndex(of: "^")!
    #expect(shownScalars[at] == "\u{FFFD}")
  }
}
