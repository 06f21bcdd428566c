/// The rules of length and tone: shouting, rambling, curt, blunt, and I/you-heavy wording.
extension Evaluator {
  /// Shouting, rambling, curt replies and I/you-heavy wording. `step` is the step the
  /// conversation is at, if known.
  func lengthAndTone(
    _ found: inout [Found], _ analysis: TextAnalysis, isOpen: Bool, questions: SentenceFlags,
    step: Step?
  ) {
    let b = builtins
    let t = thresholds
    let tokens = analysis.tokens
    if b.shouting >= 0 {
      var capitals = false
      var i = 0
      while i < tokens.count {
        guard tokens[i].has(Token.caps), !tokens[i].is(WordClass.acronym) else {
          i += 1
          continue
        }
        var j = i
        var words = 0
        while j < tokens.count, tokens[j].has(Token.caps), !tokens[j].is(WordClass.acronym) {
          if !tokens[j].has(Token.continuation) { words += 1 }
          j += 1
        }
        if words >= t.capsMinWords {
          capitals = true
          found.append(
            Found(
              group: b.shouting, span: analysis.span(i, j - 1), first: i, end: j,
              cue: evidence(.capitals, ["n": "\(words)"]), weight: weights[b.shouting]))
        }
        i = j
      }
      // "So sorry!!" is warmth; "!!" shouts only beside words in capitals.
      for run in analysis.exclamationRuns where capitals {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if tokens[mid].span.end <= run.start { lo = mid + 1 } else { hi = mid }
        }
        let at = max(0, lo - 1)
        found.append(
          Found(
            group: b.shouting, span: run, first: at, end: min(at + 1, max(tokens.count, 1)),
            cue: evidence(.exclamations, ["n": "\(run.end - run.start)"]),
            weight: weights[b.shouting]))
      }
    }
    guard !tokens.isEmpty else { return }
    let all = analysis.span(0, tokens.count - 1)
    if b.rambling >= 0 {
      if analysis.wordCount >= t.ramblingMinWords {
        found.append(
          Found(
            group: b.rambling, span: all, first: 0, end: tokens.count,
            cue: evidence(
              .longReply, ["n": "\(analysis.wordCount)", "min": "\(t.ramblingMinWords)"]),
            weight: weights[b.rambling]))
      } else {
        for sentence in analysis.sentences {
          var words = 0
          for i in sentence.tokens where !tokens[i].has(Token.continuation) { words += 1 }
          // A summary lists what the customer said: a long one is thorough, not rambling.
          let summarises = found.contains {
            $0.group == b.summary && $0.first >= sentence.tokens.lowerBound
              && $0.first < sentence.tokens.upperBound
          }
          if words >= t.ramblingSentenceWords, !summarises {
            found.append(
              Found(
                group: b.rambling, span: sentence.span, first: sentence.tokens.lowerBound,
                end: sentence.tokens.upperBound,
                cue: evidence(
                  .longSentence, ["n": "\(words)", "min": "\(t.ramblingSentenceWords)"]),
                weight: weights[b.rambling]))
            break
          }
        }
      }
    }
    // Whole sentences and fragments: a sentence that starts with a subject, or with the
    // auxiliary or question word a question starts with, is whole; one that starts with a bare
    // command verb, or anything else, is a fragment or an order. The first order is kept.
    let softeners = b.softener
    let commands = b.commandVerb
    var fragments = 0
    var commandAt = -1
    for (index, sentence) in analysis.sentences.enumerated() {
      var i = sentence.tokens.lowerBound
      while i < sentence.tokens.upperBound, tokens[i].is(WordClass.leadIn) { i += 1 }
      guard i < sentence.tokens.upperBound else { continue }
      let first = tokens[i]
      let whole =
        first.classes & commands == 0
        && (first.is(WordClass.subject)
          || (questions[index] && first.classes & (WordClass.auxiliary | WordClass.wh) != 0))
      if !whole { fragments += 1 }
      // "Talk me through what happened" asks for the customer's account: an open request, not
      // an order.
      if first.classes & commands != 0, commandAt < 0, !(isOpen && questions[index]) {
        commandAt = i
      }
    }
    // Curt: a short reply with nothing for the customer's feelings, no warmth and no open
    // question. Before the customer has been heard (at the empathy step, or with no step
    // known) a few words of business read as brusque whether or not they make whole sentences:
    // "What's your order number?", "I'll add that to the notes.", "Sure." Once they have been,
    // a short question or offer is focused, and only fragments and bare orders are curt
    // ("Noted. Order number?", "Done. Bye."). Politeness alone ("please", "one moment", "bye")
    // does not warm a reply; "Thanks, glad that's sorted" or "So sorry, what's the order
    // number?" are not curt.
    let heard = step.map { $0 != .empathy } ?? false
    if b.curt >= 0, analysis.wordCount <= t.curtMaxWords, !isOpen,
      !found.contains(where: {
        isSignal[$0.group]
          && (stepIndex[$0.group] == Step.empathy.index || stepIndex[$0.group] == Step.check.index)
      }),
      !tokens.contains(where: { $0.classes & b.warmth != 0 }),
      !heard || analysis.wordCount <= 3 || fragments * 2 >= analysis.sentences.count
    {
      found.append(
        Found(
          group: b.curt, span: all, first: 0, end: tokens.count,
          cue: evidence(
            analysis.wordCount == 1 ? .shortReplyOne : .shortReply,
            ["n": "\(analysis.wordCount)"]),
          weight: weights[b.curt]))
    }
    // Tone: an order, or a hostile anti-pattern, with nothing to soften it (no softener, no
    // empathy) reads as blunt ("Pay the balance.", "Calm down, it's policy.").
    let softened =
      tokens.contains(where: { $0.classes & softeners != 0 })
      || found.contains(where: { isSignal[$0.group] && stepIndex[$0.group] == Step.empathy.index })
    if b.blunt >= 0, !softened, !found.contains(where: { $0.group == b.blunt }) {
      if let hostile = found.first(where: { $0.cueIndex >= 0 && groups[$0.group].hostile }) {
        // The tone of the whole reply: nothing in it softens the anti-pattern.
        found.append(
          Found(
            group: b.blunt, span: all, first: 0, end: tokens.count,
            cue: evidence(.unsoftened, ["id": groups[hostile.group].id]),
            weight: weights[b.blunt], rewrites: false))
      } else if commandAt >= 0, analysis.wordCount <= t.bluntMaxWords {
        let sentence = analysis.sentences[Int(tokens[commandAt].sentence)]
        found.append(
          Found(
            group: b.blunt, span: sentence.span, first: sentence.tokens.lowerBound,
            end: sentence.tokens.upperBound, cue: evidence(.bareOrder),
            weight: weights[b.blunt]))
      }
    }
    if b.iYou >= 0 {
      // I/you-heavy wording divides in a disagreement; a sentence that empathises, owns the
      // problem or commits to something ("I'm sorry I let you down", "I'll call you") with a
      // full cue (not a weak one) is first- and second-person by nature, so its words count
      // only beside an anti-pattern.
      var cooperative = SentenceFlags(count: analysis.sentences.count)
      var faulted = SentenceFlags(count: analysis.sentences.count)
      for f in found where f.first < tokens.count {
        let sentence = Int(tokens[f.first].sentence)
        if !isSignal[f.group] {
          if f.cueIndex >= 0 { faulted[sentence] = true }
        } else if f.cueIndex >= 0, matcher.cues[Int(f.cueIndex)].tag & 3 == Self.roleStrong,
          stepIndex[f.group] == Step.empathy.index || stepIndex[f.group] == Step.offer.index
        {
          cooperative[sentence] = true
        }
      }
      var iYou = 0
      var we = 0
      for token in tokens {
        let sentence = Int(token.sentence)
        if token.is(WordClass.first) || token.is(WordClass.second),
          !cooperative[sentence] || faulted[sentence]
        {
          iYou += 1
        }
        if token.is(WordClass.collective) { we += 1 }
      }
      if we == 0, iYou >= t.iYouMinCount, iYou * 100 >= t.iYouMinPercent * tokens.count {
        var bestSentence = analysis.sentences[0]
        var bestCount = -1
        for sentence in analysis.sentences {
          var c = 0
          let index = Int(tokens[sentence.tokens.lowerBound].sentence)
          if cooperative[index] && !faulted[index] { continue }
          for i in sentence.tokens
          where tokens[i].is(WordClass.first) || tokens[i].is(WordClass.second) {
            c += 1
          }
          if c > bestCount {
            bestCount = c
            bestSentence = sentence
          }
        }
        found.append(
          Found(
            group: b.iYou, span: bestSentence.span, first: bestSentence.tokens.lowerBound,
            end: bestSentence.tokens.upperBound,
            cue: evidence(.iYou, ["n": "\(iYou)", "m": "\(tokens.count)"]),
            weight: weights[b.iYou]))
      }
    }
  }
}
