/// How strongly a reply does one step of the method.
public enum Strength: String, CaseIterable, Hashable, Sendable, Comparable, Codable {
  case none
  case weak
  case strong

  public static func < (lhs: Strength, rhs: Strength) -> Bool {
    lhs.rank < rhs.rank
  }

  var rank: Int {
    switch self {
    case .none: 0
    case .weak: 1
    case .strong: 2
    }
  }
}

/// One piece of evidence: the words of the reply that matched, and what they matched.
public struct Evidence: Hashable, Sendable {
  /// The signal or anti-pattern id (`apology`, `cannot`), or the phrase for a ``CueSet`` match.
  public var id: String
  /// Where the words are in the reply, in Unicode scalar offsets.
  public var range: Range<Int>
  /// The words of the reply, as written.
  public var text: String
  /// The cue phrase or rule that matched (`that makes sense`, `inversion: can you`).
  public var cue: String
  /// For an anti-pattern with a standard fix: a better way to say it.
  public var rewrite: String?
  /// For a ``CueSet`` match: a negator reaches the words (`I can't offer a refund`).
  public var negated: Bool

  public init(
    id: String, range: Range<Int>, text: String, cue: String, rewrite: String? = nil,
    negated: Bool = false
  ) {
    self.id = id
    self.range = range
    self.text = text
    self.cue = cue
    self.rewrite = rewrite
    self.negated = negated
  }
}

/// What one clause of a reply mainly does, by priority: an offer asked as a question ("shall I
/// send a courier?") is an offer, a check ("does that work?") a check, and only then is a
/// question a question (one that asks the customer for something).
public enum ReplyAct: String, CaseIterable, Hashable, Sendable {
  case offer
  case check
  case question
  case statement
}

/// One clause's act, with where the clause is in the reply (Unicode scalar offsets).
public struct ClauseAct: Hashable, Sendable {
  public var act: ReplyAct
  public var range: Range<Int>
}

/// The strength of each step in one reply.
public struct StepStrengths: Hashable, Sendable {
  public var empathy: Strength = .none
  public var understand: Strength = .none
  public var offer: Strength = .none
  public var check: Strength = .none

  public init() {}

  public subscript(step: Step) -> Strength {
    get {
      switch step {
      case .empathy: empathy
      case .understand: understand
      case .offer: offer
      case .check: check
      }
    }
    set {
      switch step {
      case .empathy: empathy = newValue
      case .understand: understand = newValue
      case .offer: offer = newValue
      case .check: check = newValue
      }
    }
  }
}

/// What the evaluator found in one reply: step strengths, signals and anti-patterns with their
/// evidence, and tips.
///
/// Every strength above `none` is backed by at least one signal in ``signals``. The assessment
/// also keeps the analysed text, so a scenario's own cue phrases can be looked for later with
/// ``Evaluator/matches(_:in:)``.
public struct Assessment: Hashable, Sendable {
  /// The reply as given.
  public var text: String { analysis.text }
  /// The strength of each step.
  public var steps: StepStrengths
  /// What the reply does well, in reply order.
  public var signals: [Evidence]
  /// What the reply does badly, in reply order.
  public var antipatterns: [Evidence]
  /// One or two coaching tips drawn from the evidence.
  public var tips: [String]
  /// How well the reply serves the method at this point, 0–100: the lexicon's `quality`
  /// points for the step strengths, less points for its anti-patterns and for leapfrogging.
  public var quality: Int
  /// The reply asks at least one question (with or without a question mark).
  public var isQuestion: Bool
  /// The reply asks at least one open question.
  public var isOpenQuestion: Bool
  /// Each clause's primary act, in reply order.
  public var acts: [ClauseAct]
  /// The reply's clauses, in reply order: each one's mood, subject, polarity, modality and time.
  public var clauses: [Clause] { analysis.clauses }
  /// The number of written words (a contraction counts once).
  public var wordCount: Int { analysis.wordCount }
  /// The step score behind each strength (signal weights less anti-pattern weights).
  public var scores: [Step: Int] {
    Dictionary(uniqueKeysWithValues: Step.allCases.map { ($0, stepScores[$0.index]) })
  }

  /// Scores in step order.
  var stepScores: [Int]

  var analysis: TextAnalysis

  /// The score behind one step's strength.
  public func score(_ step: Step) -> Int { stepScores[step.index] }

  /// Whether a signal with this id was found.
  public func has(signal id: String) -> Bool { signals.contains { $0.id == id } }

  /// Whether an anti-pattern with this id was found.
  public func has(antipattern id: String) -> Bool { antipatterns.contains { $0.id == id } }
}

extension Step {
  /// The step's position: 0 for Empathy … 3 for Check.
  var index: Int {
    switch self {
    case .empathy: 0
    case .understand: 1
    case .offer: 2
    case .check: 3
    }
  }
}
