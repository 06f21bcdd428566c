import CoachTestSupport
import Testing

@testable import CoachKit

/// S014 beyond its golden file: each way into the check, and what it leaves alone.
@Suite struct TextCharactersTests {
  /// The S014 diagnostics of a one-key curriculum whose title is `title`.
  static func s014(_ title: String) -> [String] {
    let script = TestScripts.load("curriculum: c\ntitle: \(title)\n")
    return script.diagnostics.filter { $0.code == "S014" }.map {
      "\($0.span?.start.description ?? "-") \($0.message)"
    }
  }

  @Test func aTypedBidirectionalCharacterIsFoundWithoutAnyBackslash() {
    #expect(
      Self.s014("abc \u{2067}def") == [
        "2:12 U+2067 RIGHT-TO-LEFT ISOLATE is a bidirectional formatting character, not allowed in a script's text"
      ])
  }

  @Test func escapesAreReadOnlyInDoubleQuotes() {
    #expect(Self.s014(#"C:\temp\e"#).isEmpty, "a plain value's backslash is text")
    #expect(Self.s014(#"'say \e'"#).isEmpty, "so is a single-quoted one's")
    #expect(Self.s014(#""tab\there\nnext line\\e""#).isEmpty, "tab, line feed, backslash")
    #expect(
      Self.s014(#""a\u009Bb""#) == [
        "2:10 U+009B CONTROL SEQUENCE INTRODUCER is a control character, not allowed in a script's text"
      ])
  }

  @Test func ordinaryPunctuationIsNotMistakenForABidirectionalCharacter() {
    // `…` is E2 80 A6 and `’` E2 80 99, beside the refused E2 80 AA–AE.
    let bytes = Array("It’s late… — again".utf8)
    #expect(!bytes.withUnsafeBufferPointer(TextCharacters.hasBidirectionalCharacter))
    let refused = Array("x\u{202D}y".utf8) + Array("\u{2069}".utf8)
    #expect(refused.withUnsafeBufferPointer(TextCharacters.hasBidirectionalCharacter))
    #expect(Self.s014("It’s late… — again").isEmpty)
  }
}
