import CoachKit
import Testing

/// How the rep's words are shortened when a note or the debrief quotes them.
@Suite struct QuoteShortenerTests {
  static let long =
    "I'm so sorry, that sounds really frustrating, and I completely understand why you are upset."

  @Test func aShortQuoteIsKeptAsItIs() {
    #expect(QuoteShortener.shortened("that sounds stressful") == "that sounds stressful")
    let sixty = String(repeating: "abcd ", count: 12).dropLast() + "x"
    #expect(sixty.count == 60)
    #expect(QuoteShortener.shortened(String(sixty)) == String(sixty))
    #expect(QuoteShortener.shortened("") == "")
  }

  @Test func aLongQuoteKeepsItsStartCutAfterAWholeWord() {
    let short = QuoteShortener.shortened(Self.long)
    #expect(short == "I'm so sorry, that sounds really frustrating, and I…")
    #expect(short.count <= QuoteShortener.maxLength)
    #expect(Self.long.hasPrefix(short.dropLast()))
  }

  @Test func punctuationBeforeTheCutGoes() {
    // The last word that fits ends in a comma: "…frustrating,…" would read as a broken list.
    let text = "I'm so sorry, that is really frustrating, and I will sort it out today for you"
    #expect(
      QuoteShortener.shortened(text, maxLength: 42) == "I'm so sorry, that is really frustrating…")
  }

  @Test func aCutAfterAFinishedSentenceKeepsItsFullStop() {
    let text =
      "That sounds exhausting, and I want to get this right. Please tell me what happened."
    #expect(
      QuoteShortener.shortened(text) == "That sounds exhausting, and I want to get this right. …")
    #expect(QuoteShortener.shortened("Is that OK? Tell me.", maxLength: 15) == "Is that OK? …")
  }

  @Test func aFirstWordTooLongIsCutInside() {
    let word = String(repeating: "a", count: 80)
    #expect(QuoteShortener.shortened(word) == String(repeating: "a", count: 59) + "…")
  }

  @Test func aLongQuoteIsPutOnOneLine() {
    let text =
      "so you need it\n\nby Friday,   and   the   oven   died   on   Monday   morning   early"
    let short = QuoteShortener.shortened(text)
    #expect(!short.contains("\n") && !short.contains("  "))
    #expect(short.hasPrefix("so you need it by Friday, and the oven"))
  }

  @Test func noShortenedQuoteIsLongerThanTheLimit() {
    let words = Self.long.split(separator: " ")
    for count in 1...words.count {
      for limit in [5, 20, 60] {
        let text = words.prefix(count).joined(separator: " ")
        let short = QuoteShortener.shortened(text, maxLength: limit)
        #expect(short.count <= limit, "\(text) at \(limit): \(short)")
        #expect(text.count <= limit ? short == text : short.hasSuffix("…"))
      }
    }
  }
}
