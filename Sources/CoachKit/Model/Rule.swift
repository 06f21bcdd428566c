/// A scenario rule: when its conditions hold, the customer says something, the mood changes, the
/// coach notes something, a fact comes out or the conversation ends.
public struct Rule: Sendable {
  /// How a rule can end the conversation.
  public enum Ending: String, CaseIterable, Hashable, Sendable {
    case resolved
    case escalated
  }

  public var id: String
  // Conditions (all that are given must hold).
  /// The reply says one of these phrases.
  public var whenSays: [Phrase]
  /// The conversation is at this step.
  public var atStep: Step?
  /// The conversation has not yet reached this step.
  public var beforeStep: Step?
  public var moodAtLeast: Int?
  public var moodAtMost: Int?
  /// These facts are known.
  public var knows: [Phrase]
  /// These facts are not yet known.
  public var unlessKnows: [Phrase]
  /// Fire at most once (default `true`).
  public var once: Bool
  // Effects.
  public var say: String?
  public var moodChange: Int
  public var coach: String?
  public var reveal: Phrase?
  public var end: Ending?
  public var span: SourceSpan

  public init(
    id: String, whenSays: [Phrase], atStep: Step?, beforeStep: Step?, moodAtLeast: Int?,
    moodAtMost: Int?, knows: [Phrase], unlessKnows: [Phrase], once: Bool, say: String?,
    moodChange: Int, coach: String?, reveal: Phrase?, end: Ending?, span: SourceSpan
  ) {
    self.id = id
    self.whenSays = whenSays
    self.atStep = atStep
    self.beforeStep = beforeStep
    self.moodAtLeast = moodAtLeast
    self.moodAtMost = moodAtMost
    self.knows = knows
    self.unlessKnows = unlessKnows
    self.once = once
    self.say = say
    self.moodChange = moodChange
    self.coach = coach
    self.reveal = reveal
    self.end = end
    self.span = span
  }
}
