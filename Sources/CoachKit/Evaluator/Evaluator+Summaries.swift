/// The summary rules: echoes of the customer's words, restatements, and feelings before facts.
extension Evaluator {
  /// Reflective summaries: ones that echo the customer's words, and feelings before facts.
  func summaries(
    _ found: inout [Found], _ analysis: TextAnalysis, context: ReplyContext,
    questions: SentenceFlags, tips: inout [String]
  ) {
    let b = builtins
    guard b.summary >= 0 else { return }
    let tokens = analysis.tokens
    let soStem = b.soStem
    // Content words of the customer's line.
    // Stems as the reply's analysis names them (one the reply lacks can never be shared).
    var customerWords = Set<UInt32>()
    if let line = context.customerLine, !line.isEmpty {
      let customer = tokenizer.analyse(line)
      for t in customer.tokens where t.classes & Self.functionWords == 0 {
        if let stem = customer.stem(of: t, in: analysis) { customerWords.insert(stem) }
      }
    }
    do {
      // A clause about the rep ("…no way we can refund it") is the rep's own, not told back.
      func repsOwn(_ f: Found) -> Bool {
        guard let clause = analysis.clauses.first(where: { $0.tokens.contains(f.first) }) else {
          return false
        }
        return clause.tokens.contains {
          tokens[$0].is(WordClass.first) || tokens[$0].is(WordClass.collective)
        }
      }
      // Per sentence, from one pass over the findings so far: whether it is already a summary;
      // faulted (a sentence that blames, minimises or argues is no reflection, whatever words it
      // echoes; nor is one that offers or checks: "We'll cover the extra before Thursday's
      // meeting", though a time alone, the customer's deadline told back, offers nothing);
      // situational (other anti-patterns' words, "no way to pay it", "a nightmare",
      // may be the customer's situation told back in a "So…" restatement; any other reflection
      // they rule out); and faulted for a "So…" restatement (faulted, or such words in a clause
      // about the rep).
      var summarised = [Bool](repeating: false, count: analysis.sentences.count)
      var faulted = summarised
      var situational = summarised
      var faultedSo = summarised
      for f in found {
        let sentence = Int(tokens[f.first].sentence)
        if f.group == b.summary { summarised[sentence] = true }
        let antipattern = f.cueIndex >= 0 && !isSignal[f.group]
        if (antipattern && groups[f.group].hostile)
          || (isSignal[f.group] && !groups[f.group].auxiliary
            && (stepIndex[f.group] == Step.offer.index || stepIndex[f.group] == Step.check.index))
        {
          faulted[sentence] = true
          faultedSo[sentence] = true
        }
        if antipattern, !groups[f.group].hostile {
          situational[sentence] = true
          if repsOwn(f) { faultedSo[sentence] = true }
        }
      }
      let pastForms = b.pastForm
      for (index, sentence) in analysis.sentences.enumerated() {
        guard !summarised[index], !faulted[index] else { continue }
        // A question is a restatement only as a tag question ("…, right?", "…, yes?").
        if asksBeyondATag(index, analysis, questions: questions) { continue }
        // "You…" and "So…" sentences reflect with fewer shared words than other statements.
        var s = sentence.tokens.lowerBound
        // "So…", or "So" after other lead-ins ("Right, so…", "OK so…").
        var startsWithSo = false
        while s < sentence.tokens.upperBound, tokens[s].is(WordClass.leadIn) {
          if tokens[s].stem == soStem { startsWithSo = true }
          s += 1
        }
        guard s < sentence.tokens.upperBound else { continue }
        // Any other statement about the rep ("I…", "we…") is not a reflection.
        if !tokens[s].is(WordClass.second), !startsWithSo,
          tokens[s].is(WordClass.first) || tokens[s].is(WordClass.collective)
        {
          continue
        }
        // So does a phrase with no verb that starts with a number: their facts told back
        // ("Nine days without broadband and two no-shows", "Two hours late, cold, a dish
        // missing"), not a judgement of them ("Two buses isn't that bad").
        // (A phrase: its clause has no subject, and no auxiliary comes before a comma.)
        let clause = analysis.clauses[Int(tokens[s].clause)]
        var numberPhrase = tokens[s].is(WordClass.number) && clause.subjectToken < 0
        var k = s + 1
        while numberPhrase, k < sentence.tokens.upperBound, !tokens[k].has(Token.afterPunctuation) {
          if tokens[k].is(WordClass.auxiliary) { numberPhrase = false }
          k += 1
        }
        // A "you…" sentence that tells them what they will or must do, or supposes what would
        // have been ("You'll just have to hope the app works", "You'd have got an email if…"), is
        // no reflection of what they said ("You couldn't get through for three days" is).
        let tellsThem = tokens[s].is(WordClass.second) && directsOrSupposes(clause, tokens)
        let needed =
          (tokens[s].is(WordClass.second) && !tellsThem) || startsWithSo || numberPhrase
          ? thresholds.echoMinWords : thresholds.echoAnyMinWords
        // A long "So…" statement about the customer's side restates what they said, with or
        // without their line to compare ("So you moved in June, told us, and we've kept
        // sending bills to the old address").
        var words = 0
        for i in sentence.tokens where !tokens[i].has(Token.continuation) { words += 1 }
        // The whole sentence as a summary, with the rule's evidence.
        func summary(_ cue: String) -> Found {
          Found(
            group: b.summary, span: sentence.span, first: sentence.tokens.lowerBound,
            end: sentence.tokens.upperBound, cue: cue, weight: 1)
        }
        if startsWithSo, words >= thresholds.restatementMinWords,
          !(tokens[s].is(WordClass.first) || tokens[s].is(WordClass.collective)),
          !faultedSo[index]
        {
          found.removeAll {
            $0.cueIndex >= 0 && !isSignal[$0.group] && tokens[$0.first].sentence == Int32(index)
          }
          found.append(summary(evidence(.restatementSo)))
          continue
        }
        if situational[index] { continue }
        // A long statement of what the customer did ("Right, you ordered a 10, got an 8, sent it
        // back…"): "you" starting a clause about the past, and two or more things that happened
        // (not what is done for them now, "you're booked and it's all paid for", nor what would
        // have been, "you'd have got an email if…").
        var starts = [s]
        for i in sentence.tokens where i > s && tokens[i].has(Token.afterPunctuation) {
          starts.append(i)
        }
        if words >= thresholds.restatementMinWords,
          starts.contains(where: {
            let clause = analysis.clauses[Int(tokens[$0].clause)]
            return tokens[$0].is(WordClass.second) && clause.time == .past
              && !directsOrSupposes(clause, tokens)
          })
        {
          var events = 0
          for i in sentence.tokens where !tokens[i].has(Token.continuation) {
            if tokens[i].classes & pastForms != 0
              || analysis.text(tokens[i].span).lowercased().hasSuffix("ed")
            {
              events += 1
            }
          }
          if events >= 2 {
            found.append(summary(evidence(.restatementEvents)))
            continue
          }
        }
        guard !customerWords.isEmpty, !questions[index] else { continue }
        // Codes, long numbers and single letters read back ("KM19 TXE", "48213 on the 1st",
        // "ENR-2291-B") confirm details; they tell back nothing of what happened to the customer
        // (their quantities do: "four hours with a hundred and forty drivers in the yard").
        var shared: [Int] = []
        var stems = Set<UInt32>()
        for i in sentence.tokens where customerWords.contains(tokens[i].stem) {
          let t = tokens[i]
          let letter = t.span.end - t.span.start < 2 && !t.has(Token.number)
          if letter || (t.has(Token.number) && Self.isCode(analysis, t)) {
            continue
          }
          if stems.insert(t.stem).inserted { shared.append(i) }
        }
        if shared.count >= needed {
          let words = shared.prefix(4).map { analysis.text(tokens[$0].span).lowercased() }
          found.append(summary(evidence(.echo, ["words": words.joined(separator: ", ")])))
        }
      }
    }
    // Feelings first, facts second, inside each summary's sentence.
    let summaries = found.filter { $0.group == b.summary }
    var feelingsBySentence: [Int32: [Found]] = [:]
    if !summaries.isEmpty {
      for f in found where f.group == b.feeling {
        feelingsBySentence[tokens[f.first].sentence, default: []].append(f)
      }
    }
    var factsFirst = false
    var doneSentences = Set<Int32>()
    // Where the reply's first summary sentence starts.
    let firstSummary =
      summaries.map { analysis.sentences[Int(tokens[$0.first].sentence)].tokens.lowerBound }.min()
      ?? 0
    for summary in summaries {
      guard doneSentences.insert(tokens[summary.first].sentence).inserted else { continue }
      let sentence = analysis.sentences[Int(tokens[summary.first].sentence)]
      let feelings = feelingsBySentence[tokens[summary.first].sentence] ?? []
      // A feeling named, or the situation validated, before the reply's first summary comes
      // first too ("That's a rotten week. So you bought it for the new job, and it's still
      // sealed."); one after it does not, so saying it all twice earns nothing more.
      if feelings.isEmpty,
        let earlier = found.first(where: {
          ($0.group == b.feeling || $0.group == b.validation) && $0.end <= firstSummary
        })
      {
        if b.feelingsFirst >= 0 {
          found.append(
            Found(
              group: b.feelingsFirst, span: earlier.span, first: earlier.first, end: earlier.end,
              cue: evidence(.feelingsFirst), weight: weights[b.feelingsFirst]))
        }
        continue
      }
      let firstFeeling = feelings.map(\.first).min()
      var firstFact: Int?
      for i in sentence.tokens where i < summary.first || i >= summary.end {
        let t = tokens[i]
        if t.has(Token.number) || t.is(WordClass.factNoun)
          || (customerWords.contains(t.stem) && t.classes & Self.functionWords == 0
            && !feelings.contains(where: { $0.first <= i && i < $0.end }))
        {
          firstFact = i
          break
        }
      }
      if let feeling = firstFeeling, firstFact.map({ feeling < $0 }) ?? true {
        if b.feelingsFirst >= 0, let f = feelings.first(where: { $0.first == feeling }) {
          found.append(
            Found(
              group: b.feelingsFirst, span: f.span, first: f.first, end: f.end,
              cue: evidence(.feelingsFirst), weight: weights[b.feelingsFirst]))
        }
      } else if firstFact != nil {
        factsFirst = true
      }
    }
    if factsFirst, let tip = tipTexts[Lexicon.TipKey.factsFirst] { tips.append(tip) }
  }

  /// Whether a clause tells its subject what they will, must, should or can do, or supposes what
  /// would have been ("would" then an auxiliary: "you'd have got an email if…"); a "would" before
  /// a verb tells what happened ("you'd rung twice", where the contraction stood for "had").
  func directsOrSupposes(_ clause: Clause, _ tokens: [Token]) -> Bool {
    switch clause.modality {
    case .will, .must, .should, .can: return true
    case .would:
      for k in clause.tokens where clauseReader.modality(of: tokens[k]) == .would {
        return k + 1 < clause.tokens.upperBound && tokens[k + 1].is(WordClass.auxiliary)
      }
      return false
    case .could, .might, .none: return false
    }
  }

  /// Whether a token with digits reads as a code or a reference rather than an amount: digits
  /// mixed with letters ("km19", "1st"), or four digits or more ("48213", "2291").
  static func isCode(_ analysis: TextAnalysis, _ token: Token) -> Bool {
    var digits = 0
    var letters = false
    for byte in analysis.bytes[Int(token.span.byteStart)..<Int(token.span.byteEnd)] {
      if byte >= 0x30, byte <= 0x39 {
        digits += 1
      } else if (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A {
        letters = true
      }
    }
    return letters || digits >= 4
  }

  /// Words that carry no content of their own.
  static let functionWords: UInt64 =
    WordClass.stopword | WordClass.first | WordClass.second | WordClass.collective
    | WordClass.auxiliary | WordClass.negator | WordClass.wh | WordClass.subject
    | WordClass.leadIn | WordClass.clauseBreak | WordClass.contrast
}
