import Testing

@testable import CoachKit

/// Cue grammars: alternatives and optional words expand into the phrases the matcher compiles.
@Suite struct CuePatternTests {
  func expand(_ pattern: String) -> [String] {
    (try? CuePattern.expand(pattern).get()) ?? []
  }

  @Test func aPlainPhraseStandsForItself() {
    #expect(expand("does that work") == ["does that work"])
    #expect(expand("within {number} {unit}") == ["within {number} {unit}"])
  }

  @Test func alternativesMultiplyInWrittenOrder() {
    #expect(
      expand("(does|would) (that|this) work")
        == ["does that work", "does this work", "would that work", "would this work"])
  }

  @Test func optionalWordsMayBeLeftOut() {
    #expect(expand("does that work [for you]") == ["does that work for you", "does that work"])
    #expect(expand("(a|) b") == ["a b", "b"])
  }

  @Test func groupsNestAndAlternativesHaveSeveralWords() {
    #expect(
      expand("how (does that|would (this|that)) sound")
        == ["how does that sound", "how would this sound", "how would that sound"])
  }

  @Test func repeatedReadingsAreListedOnce() {
    #expect(expand("[so] [so] sorry") == ["so so sorry", "so sorry", "sorry"])
  }

  @Test func malformedPatternsAreRefusedWithAReason() {
    #expect(throws: CuePattern.Problem.unclosed("(")) { try CuePattern.expand("(does that").get() }
    #expect(throws: CuePattern.Problem.unexpected(")")) {
      try CuePattern.expand("does) that").get()
    }
    #expect(throws: CuePattern.Problem.unexpected("]")) { try CuePattern.expand("(a]").get() }
    #expect(throws: CuePattern.Problem.empty) { try CuePattern.expand("(|) []").get() }
    let huge = String(repeating: "(a|b|c) ", count: 6)
    #expect(throws: CuePattern.Problem.tooMany(CuePattern.maximumExpansion)) {
      try CuePattern.expand(huge).get()
    }
  }

  @Test func theEvaluatorMatchesEveryExpansionAndReportsTheGivenPattern() {
    let e = LexiconFixture.evaluator
    let cues = e.compile(["(courier|driver) [by] (today|tomorrow)"])
    #expect(cues.problems.isEmpty)
    for reply in ["A courier today.", "The driver by tomorrow.", "a courier by today"] {
      let found = e.matches(cues, in: e.assess(reply))
      #expect(found.map(\.id) == ["(courier|driver) [by] (today|tomorrow)"], "\(reply)")
    }
    #expect(e.matches(cues, in: e.assess("A courier on Friday.")).isEmpty)
  }

  @Test func aMalformedScenarioCueIsAProblemNotACrash() {
    let cues = LexiconFixture.evaluator.compile(["(courier", "refund"])
    #expect(cues.problems == ["cue `(courier`: `(` is never closed"])
  }
}
