import CoachKit
import Testing

@Suite struct TextWrapperTests {
  @Test func emptyTextIsOneEmptyLine() {
    #expect(TextWrapper.lines("", width: 10) == [""])
    #expect(TextWrapper.wrap("", width: 10) == "")
  }

  @Test func shortTextIsUnchanged() {
    #expect(TextWrapper.wrap("one two", width: 20) == "one two")
  }

  @Test func textExactlyTheWidthFitsOnOneLine() {
    #expect(TextWrapper.lines("one two", width: 7) == ["one two"])
  }

  @Test func wrapsAtSpacesWithoutTrailingSpaces() {
    #expect(
      TextWrapper.lines("the quick brown fox jumps over the lazy dog", width: 10) == [
        "the quick", "brown fox", "jumps over", "the lazy", "dog",
      ])
  }

  @Test func collapsesRunsOfSpaces() {
    #expect(TextWrapper.wrap("a   b  c", width: 20) == "a b c")
  }

  @Test func keepsExplicitNewlinesAndEmptyLines() {
    #expect(
      TextWrapper.lines("first line\n\nthird line here", width: 10) == [
        "first line", "", "third line", "here",
      ])
    #expect(TextWrapper.lines("end\n", width: 10) == ["end", ""])
  }

  @Test func hangingIndentOnContinuationLinesOnly() {
    #expect(
      TextWrapper.lines("Dana: this is the third time it is late", width: 16, hangingIndent: 6)
        == ["Dana: this is", "      the third", "      time it is", "      late"])
  }

  @Test func hangingIndentRestartsForEachParagraph() {
    #expect(
      TextWrapper.lines("aaa bbb ccc\nddd eee fff", width: 20, hangingIndent: 2)
        .count == 2)
    #expect(
      TextWrapper.lines("aaaa bbbb\ncccc dddd", width: 12, hangingIndent: 2)
        == ["aaaa bbbb", "cccc dddd"])
  }

  @Test func hangingIndentTooWideForTheLineIsDropped() {
    #expect(TextWrapper.lines("aa bb cc", width: 4, hangingIndent: 3) == ["aa", "bb", "cc"])
  }

  @Test func breaksOverlongWords() {
    #expect(TextWrapper.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextWrapper.lines("go abcdefgh now", width: 5) == ["go", "abcde", "fgh", "now"])
  }

  @Test func breaksOverlongWordsAfterTheIndent() {
    #expect(
      TextWrapper.lines("x abcdefghijklmnopqrstuvwxyz", width: 12, hangingIndent: 2)
        == ["x", "  abcdefghij", "  klmnopqrst", "  uvwxyz"])
  }

  @Test func countsWideCharactersAsTwoCells() {
    // Each ideograph takes two cells: three of them fill six.
    #expect(TextWrapper.lines("日本語 日本語", width: 6) == ["日本語", "日本語"])
    #expect(TextWrapper.lines("日本語日本", width: 5) == ["日本", "語日", "本"])
  }

  @Test func combiningMarksTakeNoCells() {
    let word = "cafe\u{301}"  // "café" with a combining accent: four cells
    #expect(TextWrapper.lines("\(word) \(word)", width: 9) == ["\(word) \(word)"])
  }

  @Test func widthBelowOneIsTreatedAsOne() {
    #expect(TextWrapper.lines("ab", width: 0) == ["a", "b"])
  }

  @Test(arguments: [1, 2, 3, 5, 8, 13, 21, 40])
  func noLineIsWiderThanTheWidth(width: Int) {
    let text = "Dana is furious: the THIRD late delivery, a wedding on Saturday, no oven at all."
    for line in TextWrapper.lines(text, width: width, hangingIndent: 4) {
      #expect(DisplayWidth.of(line) <= width, "\(line)")
      #expect(!line.hasSuffix(" "))
    }
  }
}
