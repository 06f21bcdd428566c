import CoachKit
import Testing

/// Normalisation, contractions, sentences, negation and questions, through the public API.
@Suite struct EvaluatorTextTests {
  let e = LexiconFixture.evaluator

  @Test func curlyQuotesAndContractionsMatchLikeStraightOnes() {
    for reply in [
      "We can’t do that.", "We can't do that.", "We cannot do that.", "We can not do that.",
    ] {
      let a = e.assess(reply)
      #expect(a.has(antipattern: "cannot"), "\(reply)")
      #expect(a.antipatterns.first?.text.lowercased().hasPrefix("we can") == true)
    }
  }

  @Test func caseAccentsAndWidthAreFolded() {
    #expect(e.assess("SO SORRY about this").has(signal: "apology"))
    #expect(e.assess("Ｓｏｒｒｙ about this").has(signal: "apology"))
    #expect(e.assess("I can offer a café voucher.").has(signal: "option"))
  }

  @Test func offsetsCountUnicodeScalarsOfTheOriginal() {
    let reply = "🙂 Je suis désolé… I’m sorry."
    let a = e.assess(reply)
    let apology = a.signals.first { $0.id == "apology" }
    #expect(apology?.text == "sorry")
    let scalars = Array(reply.unicodeScalars)
    if let r = apology?.range {
      #expect(String(String.UnicodeScalarView(scalars[r])) == "sorry")
    }
  }

  @Test func zeroWidthAndSoftHyphensDoNotSplitWords() {
    #expect(e.assess("I'm so\u{00AD}rry").has(signal: "apology"))
    #expect(e.assess("so\u{200B}rry for that").has(signal: "apology"))
  }

  @Test func sentencesSplitOnTerminatorsButNotAbbreviationsOrNumbers() {
    // "Mr." does not end the sentence, so the question is one sentence.
    let a = e.assess("Did Mr. Patel get the 2.5 kg parcel?")
    #expect(a.signals.filter { $0.id == "question" }.count == 1)
    let b = e.assess("I'm sorry. What happened? Tell me more.")
    #expect(b.signals.filter { $0.id == "question" }.count == 2)
  }

  @Test func negationReachesTheEndOfItsClause() {
    #expect(!e.assess("That's not a problem.").has(antipattern: "reframe"))
    #expect(e.assess("That's not ideal, and it's a problem.").has(antipattern: "reframe"))
    #expect(!e.assess("It's not a disaster.").has(antipattern: "catastrophe"))
    #expect(e.assess("That's not ideal, and it's a disaster.").has(antipattern: "catastrophe"))
    #expect(!e.assess("I'm not blaming you.").has(antipattern: "blame"))
    #expect(
      e.assess("I'm not saying it's bad, but you should have called.").has(antipattern: "blame"))
    // Four words and more after the negator, in the same clause.
    #expect(!e.assess("I'm not saying it was your fault.").has(antipattern: "blame"))
    let plan = e.compile(["payment plan"])
    let negated = e.matches(plan, in: e.assess("I'm not able to offer a payment plan."))
    #expect(negated.count == 1 && negated.first?.negated == true)
    let offered = e.matches(
      plan, in: e.assess("I'm not able to waive it, but a payment plan works."))
    #expect(offered.count == 1 && offered.first?.negated == false)
    // `and` starts a new clause.
    let a = e.assess("I won't keep you waiting and I'll send a replacement today.")
    #expect(a.has(signal: "option") && a.has(signal: "timeframe"))
  }

  @Test func aWildcardMatchesAnyWordEvenOneOfNoClass() {
    let set = e.compile(["refund * * today", "{day} * *"])
    let found = e.matches(set, in: e.assess("I'll refund the payment today."))
    #expect(found.map(\.text) == ["refund the payment today"])
    #expect(e.matches(set, in: e.assess("I'll refund it today.")).isEmpty)
    #expect(
      e.matches(set, in: e.assess("Thursday works fine.")).map(\.text) == ["Thursday works fine"])
    let extra = Evaluator(
      lexicon: LexiconFixture.lexicon, extraCues: ["option": ["swap * * for"]])
    #expect(extra.assess("We can swap the blender for a new one.").has(signal: "option"))
  }

  @Test func aHostileRhetoricalQuestionAsksAndChecksNothing() {
    let a = e.assess("What do you want me to do about it?")
    #expect(!a.isQuestion && !a.has(signal: "check"))
    #expect(a.has(antipattern: "defensive"))
    let b = e.assess("As I said, when did it arrive?")
    #expect(b.isQuestion && b.has(antipattern: "past"))
  }

  @Test func contrastTakesBackEmpathyOnlyBeforeIt() {
    let a = e.assess("I understand, but I'm sorry it happened.")
    #expect(a.has(antipattern: "contrast"))
    #expect(a.has(signal: "apology"))
    #expect(!a.has(signal: "validation"))
  }

  @Test func questionsWithoutQuestionMarks() {
    #expect(e.assess("can you tell me what happened").isOpenQuestion)
    #expect(e.assess("did it arrive").isQuestion)
    #expect(!e.assess("did it arrive").isOpenQuestion)
    #expect(!e.assess("What I can do is refund it").isQuestion)
  }

  @Test func questionMarkWithoutAQuestion() {
    #expect(!e.assess("Difficult conversations are?never easy").isQuestion)
    #expect(!e.assess("see example.com/?q=refund").isQuestion)
    #expect(!e.assess("??!").isQuestion)
  }

  @Test func extraCuesFromAScenarioJoinTheirSignal() {
    let plain = e.assess("A courier can bring it.")
    #expect(!plain.has(signal: "option"))
    let withCourier = Evaluator(lexicon: LexiconFixture.lexicon, extraCues: ["option": ["courier"]])
    #expect(withCourier.assess("A courier can bring it.").has(signal: "option"))
    let bad = Evaluator(lexicon: LexiconFixture.lexicon, extraCues: ["nope": ["x"]])
    #expect(bad.problems.count == 1)
  }

  @Test func cueSetsReportMatchesAndNegation() {
    let set = e.compile(["refund", "same day", "courier"])
    let a = e.assess("I can't offer a refund, but a courier can come the same day.")
    let found = e.matches(set, in: a)
    #expect(found.map(\.id) == ["refund", "courier", "same day"])
    #expect(found.map(\.negated) == [true, false, false])
    #expect(found[0].text == "refund")
    #expect(set.phrases == ["refund", "same day", "courier"])
  }

  @Test func cueSetsMatchOnStemsAndClasses() {
    let set = e.compile(["delivery", "within {number} {unit}", "{nope}"])
    #expect(set.problems.count == 1)
    let found = e.matches(set, in: e.assess("Deliveries resume within 2 days."))
    #expect(found.map(\.text) == ["Deliveries", "within 2 days"])
  }

  @Test func everyStrengthIsBackedBySignalEvidence() {
    for reply in LabelledReply.all.map(\.reply) {
      let a = e.assess(reply)
      for step in Step.allCases where a.steps[step] != .none {
        #expect(!a.signals.isEmpty, "\(reply)")
      }
    }
  }

  @Test func tipsAreOneOrTwo() {
    for reply in LabelledReply.all.map(\.reply) {
      let tips = e.assess(reply).tips
      #expect((1...2).contains(tips.count), "\(reply)")
    }
  }

  @Test func leapfroggingIsCoachedAtTheEmpathyStep() {
    let a = e.assess(
      "I can send a replacement tomorrow.", context: ReplyContext(customerLine: nil, step: .empathy)
    )
    #expect(a.tips.contains { $0.contains("before you understand") })
  }

  @Test func jsonHasTheDocumentedShape() {
    let a = e.assess("Unfortunately we can't. Sorry!")
    let json = a.json(id: .string("r1")).serialized()
    #expect(json.hasPrefix(#"{"id":"r1","steps":{"empathy":"#))
    #expect(
      json.contains(
        #""antipatterns":[{"id":"cannot","start":0,"end":22,"text":"Unfortunately we can't","cue":"#
      ))
    #expect(json.contains(#""rewrite":"What I can do is…"}"#))
    #expect(json.contains(#""tips":["#))
    #expect(json.contains(#""quality":"#))
    #expect(
      json.contains(
        #""acts":[{"act":"statement","start":0,"end":23},{"act":"statement","start":24,"end":30}],"#
      ))
    #expect(
      json.hasSuffix(
        #""clauses":[{"start":0,"end":23,"mood":"statement","subject":"we","polarity":"negated","#
          + #""modality":"can","time":"present"},{"start":24,"end":30,"mood":"statement","#
          + #""subject":"none","polarity":"affirmative","modality":"none","time":"present"}]}"#
      ))
  }
}

/// Properties over generated and hostile input: no crash, valid offsets, determinism.
@Suite struct EvaluatorPropertyTests {
  let e = LexiconFixture.evaluator

  /// A deterministic generator: the library's SplitMix64.
  struct Generator {
    var random: SeededRandom
    init(state: UInt64) { random = SeededRandom(seed: state) }
    mutating func next() -> UInt64 { random.next() }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
  }

  static let pieces: [String] = [
    "sorry", "I'm", "can't", "not", "we", "you", "?", "!", "!!", ".", ",", "—", "’", "\"", "'",
    "é", "\u{0301}", "\u{200B}", "🙂", "SORRY", "tell me", "walk me through", "\n", " ", "  ",
    "2.5", "4pm", "e.g.", "?!", "…", "\u{1B}[31m", "\u{0000}", "ﬁ", "Ｑ", "don't", "n't", "'s",
    "frustrated", "no wonder", "calm down", "policy", "refund", "or", "but", "what", "how",
  ]

  static let replies: [String] = {
    var g = Generator(state: 42)
    var out: [String] = []
    for _ in 0..<400 {
      var s = ""
      for _ in 0..<Int(g.next() % 30) { s += g.pick(pieces) + (g.next() % 3 == 0 ? "" : " ") }
      out.append(s)
    }
    return out + LabelledReply.all.map(\.reply)
  }()

  @Test func neverCrashesAndOffsetsAreValid() {
    for reply in Self.replies {
      let a = e.assess(reply)
      let scalars = Array(reply.unicodeScalars)
      for ev in a.signals + a.antipatterns {
        #expect(ev.range.lowerBound >= 0 && ev.range.lowerBound <= ev.range.upperBound)
        #expect(ev.range.upperBound <= scalars.count)
        #expect(String(String.UnicodeScalarView(scalars[ev.range])) == ev.text)
      }
    }
  }

  @Test func isDeterministic() {
    for reply in Self.replies.prefix(200) {
      #expect(e.assess(reply) == e.assess(reply))
      #expect(e.assess(reply).json().serialized() == e.assess(reply).json().serialized())
    }
  }

  @Test func repeatingCuesNeverRaisesAScore() {
    for reply in LabelledReply.all.map(\.reply) {
      let once = e.assess(reply)
      let twice = e.assess(reply + " " + reply)
      for step in Step.allCases {
        #expect(
          twice.steps[step] <= max(once.steps[step], .weak)
            || twice.steps[step] == once.steps[step], "\(reply)")
      }
    }
  }

  @Test func emptyAndWhitespaceReplies() {
    for reply in ["", " ", "\n\n", "\u{200B}"] {
      let a = e.assess(reply)
      #expect(a.signals.isEmpty)
      #expect(Step.allCases.allSatisfy { a.steps[$0] == .none })
      #expect(a.wordCount == 0)
    }
  }

  @Test func aMegabyteOfTextIsAssessed() {
    let sentence = "I'm so sorry, that sounds frustrating; what happened with the order? "
    let reply = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count)
    let a = e.assess(reply)
    #expect(a.has(antipattern: "rambling"))
    #expect(a.steps.empathy == .strong)
  }

  @Test func controlCharactersAndRepairedUTF8() {
    let bytes: [UInt8] = [0x53, 0x6F, 0x72, 0x72, 0x79, 0xFF, 0xFE, 0x1B, 0x5B, 0x33, 0x31, 0x6D]
    let reply = String(decoding: bytes, as: UTF8.self)
    let a = e.assess(reply)
    #expect(a.has(signal: "apology"))
  }
}
