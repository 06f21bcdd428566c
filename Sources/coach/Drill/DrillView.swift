import CoachKit

/// The drill's text: where the rep stands, the verdict on a session, what comes next.
enum DrillView {
  /// The status of every entry, one per line, with a summary line.
  static func standings(_ plan: DrillPlan, titles: [String: String], style: TerminalStyle) -> String
  {
    var out = style.bold(clean(plan.curriculum.title)) + style.dim(" — \(clean(plan.rep))") + "\n"
    for (index, standing) in plan.standings.enumerated() {
      let entry = standing.entry
      let title = titles[entry.scenario].map(clean) ?? clean(entry.scenario)
      let mark: String
      var detail: String
      switch standing.status {
      case .passed:
        mark = style.green("✓")
        detail = "passed, best \(standing.best ?? 0)"
      case .open:
        mark = style.cyan("▶")
        detail = standing.attempts.isEmpty ? "open" : "open, best \(standing.best ?? 0)"
      case .locked(let waiting):
        mark = style.dim("·")
        detail = "after " + waiting.map(clean).joined(separator: ", ")
      case .outOfAttempts:
        mark = style.red("✗")
        detail = "no attempts left, best \(standing.best ?? 0)"
      }
      if let allowed = standing.allowed, standing.status != .passed {
        detail += "; attempts \(standing.attempts.count)/\(allowed)"
        if standing.granted > 0 { detail += " (\(standing.granted) granted)" }
      }
      var marks = "pass \(entry.passMark)"
      for step in Step.allCases {
        if let m = entry.stepMarks[step] { marks += ", \(step.title) \(m)" }
      }
      if entry.mustResolve { marks += ", resolve" }
      let number = index + 1 < 10 ? " \(index + 1)" : "\(index + 1)"
      out += " \(number). \(mark) \(title)"
      out += entry.mode == .exam ? style.magenta(" [exam]") : ""
      out += style.dim("  (\(marks))") + " — \(detail)\n"
    }
    out += overallLine(plan, style: style) + "\n"
    return out
  }

  /// One line on the whole curriculum.
  static func overallLine(_ plan: DrillPlan, style: TerminalStyle) -> String {
    let id = clean(plan.curriculum.id)
    switch plan.overall {
    case .inProgress(let passed, let total):
      var line = "\(id): \(passed) of \(total) passed"
      if let next = plan.next { line += "; next: \(clean(next.entry.scenario))" }
      return line
    case .passed(let mean):
      return style.green("\(id): complete") + " — every scenario passed, average best score \(mean)"
    case .belowOverallMark(let mean, let mark):
      return "\(id): every scenario passed, but the average best score \(mean) is below \(mark);"
        + " replay \(plan.next.map { clean($0.entry.scenario) } ?? "a scenario") to raise it"
    case .stuck(let blocked):
      return style.red("\(id): no scenario left to play")
        + " — out of attempts on \(blocked.map(clean).joined(separator: ", ")); ask your trainer"
        + " for more (`\(clean(plan.grantCommand(plan.grantable.first?.entry.scenario ?? "")))`)"
    }
  }

  /// What is about to be played, with the marks and the attempt number.
  static func announce(_ next: DrillPlan.Standing, scenario: Scenario, style: TerminalStyle)
    -> String
  {
    let entry = next.entry
    var line = style.bold("Next: \(clean(scenario.title))")
    line +=
      " — difficulty \(scenario.difficulty)/5, \(entry.mode.rawValue), pass mark \(entry.passMark)"
    let attempt = next.attempts.count + 1
    if next.allowed != nil || attempt > 1 {
      line += ", " + DrillPlan.attemptText(attempt, of: next)
    }
    return line + "\n"
  }

  /// The verdict on one session.
  static func verdict(_ verdict: DrillPlan.Verdict, record: ResultRecord, style: TerminalStyle)
    -> String
  {
    var out = "\n"
    if verdict.passed {
      out += style.green(style.bold("Passed")) + " with \(record.overall)/100.\n"
    } else {
      out += style.yellow(style.bold("Not passed yet")) + " — \(record.overall)/100.\n"
      for reason in verdict.reasons { out += "  - \(clean(reason))\n" }
    }
    return out
  }

  static func clean(_ text: String) -> String { TerminalSafe.clean(text, keepNewlines: false) }
}
