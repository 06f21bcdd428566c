/// The record of one turn: the rep's reply, how it was read, and what came of it.
public struct Turn: Sendable {
  /// One reason the customer's mood moved, for `/why`.
  public struct MoodChange: Hashable, Sendable {
    public var delta: Int
    public var reason: String

    public init(_ delta: Int, _ reason: String) {
      self.delta = delta
      self.reason = reason
    }
  }

  /// 1-based turn number.
  public var number: Int
  public var reply: String
  public var reading: Reading
  /// What the customer said back.
  public var customerLine: String
  /// The coach's one-line note on this reply (shown live in practice mode).
  public var coachNote: String?
  public var moodBefore: Int
  public var moodAfter: Int
  public var stepBefore: Step
  public var stepAfter: Step
  public var events: [SessionEvent]
  public var moodChanges: [MoodChange]
  /// Whether the reply did nothing for the conversation (it cost patience).
  public var wasPoor: Bool
  /// The scenario's line situations this turn's customer line was taken from (for coverage).
  public var linesUsed: [CustomerLines.Situation]

  public init(
    number: Int, reply: String, reading: Reading, customerLine: String, coachNote: String?,
    moodBefore: Int, moodAfter: Int, stepBefore: Step, stepAfter: Step, events: [SessionEvent],
    moodChanges: [MoodChange], wasPoor: Bool, linesUsed: [CustomerLines.Situation] = []
  ) {
    self.number = number
    self.reply = reply
    self.reading = reading
    self.customerLine = customerLine
    self.coachNote = coachNote
    self.moodBefore = moodBefore
    self.moodAfter = moodAfter
    self.stepBefore = stepBefore
    self.stepAfter = stepAfter
    self.events = events
    self.moodChanges = moodChanges
    self.wasPoor = wasPoor
    self.linesUsed = linesUsed
  }
}
