import CoachKit
import Testing

/// How people really type: typos, missing apostrophes, "!!" without capitals, short warm replies,
/// and time words that offer nothing on their own.
@Suite struct EverydayTypingTests {
  let e = LexiconFixture.evaluator

  @Test(arguments: [
    ("im realy sory, thats terible", "validation"),
    ("sorrry about that", "apology"),
    ("That sounds frustarting.", "feeling"),
    ("youre right to be anoyed", "feeling"),
    ("so sory u had to wait", "apology"),
  ])
  func oneLetterTyposOfCueWordsStillCount(_ reply: String, _ signal: String) {
    #expect(e.assess(reply).has(signal: signal), "\(reply)")
  }

  @Test(arguments: [
    "I managed to find your order.",  // not "manager"
    "The engineer spent two hours on it.",  // "hours" is a form of "hour"
    "We sorted the payment.",
  ])
  func formsOfKnownWordsAreNotTypos(_ reply: String) {
    let a = e.assess(reply)
    #expect(!a.has(signal: "followup") && !a.has(signal: "feeling"), "\(reply)")
  }

  @Test func exclamationMarksShoutOnlyBesideCapitals() {
    #expect(!e.assess("Oh no, I'm so sorry!!").has(antipattern: "shouting"))
    #expect(e.assess("I SAID NO!!").has(antipattern: "shouting"))
  }

  @Test(arguments: ["Thanks!", "Hope that helps!", "Sure, one moment."])
  func shortWarmRepliesAreNotCurt(_ reply: String) {
    #expect(!e.assess(reply).has(antipattern: "curt"), "\(reply)")
  }

  @Test(arguments: ["No.", "Fine.", "OK."])
  func bareShortRepliesAreCurt(_ reply: String) {
    #expect(e.assess(reply).has(antipattern: "curt"), "\(reply)")
  }

  @Test func timeWordsStrengthenAnOfferButNeverMakeOne() {
    #expect(e.assess("Today.").steps.offer == .none)
    #expect(e.assess("Right now, yes.").steps.offer == .none)
    #expect(e.assess("We can work on it together.").steps.offer != .none)
    let alone = e.assess("I can send a replacement.")
    let timed = e.assess("I can send a replacement today.")
    #expect(timed.score(.offer) > alone.score(.offer))
  }

  @Test func aDeterminerAfterAnAuxiliaryAsksOnlyWithAQuestionMark() {
    #expect(!e.assess("Have a nice day.").isQuestion)
    #expect(!e.assess("Do your best.").isQuestion)
    #expect(e.assess("Did your parcel arrive?").isQuestion)
    #expect(e.assess("Can you send me the photo").isQuestion)
  }
}
