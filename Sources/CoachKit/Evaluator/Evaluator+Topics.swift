/// Content words: what a question asks about or an offer names, for matching against a
/// scenario's facts and options (``TopicIndex``).
extension Evaluator {
  /// The stems of the content words among `tokens` of an analysed reply: no function words
  /// (articles, pronouns, auxiliaries, question words…), no numbers, none of `excluding`.
  func contentStems(
    in analysis: TextAnalysis, tokens: Range<Int>, excluding: Set<UInt64> = []
  ) -> [UInt64] {
    var stems: [UInt64] = []
    for i in tokens {
      let token = analysis.tokens[i]
      if token.is(Self.functionWords) || token.has(Token.number)
        || excluding.contains(token.stem)
      {
        continue
      }
      if !stems.contains(token.stem) { stems.append(token.stem) }
    }
    return stems
  }

  /// The stems of the content words of `text` (a cue phrase, an example, a customer's line).
  func contentStems(of text: String, excluding: Set<UInt64> = []) -> [UInt64] {
    let analysis = tokenizer.analyse(text)
    return contentStems(in: analysis, tokens: analysis.tokens.indices, excluding: excluding)
  }

  /// The stems of every word of `words` (function words included).
  func stems(of words: [String]) -> Set<UInt64> {
    var stems: [UInt64] = []
    tokenizer.appendStems(of: Array(words.joined(separator: " ").utf8), to: &stems)
    return Set(stems)
  }
}

extension Evaluator {
  /// The tokens of an analysed reply that start inside a range of Unicode scalar offsets.
  func tokens(in analysis: TextAnalysis, range: Range<Int>) -> Range<Int> {
    guard
      let first = analysis.tokens.firstIndex(where: { range.contains(Int($0.span.start)) }),
      let last = analysis.tokens.lastIndex(where: { range.contains(Int($0.span.start)) })
    else { return 0..<0 }
    return first..<(last + 1)
  }
}
