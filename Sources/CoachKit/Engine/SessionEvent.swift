/// Something that happened in a turn, for `/why`, the transcript, tests and the debrief.
public enum SessionEvent: Hashable, Sendable, CustomStringConvertible {
  /// The rep's question brought a hidden fact out.
  case revealed(fact: String)
  /// The rep offered an option (any response).
  case offered(option: String)
  case accepted(option: String)
  case countered(option: String)
  case refused(option: String)
  /// Offered before the facts it needs were known.
  case tooSoon(option: String)
  /// Offered while the customer was still too upset to accept.
  case notYet(option: String)
  /// An offer before the problem was understood.
  case leapfrog
  /// A check while upset remained: back to Empathy.
  case loopBack
  /// A reflective summary of what the rep heard.
  case summary
  /// A question about something that is none of the facts: answered in character.
  case offTopic
  /// A question about only what the customer has told already.
  case alreadyTold
  /// A scenario rule fired.
  case rule(id: String)
  /// The conversation moved on to a step.
  case reachedStep(Step)
  /// The customer's patience for poor replies ran out.
  case patienceGone
  case escalated
  case resolved

  /// Event names that take no argument, as written in script tests.
  public static let bareNames = [
    "leapfrog", "loop-back", "summary", "off-topic", "already-told", "patience-gone",
    "escalated", "resolved",
  ]

  /// An event as written in a script test, or `nil` when the text names no event a test can
  /// expect (a step reached is not one: steps are checked through `scores`).
  public init?(_ text: String) {
    let words = text.split(separator: " ").map(String.init)
    if words.count == 1 {
      switch words[0] {
      case "leapfrog": self = .leapfrog
      case "loop-back": self = .loopBack
      case "summary": self = .summary
      case "off-topic": self = .offTopic
      case "already-told": self = .alreadyTold
      case "patience-gone": self = .patienceGone
      case "escalated": self = .escalated
      case "resolved": self = .resolved
      default: return nil
      }
      return
    }
    guard words.count == 2 else { return nil }
    let id = words[1]
    switch words[0] {
    case "reveal": self = .revealed(fact: id)
    case "offer": self = .offered(option: id)
    case "accept": self = .accepted(option: id)
    case "counter": self = .countered(option: id)
    case "refuse": self = .refused(option: id)
    case "too-soon": self = .tooSoon(option: id)
    case "not-yet": self = .notYet(option: id)
    case "rule": self = .rule(id: id)
    default: return nil
    }
  }

  /// What the event refers to: a fact, an option or a rule, with its id.
  public var reference: (kind: String, id: String)? {
    switch self {
    case .revealed(let fact): ("fact", fact)
    case .offered(let id), .accepted(let id), .countered(let id), .refused(let id),
      .tooSoon(let id), .notYet(let id):
      ("option", id)
    case .rule(let id): ("rule", id)
    default: nil
    }
  }

  /// The event as written in a script test: `reveal wedding`, `accept courier`, `leapfrog`.
  public var description: String {
    switch self {
    case .revealed(let fact): "reveal \(fact)"
    case .offered(let option): "offer \(option)"
    case .accepted(let option): "accept \(option)"
    case .countered(let option): "counter \(option)"
    case .refused(let option): "refuse \(option)"
    case .tooSoon(let option): "too-soon \(option)"
    case .notYet(let option): "not-yet \(option)"
    case .leapfrog: "leapfrog"
    case .loopBack: "loop-back"
    case .summary: "summary"
    case .offTopic: "off-topic"
    case .alreadyTold: "already-told"
    case .rule(let id): "rule \(id)"
    case .reachedStep(let step): "step \(step.rawValue)"
    case .patienceGone: "patience-gone"
    case .escalated: "escalated"
    case .resolved: "resolved"
    }
  }
}

/// How a session ended.
public enum Outcome: String, Hashable, Sendable, Codable {
  case resolved
  case escalated
  case abandoned
}
