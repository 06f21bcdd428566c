/// What the customer says, by situation, with variants and mood bands.
public struct CustomerLines: Sendable {
  /// The situations a line can be for.
  public enum Situation: Hashable, Sendable, CustomStringConvertible {
    /// The rep's reply did what the current step needs.
    case good(Step)
    /// The rep's reply did not.
    case poor(Step)
    /// The rep offered something before understanding the problem.
    case leapfrog
    /// The rep checked while the customer was still upset: round again.
    case loopBack
    /// The rep summarised what they heard well.
    case summary
    /// A question about something that is none of the facts.
    case offTopic
    /// A question about only what the customer has told already.
    case alreadyTold
    /// The last line when the conversation is resolved.
    case resolved
    /// The last line when the customer gives up or asks for a manager.
    case escalated
    /// The customer's answer to an anti-pattern in the reply (`calm-down`, `cliche`, …).
    case antipattern(String)

    public var description: String {
      switch self {
      case .good(let step): "\(step.rawValue).good"
      case .poor(let step): "\(step.rawValue).poor"
      case .leapfrog: "leapfrog"
      case .loopBack: "loop-back"
      case .summary: "summary"
      case .offTopic: "off-topic"
      case .alreadyTold: "already-told"
      case .resolved: "resolved"
      case .escalated: "escalated"
      case .antipattern(let id): "antipatterns.\(id)"
      }
    }
  }

  /// One way of saying a line, optionally only for a band of moods or under conditions.
  public struct Variant: Hashable, Sendable {
    public var text: String
    public var mood: MoodBand?
    /// The conditions under which the customer may say it (`when:`); all must hold.
    public var when: [LineCondition]
    public var span: SourceSpan

    public init(text: String, mood: MoodBand?, when: [LineCondition] = [], span: SourceSpan) {
      self.text = text
      self.mood = mood
      self.when = when
      self.span = span
    }
  }

  public var variants: [Situation: [Variant]]

  public init(variants: [Situation: [Variant]] = [:]) {
    self.variants = variants
  }

  /// The variants written for a situation (empty if none).
  public subscript(situation: Situation) -> [Variant] { variants[situation] ?? [] }
}
