/// The contrast rule: "but" taking back the empathy before it, or a policy the rep then bends.
extension Evaluator {
  /// "I understand, but…": a contrast word takes back the empathy before it in the sentence (or,
  /// starting a sentence, in the sentence before).
  func contrast(_ found: inout [Found], _ analysis: TextAnalysis) {
    let tokens = analysis.tokens
    guard builtins.contrast >= 0 else { return }
    // Per sentence: the last contrast word with at least two words after it.
    var anyContrast = false
    for sentence in analysis.sentences where !anyContrast {
      for i in sentence.tokens
      where tokens[i].is(WordClass.contrast) && sentence.tokens.upperBound - i - 1 >= 2 {
        anyContrast = true
        break
      }
    }
    guard anyContrast else { return }
    var lastContrast = [Int](repeating: -1, count: analysis.sentences.count)
    for (index, sentence) in analysis.sentences.enumerated() {
      for i in sentence.tokens where tokens[i].is(WordClass.contrast) {
        if sentence.tokens.upperBound - i - 1 >= 2 { lastContrast[index] = i }
      }
    }
    guard lastContrast.contains(where: { $0 >= 0 }) else { return }
    // "The policy says 30 days, but I'm making an exception": an anti-pattern that yields to a
    // contrast is taken back when, after the contrast word in its sentence, the rep names what
    // they do (`i` or `we`, not negated).
    found.removeAll { f in
      guard !isSignal[f.group], groups[f.group].yieldsToContrast, f.first < tokens.count else {
        return false
      }
      let sentence = analysis.sentences[Int(tokens[f.first].sentence)]
      let here = lastContrast[Int(tokens[f.first].sentence)]
      guard here >= f.end else { return false }
      return ((here + 1)..<sentence.tokens.upperBound).contains { j in
        let holder = clauseReader.subject(of: tokens[j])
        return (holder == .i || holder == .we) && !tokens[j].has(Token.negated)
          && !analysis.clauses[Int(tokens[j].clause)].negated
      }
    }
    var used = Set<Int>()
    found.removeAll { f in
      guard isSignal[f.group], stepIndex[f.group] == 0 else { return false }
      let sentence = Int(tokens[f.first].sentence)
      let here = lastContrast[sentence]
      if here >= f.end {
        used.insert(here)
        return true
      }
      if sentence + 1 < analysis.sentences.count {
        let next = lastContrast[sentence + 1]
        if next >= 0, next == analysis.sentences[sentence + 1].tokens.lowerBound {
          used.insert(next)
          return true
        }
      }
      return false
    }
    for i in used.sorted() {
      let token = tokens[i]
      found.append(
        Found(
          group: builtins.contrast, span: token.span, first: i, end: i + 1,
          cue: evidence(.contrast, ["word": analysis.text(token.span).lowercased()]),
          weight: weights[builtins.contrast]))
    }
  }
}
