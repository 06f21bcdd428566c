extension TrainerReport {
  /// What every drill cell means, for the line under a drill's table.
  static let drillLegend =
    "✓ passed · ▶ open: playing it now or next · ✗ out of attempts · locked: waits for an"
    + " earlier scenario. 2/5: attempts used of attempts allowed (grants included)."

  /// The symbol of a drill entry's status.
  static func symbol(_ status: DrillPlan.Status) -> String {
    switch status {
    case .passed: "✓"
    case .open: "▶"
    case .locked: "·"
    case .outOfAttempts: "✗"
    }
  }

  /// The status as a word, for CSV and JSON: `passed`, `open`, `locked`, `out-of-attempts`.
  static func statusWord(_ status: DrillPlan.Status) -> String {
    switch status {
    case .passed: "passed"
    case .open: "open"
    case .locked: "locked"
    case .outOfAttempts: "out-of-attempts"
    }
  }

  /// Attempts used of attempts allowed: `2/5`, or `2` without a limit.
  static func attemptsText(_ standing: DrillPlan.Standing) -> String {
    standing.allowed.map { "\(standing.attempts.count)/\($0)" } ?? String(standing.attempts.count)
  }

  /// One entry of one rep's drill in a few characters: `✓ 2/5 · best 78`, `· locked`.
  static func cellText(_ standing: DrillPlan.Standing) -> String {
    if case .locked = standing.status, standing.attempts.isEmpty { return "· locked" }
    var text = symbol(standing.status) + " " + attemptsText(standing)
    if let best = standing.best { text += " · best \(best)" }
    return text
  }

  /// The drills of the report, one group per curriculum, in the order given.
  var drillGroups: [(curriculum: Curriculum, plans: [DrillPlan])] {
    var groups: [(curriculum: Curriculum, plans: [DrillPlan])] = []
    for plan in drills {
      if let last = groups.last, last.curriculum.id == plan.curriculum.id {
        groups[groups.count - 1].plans.append(plan)
      } else {
        groups.append((plan.curriculum, [plan]))
      }
    }
    return groups
  }

  /// `3 of 8`: entries passed of the drill's entries.
  static func passedText(_ plan: DrillPlan) -> String {
    "\(plan.standings.filter { $0.status == .passed }.count) of \(plan.standings.count)"
  }

  /// How a trainer grants more attempts, for the reps who are locked out: one command each.
  var grantCommands: [String] {
    drills.flatMap { plan in plan.grantable.map { plan.grantCommand($0.entry.scenario) } }
  }

  /// The note under the drills on how to grant more attempts.
  static let grantNote =
    "To grant more attempts, run the command shown (add `--attempts N` for more than one) in"
    + " the account whose results file the rep plays from; the grant travels in their next export."
}
