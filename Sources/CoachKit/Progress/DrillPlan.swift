/// Where a rep stands in a curriculum, worked out from their results: which scenarios are passed,
/// open, locked or out of attempts, and what to play next.
///
/// The plan is a pure function of the curriculum and the records, so a drill resumes wherever
/// the results file says it stands. The rules:
///
/// - Only the rep's records played in this curriculum (``ResultRecord/drill``) count, and only
///   the first `max-attempts` of them per scenario, plus the attempts a trainer granted
///   (``AttemptGrant``).
/// - An attempt passes when it reaches the entry's pass mark, every step mark and, with
///   `must-resolve`, ends resolved (``verdict(for:entry:)``). Marks are applied as the
///   curriculum says now.
/// - An entry opens once every entry in its `after` list is passed.
/// - The next scenario is the first open entry in curriculum order. When every entry is passed
///   but the mean of the best scores is below `overall-mark`, it is the passed entry with the
///   lowest best score that still has attempts left.
public struct DrillPlan: Hashable, Sendable {
  /// Where one entry stands.
  public enum Status: Hashable, Sendable {
    /// Waiting for these entries to be passed.
    case locked(waitingFor: [String])
    case open
    case passed
    /// Every attempt used, none passed.
    case outOfAttempts
  }

  /// Whether one session passes an entry, and why not.
  public struct Verdict: Hashable, Sendable {
    public var passed: Bool
    /// Plain sentences, one per mark missed; empty when passed.
    public var reasons: [String]

    public init(passed: Bool, reasons: [String]) {
      self.passed = passed
      self.reasons = reasons
    }
  }

  /// One entry with its status and the attempts that count.
  public struct Standing: Hashable, Sendable {
    public var entry: Curriculum.Entry
    public var status: Status
    public var attempts: [ResultRecord]
    /// Attempts a trainer granted beyond the entry's `max-attempts`.
    public var granted: Int = 0
    /// The best overall score over the counted attempts.
    public var best: Int? { attempts.map(\.overall).max() }
    /// Attempts allowed in all (`max-attempts` plus grants); `nil` for no limit.
    public var allowed: Int? { entry.maxAttempts.map { $0 + granted } }
    /// Attempts still allowed; `nil` for no limit.
    public var attemptsLeft: Int? { allowed.map { max(0, $0 - attempts.count) } }
  }

  /// Where the whole curriculum stands.
  public enum Overall: Hashable, Sendable {
    case inProgress(passed: Int, of: Int)
    /// Every entry passed (and the overall mark, if any, reached).
    case passed(mean: Int)
    /// Every entry passed but the mean of the best scores is below the overall mark.
    case belowOverallMark(mean: Int, mark: Int)
    /// Nothing left to play: these entries are out of attempts (or wait on one that is).
    case stuck(outOfAttempts: [String])
  }

  public let curriculum: Curriculum
  public let rep: String
  public private(set) var standings: [Standing]

  public init(
    curriculum: Curriculum, rep: String, records: [ResultRecord], grants: [AttemptGrant] = []
  ) {
    self.curriculum = curriculum
    self.rep = rep
    var byScenario: [String: [ResultRecord]] = [:]
    for record in records
    where record.rep == rep && record.drill?.curriculum == curriculum.id {
      byScenario[record.scenario, default: []].append(record)
    }
    var grantedByScenario: [String: Int] = [:]
    for grant in grants where grant.rep == rep && grant.curriculum == curriculum.id {
      grantedByScenario[grant.scenario, default: 0] += grant.attempts
    }
    var passed: Set<String> = []
    var standings: [Standing] = []
    for entry in curriculum.entries {
      var standing = Standing(
        entry: entry, status: .open, attempts: byScenario[entry.scenario] ?? [],
        granted: grantedByScenario[entry.scenario] ?? 0)
      if let limit = standing.allowed, standing.attempts.count > limit {
        standing.attempts = Array(standing.attempts.prefix(limit))
      }
      let attempts = standing.attempts
      standings.append(standing)
      if attempts.contains(where: { Self.verdict(for: $0, entry: entry).passed }) {
        passed.insert(entry.scenario)
      }
    }
    for index in standings.indices {
      let entry = standings[index].entry
      if passed.contains(entry.scenario) {
        standings[index].status = .passed
      } else if standings[index].attemptsLeft == 0 {
        standings[index].status = .outOfAttempts
      } else {
        let waiting = entry.after.filter { !passed.contains($0) }
        standings[index].status = waiting.isEmpty ? .open : .locked(waitingFor: waiting)
      }
    }
    self.standings = standings
  }

  /// Whether `record` passes `entry`.
  public static func verdict(for record: ResultRecord, entry: Curriculum.Entry) -> Verdict {
    var reasons: [String] = []
    if record.overall < entry.passMark {
      reasons.append("overall score \(record.overall) is below the pass mark of \(entry.passMark)")
    }
    for step in Step.allCases {
      if let mark = entry.stepMarks[step], record[step] < mark {
        reasons.append("\(step.title) scored \(record[step]), below its mark of \(mark)")
      }
    }
    if entry.mustResolve, record.outcome != .resolved {
      reasons.append("the conversation had to end resolved; it ended \(record.outcome.rawValue)")
    }
    return Verdict(passed: reasons.isEmpty, reasons: reasons)
  }

  /// The standing of `scenario`'s entry.
  public func standing(_ scenario: String) -> Standing? {
    standings.first { $0.entry.scenario == scenario }
  }

  /// The mean of the best scores over all entries (unplayed entries count 0).
  public var meanOfBest: Int {
    guard !standings.isEmpty else { return 0 }
    return standings.reduce(0) { $0 + ($1.best ?? 0) } / standings.count
  }

  /// The scenario to play next, or `nil` when there is none.
  public var next: Standing? {
    if let open = standings.first(where: { $0.status == .open }) { return open }
    guard standings.allSatisfy({ $0.status == .passed }), let mark = curriculum.overallMark,
      meanOfBest < mark
    else { return nil }
    return standings.filter { $0.attemptsLeft != 0 }.min { ($0.best ?? 0) < ($1.best ?? 0) }
  }

  /// Where the whole curriculum stands.
  public var overall: Overall {
    let passedCount = standings.filter { $0.status == .passed }.count
    if passedCount == standings.count {
      if let mark = curriculum.overallMark, meanOfBest < mark {
        return next == nil
          ? .stuck(outOfAttempts: standings.map(\.entry.scenario))
          : .belowOverallMark(mean: meanOfBest, mark: mark)
      }
      return .passed(mean: meanOfBest)
    }
    if next == nil {
      return .stuck(
        outOfAttempts: standings.filter { $0.status == .outOfAttempts }.map(\.entry.scenario))
    }
    return .inProgress(passed: passedCount, of: standings.count)
  }

  /// Where the rep stands, in a few words for a trainer: `finished, average best 72`,
  /// `on renewal-price, attempt 2 of 5`, `locked out of sla-outage (3 of 3 attempts used)`.
  public var summary: String {
    switch overall {
    case .passed(let mean):
      return "finished, average best \(mean)"
    case .inProgress:
      guard let next else { return "in progress" }
      return "on \(next.entry.scenario), " + Self.attemptText(next.attempts.count + 1, of: next)
    case .belowOverallMark(let mean, let mark):
      return "every scenario passed, average best \(mean) below \(mark); replaying "
        + (next?.entry.scenario ?? "a scenario")
    case .stuck:
      let out = standings.filter { $0.status == .outOfAttempts }
      guard !out.isEmpty else {
        let mark = curriculum.overallMark ?? 0
        return "locked out: every scenario passed, but the average best \(meanOfBest) is below "
          + "\(mark) and no attempts are left"
      }
      return "locked out of "
        + out.map {
          "\($0.entry.scenario) (\($0.attempts.count) of \($0.allowed ?? 0) attempts used)"
        }
        .joined(separator: ", ")
    }
  }

  /// `attempt 2 of 5`, `attempt 2 of 6 (1 granted)`, or `attempt 2` without a limit.
  public static func attemptText(_ number: Int, of standing: Standing) -> String {
    guard let allowed = standing.allowed else { return "attempt \(number)" }
    return "attempt \(number) of \(allowed)"
      + (standing.granted > 0 ? " (\(standing.granted) granted)" : "")
  }

  /// The entries that a trainer's grant would open again: out of attempts, or (when the drill
  /// is stuck below its overall mark) the passed entry with the lowest best score.
  public var grantable: [Standing] {
    let out = standings.filter { $0.status == .outOfAttempts }
    if !out.isEmpty { return out }
    if case .stuck = overall, let lowest = standings.min(by: { ($0.best ?? 0) < ($1.best ?? 0) }) {
      return [lowest]
    }
    return []
  }

  /// The command a trainer runs to grant `rep` one more attempt at `scenario`.
  public func grantCommand(_ scenario: String) -> String {
    ShellWord.command(["coach", "drill", curriculum.id, "--rep", rep, "--grant", scenario])
  }
}
