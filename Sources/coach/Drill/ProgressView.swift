import CoachKit

/// Renders a ``ProgressSummary`` and drill plans for the terminal.
struct ProgressView {
  let style: TerminalStyle
  let width: Int

  func render(_ summary: ProgressSummary, plans: [DrillPlan]) -> String {
    let name = clean(summary.rep)
    guard summary.sessions > 0 else {
      var out = style.bold("Progress for \(name)") + "\n\nNo sessions recorded yet.\n"
      if let next = summary.recommendation {
        out += "Start with " + style.bold(clean(next.scenario)) + ": \(clean(next.reason)).\n"
        out += style.dim("  coach practice \(clean(next.scenario))") + "\n"
      }
      return out
    }
    var out = style.bold("Progress for \(name)")
    out += " — \(summary.sessions) session\(summary.sessions == 1 ? "" : "s")"
    if let first = summary.firstPlayed?.prefix(10), let last = summary.lastPlayed?.prefix(10) {
      out +=
        first == last
        ? ", \(clean(String(first)))" : ", \(clean(String(first))) to \(clean(String(last)))"
    }
    out += "\n\n"
    let shown = summary.overallTrend.count
    out += style.bold("Scores by step") + style.dim(" (last \(shown), oldest first; 0–100)") + "\n"
    let rows: [(String, [Int])] =
      Step.allCases.map { ($0.title, summary.stepTrend[$0] ?? []) } + [
        ("Overall", summary.overallTrend)
      ]
    for (title, values) in rows {
      let latest = values.last ?? 0
      let line = Sparkline.render(values)
      out +=
        "  " + pad(title, 11) + colour(line, latest) + "  latest " + colour(String(latest), latest)
      if title != "Overall", let step = Step.allCases.first(where: { $0.title == title }),
        let mean = summary.recentStepMeans[step]
      {
        out += style.dim("  recent mean \(mean)")
      }
      out += "\n"
    }
    if let weakest = summary.weakestStep {
      out +=
        "  Focus: " + style.bold(weakest.title) + style.dim(" (lowest over your last sessions)")
        + "\n"
    }

    let best = summary.best()
    let worst = summary.worst()
    let mark = ProgressSummary.comfortableScore
    out += "\n" + style.bold("Best scenarios") + style.dim(" (mean \(mark) or more)") + "\n"
    out += best.isEmpty ? "  none yet\n" : best.map(scenarioLine).joined()
    out += "\n" + style.bold("Needs more work") + style.dim(" (mean below \(mark))") + "\n"
    out += worst.isEmpty ? "  none\n" : worst.map(scenarioLine).joined()

    out += "\n" + style.bold("Anti-patterns that keep coming back") + "\n"
    if summary.recurring.isEmpty {
      out += "  none seen in more than one session\n"
    } else {
      for item in summary.recurring.prefix(5) {
        out +=
          "  " + pad(clean(item.id), 18)
          + Sparkline.bar(item.sessions * 100 / summary.sessions, width: 10)
        out += " in \(item.sessions) of \(summary.sessions) sessions"
        out +=
          style.dim(
            ", \(item.recent) of the last \(min(ProgressSummary.recentWindow, summary.sessions)); \(item.total) times"
          ) + "\n"
      }
    }

    if !plans.isEmpty {
      out += "\n" + style.bold("Drills") + "\n"
      for plan in plans { out += "  " + DrillView.overallLine(plan, style: style) + "\n" }
    }
    if let next = summary.recommendation {
      out +=
        "\n" + style.bold("Next: ") + style.cyan(clean(next.scenario))
        + " — \(clean(next.reason))\n"
    }
    return out
  }

  private func scenarioLine(_ line: ProgressSummary.ScenarioLine) -> String {
    "  " + pad(clean(line.title), 32) + " " + Sparkline.bar(line.mean, width: 10) + " mean "
      + colour(pad(String(line.mean), 3), line.mean) + "  best \(line.best)"
      + style.dim("  \(line.sessions)× · \(clean(line.scenario))") + "\n"
  }

  private func colour(_ text: String, _ score: Int) -> String {
    score >= 70 ? style.green(text) : score >= 50 ? style.yellow(text) : style.red(text)
  }

  private func clean(_ text: String) -> String { TerminalSafe.clean(text, keepNewlines: false) }

  private func pad(_ text: String, _ width: Int) -> String {
    let shown = text.count > width ? String(text.prefix(width - 1)) + "…" : text
    return shown + String(repeating: " ", count: max(0, width - shown.count))
  }
}
