import CoachKit
import CoachTestSupport
import Testing

/// The rubric (`rubric:` in the method file), one test per rule, on sessions played with
/// hand-built readings of the engine tests' scenario.
@Suite struct StepScoresTests {
  typealias S = SessionTests
  let rubric = S.method.rubric

  func play(_ readings: [Reading]) -> (Session, StepScores) {
    var session = Session(scenario: S.scenario, method: S.method, seed: 1)
    for reading in readings where !session.isOver {
      _ = session.respond(to: "reply", reading: reading)
    }
    let scores = StepScores(
      turns: session.turns, scenario: S.scenario, outcome: session.outcome, rubric: rubric)
    return (session, scores)
  }

  /// A good call: empathy, the question, a summary, the courier, a check.
  var goodCall: [Reading] { [S.empathy, S.askWhen, S.summary, S.offerCourier, S.check] }

  @Test func aGoodCallScoresWhatItDid() {
    let (session, scores) = play(goodCall)
    #expect(session.outcome == .resolved)
    #expect(scores[.empathy] == rubric.empathy.strong)
    #expect(
      scores[.understand]
        == rubric.understand.facts + rubric.understand.openQuestion + rubric.understand.summary)
    // One option, strongly offered and accepted: no choice was given.
    #expect(scores[.offer] == rubric.offer.accepted + rubric.offer.strong)
    #expect(scores[.check] == rubric.check.resolved)
    #expect(scores.overall == Step.allCases.reduce(0) { $0 + scores[$1] } / 4)
  }

  @Test func theFirstReplyWithoutEmpathyCapsEmpathy() {
    let (_, scores) = play([S.askWhen, S.empathy] + goodCall.dropFirst(2))
    #expect(scores[.empathy] == rubric.empathy.noneFirstCap)
  }

  @Test func eachDismissiveReplyCostsEmpathy() {
    let dismiss = Reading(antipatterns: [.init(id: "minimise", quote: "it's only a parcel")])
    let (_, scores) = play([S.empathy, dismiss] + goodCall.dropFirst())
    #expect(scores[.empathy] == rubric.empathy.strong - rubric.empathy.perDismissal)
  }

  @Test func eachLeapfrogCostsUnderstand() {
    let (_, with) = play([S.empathy, S.offerCourier] + goodCall.dropFirst())
    let (_, without) = play(goodCall)
    #expect(with[.understand] == without[.understand] - rubric.understand.perLeapfrog)
  }

  @Test func noOptionOfferedScoresZeroForOffer() {
    let strongWords = Reading(strengths: [.offer: .strong])
    let (_, scores) = play([S.empathy, S.askWhen, S.summary, strongWords, S.check])
    #expect(scores[.offer] == 0)
  }

  @Test func anOfferAnsweredButNotAcceptedScoresLessThanAcceptance() {
    let voucher = Reading(strengths: [.offer: .weak], optionsOffered: ["voucher": "voucher"])
    let (_, scores) = play([S.empathy, S.askWhen, voucher])
    #expect(scores[.offer] == rubric.offer.answered)
  }

  @Test func onlyOffersTooSoonScoreLittle() {
    let (_, scores) = play([S.empathy, S.offerCourier])
    #expect(scores[.offer] == rubric.offer.tooSoon)
  }

  @Test func aCantDoCostsOffer() {
    let cannot = Reading(antipatterns: [.init(id: "cannot", quote: "we can't")])
    let (_, with) = play([S.empathy, S.askWhen, S.summary, cannot, S.offerCourier, S.check])
    let (_, without) = play(goodCall)
    #expect(with[.offer] == without[.offer] - rubric.offer.perCannot)
  }

  @Test func aCheckBeforeAgreementScoresLittleAndCostsAResolvedCall() {
    let (_, early) = play([S.empathy, S.askWhen, S.check])
    #expect(early[.check] == rubric.check.early)
    let (_, both) = play([S.empathy, S.askWhen, S.check, S.summary, S.offerCourier, S.check])
    #expect(both[.check] == rubric.check.resolved - rubric.check.earlyPenalty)
  }

  @Test func aSeriousAntipatternKeepsTheCallBelowThePassMark() {
    let notOurFault = Reading(antipatterns: [.init(id: "defensive", quote: "not our fault")])
    let (session, scores) = play(
      [S.empathy, notOurFault, S.empathy, S.askWhen, S.summary, S.offerCourier, S.check])
    #expect(session.outcome == .resolved)
    #expect(scores.overall <= rubric.overall.seriousCap)
    // The debrief says why the overall is below its steps.
    #expect(
      scores.overallLimits.contains(.serious(ids: ["defensive"], cap: rubric.overall.seriousCap)))
    #expect(
      Debrief(session: session).render().contains(
        "at most \(rubric.overall.seriousCap): `defensive` in the call"))
  }

  @Test func anEscalatedCallIsCapped() {
    let blame = Reading(antipatterns: [.init(id: "blame", quote: "your fault")])
    let (session, scores) = play([S.empathy, S.askWhen, blame, blame, blame, blame])
    #expect(session.outcome == .escalated)
    #expect(scores.overall <= rubric.overall.escalatedCap)
  }

  @Test func eachMoodRiseCostsTheOverallScore() {
    let (_, calm) = play(goodCall)
    let (session, rose) = play(
      [S.empathy, S.nothing, S.askWhen, S.summary, S.offerCourier, S.check])
    let rises = session.turns.filter { $0.moodAfter > $0.moodBefore }.count
    #expect(rises == 1)
    let steps = Step.allCases.reduce(0) { $0 + rose[$1] } / Step.allCases.count
    #expect(rose.overall == steps - rubric.overall.perMoodRise)
    #expect(rose.overall < calm.overall)
    #expect(rose.overallLimits == [.moodRises(replies: 1, points: rubric.overall.perMoodRise)])
    #expect(calm.overallLimits.isEmpty)
  }

  @Test func theDebriefsWeakestReplyIsOneTheCoachWarnedAbout() {
    var session = Session(scenario: S.scenario, method: S.method, seed: 1)
    _ = session.respond(to: "sorry", reading: S.empathy)
    _ = session.respond(to: "courier", reading: S.offerCourier)  // a leapfrog: warned live
    _ = session.respond(to: "when?", reading: S.askWhen)
    let debrief = Debrief(session: session)
    #expect(debrief.weakest?.turn == 2)
    #expect(debrief.strongest?.turn != 2)
  }
}
