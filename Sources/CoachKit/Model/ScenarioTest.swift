/// A test written inside a scenario script: a whole conversation, or one reply.
public struct ScenarioTest: Sendable {
  /// What is tested.
  public enum Kind: Sendable {
    /// A conversation: the rep's replies in order, and what must come of them.
    case conversation(replies: [Phrase], expect: ConversationExpectation)
    /// One reply and what the evaluator must find in it.
    case reply(text: Phrase, context: String?, step: Step?, expect: ReplyExpectation)
  }

  public var name: String
  public var kind: Kind
  /// The seed the conversation is played with (default 1).
  public var seed: UInt64
  public var span: SourceSpan

  public init(name: String, kind: Kind, seed: UInt64, span: SourceSpan) {
    self.name = name
    self.kind = kind
    self.seed = seed
    self.span = span
  }
}

/// What a conversation test expects.
public struct ConversationExpectation: Sendable {
  /// `resolved`, `escalated` or `abandoned` (the replies ran out first).
  public var outcome: String?
  /// Events that must happen, written like `reveal wedding`, `accept courier`, `leapfrog`.
  public var events: [Phrase]
  /// Events that must not happen.
  public var noEvents: [Phrase]
  /// Minimum per-step scores (0–100) over the session.
  public var minScores: [Step: Int]
  public var maxTurns: Int?
  public var finalMoodAtMost: Int?
  public var finalMoodAtLeast: Int?
  /// The highest overall score (a run that must not pass).
  public var overallAtMost: Int?
  public var overallAtLeast: Int?
  public var span: SourceSpan

  public init(
    outcome: String?, events: [Phrase], noEvents: [Phrase], minScores: [Step: Int],
    maxTurns: Int?, finalMoodAtMost: Int?, finalMoodAtLeast: Int?, overallAtMost: Int? = nil,
    overallAtLeast: Int? = nil, span: SourceSpan
  ) {
    self.outcome = outcome
    self.events = events
    self.noEvents = noEvents
    self.minScores = minScores
    self.maxTurns = maxTurns
    self.finalMoodAtMost = finalMoodAtMost
    self.finalMoodAtLeast = finalMoodAtLeast
    self.overallAtMost = overallAtMost
    self.overallAtLeast = overallAtLeast
    self.span = span
  }
}

/// What a single-reply test expects of the evaluator.
public struct ReplyExpectation: Sendable {
  /// Exact strength per step (`none`, `weak`, `strong`), as written.
  public var steps: [Step: String]
  /// Signal ids that must be found.
  public var signals: [Phrase]
  /// Signal ids that must not be found.
  public var noSignals: [Phrase]
  /// Anti-pattern ids that must be flagged.
  public var flags: [Phrase]
  /// Anti-pattern ids that must not be flagged.
  public var noFlags: [Phrase]
  public var span: SourceSpan

  public init(
    steps: [Step: String], signals: [Phrase], noSignals: [Phrase], flags: [Phrase],
    noFlags: [Phrase], span: SourceSpan
  ) {
    self.steps = steps
    self.signals = signals
    self.noSignals = noSignals
    self.flags = flags
    self.noFlags = noFlags
    self.span = span
  }
}
