extension TrainerReport {
  /// The report as Markdown: summary, tables per scenario and per rep, anti-patterns, and who
  /// needs help. Untrusted text (rep names, titles) is escaped so it cannot break the tables.
  public func markdown() -> String {
    let f = Self.format
    let p = Self.percent
    var out = "# Trainer's report\n\n"
    out += "- Generated: \(Self.md(generated))\n"
    out += "- Sessions: \(all.sessions) by \(reps.count) rep\(reps.count == 1 ? "" : "s") "
    out += "over \(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s")\n"
    out += "- Completed: \(p(all.completionRate)); passed: \(p(all.passRate)) "
    out += "(pass mark \(passMark) outside drills)\n"
    out += "- Mean overall score: \(f(all.meanOverall))\n\n"

    out += drillsMarkdown()

    out += "## Step averages\n\n| step | mean |\n| --- | ---: |\n"
    for step in Step.allCases { out += "| \(step.title) | \(f(all.mean(step))) |\n" }

    out += "\n## Scenarios\n\n"
    out += "| scenario | sessions | reps | reps passed | completed | passed | mean | "
    out += Step.allCases.map(\.title).joined(separator: " | ") + " |\n"
    out += "| --- |" + String(repeating: " ---: |", count: 7 + Step.allCases.count - 1) + "\n"
    for row in scenarios {
      out += "| \(Self.md(row.title)) (`\(Self.code(row.scenario))`) | \(row.tally.sessions) | "
      out += "\(row.reps) | \(row.repsPassed) | \(p(row.tally.completionRate)) | "
      out += "\(p(row.tally.passRate)) | \(f(row.tally.meanOverall)) | "
      out += Step.allCases.map { f(row.tally.mean($0)) }.joined(separator: " | ") + " |\n"
    }

    out += "\n## Reps\n\n"
    out += "| rep | sessions | scenarios passed of played | completed | passed | mean | "
    out += Step.allCases.map(\.title).joined(separator: " | ") + " | top anti-pattern |\n"
    out += "| --- |" + String(repeating: " ---: |", count: 5 + Step.allCases.count) + " --- |\n"
    for row in reps {
      out += "| \(Self.md(row.rep)) | \(row.tally.sessions) | "
      out += "\(row.scenariosPassed) of \(row.scenarios) | \(p(row.tally.completionRate)) | "
      out += "\(p(row.tally.passRate)) | \(f(row.tally.meanOverall)) | "
      out += Step.allCases.map { f(row.tally.mean($0)) }.joined(separator: " | ")
      out +=
        " | \(row.topAntipattern.map { "`\(Self.code($0))` ×\(row.topAntipatternTimes)" } ?? "–") |\n"
    }

    out += "\n## Most common anti-patterns\n\n"
    if antipatterns.isEmpty {
      out += "None seen.\n"
    } else {
      out += "| anti-pattern | times | sessions | reps |\n| --- | ---: | ---: | ---: |\n"
      for row in antipatterns.prefix(10) {
        out += "| `\(Self.code(row.id))` | \(row.total) | \(row.sessions) | \(row.reps) |\n"
      }
    }

    out += "\n## Who needs help with what\n\n"
    if help.isEmpty {
      out += "Nobody: every rep is above the marks.\n"
    } else {
      for row in help {
        out += "- **\(Self.md(row.rep))**: " + row.needs.map(Self.md).joined(separator: "; ") + "\n"
      }
    }
    return out
  }

  /// Where each rep stands in each drill: a table per curriculum, a column per scenario in
  /// drill order, and the commands that grant more attempts.
  func drillsMarkdown() -> String {
    guard !drills.isEmpty || !unknownCurricula.isEmpty else { return "" }
    var out = "## Drills\n\n"
    for (curriculum, plans) in drillGroups {
      out += "### \(Self.md(curriculum.title)) (`\(Self.code(curriculum.id))`)\n\n"
      for (index, entry) in curriculum.entries.enumerated() {
        out +=
          "\(index + 1). \(Self.md(title(of: entry.scenario))) (`\(Self.code(entry.scenario))`)\n"
      }
      let numbers = curriculum.entries.indices.map { String($0 + 1) }
      out += "\n| rep | stands | passed | " + numbers.joined(separator: " | ") + " |\n"
      out += "| --- | --- | ---: |" + String(repeating: " --- |", count: numbers.count) + "\n"
      for plan in plans {
        out += "| \(Self.md(plan.rep)) | \(Self.md(plan.summary)) | \(Self.passedText(plan)) | "
        out += plan.standings.map { Self.md(Self.cellText($0)) }.joined(separator: " | ") + " |\n"
      }
      out += "\n" + Self.md(Self.drillLegend) + "\n\n"
    }
    let commands = grantCommands
    if !commands.isEmpty {
      out += Self.grantNote + "\n\n"
      for command in commands { out += "    \(TerminalSafe.clean(command, keepNewlines: false))\n" }
      out += "\n"
    }
    for id in unknownCurricula {
      out += "Drill `\(Self.code(id))` was played, but its curriculum was not found on the script "
      out += "search path (`--scripts DIR`), so where its reps stand is not shown.\n\n"
    }
    return out
  }

  /// Text made safe for a Markdown table cell: control characters shown, Markdown and HTML
  /// punctuation escaped, newlines folded.
  static func md(_ text: String) -> String {
    var out = ""
    for character in TerminalSafe.clean(text, keepNewlines: false) {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "&":
        out += "\\" + String(character)
      default: out.append(character)
      }
    }
    return out
  }

  /// Text for inside a code span: backticks and pipes replaced.
  static func code(_ text: String) -> String {
    String(
      TerminalSafe.clean(text, keepNewlines: false).map { $0 == "`" ? "'" : $0 == "|" ? "¦" : $0 })
  }
}
