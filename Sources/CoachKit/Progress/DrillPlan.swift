/// Where a rep stands in a curriculum, worked out from their results: which scenarios are passed,
/// open, locked or out of attempts, and what to play next.
///
/// The plan is a pure function of the curriculum and the records, so a drill resumes wherever
/// the results file says it stands. The rules:
///
/// - Only the rep's records played in this curriculum (``ResultRecord/drill``) count, and only
///   the first `max-attempts` of them per scenario.
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
    /// The best overall score over the counted attempts.
    public var best: Int? { attempts.map(\.overall).max() }
    /// Attempts still allowed; `nil` for no limit.
    public var attemptsLeft: Int? { entry.maxAttempts.map { max(0, $0 - attempts.count) } }
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

  public init(curriculum: Curriculum, rep: String, records: [ResultRecord]) {
    self.curriculum = curriculum
    self.rep = rep
    var byScenario: [String: [ResultRecord]] = [:]
    for record in records
    where record.rep == rep && record.drill?.curriculum == curriculum.id {
      byScenario[record.scenario, default: []].append(record)
    }
    var passed: Set<String> = []
    var standings: [Standing] = []
    for entry in curriculum.entries {
      var attempts = byScenario[entry.scenario] ?? []
      if let limit = entry.maxAttempts, attempts.count > limit {
        attempts = Array(attempts.prefix(limit))
      }
      standings.append(Standing(entry: entry, status: .open, attempts: attempts))
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
}
