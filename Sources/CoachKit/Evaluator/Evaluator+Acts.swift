/// One primary act per sentence.
extension Evaluator {
  /// question, else a statement.
  func acts(found: [Found], analysis: TextAnalysis, questions: SentenceFlags) -> [SentenceAct] {
    let tokens = analysis.tokens
    var offers = SentenceFlags(count: analysis.sentences.count)
    var checks = SentenceFlags(count: analysis.sentences.count)
    for f in found where f.first < tokens.count && isSignal[f.group] && f.cueIndex >= 0 {
      let sentence = Int(tokens[f.first].sentence)
      if stepIndex[f.group] == Step.offer.index, !groups[f.group].auxiliary {
        offers[sentence] = true
      }
      if stepIndex[f.group] == Step.check.index { checks[sentence] = true }
    }
    return analysis.sentences.indices.map { i in
      let act: ReplyAct =
        offers[i] ? .offer : checks[i] ? .check : questions[i] ? .question : .statement
      let span = analysis.sentences[i].span
      return SentenceAct(act: act, range: Int(span.start)..<Int(span.end))
    }
  }
}
