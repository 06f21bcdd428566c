/// The four steps of the method `coach` teaches, in order.
public enum Step: String, CaseIterable, Hashable, Sendable, Comparable, Codable {
  case empathy
  case understand
  case offer
  case check

  /// The step's name for people: "Empathy".
  public var title: String {
    switch self {
    case .empathy: "Empathy"
    case .understand: "Understand"
    case .offer: "Offer"
    case .check: "Check"
    }
  }

  /// The step after this one, or `nil` after Check.
  public var next: Step? {
    switch self {
    case .empathy: .understand
    case .understand: .offer
    case .offer: .check
    case .check: nil
    }
  }

  public static func < (lhs: Step, rhs: Step) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
