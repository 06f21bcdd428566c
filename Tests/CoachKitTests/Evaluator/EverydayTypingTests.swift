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

  @Test(arguments: [
    "Thanks!", "Hope that helps!", "Thanks, glad that's sorted.", "Lovely, enjoy your stay!",
    "So sorry, what's the order number?", "Oh no, that's awful.", "Does Thursday work for you?",
  ])
  func shortWarmRepliesAreNotCurt(_ reply: String) {
    #expect(!e.assess(reply).has(antipattern: "curt"), "\(reply)")
  }

  /// Politeness alone does not warm a short reply, and before the customer has been heard a few
  /// words of business are curt whether or not they make a whole sentence.
  @Test(arguments: [
    "No.", "Fine.", "OK.", "Sure.", "Sure, one moment.", "Done. Bye.", "No problem. Bye.",
    "Ok. Patient name and DOB please.", "I'll add that to the notes.", "What's your order number?",
    "Ok, I'll see what I can do.",
  ])
  func bareShortRepliesAreCurt(_ reply: String) {
    #expect(e.assess(reply).has(antipattern: "curt"), "\(reply)")
  }

  /// Once the customer has been heard (a step after Empathy), a short question or offer is
  /// focused; fragments and bare orders are still curt.
  @Test func aShortWholeSentenceIsCurtOnlyBeforeTheCustomerIsHeard() {
    for step in [Step.understand, .offer, .check] {
      let heard = ReplyContext(step: step)
      #expect(!e.assess("What's your order number?", context: heard).has(antipattern: "curt"))
      #expect(
        !e.assess("I'll refund the duplicate payment.", context: heard).has(antipattern: "curt"))
      #expect(e.assess("Done. Bye.", context: heard).has(antipattern: "curt"))
      #expect(e.assess("Noted. Order number?", context: heard).has(antipattern: "curt"))
    }
    let unheard = ReplyContext(step: .empathy)
    #expect(e.assess("What's your order number?", context: unheard).has(antipattern: "curt"))
    #expect(
      e.assess("I'll refund the duplicate payment.", context: unheard).has(antipattern: "curt"))
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
