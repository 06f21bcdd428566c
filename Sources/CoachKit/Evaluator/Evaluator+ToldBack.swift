/// The told-back rule: the customer's story in a summary is not the rep's own blame or defence.
extension Evaluator {
  /// A summary tells the customer's story back in the customer's terms: "so let me check I've got
  /// it: you never saw the bill coming", "to summarise: you feel you were refused on a
  /// technicality". An anti-pattern that yields to a summary (`yields-to-summary`) is taken back
  /// when, in a sentence that asks nothing, a summary cue comes before it, or when the sentence
  /// before only announces one ("Let me check I've got it."). A summary cue that starts with
  /// "you" ("you said…", "so you signed…") reports what the customer did, which an arguing rep
  /// uses too, so it takes nothing back; nor does a summary take back words in the rep's own
  /// voice ("I", "we", "our").
  func toldBack(_ found: inout [Found], _ analysis: TextAnalysis, questions: SentenceFlags) {
    let summary = builtins.summary
    guard summary >= 0,
      found.contains(where: { !isSignal[$0.group] && groups[$0.group].yieldsToSummary })
    else { return }
    let tokens = analysis.tokens
    // Per sentence, where its first summary cue that tells back starts (-1: none), and whether it
    // has a hostile anti-pattern.
    let count = analysis.sentences.count
    var telling = [Int](repeating: -1, count: count)
    var hostile = [Bool](repeating: false, count: count)
    for f in found where f.first < tokens.count {
      let sentence = Int(tokens[f.first].sentence)
      if !isSignal[f.group], groups[f.group].hostile { hostile[sentence] = true }
      guard f.group == summary, f.cueIndex >= 0, !questions[sentence] else { continue }
      let reports = (f.first..<min(f.end, f.first + 2)).contains {
        tokens[$0].is(WordClass.second)
      }
      if !reports, telling[sentence] < 0 || f.first < telling[sentence] {
        telling[sentence] = f.first
      }
    }
    // Sentences that only announce a summary: its cue ends within four words of their end
    // ("Let me make sure I have this right.").
    var announces = [Bool](repeating: false, count: count)
    for f in found where f.group == summary && f.first < tokens.count {
      let index = Int(tokens[f.first].sentence)
      let end = analysis.sentences[index].tokens.upperBound
      if f.first == telling[index], !hostile[index], end - f.end <= 4 { announces[index] = true }
    }
    found.removeAll { f in
      guard !isSignal[f.group], groups[f.group].yieldsToSummary, f.first < tokens.count else {
        return false
      }
      let sentence = Int(tokens[f.first].sentence)
      guard !questions[sentence] else { return false }
      // The rep's own words ("it's not our fault", "I did everything right") are no one's story
      // told back.
      let own = (f.first..<f.end).contains {
        tokens[$0].is(WordClass.first) || tokens[$0].is(WordClass.collective)
      }
      guard !own else { return false }
      if telling[sentence] >= 0, telling[sentence] < f.first { return true }
      return sentence > 0 && announces[sentence - 1]
    }
  }
}
