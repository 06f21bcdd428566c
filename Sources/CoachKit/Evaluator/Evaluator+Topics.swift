/// Content words: what a question asks about or an offer names, for matching against a
/// scenario's facts and options (``TopicIndex``). Words are compared by stem: an id of the
/// vocabulary's stem table, or the stem's own bytes for a word the lexicon does not know, so the
/// same word matches across replies, cue phrases and customer lines.
extension Evaluator {
  /// The stem of a token of an analysed reply, comparable across analyses.
  func stem(of token: Token, in analysis: TextAnalysis) -> Tokenizer.Stem {
    token.stem & Token.localStem == 0
      ? .known(token.stem) : .unknown(Array(analysis.localStemBytes(token.stem)))
  }

  /// The stems of the content words among `tokens` of an analysed reply: no function words
  /// (articles, pronouns, auxiliaries, question words…), no numbers, none of `excluding`.
  func contentStems(
    in analysis: TextAnalysis, tokens: some Sequence<Int>, excluding: Set<Tokenizer.Stem> = []
  ) -> [Tokenizer.Stem] {
    var stems: [Tokenizer.Stem] = []
    for i in tokens {
      let token = analysis.tokens[i]
      guard !token.is(Self.functionWords), !token.has(Token.number) else { continue }
      let stem = stem(of: token, in: analysis)
      if !excluding.contains(stem), !stems.contains(stem) { stems.append(stem) }
    }
    return stems
  }

  /// The stems of the content words of `text` (a cue phrase, an example, a customer's line).
  func contentStems(of text: String, excluding: Set<Tokenizer.Stem> = []) -> [Tokenizer.Stem] {
    let analysis = tokenizer.analyse(text)
    return contentStems(in: analysis, tokens: analysis.tokens.indices, excluding: excluding)
  }

  /// The stems of every word of `words` (function words included).
  func stems(of words: [String]) -> Set<Tokenizer.Stem> {
    Set(tokenizer.stems(of: Array(words.joined(separator: " ").utf8)))
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
