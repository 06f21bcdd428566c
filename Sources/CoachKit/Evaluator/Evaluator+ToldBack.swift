/// The told-back rule: the customer's story in a summary is not the rep's own blame or defence.
extension Evaluator {
  /// A summary tells the customer's story back in the customer's terms: "so let me check I've got
  /// it: you never saw the bill coming", "to summarise: you feel you were refused on a
  /// technicality". An anti-pattern that yields to a summary (`yields-to-summary`) is taken back
  /// when, in a sentence that asks nothing (or only asks "…, is that right?"), a summary cue comes
  /// before it, or when the sentence before only announces one ("Let me check I've got it.").
  /// A summary cue that starts with "you" ("you said…", "so you signed…") reports what the
  /// customer did, which an arguing rep uses too, so it takes nothing back; nor does a summary
  /// take back words in the rep's own voice ("I", "we", "our") between its cue and the end of the
  /// anti-pattern ("to summarise: I'm afraid that's not possible").
  func toldBack(_ found: inout [Found], _ analysis: TextAnalysis, questions: SentenceFlags) {
    let summary = builtins.summary
    guard summary >= 0,
      found.contains(where: { !isSignal[$0.group] && groups[$0.group].yieldsToSummary })
    else { return }
    let tokens = analysis.tokens
    let count = analysis.sentences.count
    // A sentence that asks more than a tag ("…, right?") is no summary told back.
    var asks = [Bool](repeating: false, count: count)
    for index in 0..<count { asks[index] = asksBeyondATag(index, analysis, questions: questions) }
    // Per sentence, its first summary cue that tells back (first word and end; none: -1), and
    // whether it has a hostile anti-pattern.
    var telling = [(first: Int, end: Int)](repeating: (-1, -1), count: count)
    var hostile = [Bool](repeating: false, count: count)
    for f in found where f.first < tokens.count {
      let sentence = Int(tokens[f.first].sentence)
      if !isSignal[f.group], groups[f.group].hostile { hostile[sentence] = true }
      guard f.group == summary, f.cueIndex >= 0, !asks[sentence] else { continue }
      let reports = (f.first..<min(f.end, f.first + 2)).contains {
        tokens[$0].is(WordClass.second)
      }
      if !reports, telling[sentence].first < 0 || f.first < telling[sentence].first {
        telling[sentence] = (f.first, f.end)
      }
    }
    // Sentences that only announce a summary, as the engine reads them.
    var announces = [Bool](repeating: false, count: count)
    for index in 0..<count where telling[index].first >= 0 && !hostile[index] {
      let cue = telling[index].first..<telling[index].end
      announces[index] = onlyAnnounces(index, analysis) { cue.contains($0) }
    }
    found.removeAll { f in
      guard !isSignal[f.group], groups[f.group].yieldsToSummary, f.first < tokens.count else {
        return false
      }
      let sentence = Int(tokens[f.first].sentence)
      guard !asks[sentence] else { return false }
      let from: Int
      if telling[sentence].first >= 0, telling[sentence].first < f.first {
        from = telling[sentence].end
      } else if sentence > 0, announces[sentence - 1] {
        from = analysis.sentences[sentence].tokens.lowerBound
      } else {
        return false
      }
      // The rep's own words ("it's not our fault", "I'm afraid that's not possible") are no
      // one's story told back.
      return !(from..<f.end).contains {
        tokens[$0].is(WordClass.first) || tokens[$0].is(WordClass.collective)
      }
    }
  }

  /// Whether sentence `index` asks something, other than a tag question ("…, right?", "…, is
  /// that fair?" ends on a tag word) that asks the customer to confirm a statement.
  func asksBeyondATag(_ index: Int, _ analysis: TextAnalysis, questions: SentenceFlags) -> Bool {
    guard questions[index] else { return false }
    let sentence = analysis.sentences[index].tokens
    let last = sentence.upperBound - 1
    return !(last >= sentence.lowerBound && analysis.tokens[last].classes & builtins.tag != 0)
  }

  /// Whether sentence `index` only announces what follows: at most two content words outside
  /// the tokens `covered` ("So let me check I've got it.", "Let me say it back so I'm sure I have
  /// it right.").
  func onlyAnnounces(
    _ index: Int, _ analysis: TextAnalysis, covered: (Int) -> Bool
  ) -> Bool {
    let outside = analysis.sentences[index].tokens.filter { !covered($0) }
    return contentStems(in: analysis, tokens: outside).count <= 2
  }
}
