/// The keys of a curriculum script, each described once (see ``KeySpec``).
enum CurriculumKeys {
  static let curriculum = KeySpec(
    "curriculum", .id, .required, "The curriculum's id; `coach drill ID` uses it.")
  static let title = KeySpec("title", .text, .required, "The drill's title.")
  static let description = KeySpec("description", .text, "What the drill is about.")
  static let mode = KeySpec(
    "mode", .word(Curriculum.Mode.allCases.map(\.rawValue)), .defaults(.word("practice")),
    "The default mode of every scenario; practice: coaching notes after every reply; exam: none.")
  static let passMark = KeySpec(
    "pass-mark", .number(0...100), .defaults(.number(60)),
    "The default overall score that passes a scenario.")
  static let stepMarksSpec = ScenarioKeys.Scores.spec.named("`step-marks`")
  static let stepMarks = KeySpec(
    "step-marks", .mapping(stepMarksSpec),
    "The lowest score (0–100) for individual steps of the method.")
  static let maxAttempts = KeySpec(
    "max-attempts", .number(1...99), .defaults(.described("no limit")),
    "The default number of sessions a rep may play.")
  static let mustResolve = KeySpec(
    "must-resolve", .flag, .defaults(.flag(false)), "Whether a pass also needs the call resolved.")
  static let overallMark = KeySpec(
    "overall-mark", .number(0...100), "The mean of the best scores needed to pass the whole drill.")
  static let scenarios = KeySpec(
    "scenarios", .list(.oneOf([.id, .mapping(Entry.spec)])), .required,
    "The scenarios, easiest first: scenario ids, or entries with their own marks and unlock rules.")

  static let spec = MappingSpec(
    "the curriculum",
    "An onboarding drill: scenarios in order, each with a pass mark, attempts and unlock rules.",
    [
      curriculum, title, description, mode, passMark, stepMarks, maxAttempts, mustResolve,
      overallMark, scenarios,
    ])

  /// An entry of `scenarios` written as a mapping: a scenario with its own marks; what it does
  /// not give, it takes from the curriculum.
  enum Entry {
    static let scenario = KeySpec("scenario", .id, .required, "The scenario's id.")
    static let passMark = KeySpec(
      "pass-mark", .number(0...100), .defaults(.described("the curriculum's")),
      "The overall score that passes.")
    static let stepMarks = KeySpec(
      "step-marks", CurriculumKeys.stepMarks.type, .defaults(.described("the curriculum's")),
      "The lowest score per step, over the curriculum's.")
    static let mode = KeySpec(
      "mode", CurriculumKeys.mode.type, .defaults(.described("the curriculum's")),
      "practice: coaching notes after every reply; exam: none.")
    static let maxAttempts = KeySpec(
      "max-attempts", .number(1...99), .defaults(.described("the curriculum's")),
      "How many sessions a rep may play.")
    static let mustResolve = KeySpec(
      "must-resolve", .flag, .defaults(.described("the curriculum's")),
      "Whether a pass also needs the call resolved.")
    static let after = KeySpec(
      "after", .ids, .defaults(.described("the entry before")),
      "Entries that must be passed first.")

    static let spec = MappingSpec(
      "a curriculum entry", "A scenario with its own marks and unlock rules.",
      [scenario, passMark, stepMarks, mode, maxAttempts, mustResolve, after])
  }
}
