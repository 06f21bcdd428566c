/// The working state of one turn while the engine plays it.
///
/// The order is fixed: scenario rules, anti-patterns, empathy, summary, offers, questions and
/// facts, check, then the quality of the reply, the new mood and step, escalation, and finally
/// the customer's line and the coach's note. Offers are judged on what the rep knew before the
/// reply; a customer answering an offer leaves the reply's questions for the next turn.
struct TurnPlay {
  let scenario: Scenario
  let method: Method
  let reading: Reading
  let stepBefore: Step
  let factsKnownBefore: [String]
  let moodBefore: Int
  var state: Session.State
  var events: [SessionEvent] = []
  var changes: [Turn.MoodChange] = []
  var ending: Outcome?
  var poor = false
  var customerLine = ""
  var note: String?
  /// Scenario line situations picked (whether or not they ended up in the final line).
  var linesUsed: [CustomerLines.Situation] = []

  // What the customer will say, by kind, filled in as the turn is played.
  private var ruleLines: [String] = []
  private var revealLines: [String] = []
  private var offerLine: String?
  private var reactionLine: String?
  private var loopBackLine = false
  private var offTopicLine = false
  /// The reply asked only about what the customer has told already.
  private var alreadyToldLine = false
  /// The customer answers an offer this turn (accepts, counters, refuses, or is not ready).
  private var offerAnswered = false
  /// A beat of the script spoke this turn: the reply's questions wait for the next one.
  private var beatSpoke = false
  private var notes: [(priority: Int, text: String)] = []
  /// Options this reply offers for the first time in the session.
  private var newOffers: Set<String> = []
  /// Whether ``settleMoodAndStep()`` has applied this turn's changes to `state.mood`.
  private var settled = false

  init(session: Session, reading: Reading) {
    self.scenario = session.scenario
    self.method = session.method
    self.reading = reading
    self.state = session.state
    self.stepBefore = session.state.step
    self.factsKnownBefore = session.state.factsKnown
    self.moodBefore = session.state.mood
  }

  mutating func run() {
    applyRules()
    applyAntipatterns()
    applyEmpathy()
    applySummary()
    applyOffers()
    if !offerAnswered { applyRules(beats: true) }
    applyQuestions()
    applyCheck()
    judgeQuality()
    settleMoodAndStep()
    chooseLine()
    chooseNote()
  }

  /// The most important note, unless it is the note given last turn: then the next one, if any.
  private mutating func chooseNote() {
    let ranked = notes.enumerated().sorted {
      $0.element.priority != $1.element.priority
        ? $0.element.priority < $1.element.priority : $0.offset < $1.offset
    }.map(\.element.text).filter { !$0.isEmpty }
    note =
      ranked.first { $0 != state.lastNote } ?? (ranked.first == state.lastNote ? nil : ranked.first)
  }

  // MARK: - Rules

  /// Rules that answer what the reply said (`when-says`) fire first; the script's beats (rules
  /// with no `when-says`: the boss rings again, the customer keeps venting) wait for a turn in
  /// which the customer is not answering an offer, and a beat that speaks holds the reply's
  /// questions over to the next turn, so that a turn has one coherent line.
  private mutating func applyRules(beats: Bool = false) {
    for rule in scenario.rules where rule.whenSays.isEmpty == beats {
      if rule.once, state.firedRules.contains(rule.id) { continue }
      if !rule.whenSays.isEmpty, !reading.rulesMatched.contains(rule.id) { continue }
      if let step = rule.atStep, state.step != step { continue }
      if let step = rule.beforeStep, state.step >= step { continue }
      if let low = rule.moodAtLeast, state.mood < low { continue }
      if let high = rule.moodAtMost, state.mood > high { continue }
      if !rule.knows.allSatisfy({ state.factsKnown.contains($0.text) }) { continue }
      if rule.unlessKnows.contains(where: { state.factsKnown.contains($0.text) }) { continue }
      state.firedRules.insert(rule.id)
      events.append(.rule(id: rule.id))
      if let say = rule.say, let line = unsaid(say) {
        ruleLines.append(line)
        if beats { beatSpoke = true }
      }
      if rule.moodChange != 0 {
        changes.append(.init(rule.moodChange, method.reason(.rule, ["id": rule.id])))
      }
      if let coach = rule.coach { notes.append((0, coach)) }
      if let fact = rule.reveal?.text { reveal(fact, quote: nil) }
      if let end = rule.end { ending = end == .resolved ? .resolved : .escalated }
    }
  }

  // MARK: - Anti-patterns and empathy

  private mutating func applyAntipatterns() {
    var charged: Set<String> = []
    // The costliest first: the customer answers it and the coach names it, rather than the
    // bluntness riding on it ("nothing softens `records`").
    let flags = method.mood.costliestFirst(reading.antipatterns, id: \.id)
    for flag in flags where charged.insert(flag.id).inserted {
      // Each anti-pattern costs its weight once per reply, however often it matched.
      let weight = method.mood.weight(ofAntipattern: flag.id)
      if weight != 0 {
        changes.append(
          .init(weight, method.reason(.antipattern, ["quote": flag.quote, "id": flag.id])))
      }
      if reactionLine == nil, let line = pick(.antipattern(flag.id), scenarioOnly: true) {
        reactionLine = line
      }
    }
    if let flag = flags.first {
      var text = method.note(.antipattern, ["quote": flag.quote, "tip": flag.tip ?? ""]) ?? ""
      if let rewrite = flag.rewrite, !rewrite.isEmpty { text += " Try: “\(rewrite)”" }
      notes.append((2, text))
    }
  }

  private mutating func applyEmpathy() {
    let strength = reading.strength(.empathy)
    guard strength > .none else { return }
    let quote = reading.empathyQuote ?? ""
    // Empathy calms while there is upset to calm; it does not keep lowering a calm customer.
    if state.mood > scenario.resolveMood || state.step == .empathy {
      let delta = strength == .strong ? method.mood.empathyStrong : method.mood.empathyWeak
      if delta != 0 { changes.append(.init(delta, method.reason(.empathy, ["quote": quote]))) }
    }
    // Credit counts weak as 1 and strong as 2 (the method's `empathy-credit` is in these units).
    state.empathyCredit += strength.rank
    if stepBefore == .empathy {
      notes.append(
        (
          5,
          method.note(strength == .strong ? .empathyStrong : .empathyWeak, ["quote": quote]) ?? ""
        ))
    }
  }

  // MARK: - Understand

  private mutating func applyQuestions() {
    // Only questions bring facts out (the evaluator counts "tell me about…" and "walk me through…"
    // as questions); a statement that mentions a fact's words is not asking about it. A customer
    // answering an offer answers that first: the questions wait for the next turn.
    guard reading.isQuestion, !offerAnswered, !beatSpoke else { return }
    var revealed = 0
    for factID in reading.factsAskedInOrder where !state.factsKnown.contains(factID) {
      reveal(factID, quote: reading.factsAsked[factID])
      revealed += 1
      if revealed == 2 { break }  // a customer answers two things at once, not five
    }
    if revealed == 0,
      let said = reading.factsBeforeQuestions.first(where: { !state.factsKnown.contains($0) })
    {
      reveal(said, quote: nil)
      revealed = 1
    }
    guard revealed == 0, reading.factsAsked.isEmpty else {
      // Asked again about what she told: she says so, not "go on, ask".
      if revealed == 0, !beatSpoke { alreadyToldLine = true }
      return
    }
    if reading.askedAboutOther {
      // A question about something that is none of the facts gets an answer in character,
      // never an unrelated fact.
      offTopicLine = true
      notes.append((4, method.note(.offTopic) ?? ""))
    } else if reading.isOpenQuestion,
      let next = scenario.facts.first(where: { $0.required && !state.factsKnown.contains($0.id) })
    {
      // An open question that names nothing in particular invites the customer to tell their
      // story: they come out with the next thing that matters to them.
      reveal(next.id, quote: nil)
      notes.append((4, method.note(.openQuestion, ["fact": next.id]) ?? ""))
    }
  }

  private mutating func reveal(_ factID: String, quote: String?) {
    guard !state.factsKnown.contains(factID), let fact = scenario.fact(factID) else { return }
    state.factsKnown.append(factID)
    events.append(.revealed(fact: factID))
    revealLines.append(fact.reveal)
    if method.mood.factRevealed != 0 {
      changes.append(
        .init(method.mood.factRevealed, method.reason(.fact, ["fact": factID])))
    }
    if let quote {
      notes.append((4, method.note(.fact, ["quote": quote, "fact": factID]) ?? ""))
    }
  }

  private mutating func applySummary() {
    // A summary needs something to summarise: at least one fact the customer told before this
    // reply (a fact the reply itself brings out cannot be in its summary).
    guard let quote = reading.summaryQuote, !factsKnownBefore.isEmpty else { return }
    if !state.summaryGiven {
      state.summaryGiven = true
      events.append(.summary)
      if method.mood.summary != 0 {
        changes.append(.init(method.mood.summary, method.reason(.summary, ["quote": quote])))
      }
    }
    // Praised as feelings first only when it was.
    let key: Method.NoteKey = reading.feelingsFirst ? .summary : .summaryFactsFirst
    notes.append((4, method.note(key, ["quote": quote]) ?? ""))
  }

  // MARK: - Offer

  private mutating func applyOffers() {
    // Once something is agreed, more words on the same subjects ("I've flagged your account so
    // next month is charged once") elaborate the agreement: only an option's own phrases offer
    // it then.
    let offered = scenario.options.filter { option in
      reading.optionsOffered[option.id] != nil
        && (state.accepted == nil || !reading.optionsByTopic.contains(option.id))
    }
    guard !offered.isEmpty else { return }
    // Once the rep has understood (every required fact is out, or the customer confirmed a
    // summary), no offer is too soon.
    let understood = state.understood(scenario)
    var best: (rank: Int, line: String, event: SessionEvent?)?
    func consider(_ rank: Int, _ line: String, _ event: SessionEvent?) {
      if best == nil || rank < best!.rank { best = (rank, line, event) }
    }
    var leapfrogged = false
    for option in offered {
      let quote = reading.optionsOffered[option.id] ?? option.id
      events.append(.offered(option: option.id))
      let offeredBefore = state.offered.contains(option.id)
      if !offeredBefore {
        state.offered.append(option.id)
        newOffers.insert(option.id)
      }
      if !understood {
        if !leapfrogged {
          leapfrogged = true
          events.append(.leapfrog)
          changes.append(
            .init(method.mood.leapfrog, method.reason(.leapfrog, ["quote": quote])))
          notes.append((1, method.note(.leapfrog, ["quote": quote]) ?? ""))
        }
        let line = option.tooSoon.flatMap(unsaid) ?? pick(.leapfrog) ?? ""
        consider(5, line, .tooSoon(option: option.id))
        continue
      }
      if !state.summaryGiven {
        notes.append((3, method.note(.summaryMissing, ["quote": quote]) ?? ""))
      }
      // An answer already given is not given again word for word.
      let says = state.saidLines.contains(option.says) ? pick(named: .offeredAgain) : option.says
      switch option.response {
      case .accept:
        let limit = option.maxMood ?? method.mood.acceptAtMost
        if moodSoFar > limit {
          let line = option.notYet.flatMap(unsaid) ?? pick(named: .notYet)
          consider(4, line, .notYet(option: option.id))
          notes.append((3, method.note(.notYet, ["quote": quote, "option": option.id]) ?? ""))
        } else if state.accepted == option.id {
          // Accepted already: more of it ("I'll call you Friday with an update") is a next step
          // of what was agreed, answered where the call is, not an option offered again.
          continue
        } else {
          consider(1, says, .accepted(option: option.id))
        }
      case .counter:
        // A counter asks for more than this option gives ("…but what about the money?"); once
        // something is agreed, an extra beside it is a next step, not a shortfall.
        if state.accepted != nil { continue }
        consider(offeredBefore ? 6 : 2, says, .countered(option: option.id))
      case .refuse:
        consider(offeredBefore ? 6 : 3, says, .refused(option: option.id))
      }
    }
    if let quote = reading.choicesQuote {
      notes.append((4, method.note(.choices, ["quote": quote]) ?? ""))
    }
    guard let best else { return }
    offerLine = best.line
    switch best.event {
    case .accepted?, .countered?, .refused?, .notYet?, nil: offerAnswered = true
    default: break
    }
    if let event = best.event { events.append(event) }
    switch best.event {
    case .accepted(let id)?:
      state.accepted = id
      changes.append(.init(method.mood.accepted, method.reason(.accepted, ["option": id])))
      notes.append((3, method.note(.accepted, ["option": id]) ?? ""))
    case .countered(let id)?:
      notes.append((3, method.note(.countered, ["option": id]) ?? ""))
    case .refused(let id)?:
      notes.append((3, method.note(.refused, ["option": id]) ?? ""))
    case .tooSoon(let id)?:
      notes.append((2, method.note(.tooSoon, ["option": id]) ?? ""))
    default:
      break
    }
  }

  /// The mood with this turn's changes so far applied (once the mood is settled, the mood).
  private var moodSoFar: Int {
    if settled { return state.mood }
    return max(0, min(10, state.mood + changes.reduce(0) { $0 + $1.delta }))
  }

  // MARK: - Check

  private mutating func applyCheck() {
    guard let quote = reading.checkQuote, ending == nil else { return }
    guard state.accepted != nil else {
      // "Did I get that right?" after a summary confirms the summary; it is not closing the call.
      if offerLine == nil, reading.summaryQuote == nil {
        notes.append((3, method.note(.checkEarly, ["quote": quote]) ?? ""))
      }
      return
    }
    // A check that asks about something new the customer has just turned down ("Would a call
    // back tomorrow suit you?" "No more call-backs.") asks about that, not about what was agreed.
    let turnedDown = events.contains { event in
      if case .refused(let option) = event { newOffers.contains(option) } else { false }
    }
    if turnedDown { return }
    if moodSoFar <= scenario.resolveMood {
      ending = .resolved
      notes.append((1, method.note(.resolved, ["quote": quote]) ?? ""))
    } else {
      events.append(.loopBack)
      loopBackLine = true
      state.empathyCredit = 0
      if method.mood.loopBack != 0 {
        changes.append(.init(method.mood.loopBack, method.reason(.loopBack)))
      }
      notes.append((1, method.note(.loopBack, ["quote": quote]) ?? ""))
    }
  }

  // MARK: - Quality, mood, step, ending

  private mutating func judgeQuality() {
    // A rule counts as progress only when it does not anger the customer; a check that finds
    // upset left, or an offer they are not ready for yet, is the right move at the wrong moment,
    // not a poor reply.
    let calmingRule = scenario.rules.contains { rule in
      events.contains(.rule(id: rule.id)) && rule.moodChange <= 0
    }
    let progress =
      calmingRule
      || events.contains { event in
        switch event {
        case .revealed, .summary, .accepted, .countered, .refused, .loopBack, .notYet: true
        default: false
        }
      }
    // A reply helps when it does the work of any step the conversation is ready for: empathy,
    // a question, an offer of one of the options, a next step once something is agreed, a check. Asking more
    // once the facts are known is not progress, but it is not a poor reply either.
    let helped =
      progress || reading.strength(stepBefore) > .none || reading.strength(.empathy) > .none
      || reading.strength(.understand) > .none || !reading.optionsOffered.isEmpty
      || (state.accepted != nil && reading.strength(.offer) > .none)
      || ending == .resolved
    // Anti-patterns the method gives no mood cost (a long reply, a blunt edge riding on
    // another) are coached, but do not make a reply that helped a poor one.
    let harmful = reading.antipatterns.contains { method.mood.weight(ofAntipattern: $0.id) > 0 }
    poor =
      !helped || (harmful && !progress && reading.strength(.empathy) < .strong)
    if poor {
      state.patience -= 1
      // The extra mood cost is for a reply that simply did nothing; anti-patterns and the
      // script's rules already priced in what a bad reply did.
      let priced =
        !reading.antipatterns.isEmpty
        || scenario.rules.contains { events.contains(.rule(id: $0.id)) && $0.moodChange != 0 }
      if method.mood.poorReply != 0, !priced {
        changes.append(
          .init(
            method.mood.poorReply, method.reason(.poorReply, ["step": stepBefore.title])))
      }
      if !helped {
        let guide = method.guide(stepBefore)
        notes.append(
          (6, method.note(.poor, ["step": stepBefore.title, "hint": guide.hint]) ?? ""))
      }
    }
  }

  private mutating func settleMoodAndStep() {
    let delta = changes.reduce(0) { $0 + $1.delta }
    state.mood = max(0, min(10, state.mood + delta))
    settled = true
    // Upset that comes back (the customer as upset as at the start, and angrier than before the
    // reply) takes the conversation back to empathy.
    if delta > 0, state.mood >= scenario.customer.mood, state.mood > moodBefore,
      stepBefore != .empathy
    {
      state.empathyCredit = 0
    }
    // Empathy is done when enough was shown, or when some was and the customer is calmer than
    // at the start, or when there is no upset left to acknowledge.
    let empathyDone =
      state.empathyCredit >= method.mood.empathyCredit
      || (state.empathyCredit > 0 && state.mood < scenario.customer.mood)
      || state.mood <= scenario.resolveMood
    let understood = state.understood(scenario)
    let step: Step
    if !empathyDone {
      step = .empathy
    } else if !understood {
      step = .understand
    } else if state.accepted == nil {
      step = .offer
    } else {
      step = .check
    }
    if step != state.step {
      events.append(.reachedStep(step))
      state.step = step
    }
    guard ending == nil else {
      events.append(ending == .resolved ? .resolved : .escalated)
      return
    }
    if state.mood >= 10, delta > 0, moodBefore >= 10 {
      // At the top already and made worse: they give up. Reaching the top is the rep's last
      // warning, however they got there.
      ending = .escalated
      notes.append((0, method.note(.escalatedMood) ?? ""))
    } else if state.patience <= 0 {
      events.append(.patienceGone)
      ending = .escalated
      notes.append((0, method.note(.escalatedPatience) ?? ""))
    }
    if ending == .escalated { events.append(.escalated) }
  }

  // MARK: - The customer's line

  /// One coherent line: the script's rule lines, then the one thing the customer answers —
  /// an offer, the facts asked about, the reply's anti-pattern, a premature offer, a check while
  /// still upset, a question about something else, a summary — or how the reply went.
  private mutating func chooseLine() {
    var parts = Array(ruleLines.prefix(1))
    switch ending {
    case .resolved?:
      // Accepted and checked in one reply: the acceptance is the customer's last word (a
      // closing line after it would say goodbye twice).
      if offerAnswered, let offerLine {
        parts.append(offerLine)
      } else {
        parts += [pick(.resolved)].compactMap { $0 }
      }
    case .escalated?:
      parts.append(pick(.escalated) ?? "")
    default:
      if offerAnswered, let offerLine {
        parts.append(offerLine)
      } else if !revealLines.isEmpty {
        parts += revealLines
      } else if let reactionLine {
        parts.append(reactionLine)
      } else if let offerLine {
        parts.append(offerLine)
      } else if loopBackLine {
        parts.append(pick(.loopBack) ?? "")
      } else if offTopicLine {
        events.append(.offTopic)
        parts.append(pick(.offTopic) ?? "")
      } else if alreadyToldLine, parts.isEmpty, !events.contains(.summary) {
        events.append(.alreadyTold)
        parts.append(pick(.alreadyTold) ?? "")
      } else if parts.isEmpty, events.contains(.summary),
        let line = pick(.summary, scenarioOnly: true)
      {
        parts.append(line)
      }
      if parts.allSatisfy(\.isEmpty) {
        if !poor, servedStep == .check, state.accepted == nil {
          // A check before anything was agreed: nothing to say yes to yet.
          parts = [pick(named: .good)]
        } else {
          parts = [pick(poor ? .poor(stepBefore) : .good(servedStep)) ?? ""]
        }
      }
    }
    var seen: [String] = []
    for part in parts where !part.isEmpty && !seen.contains(part) { seen.append(part) }
    state.saidLines.formUnion(seen)
    customerLine = seen.joined(separator: " ")
  }

  /// Whether a line's condition holds at this point of the turn.
  private func holds(_ condition: LineCondition) -> Bool {
    let value: Bool
    switch condition.kind {
    case .knows(let fact): value = state.factsKnown.contains(fact)
    case .offered(let option?): value = state.offered.contains(option)
    case .offered(nil): value = !state.offered.isEmpty
    case .accepted: value = state.accepted != nil
    case .summary: value = state.summaryGiven
    case .feelingNamed: value = reading.namedFeeling
    case .timeGiven: value = reading.gaveTime
    }
    return value != condition.negated
  }

  /// The step whose `good` lines answer a reply that helped: the current step if the reply served
  /// it, else the step it served ("thank you" answers empathy, not a question).
  private var servedStep: Step {
    if reading.strength(stepBefore) > .none { return stepBefore }
    let served = Step.allCases.last { reading.strength($0) > .none } ?? stepBefore
    // Once something is agreed, a next step is part of closing, not a new offer; once every
    // fact is out, asking more is answered where the conversation is.
    if served == .offer, state.accepted != nil { return .check }
    if served == .understand, stepBefore > .understand { return stepBefore }
    return served
  }

  /// `line`, unless the customer has said it already.
  private func unsaid(_ line: String) -> String? {
    state.saidLines.contains(line) ? nil : line
  }

  /// A variant for a situation that the customer has not said yet: matching the mood band if any
  /// do, else any band; the method's fallback lines when the scenario has none left.
  private mutating func pick(_ situation: CustomerLines.Situation, scenarioOnly: Bool = false)
    -> String?
  {
    let written = scenario.lines[situation].filter { $0.when.allSatisfy(holds) }
    let variants = written.filter { !state.saidLines.contains($0.text) }
    let mood = moodSoFar
    var pool = variants.filter { $0.mood?.contains(mood) ?? false }
    if pool.isEmpty { pool = variants.filter { $0.mood == nil } }
    // Lines for another mood only when the script has none for this one at all (a gap in its
    // bands); once this mood's lines are used up, the method's fallback lines come first.
    let coversMood = written.contains { $0.mood?.contains(mood) ?? true }
    if pool.isEmpty, !coversMood { pool = variants }
    if pool.isEmpty {
      if scenarioOnly { return nil }
      let line = pick(named: Self.fallbackKey(situation))
      return line.isEmpty ? nil : line
    }
    linesUsed.append(situation)
    return choose(pool.map(\.text))
  }

  /// One of the method's fallback lines named `name` that the customer has not said yet, or ""
  /// when every one has been said.
  private mutating func pick(named key: Method.LineKey) -> String {
    choose((method.fallbackLines[key.rawValue] ?? []).filter { !state.saidLines.contains($0) })
      ?? ""
  }

  private mutating func choose(_ texts: [String]) -> String? {
    guard !texts.isEmpty else { return nil }
    return texts[state.random.below(texts.count)]
  }

  private static func fallbackKey(_ situation: CustomerLines.Situation) -> Method.LineKey {
    switch situation {
    case .good: .good
    case .poor: .poor
    case .leapfrog: .leapfrog
    case .loopBack: .loopBack
    case .summary: .summary
    case .offTopic: .offTopic
    case .alreadyTold: .alreadyTold
    case .resolved: .resolved
    case .escalated: .escalated
    case .antipattern: .poor
    }
  }
}
