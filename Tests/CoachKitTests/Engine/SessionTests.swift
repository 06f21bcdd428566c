import CoachKit
import CoachTestSupport
import Testing

/// Engine behaviour, each with its own scripted conversation of hand-built readings, so these
/// tests pin the engine's rules independently of how the evaluator reads text.
@Suite struct SessionTests {
  static let scenario = TestScripts.scenario(
    """
    scenario: test-parcel
    title: A late parcel
    difficulty: 1
    situation: A parcel is late.
    customer:
      name: Sam Lee
      mood: 7
      patience: 3
      opening: Where is my parcel?
    facts:
      - id: birthday
        asked-by: [when, date]
        reveal: It's my son's birthday present. His birthday is Friday.
      - id: address
        asked-by: [address]
        reveal: I moved last month.
        required: false
    options:
      - id: courier
        offered-by: [courier]
        needs-facts: [birthday]
        accept: A courier by Thursday works.
        too-soon: You don't even know when I need it.
      - id: voucher
        offered-by: [voucher]
        refuse: I don't want a voucher.
      - id: refund
        offered-by: [refund]
        counter: A refund doesn't get me a present.
    lines:
      empathy:
        good: [Thanks. It's been stressful., OK. Thank you for saying that.]
        poor:
          - mood: 6-10
            say: ARE YOU LISTENING?
          - mood: 0-5
            say: That's not really helpful.
      understand:
        good: ["What else?", "Go on, ask."]
        poor: [I told you already., That's beside the point.]
      offer:
        good: ["So what can you do?", "Options, please."]
        poor: [That's no solution., Hmm.]
      check:
        good: [Yes, that's all., All good.]
        poor: [Is that it?, Now what?]
      loop-back: [I'm still annoyed, to be honest.]
      resolved: ["Thanks, bye."]
      escalated: [Get me your manager.]
      antipatterns:
        calm-down: [Don't tell me to calm down!]
    rules:
      - id: manager
        when-says: [manager]
        before-step: offer
        say: You'd pass me on already?
        mood: 1
        coach: Offer escalation later, not first.
      - id: tracking
        when-says: [tracking]
        reveal: address
    """)

  static let method = TestScripts.method

  func session(seed: UInt64 = 1) -> Session {
    Session(scenario: Self.scenario, method: Self.method, seed: seed)
  }

  static let empathy = Reading(
    strengths: [.empathy: .strong], empathyQuote: "that sounds stressful")
  static let askWhen = Reading(
    strengths: [.understand: .strong], isQuestion: true, isOpenQuestion: true,
    factsAsked: ["birthday": "when"])
  static let summary = Reading(
    strengths: [.understand: .strong], summaryQuote: "so you need it by Friday")
  static let offerCourier = Reading(
    strengths: [.offer: .strong], optionsOffered: ["courier": "courier"])
  static let check = Reading(
    strengths: [.check: .strong], isQuestion: true, checkQuote: "does that work?")
  static let nothing = Reading()

  @Test func opensWithTheCustomersFirstLineAtEmpathy() {
    let session = session()
    #expect(session.opening == "Where is my parcel?")
    #expect(session.state.step == .empathy)
    #expect(session.state.mood == 7)
    #expect(!session.isOver)
  }

  @Test func empathyFirstCalmsAndMovesToUnderstand() {
    var session = session()
    let turn = session.respond(to: "I'm so sorry", reading: Self.empathy)
    #expect(turn.moodBefore == 7)
    #expect(turn.moodAfter == 5)
    #expect(turn.stepAfter == .understand)
    #expect(turn.events.contains(.reachedStep(.understand)))
    #expect(
      ["Thanks. It's been stressful.", "OK. Thank you for saying that."].contains(turn.customerLine)
    )
    #expect(turn.coachNote?.contains("that sounds stressful") == true)
    #expect(!turn.wasPoor)
  }

  @Test func aPoorReplyCostsPatienceAndRaisesTheMood() {
    var session = session()
    let turn = session.respond(to: "ok", reading: Self.nothing)
    #expect(turn.wasPoor)
    #expect(turn.moodAfter == 8)
    #expect(session.state.patience == 2)
    #expect(turn.customerLine == "ARE YOU LISTENING?")  // mood band 6-10
    #expect(turn.coachNote?.hasPrefix("Nothing here moves Empathy on.") == true)
  }

  @Test func patienceRunsOutAndTheCustomerEscalates() {
    var session = session()
    for _ in 0..<2 { _ = session.respond(to: "ok", reading: Self.nothing) }
    #expect(!session.isOver)
    let last = session.respond(to: "ok", reading: Self.nothing)
    #expect(session.outcome == .escalated)
    #expect(last.events.contains(.patienceGone))
    #expect(last.events.contains(.escalated))
    #expect(last.customerLine == "Get me your manager.")
  }

  @Test func reachingTheTopIsAWarningAndWorseEscalates() {
    var session = session()
    let rude = Reading(antipatterns: [.init(id: "calm-down", quote: "calm down")])
    _ = session.respond(to: "calm down", reading: rude)  // 7 + 2 = 9
    let top = session.respond(to: "calm down", reading: rude)  // 9 + 2 → 10: the last warning
    #expect(top.moodAfter == 10)
    #expect(!session.isOver)
    let last = session.respond(to: "calm down", reading: rude)  // worse at the top: gone
    #expect(session.outcome == .escalated)
    #expect(!last.events.contains(.patienceGone))
    #expect(last.coachNote?.contains("end of their tether") == true)
  }

  @Test func antipatternsGetTheScenariosReaction() {
    var session = session()
    let rude = Reading(antipatterns: [.init(id: "calm-down", quote: "calm down", tip: "Never.")])
    let turn = session.respond(to: "calm down", reading: rude)
    #expect(turn.customerLine == "Don't tell me to calm down!")
    #expect(turn.moodChanges.contains(.init(2, "“calm down” (calm-down)")))
    #expect(turn.coachNote == "“calm down”: Never.")
  }

  @Test func moodBandsFollowTheSettledMood() {
    var session = session()
    // 7 → 8 after a reply that does nothing: the 6-10 band, not a band for 9.
    let first = session.respond(to: "ok", reading: Self.nothing)
    #expect(first.moodAfter == 8)
    #expect(first.customerLine == "ARE YOU LISTENING?")
    // Empathy takes it to 6; the poor line for the next reply is again for 6-10, but said last
    // time: a single-line band gives way to another line rather than repeat itself.
    let second = session.respond(to: "ok", reading: Self.nothing)
    #expect(second.customerLine != first.customerLine)
  }

  @Test func anAntipatternCostsOnceHoweverOftenItMatched() {
    var session = session()
    let twice = Reading(antipatterns: [
      .init(id: "blame", quote: "you should have"), .init(id: "blame", quote: "your fault"),
    ])
    let turn = session.respond(to: "you should have… your fault", reading: twice)
    #expect(turn.moodAfter == turn.moodBefore + 2)
    #expect(turn.moodChanges.count == 1)
  }

  @Test func aCustomerAnswersAnOfferFirstAndTheQuestionWaits() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    _ = session.respond(to: "when?", reading: Self.askWhen)
    let both = Reading(
      isQuestion: true, factsAsked: ["address": "address"], optionsOffered: ["voucher": "voucher"])
    let turn = session.respond(to: "what address? a voucher?", reading: both)
    // One coherent answer: to the offer. The question is answered when it is asked again.
    #expect(turn.customerLine == "I don't want a voucher.")
    #expect(!turn.events.contains(.revealed(fact: "address")))
    let again = session.respond(
      to: "what address?", reading: Reading(isQuestion: true, factsAsked: ["address": "address"]))
    #expect(again.customerLine == "I moved last month.")
  }

  @Test func aCheckThatFindsUpsetLeftIsNotAPoorReply() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    _ = session.respond(to: "when?", reading: Self.askWhen)
    _ = session.respond(to: "courier", reading: Self.offerCourier)
    let rude = Reading(antipatterns: [.init(id: "blame", quote: "your fault")])
    _ = session.respond(to: "your fault", reading: rude)
    let check = session.respond(to: "ok?", reading: Self.check)
    #expect(check.events.contains(.loopBack))
    #expect(!check.wasPoor)
  }

  @Test func confirmingASummaryIsNotAnEarlyCheck() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    _ = session.respond(to: "when?", reading: Self.askWhen)
    let turn = session.respond(
      to: "so Friday matters. Did I get that right?",
      reading: Reading(
        strengths: [.understand: .strong, .check: .weak], isQuestion: true,
        summaryQuote: "so Friday matters", checkQuote: "did I get that right"))
    #expect(turn.coachNote?.contains("before anything was agreed") != true)
  }

  @Test func factsComeOutOnlyForQuestionsAtMostTwoAtATime() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    let statement = Reading(factsAsked: ["birthday": "date"])
    let notAsked = session.respond(to: "the date is printed", reading: statement)
    #expect(!notAsked.events.contains(.revealed(fact: "birthday")))
    let both = Reading(
      strengths: [.understand: .strong], isQuestion: true,
      factsAsked: ["birthday": "when", "address": "address"],
      factsAskedInOrder: ["birthday", "address"])
    let asked = session.respond(to: "when and what address?", reading: both)
    #expect(asked.events.filter { if case .revealed = $0 { true } else { false } }.count == 2)
    #expect(
      asked.customerLine
        == "It's my son's birthday present. His birthday is Friday. I moved last month.")
    #expect(session.state.factsKnown == ["birthday", "address"])
    #expect(session.understood)
    #expect(session.state.step == .offer)
  }

  @Test func anOpenQuestionAboutNothingInParticularBringsOutTheNextFact() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    let open = Reading(strengths: [.understand: .strong], isQuestion: true, isOpenQuestion: true)
    let turn = session.respond(to: "what's going on?", reading: open)
    #expect(turn.events.contains(.revealed(fact: "birthday")))
    let closed = Reading(strengths: [.understand: .weak], isQuestion: true)
    var other = self.session()
    _ = other.respond(to: "sorry", reading: Self.empathy)
    let closedTurn = other.respond(to: "is it late?", reading: closed)
    #expect(!closedTurn.events.contains { if case .revealed = $0 { true } else { false } })
  }

  @Test func aQuestionAfterTheFactsAreKnownCostsNothing() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    _ = session.respond(to: "when?", reading: Self.askWhen)
    #expect(session.state.step == .offer)
    let turn = session.respond(
      to: "what else?",
      reading: Reading(strengths: [.understand: .strong], isQuestion: true, isOpenQuestion: true))
    #expect(!turn.wasPoor)
    #expect(turn.moodAfter == turn.moodBefore)
    #expect(["So what can you do?", "Options, please."].contains(turn.customerLine))
  }

  @Test func anOfferBeforeUnderstandingIsALeapfrog() {
    var session = session()
    let turn = session.respond(to: "courier?", reading: Self.offerCourier)
    #expect(turn.events.contains(.leapfrog))
    #expect(turn.events.contains(.tooSoon(option: "courier")))
    #expect(turn.customerLine == "You don't even know when I need it.")
    #expect(turn.moodAfter > turn.moodBefore)
    #expect(turn.coachNote?.contains("before you understood the problem") == true)
    #expect(session.state.accepted == nil)
  }

  @Test func theWholeMethodResolvesTheCall() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    _ = session.respond(to: "when?", reading: Self.askWhen)
    let summarised = session.respond(to: "so…", reading: Self.summary)
    #expect(summarised.events.contains(.summary))
    let offered = session.respond(to: "courier", reading: Self.offerCourier)
    #expect(offered.events.contains(.accepted(option: "courier")))
    #expect(offered.customerLine == "A courier by Thursday works.")
    #expect(session.state.step == .check)
    let checked = session.respond(to: "does that work?", reading: Self.check)
    #expect(session.outcome == .resolved)
    #expect(checked.events.contains(.resolved))
    #expect(checked.customerLine.hasSuffix("Thanks, bye."))
  }

  @Test func refusedAndCounteredOffersKeepTheConversationAtOffer() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    _ = session.respond(to: "when?", reading: Self.askWhen)
    let voucher = session.respond(
      to: "voucher", reading: Reading(optionsOffered: ["voucher": "voucher"]))
    #expect(voucher.events.contains(.refused(option: "voucher")))
    #expect(voucher.customerLine == "I don't want a voucher.")
    let refund = session.respond(
      to: "refund", reading: Reading(optionsOffered: ["refund": "refund"]))
    #expect(refund.events.contains(.countered(option: "refund")))
    #expect(session.state.step == .offer)
  }

  @Test func offersInOneReplyLetTheCustomerPickTheBest() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    _ = session.respond(to: "when?", reading: Self.askWhen)
    let turn = session.respond(
      to: "voucher or courier?",
      reading: Reading(
        choicesQuote: "or", optionsOffered: ["voucher": "voucher", "courier": "courier"]))
    #expect(turn.events.contains(.accepted(option: "courier")))
    #expect(turn.customerLine == "A courier by Thursday works.")
  }

  @Test func aCustomerTooUpsetDoesNotAcceptYet() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)  // 5
    _ = session.respond(to: "when?", reading: Self.askWhen)  // 4
    let rude = Reading(antipatterns: [.init(id: "blame", quote: "you should have")])
    _ = session.respond(to: "you should have", reading: rude)  // 6
    _ = session.respond(to: "you should have", reading: rude)  // 8
    let turn = session.respond(to: "courier", reading: Self.offerCourier)
    #expect(turn.events.contains(.notYet(option: "courier")))
    #expect(session.state.accepted == nil)
  }

  @Test func aCheckWithUpsetLeftLoopsBackToEmpathy() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)  // 5
    _ = session.respond(to: "when?", reading: Self.askWhen)  // 4
    _ = session.respond(to: "courier", reading: Self.offerCourier)  // 2, accepted
    let rude = Reading(
      strengths: [.check: .strong], checkQuote: "ok?",
      antipatterns: [.init(id: "blame", quote: "your fault")])
    let turn = session.respond(to: "your fault. ok?", reading: rude)  // mood 4 > resolve 3
    #expect(turn.events.contains(.loopBack))
    #expect(session.state.step == .empathy)
    #expect(!session.isOver)
    _ = session.respond(to: "sorry", reading: Self.empathy)
    #expect(session.state.step == .check)
    _ = session.respond(to: "does that work?", reading: Self.check)
    #expect(session.outcome == .resolved)
  }

  @Test func aCheckBeforeAnythingIsAgreedDoesNotEndTheCall() {
    var session = session()
    let turn = session.respond(to: "anything else?", reading: Self.check)
    #expect(!session.isOver)
    #expect(turn.coachNote != nil)
  }

  @Test func rulesFireOnceWithTheirEffects() {
    var session = session()
    let says = Reading(rulesMatched: ["manager"])
    let first = session.respond(to: "shall I get my manager", reading: says)
    #expect(first.events.contains(.rule(id: "manager")))
    #expect(first.customerLine.hasPrefix("You'd pass me on already?"))
    #expect(first.coachNote == "Offer escalation later, not first.")
    #expect(first.moodChanges.contains(.init(1, "the script's rule `manager`")))
    let second = session.respond(to: "my manager", reading: says)
    #expect(!second.events.contains(.rule(id: "manager")))
  }

  @Test func aRuleCanRevealAFact() {
    var session = session()
    let turn = session.respond(to: "tracking", reading: Reading(rulesMatched: ["tracking"]))
    #expect(turn.events.contains(.revealed(fact: "address")))
    #expect(session.state.factsKnown == ["address"])
  }

  @Test func theSameSeedReplaysTheSameLines() {
    func play(_ seed: UInt64) -> [String] {
      var session = session(seed: seed)
      return (0..<2).map { _ in session.respond(to: "sorry", reading: Self.empathy).customerLine }
        + [session.respond(to: "hm", reading: Self.nothing).customerLine]
    }
    #expect(play(42) == play(42))
    let lines = (1...20).map { play($0)[0] }
    #expect(Set(lines).count == 2, "both variants get chosen across seeds")
  }

  @Test func variantsDoNotRepeatImmediately() {
    for seed in UInt64(1)...10 {
      var session = session(seed: seed)
      _ = session.respond(to: "sorry", reading: Self.empathy)
      var previous = ""
      for _ in 0..<4 {
        let line = session.respond(to: "ok", reading: Reading(strengths: [.understand: .weak]))
          .customerLine
        #expect(line != previous)
        previous = line
      }
    }
  }

  @Test func abandoningEndsTheSession() {
    var session = session()
    session.abandon()
    #expect(session.outcome == .abandoned)
    #expect(session.isOver)
  }

  @Test func restartGoesBackToTheOpening() {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    session.restart()
    #expect(session.turns.isEmpty)
    #expect(session.state.mood == 7)
  }

  @Test func theRecordRoundTripsThroughJSON() throws {
    var session = session()
    _ = session.respond(to: "sorry", reading: Self.empathy)
    _ = session.respond(to: "when?", reading: Self.askWhen)
    _ = session.respond(to: "courier", reading: Self.offerCourier)
    _ = session.respond(to: "ok?", reading: Self.check)
    let record = SessionRecord(
      session: session, mode: "practice", started: "2026-01-01T00:00:00Z",
      ended: "2026-01-01T00:05:00Z")
    let text = record.json.serialized(pretty: true)
    let back = try SessionRecord(json: try JSONValue.parse(text))
    #expect(back == record)
    #expect(back.outcome == .resolved)
    #expect(back.agreed?.id == "courier")
    #expect(record.markdown.contains("**You:** courier"))
  }
}
