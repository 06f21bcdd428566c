/// A role-play in progress: a value that takes the rep's reply and returns the next state.
///
/// The session is deterministic: the same scenario, method, seed and readings give the same
/// customer lines, notes and events, byte for byte.
///
/// ```swift
/// var session = Session(scenario: scenario, method: method, seed: 7)
/// print(session.opening)
/// let turn = session.respond(to: "I'm so sorry — that sounds really stressful.", reading: reading)
/// print(turn.customerLine, turn.coachNote ?? "")
/// ```
public struct Session: Sendable {
  /// Where the conversation stands.
  public struct State: Hashable, Sendable {
    /// The step the rep should be working on now.
    public var step: Step
    public var mood: Int
    /// Poor replies the customer will still put up with.
    public var patience: Int
    /// Empathy shown since the start or since the last loop back (strong = 2, weak = 1).
    public var empathyCredit: Int
    /// Facts revealed, in the order they came out.
    public var factsKnown: [String]
    public var summaryGiven: Bool
    /// Options offered, in order.
    public var offered: [String]
    /// The option the customer accepted, if any.
    public var accepted: String?
    public var firedRules: Set<String>
    /// What the customer said last.
    public var lastCustomerLine: String
    var random: SeededRandom
    /// Every line the customer has said, so that none is said twice.
    var saidLines: Set<String> = []
    /// The coach's last note, so that the same note is not given twice in a row.
    var lastNote: String?
  }

  public let scenario: Scenario
  public let method: Method
  public let seed: UInt64
  public private(set) var state: State
  public private(set) var turns: [Turn] = []
  /// How the session ended; `nil` while it goes on.
  public private(set) var outcome: Outcome?
  /// The customer's first line.
  public let opening: String

  public init(scenario: Scenario, method: Method, seed: UInt64) {
    self.scenario = scenario
    self.method = method
    self.seed = seed
    self.opening = scenario.customer.opening
    self.state = State(
      step: .empathy, mood: scenario.customer.mood, patience: scenario.customer.patience,
      empathyCredit: 0, factsKnown: [], summaryGiven: false, offered: [], accepted: nil,
      firedRules: [], lastCustomerLine: scenario.customer.opening,
      random: SeededRandom(seed: seed), saidLines: [scenario.customer.opening])
  }

  /// Whether the session has ended.
  public var isOver: Bool { outcome != nil }

  /// Whether the rep has understood the problem: every required fact is known, or the customer
  /// confirmed a summary.
  public var understood: Bool { state.understood(scenario) }

  /// Ends the session early (the rep quit or the input ended).
  public mutating func abandon() {
    if outcome == nil { outcome = .abandoned }
  }

  /// Starts again from the opening line, with the same seed.
  public mutating func restart() {
    self = Session(scenario: scenario, method: method, seed: seed)
  }

  /// Plays one reply and returns the turn's record.
  ///
  /// - Precondition: the session is not over.
  public mutating func respond(to reply: String, reading: Reading) -> Turn {
    precondition(outcome == nil, "the session is over")
    var play = TurnPlay(session: self, reading: reading)
    play.run()
    let turn = Turn(
      number: turns.count + 1, reply: reply, reading: reading, customerLine: play.customerLine,
      coachNote: play.note, moodBefore: state.mood, moodAfter: play.state.mood,
      stepBefore: state.step, stepAfter: play.state.step, events: play.events,
      moodChanges: play.changes, wasPoor: play.poor, linesUsed: play.linesUsed)
    state = play.state
    state.lastCustomerLine = play.customerLine
    state.lastNote = play.note
    outcome = play.ending
    turns.append(turn)
    return turn
  }
}

extension Session.State {
  /// Whether every required fact of `scenario` is known.
  func knowsRequiredFacts(_ scenario: Scenario) -> Bool {
    scenario.facts.allSatisfy { !$0.required || factsKnown.contains($0.id) }
  }

  /// Whether the rep has understood the problem: every required fact is known, or the customer
  /// confirmed a summary of what they heard, or the customer has calmed to where a call can
  /// close and told all but one of the things that matter (a calm customer who has said what
  /// hurts does not hold back an offer for want of one detail).
  func understood(_ scenario: Scenario) -> Bool {
    if summaryGiven || knowsRequiredFacts(scenario) { return true }
    let missing = scenario.facts.filter { $0.required && !factsKnown.contains($0.id) }.count
    return mood <= scenario.resolveMood && missing <= 1
  }
}
