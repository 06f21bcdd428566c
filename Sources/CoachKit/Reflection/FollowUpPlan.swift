/// The plan for the follow-up conversation that replaces assumptions with facts (seed 000):
/// the customer's goals and blockers to ask about, the rep's goals and barriers to share, the
/// facts to check, and an opening line in "we" language.
///
/// It is not a script for reading out either left-hand column: each assumption becomes a
/// question or a fact to check, never a sentence to say. Phrasing comes from the lexicon's
/// `assumptions.plan` templates.
public struct FollowUpPlan: Hashable, Sendable {
  public var askGoals: [String]
  public var askBlockers: [String]
  public var shareGoals: [String]
  public var shareBarriers: [String]
  public var factsToCheck: [String]
  public var opening: String

  public init(
    askGoals: [String] = [], askBlockers: [String] = [], shareGoals: [String] = [],
    shareBarriers: [String] = [], factsToCheck: [String] = [], opening: String = ""
  ) {
    self.askGoals = askGoals
    self.askBlockers = askBlockers
    self.shareGoals = shareGoals
    self.shareBarriers = shareBarriers
    self.factsToCheck = factsToCheck
    self.opening = opening
  }

  /// Builds the plan.
  ///
  /// - Parameters:
  ///   - assumptions: The assumptions and hypotheses found; each adds its testing question (or,
  ///     for a hypothesis, a "check, don't assume") to the facts to check, once per question.
  ///   - record: The session, if the column came from one: its facts become facts to confirm,
  ///     and its agreed option a goal to share.
  ///   - phrases: The lexicon's templates.
  ///   - topic: What the conversation was about, in the rep's words (else the lexicon's).
  ///   - repGoals: Goals the rep typed; shared first.
  ///   - repBarriers: Barriers the rep typed; shared first.
  ///   - agreedText: The agreed solution in words (else the session's agreed option id).
  public init(
    assumptions: [Assumption], record: SessionRecord? = nil, phrases: Lexicon.PlanPhrases,
    topic: String? = nil, repGoals: [String] = [], repBarriers: [String] = [],
    agreedText: String? = nil
  ) {
    let topic = Self.oneLine(topic).isEmpty ? phrases.topic : Self.oneLine(topic)
    func fill(_ template: String) -> String {
      template.replacingPlaceholder("topic", with: topic)
    }
    askGoals = phrases.askGoals.map(fill)
    askBlockers = phrases.askBlockers.map(fill)
    var goals = repGoals.map { Self.oneLine($0) }.filter { !$0.isEmpty }
    let agreed = Self.oneLine(agreedText ?? record?.agreed?.id)
    if !agreed.isEmpty, !phrases.shareGoalsAgreed.isEmpty {
      goals += phrases.shareGoalsAgreed.map { fill($0).replacingPlaceholder("agreed", with: agreed) }
    } else {
      goals += phrases.shareGoals.map(fill)
    }
    shareGoals = goals
    shareBarriers =
      repBarriers.map { Self.oneLine($0) }.filter { !$0.isEmpty } + phrases.shareBarriers.map(fill)
    var facts: [String] = []
    func add(_ line: String) {
      if !line.isEmpty, !facts.contains(line) { facts.append(line) }
    }
    for assumption in assumptions {
      if assumption.hedged {
        add(phrases.checkHypothesis.replacingPlaceholder("text", with: Self.oneLine(assumption.text)))
      } else {
        add(assumption.question)
      }
    }
    for fact in record?.facts ?? [] {
      add(phrases.checkFact.replacingPlaceholder("fact", with: Self.oneLine(fact.text)))
    }
    factsToCheck = facts
    opening = Self.oneLine(fill(phrases.opening))
  }

  /// The plan as JSON: `{"askGoals", "askBlockers", "shareGoals", "shareBarriers",
  /// "factsToCheck", "opening"}` (lists of strings and a string).
  public var json: JSONValue {
    func list(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
    return .object([
      ("askGoals", list(askGoals)), ("askBlockers", list(askBlockers)),
      ("shareGoals", list(shareGoals)), ("shareBarriers", list(shareBarriers)),
      ("factsToCheck", list(factsToCheck)), ("opening", .string(opening)),
    ])
  }

  /// Text on one line, trimmed, safe for a terminal.
  static func oneLine(_ text: String?) -> String {
    guard let text else { return "" }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    return TerminalSafe.clean(words.joined(separator: " "), keepNewlines: false)
  }
}
