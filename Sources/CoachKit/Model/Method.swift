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

    /// `items` with the anti-patterns that cost the customer's mood most first (the one the
    /// customer answers and the coach names, rather than the bluntness riding on it); items of
    /// equal cost keep their order.
    package func costliestFirst<T>(_ items: [T], id: (T) -> String) -> [T] {
      items.enumerated().sorted { a, b in
        let (wa, wb) = (weight(ofAntipattern: id(a.element)), weight(ofAntipattern: id(b.element)))
        return wa != wb ? wa > wb : a.offset < b.offset
      }.map(\.element)
    }
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
  /// How a session is scored.
  public var rubric: Rubric
  /// Why the mood moved, by ``ReasonKey`` name.
  public var reasons: [String: String]

  public init(
    id: String, title: String, steps: [Step: StepGuide], mood: MoodWeights,
    notes: [String: String], fallbackLines: [String: [String]], rubric: Rubric,
    reasons: [String: String]
  ) {
    self.id = id
    self.title = title
    self.steps = steps
    self.mood = mood
    self.notes = notes
    self.fallbackLines = fallbackLines
    self.rubric = rubric
    self.reasons = reasons
  }

  /// The guide for a step (every step has one after decoding).
  public func guide(_ step: Step) -> StepGuide {
    steps[step] ?? StepGuide(goal: step.title, hint: step.title, practise: step.title)
  }

  /// A note template with its placeholders filled in; `nil` if the method has no such note.
  /// The rep's words (`quote`) are shortened as ``QuoteShortener`` says, so a long reply does not
  /// swamp the note.
  public func note(_ key: NoteKey, _ values: [String: String] = [:]) -> String? {
    guard var text = notes[key.rawValue] else { return nil }
    for (name, value) in values {
      let value = name == "quote" ? QuoteShortener.shortened(value) : value
      text = text.replacingAll("{\(name)}", with: value)
    }
    return text
  }

  /// The coach's notes the engine gives; the method file's `notes:` must define each.
  public enum NoteKey: String, CaseIterable, Hashable, Sendable {
    case empathyStrong = "empathy-strong"
    case empathyWeak = "empathy-weak"
    case fact
    case openQuestion = "open-question"
    case summary
    /// A summary that put the facts before the feeling.
    case summaryFactsFirst = "summary-facts-first"
    case summaryMissing = "summary-missing"
    case leapfrog
    case tooSoon = "too-soon"
    case notYet = "not-yet"
    case accepted
    case countered
    case refused
    case checkEarly = "check-early"
    case loopBack = "loop-back"
    case resolved
    case poor
    case antipattern
    case escalatedPatience = "escalated-patience"
    case escalatedMood = "escalated-mood"
    case choices
    /// A question about none of the facts.
    case offTopic = "off-topic"
  }

  /// The customer's fallback lines the engine may need; the method file's `fallback-lines:`
  /// must define each.
  public enum LineKey: String, CaseIterable, Hashable, Sendable {
    case good
    case poor
    case tooSoon = "too-soon"
    case notYet = "not-yet"
    case leapfrog
    case loopBack = "loop-back"
    case summary
    case resolved
    case escalated
    /// A question about something that is none of the scenario's facts.
    case offTopic = "off-topic"
    /// An option offered again after the customer answered it.
    case offeredAgain = "offered-again"
    /// A question about only what the customer has told already.
    case alreadyTold = "already-told"
  }

  /// The names of the notes the engine uses; the method file must define each.
  public static let noteNames = NoteKey.allCases.map(\.rawValue)

  /// The fallback line situations the engine may need.
  public static let fallbackNames = LineKey.allCases.map(\.rawValue)
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

extension Method {
  /// How a session is scored, step by step and overall (see ``StepScores``): the points for what
  /// went right and what each mistake costs. Read from the method file's `rubric:`.
  public struct Rubric: Hashable, Sendable {
    public struct Empathy: Hashable, Sendable {
      public var strong: Int
      public var weak: Int
      /// The most Empathy can score when the first reply showed none.
      public var noneFirstCap: Int
      /// Taken off for each reply with a dismissive anti-pattern.
      public var perDismissal: Int

      /// The points for the strongest empathy shown.
      public func points(_ strength: Strength) -> Int {
        switch strength {
        case .none: 0
        case .weak: weak
        case .strong: self.strong
        }
      }
    }

    public struct Understand: Hashable, Sendable {
      /// For every required fact uncovered (a share of it for some).
      public var facts: Int
      public var openQuestion: Int
      public var summary: Int
      /// Taken off for each offer before the problem was understood.
      public var perLeapfrog: Int
    }

    public struct Offer: Hashable, Sendable {
      /// An option the customer accepted.
      public var accepted: Int
      /// Two or more options offered.
      public var choice: Int
      /// A strong offer (a choice, a next step, a time frame).
      public var strong: Int
      /// Options answered (countered, refused, not yet) but none accepted.
      public var answered: Int
      /// Only offers that came before the problem was understood.
      public var tooSoon: Int
      /// Taken off for each reply with a can't-do.
      public var perCannot: Int
    }

    public struct Check: Hashable, Sendable {
      /// A check question that resolved the call.
      public var resolved: Int
      /// A check that found upset left.
      public var loopBack: Int
      /// Only checks before anything was agreed.
      public var early: Int
      /// Taken off a higher score when a check also came before anything was agreed.
      public var earlyPenalty: Int
    }

    public struct Overall: Hashable, Sendable {
      /// Taken off for each reply after which the customer was more upset.
      public var perMoodRise: Int
      /// The most a call with a serious anti-pattern can score.
      public var seriousCap: Int
      /// The most an escalated call can score.
      public var escalatedCap: Int
    }

    public var empathy: Empathy
    public var understand: Understand
    public var offer: Offer
    public var check: Check
    public var overall: Overall
    /// Anti-patterns that cost Empathy.
    public var dismissive: [String]
    /// Anti-patterns that cost Offer.
    public var cannot: [String]
    /// Anti-patterns that cap the overall score.
    public var serious: [String]
  }

  /// Why the customer's mood moved, for `/why` and the transcript; each is a template in the
  /// method file's `reasons:`, with `{quote}`, `{id}`, `{fact}`, `{option}`, `{step}` filled in.
  public enum ReasonKey: String, CaseIterable, Hashable, Sendable {
    case rule
    case antipattern
    case empathy
    case fact
    case summary
    case accepted
    case leapfrog
    case loopBack = "loop-back"
    case poorReply = "poor-reply"
  }

  /// The method's words for why the mood moved.
  public func reason(_ key: ReasonKey, _ values: [String: String] = [:]) -> String {
    var text = reasons[key.rawValue] ?? key.rawValue
    for (name, value) in values {
      let value = name == "quote" ? QuoteShortener.shortened(value) : value
      text = text.replacingAll("{\(name)}", with: value)
    }
    return text
  }
}
