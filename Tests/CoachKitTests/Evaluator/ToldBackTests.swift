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
      (
        "To summarise, you feel you were refused on a technicality, is that right?",
        "defensive"
      ),
    ] {
      #expect(!e.assess(reply).has(antipattern: antipattern), "\(reply)")
    }
    // Near misses: a "summary" that reports or asks is how an arguing rep talks.
    for (reply, antipattern) in [
      ("You said you'd be in, and you weren't, so that's on you.", "blame"),
      ("So you're saying you didn't read the terms?", "blame"),
      ("Let me check I've got it. It's not our fault the courier was late.", "defensive"),
      ("Let me check I've got your address right. You should have told us you moved.", "blame"),
      ("To summarise: I'm afraid that's not possible.", "cannot"),
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

/// The records, the system or the terms cited as a shield ("our records show it was delivered")
/// are `records`; cited to own a mistake, bent for the customer, or told back, they are not.
/// From the tone probe's good replies, each beside a near miss.
@Suite struct RecordsTests {
  let e = LexiconFixture.evaluator

  @Test func theRecordsAsAShield() {
    for reply in [
      "Our records show it was delivered on Tuesday.",
      "It says here the parcel was signed for.",
      "The terms clearly state that refunds take 14 days.",
      "I can only go by what the system says.",
      "Technically the warranty ended last month.",
    ] {
      #expect(e.assess(reply).has(antipattern: "records"), "\(reply)")
    }
  }

  @Test func theRecordsCitedForTheCustomer() {
    for reply in [
      "Our records show it was approved on the 14th but never sent, which is our failure.",
      "The system shows you paid twice in March, this is our mistake.",
      "Our records show you cancelled in time, so you should never have been billed.",
      "The notes on the system say you reported the leak in February, so it should have been "
        + "fixed weeks ago.",
      "The terms technically say the warranty ended, but we'll repair it free of charge.",
      "You didn't get the parcel, and the tracking saying delivered doesn't change that.",
    ] {
      #expect(!e.assess(reply).has(antipattern: "records"), "\(reply)")
    }
    // A mistake owned in another sentence leaves the shield standing.
    #expect(
      e.assess("Our records show it was delivered. Sorry about that.").has(antipattern: "records"))
  }

  @Test func ownedInAShortEchoOrReassuredIsNoBlame() {
    for reply in [
      "You weren't given a reason when the claim was paused, and you should have been.",
      "You didn't miss anything in the setup, the guide we sent was for the older model.",
    ] {
      #expect(!e.assess(reply).has(antipattern: "blame"), "\(reply)")
    }
    #expect(e.assess("You should have been more careful with it.").has(antipattern: "blame"))
  }
}

extension RecordsTests {
  @Test func sympathyBeforeTheShieldLeavesItStanding() {
    for reply in [
      "I'm so sorry, our records show it was delivered.",
      "Sorry, but the system shows it was signed for.",
      "Our records show it was delivered, sorry.",
    ] {
      #expect(e.assess(reply).has(antipattern: "records"), "\(reply)")
    }
  }
}

extension RecordsTests {
  /// Sympathy after the shield is no ownership: the records yield to `ownership`, not to an
  /// apology. Found in review.
  @Test func sympathyAfterTheShieldLeavesItStanding() {
    #expect(
      e.assess("Our records show it was delivered, I'm really sorry.").has(antipattern: "records"))
    #expect(
      !e.assess("Our records show it was delivered late, which is our mistake.").has(
        antipattern: "records"))
  }
}
