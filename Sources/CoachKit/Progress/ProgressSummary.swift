/// A rep's history summed up: the trend of each step, the best and worst scenarios, the
/// anti-patterns that keep coming back and what to play next.
///
/// Pure: built from the rep's records (in the order they were played), the scenarios available
/// (id → difficulty) and, optionally, the rep's drill plans.
public struct ProgressSummary: Hashable, Sendable {
  /// How many sessions the trend lines show at most.
  public static let trendLength = 20
  /// A score below this counts as "needs work" for recommendations.
  public static let comfortableScore = 60

  /// One scenario the rep has played.
  public struct ScenarioLine: Hashable, Sendable {
    public var scenario: String
    public var title: String
    public var sessions: Int
    public var best: Int
    public var mean: Int
    public var lastOutcome: Outcome
  }

  /// An anti-pattern seen in more than one session.
  public struct Recurring: Hashable, Sendable {
    public var id: String
    /// Times seen in all.
    public var total: Int
    /// Sessions it was seen in.
    public var sessions: Int
    /// Sessions it was seen in among the most recent ``ProgressSummary/recentWindow``.
    public var recent: Int

    public init(id: String, total: Int, sessions: Int, recent: Int) {
      self.id = id
      self.total = total
      self.sessions = sessions
      self.recent = recent
    }
  }

  /// What to play next, and why.
  public struct Recommendation: Hashable, Sendable {
    public var scenario: String
    public var reason: String

    public init(scenario: String, reason: String) {
      self.scenario = scenario
      self.reason = reason
    }
  }

  /// How many of the latest sessions count as "recent".
  public static let recentWindow = 5

  public var rep: String
  public var sessions: Int
  public var firstPlayed: String?
  public var lastPlayed: String?
  /// Scores per step over the latest sessions, oldest first.
  public var stepTrend: [Step: [Int]]
  public var overallTrend: [Int]
  /// Mean per step over the latest ``recentWindow`` sessions.
  public var recentStepMeans: [Step: Int]
  /// Every scenario played, best mean first.
  public var scenarios: [ScenarioLine]
  public var recurring: [Recurring]
  public var recommendation: Recommendation?

  public init(
    rep: String, records allRecords: [ResultRecord], available: [String: Int] = [:],
    plans: [DrillPlan] = []
  ) {
    self.rep = rep
    let records = allRecords.filter { $0.rep == rep }
    sessions = records.count
    firstPlayed = records.first?.started
    lastPlayed = records.last?.ended
    let latest = records.suffix(Self.trendLength)
    var trend: [Step: [Int]] = [:]
    for step in Step.allCases { trend[step] = latest.map { $0[step] } }
    stepTrend = trend
    overallTrend = latest.map(\.overall)
    let recent = records.suffix(Self.recentWindow)
    var means: [Step: Int] = [:]
    if !recent.isEmpty {
      for step in Step.allCases { means[step] = recent.reduce(0) { $0 + $1[step] } / recent.count }
    }
    recentStepMeans = means

    var order: [String] = []
    var grouped: [String: [ResultRecord]] = [:]
    for record in records {
      if grouped[record.scenario] == nil { order.append(record.scenario) }
      grouped[record.scenario, default: []].append(record)
    }
    scenarios = order.map { id in
      let group = grouped[id]!
      return ScenarioLine(
        scenario: id, title: group.last!.title, sessions: group.count,
        best: group.map(\.overall).max()!, mean: group.reduce(0) { $0 + $1.overall } / group.count,
        lastOutcome: group.last!.outcome)
    }.sorted { ($0.mean, $0.best, $1.scenario) > ($1.mean, $1.best, $0.scenario) }

    var totals: [String: (total: Int, sessions: Int, recent: Int, first: Int)] = [:]
    let recentStart = records.count - recent.count
    for (index, record) in records.enumerated() {
      for flag in record.antipatterns where flag.count > 0 {
        var entry = totals[flag.id] ?? (0, 0, 0, index)
        entry.total += flag.count
        entry.sessions += 1
        if index >= recentStart { entry.recent += 1 }
        totals[flag.id] = entry
      }
    }
    recurring = totals.filter { $0.value.sessions >= 2 }
      .sorted {
        ($0.value.recent, $0.value.sessions, $0.value.total, $1.key)
          > ($1.value.recent, $1.value.sessions, $1.value.total, $0.key)
      }
      .map {
        Recurring(
          id: $0.key, total: $0.value.total, sessions: $0.value.sessions, recent: $0.value.recent)
      }

    recommendation = Self.recommend(scenarios: scenarios, available: available, plans: plans)
  }

  /// The best scenarios (up to `count`), highest mean first: only those whose mean score is at
  /// least ``comfortableScore``, so a weak scenario is never shown as a strength.
  public func best(_ count: Int = 3) -> [ScenarioLine] {
    Array(scenarios.filter { $0.mean >= Self.comfortableScore }.prefix(count))
  }

  /// The scenarios that need more work (up to `count`), weakest first: only those whose mean
  /// score is below ``comfortableScore``, so a scenario played well is never listed.
  public func worst(_ count: Int = 3) -> [ScenarioLine] {
    Array(scenarios.reversed().filter { $0.mean < Self.comfortableScore }.prefix(count))
  }

  /// The step with the lowest recent mean, if any session was played.
  public var weakestStep: Step? {
    Step.allCases.filter { recentStepMeans[$0] != nil }.min {
      recentStepMeans[$0]! < recentStepMeans[$1]!
    }
  }

  static func recommend(
    scenarios: [ScenarioLine], available: [String: Int], plans: [DrillPlan]
  ) -> Recommendation? {
    for plan in plans {
      if let next = plan.next {
        return Recommendation(
          scenario: next.entry.scenario,
          reason: "next in the `\(plan.curriculum.id)` drill ("
            + ShellWord.command(["coach", "drill", plan.curriculum.id, "--rep", plan.rep]) + ")")
      }
    }
    if let weakest = scenarios.filter({ $0.best < comfortableScore }).min(by: { $0.best < $1.best })
    {
      return Recommendation(
        scenario: weakest.scenario,
        reason: "your best here is \(weakest.best); try it again")
    }
    let played = Set(scenarios.map(\.scenario))
    let hardestPassed = scenarios.compactMap { available[$0.scenario] }.max() ?? 1
    let untried = available.filter { !played.contains($0.key) }
      .sorted { ($0.value, $0.key) < ($1.value, $1.key) }
    if let fresh = untried.first(where: { $0.value <= hardestPassed + 1 }) ?? untried.first {
      return Recommendation(
        scenario: fresh.key, reason: "not played yet (difficulty \(fresh.value))")
    }
    if let weakest = scenarios.last {
      return Recommendation(
        scenario: weakest.scenario, reason: "your lowest average (\(weakest.mean)); keep at it")
    }
    return nil
  }
}
