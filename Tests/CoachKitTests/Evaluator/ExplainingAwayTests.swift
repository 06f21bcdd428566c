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

/// Poor replies in plain words, the families the corpus's second round showed the reader missing
/// (its fit half), each in paraphrases of our own, beside what a good rep says with the same
/// words.
@Suite struct PlainWordsTests {
  let e = LexiconFixture.evaluator

  func reads(_ reply: String, as ids: [String]) -> Bool {
    let read = e.assess(reply)
    return ids.contains { read.has(antipattern: $0) }
  }

  /// Every reply of `family` reads as at least one of `ids`, and no reply of `nearMisses` reads
  /// as any of `clean`.
  func expect(
    _ family: [String], readAs ids: [String], nearMisses: [String], notAs clean: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    expect(
      family.map { ($0, ids) }, nearMisses: nearMisses, notAs: clean, sourceLocation: sourceLocation
    )
  }

  /// Every reply of `family` reads as at least one of the ids beside it, and no reply of
  /// `nearMisses` reads as any of `clean`.
  func expect(
    _ family: [(reply: String, ids: [String])], nearMisses: [String], notAs clean: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for (reply, ids) in family {
      #expect(reads(reply, as: ids), "\(reply)", sourceLocation: sourceLocation)
    }
    for reply in nearMisses {
      #expect(!reads(reply, as: clean), "\(reply)", sourceLocation: sourceLocation)
    }
  }

  @Test func shrugsAndComparisonsAreDismissive() {
    expect(
      [
        "Breakages do happen on long moves, unfortunately.",
        "Delays happen in this trade.",
        "Not every parcel turns up on time, that's just life.",
        "Moving a few boxes upstairs isn't exactly a big job.",
        "Stains like that usually look worse than they are.",
        "I think you're reading too much into the wording.",
        "That's a bit dramatic, it's only a fence.",
        "Let's not jump to conclusions.",
        "You'd be surprised how often people say that.",
        "Most tenants wait a month for this kind of repair.",
        "Customers always say the driver never knocked.",
        "There's no pleasing some people.",
        "I wouldn't get your hopes up.",
        "I don't see what the problem is, it's been refunded.",
        "I'm not sure what you expect me to do.",
        "Ringing every day won't get the part here any quicker.",
        "There's no need to involve the ombudsman.",
      ], readAs: ["minimise", "calm-down"],
      nearMisses: [
        "A lot of people would just leave quietly, so thank you for telling us.",
        "It does happen that the scanner misreads a door, and that's on us to fix.",
        "If it happens again, ring me directly.",
        "You'll get it any day now: it left the depot this morning.",
        "There's no need to ring back, I'll call you at four.",
        "It happens always in the afternoon, at a similar hour?",
      ], notAs: ["minimise", "calm-down"])
  }

  @Test func puttingItBackOnThemInPlainWordsIsBlame() {
    expect(
      [
        "Leaving it unwrapped is a risk you take.",
        "That was your decision at the time.",
        "Fragile items should be packed by the customer.",
        "Maybe read the terms yourself next time.",
        "You'd have known about it if you'd opened the letters.",
        "If you'd renewed in March you'd still be covered.",
        "Cover was offered when you booked and declined.",
        "You turned down the extra insurance.",
        "It's all in the contract you signed.",
        "Maybe you just didn't hear the doorbell?",
      ], readAs: ["blame", "records"],
      nearMisses: [
        "I'll email you the reference so you've got proof if your bank asks.",
        "If you'd had the right information from us on day one, you'd have saved three calls.",
        "You should have had a letter from us, and you didn't: I'm sorry.",
        "Is it your decision or your partner's?",
        "Today I pass your fault to our senior network team.",
      ], notAs: ["blame"])
  }

  @Test func defendingTheTeamOrTheFirmIsDefensive() {
    expect(
      [
        "We double-check every booking before it goes out.",
        "Our drivers are very careful with furniture.",
        "He has never damaged a thing in twenty years.",
        "I'd be surprised if she got that wrong.",
        "The engineers are a separate company.",
        "That sits with a different team.",
        "That's really between you and your landlord.",
        "Fifty pounds is actually quite generous.",
        "I'm refunding the fee, which I didn't have to do.",
        "We book whatever details you give us.",
      ], readAs: ["defensive"],
      nearMisses: [
        "I'll check every line of the bill with you.",
        "You've been really careful with your notes, thank you.",
        "That's fair, and I'd feel the same.",
      ], notAs: ["defensive"])
  }

  @Test func theSystemOrThePaperworkAsTheAnswerIsRecords() {
    expect(
      [
        "From our end it does show as delivered.",
        "The charge is applied automatically.",
        "The booking system is fully automated.",
        "We go off the driver's scan.",
        "The form has your signature on it.",
        "It's in the terms and conditions.",
      ], readAs: ["records", "blame"],
      nearMisses: [
        "The charge was applied automatically, which is our error, and I've reversed it.",
        "Whatever the system says, I believe you, so I'll look into it.",
      ], notAs: ["records"])
  }

  @Test func limitsInPlainWordsAreCantDos() {
    expect(
      [
        "I don't have access to the fraud team's notes.",
        "Sentimental value isn't really something we can pay for.",
        "Five working days is the standard turnaround.",
        "The claim won't be covered if the card was shared.",
        "Morning is the only slot they have.",
        "There's not a lot more I can do today.",
      ], readAs: ["cannot"],
      nearMisses: [
        "I've put a hold on it so it won't be taken as a lump sum.",
        "You won't be charged for the visit.",
        "I'll book the only slot left for you right now, before anyone else takes it.",
      ], notAs: ["cannot"])
  }

  @Test func theirFactsToldBackInAPhraseWithNoVerbAreASummary() {
    let line = "Nine days. No internet for nine days, and two engineer visits where nobody came."
    let context = ReplyContext(customerLine: line)
    for reply in [
      "Nine days without internet and two visits with nobody there. I'm so sorry.",
      "Two engineer visits, nine days, and nobody came — that's awful.",
    ] {
      #expect(e.assess(reply, context: context).has(signal: "summary"), "\(reply)")
    }
    // A judgement of their facts, or a number about our side, is not a summary.
    for reply in [
      "Nine days isn't that long for a fault like this.",
      "Two engineers are free on Thursday. Which time suits you?",
    ] {
      #expect(!e.assess(reply, context: context).has(signal: "summary"), "\(reply)")
    }
  }

  @Test func excusesAndTheTeamDefendedAreDefensive() {
    expect(
      [
        "We did email everyone about the change in May.",
        "The fees are decided by the landlord, not us.",
        "Nobody did it on purpose.",
        "The courier would have left a card.",
        "I'm only customer service, I can't see that.",
        "I don't deal with refunds, sorry.",
        "She shouldn't have promised you Friday, she doesn't handle the rota.",
        "The two-hour window is more of a guideline.",
        "We tried our best with the stock we had.",
        "The team has a lot of claims at the moment because of the storm.",
        "The phones have been crazy today.",
        "Everyone is really busy this week.",
        "Head office never tell us anything.",
        "It wasn't our branch that lost it.",
        "Deliveries can be delayed by the weather.",
      ], readAs: ["defensive"],
      nearMisses: [
        "I'll email you the reference now.",
        "I'll do my best to get it there by Friday.",
        "Would it help if I rang the courier while you're on the line?",
        "If the weather delays it, I'll call you the same morning.",
        "The fault will be fixed by the engineer tomorrow morning.",
        "It stalled because the assessor was off sick, so I've reassigned it to a colleague.",
      ], notAs: ["defensive"])
  }

  @Test func theRecordAndTheirEndAreNoAnswer() {
    expect(
      [
        ("Every charge is itemised on the bill.", ["records"]),
        ("The cut-off is stated clearly on the website.", ["records"]),
        ("The notes do say it was fixed.", ["records"]),
        ("The app will have told you to wait two days.", ["records"]),
        ("The driver said everything was fine when he left it.", ["records"]),
        ("It most likely got damaged during the move.", ["blame"]),
        ("Something went wrong at your end, by the look of it.", ["blame"]),
        ("Customers just don't read the emails.", ["blame"]),
        ("It probably happened when you moved it.", ["blame"]),
        ("The crack may well have been there already.", ["blame"]),
        ("Every caller thinks theirs is the most urgent.", ["minimise"]),
        ("There's no point arguing about it.", ["minimise"]),
      ],
      nearMisses: [
        "The notes say fixed, but you're telling me it isn't, so I'll believe you.",
        "Did anything go wrong on your side when you tried to log in?",
        "Every customer deserves a call back, and you didn't get one.",
        "The driver said it was fine, but the photo shows the dent, so that's on us.",
      ], notAs: ["records", "blame", "minimise"])
  }

  @Test func limitsOnTheProcessAreCantDos() {
    expect(
      [
        ("The fraud team won't tell us why it was flagged.", ["cannot"]),
        ("I'd move you to a bigger room if we had one, but there isn't.", ["cannot"]),
        ("Your claim has to go to underwriting first.", ["cannot"]),
        ("Two hundred is all that I can authorise.", ["cannot"]),
        ("Anything over a hundred pounds needs a manager.", ["cannot"]),
        ("Passengers must book assistance 48 hours ahead.", ["policy"]),
      ],
      nearMisses: [
        "I'll give you my direct line so you don't have to go through the queue again.",
        "Is there anything else you must pay this week?",
        "It showed as full, but there's a room after all, and I've held it for you.",
      ], notAs: ["cannot", "policy"])
  }

  @Test func aProposalAskedAboutAfterItIsMadeIsACheck() {
    for reply in [
      "I can send a letter for your landlord too, if that helps?",
      "I'll ring you at nine instead, if that would suit you?",
      "Refund now or a replacement by Friday: which feels easier for you?",
      "Which sounds more doable to you?",
      "Does that plan cover what you need?",
      "Is there a worry I haven't heard yet?",
      "Are you willing to give us a second chance?",
    ] {
      #expect(e.assess(reply).has(signal: "check"), "\(reply)")
    }
    for reply in [
      "Which day did the engineer come?",
      "If this works, the light turns green.",
      "Is the app not syncing at all, or is something else going on?",
    ] {
      #expect(!e.assess(reply).has(signal: "check"), "\(reply)")
    }
  }

  @Test func anActionHandedToAColleagueIsANextStep() {
    for reply in [
      "If that's too slow, I ask our finance team to send it by transfer.",
      "I'll get the warehouse manager to rush a new one out.",
      "I can have a colleague in billing reverse the charge.",
    ] {
      #expect(e.assess(reply).has(signal: "next-step"), "\(reply)")
    }
    for reply in [
      "Did you ask the driver to send it?", "I asked the team to send it last week.",
    ] {
      #expect(!e.assess(reply).has(signal: "next-step"), "\(reply)")
    }
  }

  @Test func detailsReadBackOrWhatComesNextAreNoSummary() {
    let line =
      "Order GX-4471-K, placed on the 3rd. It never came, I waited in all day Friday and the app says delivered."
    let context = ReplyContext(customerLine: line)
    for reply in [
      "GX-4471-K, the 3rd.",
      "You'll just have to wait for the app to update.",
      "You're booked on Monday's first van and it's all paid for.",
      "You'd have got an email if the order had been delivered.",
    ] {
      #expect(!e.assess(reply, context: context).has(signal: "summary"), "\(reply)")
    }
    for reply in [
      "So you waited in all day Friday, it never came, and the app says delivered.",
      "You waited in all Friday, watched the app say delivered, and nothing came.",
    ] {
      #expect(e.assess(reply, context: context).has(signal: "summary"), "\(reply)")
    }
  }

  /// Good reps' sentences that this round's first patterns misread (found in review), each with
  /// the signal or anti-pattern it must not show.
  @Test func goodRepsSentencesThePatternsOnceMisreadStayClean() {
    for (id, reply) in [
      (
        "defensive",
        "I checked every payment on your account, and you're right: you were charged twice."
      ),
      ("cannot", "I checked for a second charge, but there isn't one, so your account is clear."),
      ("blame", "We'll stick to the quote you accepted, and I'll honour it."),
      ("blame", "I've found the application you submitted on Monday, and it's been approved."),
      ("blame", "It probably got damaged in delivery, so I'm sending a replacement today."),
      ("blame", "If you'd switch the router off for thirty seconds, I'll test the line."),
      ("blame", "The form just needs to be signed by you, and I'll take care of the rest."),
      (
        "blame",
        "It must have happened when you were moved to the new tariff, and that's our mistake."
      ),
      (
        "blame",
        "It might have been damaged before it even left our warehouse, so that one's on us."
      ),
      ("defensive", "By Friday our engineer will have called you to book the repair."),
      ("defensive", "We did tell you it would be Monday, and it wasn't. I'm sorry."),
      ("defensive", "I did say I'd call you back on Tuesday and I didn't, and I'm sorry."),
      ("defensive", "What you're asking for is more than fair, and I'll do it today."),
      ("defensive", "I'd be surprised if it took more than a day, but I'll ring you either way."),
      (
        "defensive",
        "The ombudsman is an independent organisation, and I'll send you their details."
      ),
      ("defensive", "Please don't tell us anything you're not comfortable sharing."),
      ("defensive", "I can see you've got lots of bookings on the account."),
      ("defensive", "We do our best for you here, and today we fell short."),
      (
        "defensive", "Your claim is with the other team now, and I've asked them to call you today."
      ),
      ("cannot", "This won't be considered a missed payment."),
      ("cannot", "Thirty pounds is the usual fee, so I'm refunding sixty."),
      ("cannot", "There's not much more to be done on your side; I'll handle the rest."),
      ("cannot", "It's not something that could have been spotted from your side."),
      ("cannot", "Anything over your normal bill goes straight back to you as a credit."),
      ("minimise", "I'll book it now so it can happen before your guests arrive."),
      ("minimise", "I want to find out why these delays happen."),
      ("minimise", "I can see your bill went up so dramatically."),
      ("minimise", "I don't want to get your hopes up, but I'll ask."),
      ("minimise", "I can't see what the problem is from here, so could you read me the error?"),
      (
        "minimise",
        "I'm not sure what you want me to do with the old one: shall I arrange a collection?"
      ),
      ("minimise", "I know every parent wants the best for their child."),
      ("minimise", "There's no point in you waiting in tomorrow; I've cancelled that slot."),
      ("minimise", "It's life cover you have with us, so you're protected."),
      ("calm-down", "There's no need to go to the shop, I'll send a courier to collect it."),
      ("calm-down", "No need to bring in the receipt, I can see the purchase."),
      ("check", "Try restarting the app, and if it works you'll see the green tick straight away."),
      ("check", "I'll send you the replacement, which is better than waiting weeks for a repair."),
      ("next-step", "We have the right to cancel the booking if the deposit isn't paid."),
      ("next-step", "I asked our finance team to send it last week, and it still hasn't gone out."),
      ("next-step", "I have the bank transfer details here."),
      ("ultimatum", "Is it flashing or nothing at all?"),
    ] {
      let read = e.assess(reply)
      #expect(!read.has(antipattern: id) && !read.has(signal: id), "\(reply): \(id)")
    }
  }

  @Test func whatTheyCouldNotDoAndTheirSmallNumbersAreStillToldBack() {
    for (line, reply) in [
      (
        "I couldn't get through on the phone for three days, and nobody rang me back.",
        "You couldn't get through on the phone for three days."
      ),
      ("I paid for 4 chairs and only 2 turned up.", "You paid for 4 chairs and got 2."),
      (
        "I rang twice and was promised a call back both times.",
        "You'd rung twice and been promised a call back."
      ),
    ] {
      let read = e.assess(reply, context: ReplyContext(customerLine: line))
      #expect(read.has(signal: "summary"), "\(reply)")
    }
  }

  @Test func whatTheyAskedForBeforeIsNoOffer() {
    for reply in [
      "What happened when you asked for the refund?",
      "So you were promised a replacement and it never came?",
    ] {
      #expect(e.assess(reply).steps.offer == .none, "\(reply)")
    }
    for reply in ["I can refund you today.", "Would a replacement by Friday help?"] {
      #expect(e.assess(reply).steps.offer != .none, "\(reply)")
    }
  }

  @Test func aFeelingNamedBeforeTheSummarySentenceComesFirst() {
    let context = ReplyContext(
      customerLine:
        "I bought the desk for a new job, and three weeks later they withdrew the offer.")
    let first = e.assess(
      "Losing the job like that, that's a rotten week. So you bought the desk for the new job, and then they withdrew the offer?",
      context: context)
    #expect(first.has(signal: "summary") && first.has(signal: "summary.feelings-first"))
    let factsOnly = e.assess(
      "So you bought the desk for the new job, and then they withdrew the offer?", context: context)
    #expect(factsOnly.has(signal: "summary") && !factsOnly.has(signal: "summary.feelings-first"))
  }
}
