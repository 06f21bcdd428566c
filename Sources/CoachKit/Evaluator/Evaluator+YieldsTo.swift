/// The yields-to rule: an anti-pattern that a signal after it takes back.
extension Evaluator {
  /// "Our records show you paid twice, which is our error": the records named in order to own a
  /// mistake are no shield. An anti-pattern with `yields-to` signals is taken back when one of
  /// them follows it in its sentence, found by a full cue: a token "sorry" does not own anything,
  /// and sympathy before the shield ("I'm so sorry, but our records show it was delivered")
  /// leaves it standing.
  func yieldsTo(_ found: inout [Found], _ analysis: TextAnalysis) {
    let tokens = analysis.tokens
    guard
      found.contains(where: { f in
        !isSignal[f.group] && !groups[f.group].yieldsTo.isEmpty && f.first < tokens.count
      })
    else { return }
    // The signals found by a full cue: group, sentence, first word.
    let owning = found.compactMap { f -> (group: Int, sentence: Int32, first: Int)? in
      guard isSignal[f.group], f.first < tokens.count,
        f.cueIndex < 0 || matcher.cues[Int(f.cueIndex)].tag & 3 == Self.roleStrong
      else { return nil }
      return (f.group, tokens[f.first].sentence, f.first)
    }
    found.removeAll { f in
      guard !isSignal[f.group], !groups[f.group].yieldsTo.isEmpty, f.first < tokens.count else {
        return false
      }
      let sentence = tokens[f.first].sentence
      return owning.contains { s in
        s.sentence == sentence && s.first >= f.end && groups[f.group].yieldsTo.contains(s.group)
      }
    }
  }
}
