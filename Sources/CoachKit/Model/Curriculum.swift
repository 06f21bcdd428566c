/// An onboarding drill: scenarios in order, each with a pass mark, attempts and unlock rules.
///
/// Decoded from a `*.coach.yaml` script whose first key is `curriculum:`:
///
/// ```yaml
/// curriculum: onboarding
/// title: New-starter onboarding
/// pass-mark: 60          # default mark (overall session score) for every scenario
/// overall-mark: 65       # the mean of the best scores needed to pass the whole drill
/// max-attempts: 3
/// scenarios:
///   - damaged-goods                # open from the start
///   - scenario: late-delivery      # opens when damaged-goods is passed (the previous entry)
///     step-marks: {empathy: 60}
///   - scenario: sla-outage
///     mode: exam
///     after: [late-delivery]
/// ```
///
/// Scenario ids are checked against the scenarios that exist with
/// ``checkScenarios(available:)``, by whoever knows which scenarios are available.
public struct Curriculum: Hashable, Sendable {
  /// How a scenario is played: with coaching notes (`practice`) or without (`exam`).
  public enum Mode: String, CaseIterable, Hashable, Sendable {
    case practice
    case exam
  }

  /// One scenario of the curriculum, with what it takes to pass it and when it opens.
  public struct Entry: Hashable, Sendable {
    /// The scenario's id.
    public var scenario: String
    /// The lowest overall session score (0–100) that passes.
    public var passMark: Int
    /// The lowest score (0–100) for individual steps of the method, where set.
    public var stepMarks: [Step: Int]
    public var mode: Mode
    /// How many sessions the rep may play; `nil` for no limit.
    public var maxAttempts: Int?
    /// Whether a pass also needs the customer's problem resolved.
    public var mustResolve: Bool
    /// The entries that must be passed before this one opens.
    public var after: [String]
    /// The span of the scenario id in the script.
    public var span: SourceSpan

    public init(
      scenario: String, passMark: Int, stepMarks: [Step: Int] = [:], mode: Mode = .practice,
      maxAttempts: Int? = nil, mustResolve: Bool = false, after: [String] = [],
      span: SourceSpan = Curriculum.noSpan
    ) {
      self.scenario = scenario
      self.passMark = passMark
      self.stepMarks = stepMarks
      self.mode = mode
      self.maxAttempts = maxAttempts
      self.mustResolve = mustResolve
      self.after = after
      self.span = span
    }
  }

  public var id: String
  public var title: String
  public var description: String?
  /// The mean of the best overall scores over all entries needed to pass the whole curriculum
  /// (on top of passing every entry); `nil` when passing every entry is enough.
  public var overallMark: Int?
  public var entries: [Entry]
  /// The span of the `curriculum:` id.
  public var span: SourceSpan

  public init(
    id: String, title: String, description: String? = nil, overallMark: Int? = nil,
    entries: [Entry], span: SourceSpan = Curriculum.noSpan
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.overallMark = overallMark
    self.entries = entries
    self.span = span
  }

  /// The span given to parts made in code rather than read from a script.
  public static let noSpan = SourceSpan(at: SourceLocation(offset: 0, line: 1, column: 1))

  /// The entry for `scenario`.
  public func entry(_ scenario: String) -> Entry? { entries.first { $0.scenario == scenario } }

  /// Checks the scenario ids against the scenarios that exist (id → difficulty): an unknown id is
  /// an error (`C010`, with a did-you-mean); a scenario easier than one before it is a warning
  /// (`C011`), since a drill should rise in difficulty.
  public func checkScenarios(available: [String: Int]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var hardest: (id: String, difficulty: Int, span: SourceSpan)?
    for entry in entries {
      guard let difficulty = available[entry.scenario] else {
        let known = available.keys.sorted()
        diagnostics.append(
          .error(
            "C010", "no scenario has the id `\(entry.scenario)`", at: entry.span,
            label: "unknown scenario",
            help: Suggestions.closest(to: entry.scenario, in: known).map { "did you mean `\($0)`?" }
              ?? "see `coach list` for the scenarios that exist"))
        continue
      }
      if let hardest, difficulty < hardest.difficulty {
        diagnostics.append(
          .warning(
            "C011",
            "scenario `\(entry.scenario)` (difficulty \(difficulty)) comes after the harder "
              + "`\(hardest.id)` (difficulty \(hardest.difficulty))",
            at: entry.span, label: "easier than an earlier scenario",
            related: [.init(hardest.span, "difficulty \(hardest.difficulty) here")],
            help: "order the scenarios from easy to hard"))
      }
      if difficulty > (hardest?.difficulty ?? 0) {
        hardest = (entry.scenario, difficulty, entry.span)
      }
    }
    return diagnostics
  }
}
