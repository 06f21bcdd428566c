/// The coaching method as data: what each step asks for, how replies move the customer's mood,
/// the coach's notes, and the customer's fallback lines.
///
/// Decoded from `Scripts/method.en.coach.yaml` (first key `method:`), so a trainer can read and
/// tune it, or write one for another language, without touching Swift.
public struct Method: Sendable {
  /// What one step asks of the rep.
  public struct StepGuide: Sendable {
    /// One line: what the step is for.
    public var goal: String
    /// What to try now (`/hint`).
    public var hint: String
    /// Advice for the debrief when this step was weak.
    public var practise: String

    public init(goal: String, hint: String, practise: String) {
      self.goal = goal
      self.hint = hint
      self.practise = practise
    }
  }

  /// How replies move the customer's mood (negative calms, positive angers).
  public struct MoodWeights: Sendable {
    public var empathyStrong: Int
    public var empathyWeak: Int
    public var factRevealed: Int
    public var summary: Int
    public var accepted: Int
    public var leapfrog: Int
    public var poorReply: Int
    public var loopBack: Int
    /// Per anti-pattern id; ids not listed use `antipatternDefault`.
    public var antipatterns: [String: Int]
    public var antipatternDefault: Int
    /// Above this mood an accepted option is countered instead (unless the option says).
    public var acceptAtMost: Int
    /// Empathy credit (strong = 2, weak = 1) that completes the Empathy step.
    public var empathyCredit: Int

    public init(
      empathyStrong: Int, empathyWeak: Int, factRevealed: Int, summary: Int, accepted: Int,
      leapfrog: Int, poorReply: Int, loopBack: Int, antipatterns: [String: Int],
      antipatternDefault: Int, acceptAtMost: Int, empathyCredit: Int
    ) {
      self.empathyStrong = empathyStrong
      self.empathyWeak = empathyWeak
      self.factRevealed = factRevealed
      self.summary = summary
      self.accepted = accepted
      self.leapfrog = leapfrog
      self.poorReply = poorReply
      self.loopBack = loopBack
      self.antipatterns = antipatterns
      self.antipatternDefault = antipatternDefault
      self.acceptAtMost = acceptAtMost
      self.empathyCredit = empathyCredit
    }

    public func weight(ofAntipattern id: String) -> Int { antipatterns[id] ?? antipatternDefault }
  }

  public var id: String
  public var title: String
  public var steps: [Step: StepGuide]
  public var mood: MoodWeights
  /// Coach note templates by name; `{quote}`, `{fact}`, `{option}`, `{step}` are filled in.
  public var notes: [String: String]
  /// Customer lines used when a scenario has none for a situation, by situation name
  /// (`good`, `poor`, `too-soon`, `not-yet`, `leapfrog`, `loop-back`, `summary`, `resolved`,
  /// `escalated`).
  public var fallbackLines: [String: [String]]

  public init(
    id: String, title: String, steps: [Step: StepGuide], mood: MoodWeights,
    notes: [String: String], fallbackLines: [String: [String]]
  ) {
    self.id = id
    self.title = title
    self.steps = steps
    self.mood = mood
    self.notes = notes
    self.fallbackLines = fallbackLines
  }

  /// The guide for a step (every step has one after decoding).
  public func guide(_ step: Step) -> StepGuide {
    steps[step] ?? StepGuide(goal: step.title, hint: step.title, practise: step.title)
  }

  /// A note template with its placeholders filled in; `nil` if the method has no such note.
  /// The rep's words (`quote`) are shortened as ``QuoteShortener`` says, so a long reply does not
  /// swamp the note.
  public func note(_ name: String, _ values: [String: String] = [:]) -> String? {
    guard var text = notes[name] else { return nil }
    for (key, value) in values {
      let value = key == "quote" ? QuoteShortener.shortened(value) : value
      text = text.replacingAll("{\(key)}", with: value)
    }
    return text
  }

  /// The names of the notes the engine uses; the method file must define each.
  public static let noteNames = [
    "empathy-strong", "empathy-weak", "fact", "open-question", "summary", "summary-missing",
    "leapfrog",
    "too-soon", "not-yet", "accepted", "countered", "refused", "check-early", "loop-back",
    "resolved", "poor", "antipattern", "escalated-patience", "escalated-mood", "choices",
  ]

  /// The fallback line situations the engine may need.
  public static let fallbackNames = [
    "good", "poor", "too-soon", "not-yet", "leapfrog", "loop-back", "summary", "resolved",
    "escalated",
  ]
}

extension String {
  /// Replaces every occurrence of `target` (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
