import Testing

@testable import CoachKit

/// Cue grammars: alternatives, optional parts, classes and `*`, parsed and then matched by the
/// evaluator's automaton.
@Suite struct CuePatternTests {
  let e = LexiconFixture.evaluator

  func parse(_ pattern: String) -> [CuePattern.Part]? { try? CuePattern.parse(pattern).get() }

  /// Whether `pattern` matches somewhere in `reply`.
  func matches(_ pattern: String, _ reply: String) -> Bool {
    let cues = e.compile([pattern])
    return !e.matches(cues, in: e.assess(reply)).isEmpty
  }

  @Test func aPlainPhraseIsOneRunOfWords() {
    #expect(parse("does that work") == [.words("does that work")])
    #expect(
      parse("within {number} {unit}") == [
        .words("within"), .wordClass("number"), .wordClass("unit"),
      ])
    #expect(parse("* {day}") == [.any, .wordClass("day")])
  }

  @Test func groupsHoldAlternativesAndNest() {
    #expect(
      parse("(does|would) that")
        == [.group([[.words("does")], [.words("would")]], optional: false), .words("that")])
    #expect(
      parse("how (does that|would (this|that)) sound")
        == [
          .words("how"),
          .group(
            [
              [.words("does that")],
              [.words("would"), .group([[.words("this")], [.words("that")]], optional: false)],
            ], optional: false),
          .words("sound"),
        ])
    #expect(parse("a|b") == [.group([[.words("a")], [.words("b")]], optional: false)])
  }

  @Test func malformedPatternsAreRefusedWithAReason() {
    #expect(throws: CuePattern.Problem.unclosed("(")) { try CuePattern.parse("(does that").get() }
    #expect(throws: CuePattern.Problem.unexpected(")")) { try CuePattern.parse("does) that").get() }
    #expect(throws: CuePattern.Problem.unexpected("]")) { try CuePattern.parse("(a]").get() }
    #expect(throws: CuePattern.Problem.empty) { try CuePattern.parse("[a] [b|c]").get() }
    #expect(throws: CuePattern.Problem.empty) { try CuePattern.parse("(a|)").get() }
    #expect(throws: CuePattern.Problem.empty) { try CuePattern.parse("   ").get() }
    let deep = String(repeating: "(", count: 12) + "a" + String(repeating: ")", count: 12)
    #expect(throws: CuePattern.Problem.tooDeep) { try CuePattern.parse(deep).get() }
    let long = String(repeating: "word ", count: CuePattern.maximumParts + 1)
    #expect(throws: CuePattern.Problem.tooLong) { try CuePattern.parse(long).get() }
  }

  @Test func alternativesAndOptionalWordsMatchEveryReading() {
    let pattern = "(does|would) (that|this) [plan] work [for you]"
    for reply in [
      "Does that work?", "Would this work for you?", "does this plan work for you",
      "So, would that plan work?",
    ] {
      #expect(matches(pattern, reply), "\(reply)")
    }
    for reply in ["Does it work?", "That would work.", "Would that really work?"] {
      #expect(!matches(pattern, reply), "\(reply)")
    }
  }

  @Test func classesAndAnyWordFillSlots() {
    #expect(matches("within {number} {unit}", "We'll have it within 3 days."))
    #expect(matches("within {number} {unit}", "within two hours"))
    #expect(!matches("within {number} {unit}", "within reason"))
    #expect(matches("what a * {ordeal-noun}", "What a total nightmare."))
    #expect(!matches("what a * {ordeal-noun}", "What a nightmare."))
    #expect(matches("what a [*] {ordeal-noun}", "What a nightmare."))
  }

  @Test func aMatchStopsAtPunctuationAndSentences() {
    #expect(!matches("does that work", "Does that, work?"))
    #expect(!matches("sorry for", "I'm sorry. For the delay we'll refund."))
  }

  @Test func theLongestAndEveryEndAreReported() {
    let cues = e.compile(["sorry [for [the delay]]"])
    let found = e.matches(cues, in: e.assess("Sorry for the delay."))
    // Overlapping matches of one phrase are reported once: the first found.
    #expect(found.map(\.text) == ["Sorry"])
    #expect(found.first?.id == "sorry [for [the delay]]")
  }

  @Test func aMalformedScenarioCueIsAProblemNotACrash() {
    let cues = e.compile(["(courier", "refund", "{nope}"])
    #expect(
      cues.problems == [
        "cue `(courier`: `(` is never closed", "cue `{nope}`: no word class `nope`",
      ])
    #expect(!e.matches(cues, in: e.assess("A refund it is.")).isEmpty)
  }

  @Test func manyOptionalWordsCostStatesNotCombinations() {
    // 2^40 readings, matched in one pass over the live states.
    let pattern = String(repeating: "[*] ", count: 40) + "sorry"
    let reply = String(repeating: "very ", count: 200) + "sorry"
    #expect(matches(pattern, reply))
  }
}

@Suite struct BundledLexiconCompilesTests {
  @Test func everyCueOfTheBundledLexiconCompiles() {
    #expect(LexiconFixture.evaluator.problems.isEmpty, "\(LexiconFixture.evaluator.problems)")
  }

  @Test func aQuestionMarkInAPlainCueIsALocatedError() throws {
    // A cue of plain words is checked too: "green banana?" could never match.
    let text = String(decoding: LexiconFixture.source.bytes, as: UTF8.self)
      .replacingOccurrences(
        of: "cues: [you should have, you should not have,",
        with: "cues: [green banana?, you should have, you should not have,")
    let source = SourceFile(path: "lexicon.en.coach.yaml", bytes: Array(text.utf8))
    #expect(text.contains("green banana?"))
    let (lexicon, diagnostics) = Lexicon.load(source)
    #expect(lexicon == nil)
    let l006 = try #require(diagnostics.first { $0.code == "L006" })
    #expect(l006.message.contains("`?` makes nothing optional"))
  }

  @Test(arguments: ["{nope} banana", "green [very|(quite|{nope})] banana"])
  func anUnknownClassInALexiconCueIsALocatedError(_ cue: String) throws {
    // Found in the cue's parse, however deep in its groups the class is named.
    let text = String(decoding: LexiconFixture.source.bytes, as: UTF8.self)
      .replacingOccurrences(
        of: "cues: [you should have, you should not have,",
        with: "cues: [\"\(cue)\", you should have, you should not have,")
    let source = SourceFile(path: "lexicon.en.coach.yaml", bytes: Array(text.utf8))
    #expect(text.contains(cue))
    let (lexicon, diagnostics) = Lexicon.load(source)
    #expect(lexicon == nil)
    let l006 = try #require(diagnostics.first { $0.code == "L006" })
    #expect(l006.message.contains("no word class `nope`"))
    let rendered = DiagnosticRenderer(color: false).render(l006, in: source)
    #expect(rendered.contains("lexicon.en.coach.yaml:"))
  }

  @Test func punctuationInACueIsALocatedProblem() {
    #expect(throws: CuePattern.Problem.punctuation(",")) {
      try CuePattern.parse("sorry , i missed that").get()
    }
    #expect(throws: CuePattern.Problem.punctuation("?")) { try CuePattern.parse("refund ?").get() }
    // A regular expression's `?` after a group is no syntax of ours: it used to be dropped
    // silently, leaving the group required.
    #expect(throws: CuePattern.Problem.questionMark) {
      try CuePattern.parse("can not (really )?be held responsible").get()
    }
    #expect(throws: CuePattern.Problem.questionMark) { try CuePattern.parse("refund? now").get() }
    #expect(throws: CuePattern.Problem.questionMark) {
      try CuePattern.parse("can not (really)? be held responsible").get()
    }
    #expect(throws: CuePattern.Problem.questionMark) {
      try CuePattern.parse("would (that help)?").get()
    }
  }
}
