import CoachKit
import Testing

/// The last boundary before a terminal or a human-readable file, and the JSON reader's member
/// sources (used to echo ids byte for byte).
@Suite struct OutputBoundaryTests {
  @Test func onlyColourCodesSurviveTheTerminalBoundary() {
    let styled = "\u{1B}[1m\u{1B}[36mDana\u{1B}[0m: hello"
    #expect(TerminalSafe.cleanOutput(styled, keepingStyles: true) == styled)
    let hostile = "Sam\u{1B}]52;c;aGk=\u{07}\u{1B}[2J Reid\u{9B}31m"
    let cleaned = TerminalSafe.cleanOutput(hostile, keepingStyles: true)
    #expect(
      !cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    #expect(cleaned.contains("52;c;aGk="))
    // An unterminated or non-SGR CSI is not a style.
    #expect(TerminalSafe.cleanOutput("\u{1B}[31", keepingStyles: true) == "␛[31")
    #expect(TerminalSafe.cleanOutput("\u{1B}[?2004h", keepingStyles: true) == "␛[?2004h")
  }

  @Test func filesKeepLinesAndCRLFButNoEscapes() {
    #expect(TerminalSafe.cleanOutput("a,b\r\nc\n", keepingStyles: false) == "a,b\r\nc\n")
    #expect(TerminalSafe.cleanOutput("over\rwrite", keepingStyles: false) == "overwrite")
    #expect(
      TerminalSafe.cleanOutput("\u{1B}[1mbold\u{1B}[0m", keepingStyles: false)
        == "␛[1mbold␛[0m")
  }

  @Test func objectMembersKeepTheirSourceText() throws {
    let members = try #require(
      try JSONValue.parseObject(#"{ "id" : 1e2 , "text": "h\u00e9", "n": [1, {"a": 2}] }"#))
    #expect(members.map(\.key) == ["id", "text", "n"])
    #expect(members.map { String($0.source) } == ["1e2", #""h\u00e9""#, #"[1, {"a": 2}]"#])
    #expect(members[0].value == .double(100))
    #expect(members[1].value == .string("hé"))
    #expect(try JSONValue.parseObject("[1]") == nil)
    #expect(throws: JSONValue.ParseError.self) { try JSONValue.parseObject(#"{"id": }"#) }
    // Sources after non-ASCII text are still found in the right place.
    let after = try #require(
      try JSONValue.parseObject(#"{"text": "😀é", "id": 12345678901234567890}"#))
    #expect(String(after[1].source) == "12345678901234567890")
  }

  @Test func theSerialiserEscapesEveryControlCharacter() throws {
    let text = "a\u{85}b\u{2028}\u{1B}\u{7F}\"\\\n\té\u{A0}—\u{2029}😀"
    #expect(
      JSONValue.string(text).serialized()
        == #""a\u0085b\u2028\u001b\u007f\"\\\n\té\#u{A0}—\u2029😀""#)
    #expect(try JSONValue.parse(JSONValue.string(text).serialized()) == .string(text))
    #expect(JSONValue.int(Int.min).serialized() == String(Int.min))
    #expect(JSONValue.int(-12_345_678_901).serialized() == "-12345678901")
    #expect(JSONValue.double(2).serialized() == "2.0")
    // Every digit count, at and around each power of ten, both signs.
    var power = 1
    for _ in 0..<19 {
      for n in [power - 1, power, power + 1, -power, 9 * power] {
        #expect(JSONValue.int(n).serialized() == String(n))
      }
      if power <= Int.max / 10 { power *= 10 }
    }
    #expect(JSONValue.int(Int.max).serialized() == String(Int.max))
    var bytes: [UInt8] = []
    JSONValue.object([("k", [1, "x"])]).appendSerialized(to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == #"{"k":[1,"x"]}"#)
  }
}
