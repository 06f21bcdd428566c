/// A trainer's report over many reps' results: completion and pass rates per scenario and per
/// rep, per-step averages, the most common anti-patterns and who needs help with what.
///
/// Definitions (also in `docs/DRILLS.md`):
/// - A session is **completed** when it ended resolved or escalated (not abandoned).
/// - A session **passed** when its drill verdict says so; sessions played outside a drill pass
///   when their overall score reaches ``passMark``.
/// - Means are over sessions; a rate is a share of sessions (0–1).
/// - A rep **needs help** with a step whose mean is below ``helpMark``, with a scenario they
///   played but never passed, and with an anti-pattern seen in at least two sessions and at least
///   half of their sessions.
/// - Scenarios are listed in drill order (the curricula given, in order), then the others by
///   title. Each rep's **top anti-pattern** is the one seen most often in all.
/// - With the curricula given, ``drills`` says where each rep stands in each drill they played.
///
/// Render it with ``markdown()``, ``csv()``, ``jsonValue`` or ``html()``.
public struct TrainerReport: Hashable, Sendable {
  /// Session counts and score sums for one group of sessions.
  public struct Tally: Hashable, Sendable {
    public var sessions = 0
    public var completed = 0
    public var passed = 0
    public var overallSum = 0
    public var stepSums: [Int] = [0, 0, 0, 0]

    public init() {}

    mutating func add(_ record: ResultRecord, passed didPass: Bool) {
      sessions += 1
      if record.outcome != .abandoned { completed += 1 }
      if didPass { passed += 1 }
      overallSum += record.overall
      for (index, step) in Step.allCases.enumerated() { stepSums[index] += record[step] }
    }

    /// Completed sessions as a share of all sessions.
    public var completionRate: Double { sessions == 0 ? 0 : Double(completed) / Double(sessions) }
    /// Passed sessions as a share of all sessions.
    public var passRate: Double { sessions == 0 ? 0 : Double(passed) / Double(sessions) }
    /// The mean overall score.
    public var meanOverall: Double { sessions == 0 ? 0 : Double(overallSum) / Double(sessions) }
    /// The mean score of `step`.
    public func mean(_ step: Step) -> Double {
      sessions == 0 ? 0 : Double(stepSums[Step.allCases.firstIndex(of: step)!]) / Double(sessions)
    }
  }

  /// One scenario across all reps.
  public struct ScenarioRow: Hashable, Sendable {
    public var scenario: String
    public var title: String
    public var tally: Tally
    /// Reps who played it, and those who passed it at least once.
    public var reps: Int
    public var repsPassed: Int
  }

  /// One rep across all scenarios.
  public struct RepRow: Hashable, Sendable {
    public var rep: String
    public var tally: Tally
    /// Scenarios played, and those passed at least once.
    public var scenarios: Int
    public var scenariosPassed: Int
    /// The anti-pattern this rep showed most often (most times in all), if any.
    public var topAntipattern: String?
    /// How many times the top anti-pattern was seen.
    public var topAntipatternTimes: Int = 0
  }

  /// One anti-pattern across all sessions.
  public struct AntipatternRow: Hashable, Sendable {
    public var id: String
    public var total: Int
    public var sessions: Int
    public var reps: Int
  }

  /// What one rep needs help with.
  public struct HelpRow: Hashable, Sendable {
    public var rep: String
    /// Steps whose mean is below the help mark, with the mean.
    public var weakSteps: [Step: Double]
    /// Scenarios played but never passed, by id.
    public var notPassed: [String]
    /// Anti-patterns seen in at least two and at least half of the rep's sessions, with the
    /// number of sessions, most frequent first.
    public var habits: [(id: String, sessions: Int)]
    /// The rep's number of sessions.
    public var sessions: Int

    /// How many things are flagged.
    public var count: Int { weakSteps.count + notPassed.count + habits.count }

    /// The weak steps in method order, as `Understand 23.3`.
    public var weakStepsText: [String] {
      Step.allCases.compactMap { step in
        weakSteps[step].map { "\(step.title) \(TrainerReport.format($0))" }
      }
    }

    /// The habits as `defensive in 2 of 3 sessions`.
    public var habitsText: [String] {
      habits.map { "\($0.id) in \($0.sessions) of \(sessions) sessions" }
    }

    /// Everything flagged, as three short phrases (those that apply).
    public var needs: [String] {
      var out: [String] = []
      if !weakSteps.isEmpty { out.append("weak steps: " + weakStepsText.joined(separator: ", ")) }
      if !notPassed.isEmpty { out.append("not passed: " + notPassed.joined(separator: ", ")) }
      if !habits.isEmpty { out.append("habits: " + habitsText.joined(separator: ", ")) }
      return out
    }

    public static func == (lhs: HelpRow, rhs: HelpRow) -> Bool {
      lhs.rep == rhs.rep && lhs.needs == rhs.needs
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(rep)
      hasher.combine(needs)
    }
  }

  /// The pass mark for sessions played outside a drill.
  public var passMark: Int
  /// Step means below this flag a rep as needing help.
  public var helpMark: Int
  /// When the report was made (ISO 8601), as given.
  public var generated: String
  public var all: Tally
  public var scenarios: [ScenarioRow]
  public var reps: [RepRow]
  /// Most common first.
  public var antipatterns: [AntipatternRow]
  /// Reps with the most needs first.
  public var help: [HelpRow]
  /// Where each rep stands in each drill they played whose curriculum was given: by curriculum
  /// (in the order given), then by rep.
  public var drills: [DrillPlan]
  /// Curricula that records were played in but that were not given, by id.
  public var unknownCurricula: [String]

  /// The title of `scenario` as recorded, else its id.
  public func title(of scenario: String) -> String {
    scenarios.first { $0.scenario == scenario }?.title ?? scenario
  }

  /// Whether `record` counts as passed.
  public static func passed(_ record: ResultRecord, passMark: Int) -> Bool {
    record.drill?.passed ?? (record.overall >= passMark)
  }

  /// - Parameters:
  ///   - records: every session to report on.
  ///   - generated: when the report was made, as shown.
  ///   - curricula: the drills whose standings to show; they also set the scenarios' order.
  ///   - grants: the trainers' grants of more attempts, applied to the drills' standings.
  public init(
    records: [ResultRecord], generated: String, passMark: Int = 60, helpMark: Int = 50,
    curricula: [Curriculum] = [], grants: [AttemptGrant] = []
  ) {
    self.passMark = passMark
    self.helpMark = helpMark
    self.generated = generated
    var all = Tally()
    var scenarioTally: [String: Tally] = [:]
    var scenarioTitle: [String: String] = [:]
    var scenarioReps: [String: Set<String>] = [:]
    var scenarioRepsPassed: [String: Set<String>] = [:]
    var repTally: [String: Tally] = [:]
    var repScenarios: [String: Set<String>] = [:]
    var repScenariosPassed: [String: Set<String>] = [:]
    var repFlagSessions: [String: [String: Int]] = [:]
    var repFlagTotals: [String: [String: Int]] = [:]
    var flagTotals: [String: (total: Int, sessions: Int, reps: Set<String>)] = [:]
    for record in records {
      let didPass = Self.passed(record, passMark: passMark)
      all.add(record, passed: didPass)
      scenarioTally[record.scenario, default: Tally()].add(record, passed: didPass)
      scenarioTitle[record.scenario] = record.title
      scenarioReps[record.scenario, default: []].insert(record.rep)
      repTally[record.rep, default: Tally()].add(record, passed: didPass)
      repScenarios[record.rep, default: []].insert(record.scenario)
      if didPass {
        scenarioRepsPassed[record.scenario, default: []].insert(record.rep)
        repScenariosPassed[record.rep, default: []].insert(record.scenario)
      }
      for flag in record.antipatterns where flag.count > 0 {
        var entry = flagTotals[flag.id] ?? (0, 0, [])
        entry.total += flag.count
        entry.sessions += 1
        entry.reps.insert(record.rep)
        flagTotals[flag.id] = entry
        repFlagSessions[record.rep, default: [:]][flag.id, default: 0] += 1
        repFlagTotals[record.rep, default: [:]][flag.id, default: 0] += flag.count
      }
    }
    self.all = all
    var drillOrder: [String: Int] = [:]
    for entry in curricula.flatMap(\.entries) where drillOrder[entry.scenario] == nil {
      drillOrder[entry.scenario] = drillOrder.count
    }
    let scenarioOrder = scenarioTally.keys.sorted {
      (drillOrder[$0] ?? Int.max, scenarioTitle[$0] ?? $0, $0)
        < (drillOrder[$1] ?? Int.max, scenarioTitle[$1] ?? $1, $1)
    }
    scenarios = scenarioOrder.map { id in
      ScenarioRow(
        scenario: id, title: scenarioTitle[id] ?? id, tally: scenarioTally[id]!,
        reps: scenarioReps[id]?.count ?? 0, repsPassed: scenarioRepsPassed[id]?.count ?? 0)
    }
    reps = repTally.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }.map { rep in
      let times = repFlagTotals[rep] ?? [:]
      let sessions = repFlagSessions[rep] ?? [:]
      // Most times in all, then in most sessions, then by id.
      let top = times.keys.max {
        (times[$0]!, sessions[$0]!, $1) < (times[$1]!, sessions[$1]!, $0)
      }
      return RepRow(
        rep: rep, tally: repTally[rep]!, scenarios: repScenarios[rep]?.count ?? 0,
        scenariosPassed: repScenariosPassed[rep]?.count ?? 0,
        topAntipattern: top, topAntipatternTimes: top.map { times[$0]! } ?? 0)
    }
    var drillReps: [String: Set<String>] = [:]
    var drillRecords: [String: [ResultRecord]] = [:]
    for record in records {
      if let drill = record.drill {
        drillReps[drill.curriculum, default: []].insert(record.rep)
        drillRecords[record.rep, default: []].append(record)
      }
    }
    let given = Set(curricula.map(\.id))
    drills = curricula.flatMap { curriculum in
      (drillReps[curriculum.id] ?? []).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        .map {
          DrillPlan(
            curriculum: curriculum, rep: $0, records: drillRecords[$0] ?? [], grants: grants)
        }
    }
    unknownCurricula = drillReps.keys.filter { !given.contains($0) }.sorted()
    antipatterns = flagTotals.map {
      AntipatternRow(
        id: $0.key, total: $0.value.total, sessions: $0.value.sessions, reps: $0.value.reps.count)
    }.sorted { ($0.total, $0.sessions, $1.id) > ($1.total, $1.sessions, $0.id) }

    var help: [HelpRow] = []
    for row in reps {
      var weak: [Step: Double] = [:]
      for step in Step.allCases where row.tally.mean(step) < Double(helpMark) {
        weak[step] = row.tally.mean(step)
      }
      let unpassed = (repScenarios[row.rep] ?? []).subtracting(repScenariosPassed[row.rep] ?? [])
      let flags = (repFlagSessions[row.rep] ?? [:])
        .filter { $0.value >= 2 && $0.value * 2 >= row.tally.sessions }
        .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        .map { (id: $0.key, sessions: $0.value) }
      let entry = HelpRow(
        rep: row.rep, weakSteps: weak, notPassed: scenarioOrder.filter(unpassed.contains),
        habits: flags,
        sessions: row.tally.sessions)
      if entry.count > 0 { help.append(entry) }
    }
    let meanByRep = Dictionary(uniqueKeysWithValues: reps.map { ($0.rep, $0.tally.meanOverall) })
    self.help = help.sorted {
      ($0.count, -meanByRep[$0.rep]!, $1.rep) > ($1.count, -meanByRep[$1.rep]!, $0.rep)
    }
  }

  /// A number with one decimal: `72.5`.
  public static func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }

  /// A share as a whole percentage: `0.625` → `63%`.
  public static func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded()))%" }
}
