import CoachKit
import Testing

/// The customer's story told back in a summary, or the customer reassured, is not the rep's own
/// blame, defence or shrug. Found in skilled reply scripts whose calls a misread serious
/// anti-pattern capped; each beside a near miss that must keep its reading.
@Suite struct ToldBackTests {
  let e = LexiconFixture.evaluator

  /// Blame, defence, policy and minimising words inside a summary that tells back.
  @Test func aSummaryTellsTheCustomersStoryBack() {
    for (reply, antipattern) in [
      (
        "Let me check I've got it: you signed to get your team out of manual entry, and it "
          + "isn't pulling its weight.", "policy"
      ),
      (
        "So let me check I've got it. A bill you never saw coming, and no way to pay it this "
          + "week. Is that fair?", "blame"
      ),
      (
        "To summarise: you feel you were refused on a technicality, and the desk is still "
          + "sealed.", "defensive"
      ),
      (
        "Let me make sure I have this right. This makes it look like you didn't have a grip "
          + "on the project.", "blame"
      ),
    ] {
      #expect(!e.assess(reply).has(antipattern: antipattern), "\(reply)")
    }
    // Near misses: a "summary" that reports or asks is how an arguing rep talks.
    for (reply, antipattern) in [
      ("You said you'd be in, and you weren't, so that's on you.", "blame"),
      ("So you're saying you didn't read the terms?", "blame"),
      ("Let me check I've got it. It's not our fault the courier was late.", "defensive"),
      ("That's our policy. Let me check I've got your address right.", "policy"),
    ] {
      #expect(e.assess(reply).has(antipattern: antipattern), "\(reply)")
    }
  }

  @Test func theCustomerAsTheOneLetDownIsNoBlame() {
    for reply in [
      "So it's the third time you've been let down this year.",
      "You did what you were supposed to and still got turned down.",
      "I'll add a note so nobody asks you to explain all this again.",
      "I'd quite understand if you had already gone elsewhere.",
      "It's nothing you've done, the system charged you twice.",
      "It's only fair that we give you the delivery charge back.",
      "That's a disaster and it's ours.",
    ] {
      let read = e.assess(reply)
      #expect(
        !read.has(antipattern: "blame") && !read.has(antipattern: "minimise")
          && !read.has(antipattern: "catastrophe"), "\(reply)")
    }
    for (reply, antipattern) in [
      ("This is the third time you've forgotten to send the form.", "blame"),
      ("If you had read the email, you'd have known.", "blame"),
      ("It's only a small delay, nothing to worry about.", "minimise"),
      ("Honestly, it's a disaster over here.", "catastrophe"),
    ] {
      #expect(e.assess(reply).has(antipattern: antipattern), "\(reply)")
    }
  }
}
