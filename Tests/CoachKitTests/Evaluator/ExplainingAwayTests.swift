import CoachKit
import Testing

/// Ways of explaining a problem away, shutting the customer down or putting it back on them
/// that the reader once missed (found in the labelled corpus's fit half), each beside a near
/// miss that must keep its reading.
@Suite struct ExplainingAwayTests {
  let e = LexiconFixture.evaluator

  @Test func explainingItAwayIsDefensive() {
    for reply in [
      "To be fair, the fault was only logged on Tuesday.",
      "Collection slots aren't guaranteed, I'm afraid.",
      "We don't have any control over when the engineer turns up.",
      "Those rates are set by the regulator, not us.",
      "We're entitled to change the tariff once a year.",
      "Before we start blaming people, a lot of teams touch these orders.",
    ] {
      #expect(e.assess(reply).has(antipattern: "defensive"), "\(reply)")
    }
    for reply in [
      "To be fair to you, nobody told you about the change.",
      "It says here the parcel was signed for.",
      "I'll make sure the slot is guaranteed for Thursday.",
      "We'll take control of it from here.",
    ] {
      #expect(!e.assess(reply).has(antipattern: "defensive"), "\(reply)")
    }
  }

  @Test func shuttingTheCustomerDownIsDismissive() {
    for reply in [
      "Seven days for a refund, that's just how it is.",
      "There's nothing I can do about your flight, sorry.",
      "I've booked you a new slot. I'm not sure what else you want.",
      "Complaining to the ombudsman won't get it fixed any quicker.",
      "That doesn't change the fact that the order was cancelled.",
    ] {
      let read = e.assess(reply)
      #expect(
        read.has(antipattern: "minimise") || read.has(antipattern: "calm-down"), "\(reply)")
    }
    for reply in [
      "That's just how it should have worked, and it didn't. I'm sorry.",
      "Is there anything else you want me to look at?",
    ] {
      let read = e.assess(reply)
      #expect(
        !read.has(antipattern: "minimise") && !read.has(antipattern: "calm-down"), "\(reply)")
    }
  }

  @Test func puttingItBackOnTheCustomerIsBlame() {
    for reply in [
      "You chose to book the cheaper fare.",
      "Missing the cut-off is on you, I'm afraid.",
      "Just make sure you're in this time.",
      "It's in the terms you signed.",
      "If you don't check your emails, we can't help that.",
      "You really shouldn't be using the heater like that.",
    ] {
      #expect(e.assess(reply).has(antipattern: "blame"), "\(reply)")
    }
    for reply in [
      "That one's on us, not on you.",
      "Make sure you're comfortable with the plan before we go ahead.",
      "You chose well: that model is the one I'd pick.",
    ] {
      #expect(!e.assess(reply).has(antipattern: "blame"), "\(reply)")
    }
  }

  @Test func passingItOnOrGuessingTheirMistake() {
    for reply in [
      "Rebooking after a missed slot is the customer's responsibility.",
      "Any complaint about the fitting needs to go directly to the contractor.",
      "We just resell the line, so the outage is with the network.",
      "The claim is progressing as per procedure.",
      "Our engineers followed every step of the process.",
      "My hands are tied on this one.",
      "Slow evenings are normal on shared connections.",
    ] {
      #expect(e.assess(reply).has(antipattern: "defensive"), "\(reply)")
    }
    for reply in [
      "You must have typed the code wrong.", "You're probably using the old password.",
      "Perhaps next time you could check the dates first.",
    ] {
      #expect(e.assess(reply).has(antipattern: "blame"), "\(reply)")
    }
    for reply in [
      "It's normally in by noon, so I'll call you at twelve.",
      "I'll take responsibility for this myself.",
      "You must have had a horrible week.",
    ] {
      let read = e.assess(reply)
      #expect(!read.has(antipattern: "defensive") && !read.has(antipattern: "blame"), "\(reply)")
    }
  }

  @Test func aPolicyTheRepThenBendsIsTakenBack() {
    for reply in [
      "The policy says 30 days for returns, but I'm making an exception for you.",
      "Our policy normally asks for the receipt, but I can see the purchase on your card.",
    ] {
      #expect(!e.assess(reply).has(antipattern: "policy"), "\(reply)")
    }
    for reply in [
      "Our policy says 30 days, but that's how it is.",
      "Company policy says no, but we can't do anything about it.",
      "It's company policy, I'm afraid.",
    ] {
      #expect(e.assess(reply).has(antipattern: "policy"), "\(reply)")
    }
  }
}

/// Bad news hedged or stated as a limit is a can't-do; the same words making an offer, owning a
/// mistake or naming a fear are not. Found in the labelled corpus's fit half.
@Suite struct HedgedCantDoTests {
  let e = LexiconFixture.evaluator

  @Test func badNewsAsALimitIsACantDo() {
    for reply in [
      "Thursday is the next available flight, I'm afraid.",
      "That's usually enough for the fee to stand.",
      "Nobody can guarantee it won't happen again.",
      "Legally we hold the car, so no, not until it's paid.",
      "You'll just have to wait for next year.",
      "I'll ask, but I don't promise.",
      "Stage payments are due regardless.",
      "Ten percent is the standard goodwill amount.",
      "You can't take it half-done, the gearbox will be out.",
      "It's not something you can fix with a reset.",
      "need an engineer, cant fix over the phone sorry",
    ] {
      #expect(e.assess(reply).has(antipattern: "cannot"), "\(reply)")
    }
  }

  @Test func theSameWordsOfferingOrOwningAreNoCantDo() {
    for reply in [
      "I can book you on the next available flight tonight.",
      "I'm afraid our status page made it worse.",
      "I'll keep it open, not until it's fixed but until you say it's fixed.",
      "I'm going to push for more than the standard amount.",
      "I'd rather not make you promises you can't use.",
    ] {
      #expect(!e.assess(reply).has(antipattern: "cannot"), "\(reply)")
    }
  }
}

/// Deflections from the tone probe's poor replies, each beside a near miss a good rep says.
@Suite struct DeflectionTests {
  let e = LexiconFixture.evaluator

  @Test func deflectionsAreDefensiveOrRecordsOrPast() {
    for (reply, id) in [
      ("I've done everything I can on my end.", "defensive"),
      ("It's not like someone sat down and decided to bill you twice.", "defensive"),
      ("Every other customer on your street has a working connection.", "defensive"),
      ("There's no need to take that tone with me.", "defensive"),
      ("The surveyor followed industry guidelines.", "defensive"),
      ("Every account holder was notified by email in March.", "records"),
      ("Continued use of the service counts as acceptance.", "records"),
      ("As I've already explained twice, the warranty doesn't cover it.", "past"),
    ] {
      #expect(e.assess(reply).has(antipattern: id), "\(reply)")
    }
  }

  @Test func theSameWordsFromAGoodRepAreNot() {
    for reply in [
      "I'll do everything I can to get it there by Friday.",
      "I've got the notes here, but the notes say fixed, so I'd rather hear it from you.",
      "Who ends up dealing with it when the line drops?",
      "Other customers on your street reported it too, so it's our network, not your kit.",
    ] {
      let read = e.assess(reply)
      for id in ["defensive", "records", "past", "blunt"] {
        #expect(!read.has(antipattern: id), "\(reply): \(id)")
      }
    }
  }
}
