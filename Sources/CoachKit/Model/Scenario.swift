/// A practice scenario: an upset customer, what they know, what they will accept, and how they talk.
///
/// Decoded from a `*.coach.yaml` script whose first key is `scenario:`. Every part keeps the
/// source span it came from, so validation, coverage and the graph can point back into the file.
public struct Scenario: Sendable {
  public var id: String
  public var title: String
  /// 1 (gentle) to 5 (hard).
  public var difficulty: Int
  public var tags: [String]
  /// What happened, told to the rep before the conversation starts.
  public var situation: String
  /// What the rep should achieve in this conversation.
  public var goal: String?
  public var customer: Customer
  /// Extra cue phrases for the evaluator, keyed by signal id (`option`, `feeling`, …).
  public var cues: [String: [Phrase]]
  public var facts: [Fact]
  public var options: [Scenario.Option]
  public var lines: CustomerLines
  public var rules: [Rule]
  public var tests: [ScenarioTest]
  /// The highest mood at which a check question can resolve the conversation.
  public var resolveMood: Int
  /// The span of the `scenario:` id, for messages about the script as a whole.
  public var span: SourceSpan

  public init(
    id: String, title: String, difficulty: Int, tags: [String], situation: String,
    goal: String?, customer: Customer, cues: [String: [Phrase]], facts: [Fact],
    options: [Scenario.Option], lines: CustomerLines, rules: [Rule], tests: [ScenarioTest],
    resolveMood: Int, span: SourceSpan
  ) {
    self.id = id
    self.title = title
    self.difficulty = difficulty
    self.tags = tags
    self.situation = situation
    self.goal = goal
    self.customer = customer
    self.cues = cues
    self.facts = facts
    self.options = options
    self.lines = lines
    self.rules = rules
    self.tests = tests
    self.resolveMood = resolveMood
    self.span = span
  }

  /// The fact with `id`.
  public func fact(_ id: String) -> Fact? { facts.first { $0.id == id } }

  /// The option with `id`.
  public func option(_ id: String) -> Scenario.Option? { options.first { $0.id == id } }
}

/// Who the customer is and how they start.
public struct Customer: Sendable {
  public var name: String
  public var role: String?
  public var company: String?
  public var backstory: String?
  /// How upset they are at the start, 0 (calm) to 10 (furious).
  public var mood: Int
  /// How many poor replies they put up with before they give up.
  public var patience: Int
  /// What they say first.
  public var opening: String

  public init(
    name: String, role: String?, company: String?, backstory: String?, mood: Int, patience: Int,
    opening: String
  ) {
    self.name = name
    self.role = role
    self.company = company
    self.backstory = backstory
    self.mood = mood
    self.patience = patience
    self.opening = opening
  }
}

/// A cue phrase written in a script, with where it was written.
public struct Phrase: Hashable, Sendable {
  public var text: String
  public var span: SourceSpan

  public init(_ text: String, span: SourceSpan) {
    self.text = text
    self.span = span
  }
}

/// An inclusive range of moods, written `7-10` or `7` in a script.
public struct MoodBand: Hashable, Sendable {
  public var low: Int
  public var high: Int

  public init(_ low: Int, _ high: Int) {
    self.low = low
    self.high = high
  }

  public func contains(_ mood: Int) -> Bool { mood >= low && mood <= high }
}
