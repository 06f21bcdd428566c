extension TrainerReport {
  /// The most bars one chart shows; longer lists show the lowest (or the most common) ones.
  static let maxBars = 25

  /// The report as one self-contained HTML page: inline CSS and inline SVG bar charts, nothing
  /// loaded from anywhere. Every piece of untrusted text is escaped. Prints cleanly.
  public func html() -> String {
    let f = Self.format
    let p = Self.percent
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Trainer's report</title>
      <style>\(Self.css)</style>
      </head>
      <body>
      <main>
      <h1>Trainer&#8217;s report</h1>

      """
    out += "<p class=\"meta\">Generated \(Self.h(generated)) · pass mark \(passMark) outside drills"
    out += " · help flagged below \(helpMark)</p>\n"
    out += "<section class=\"cards\">\n"
    for (label, value) in [
      ("reps", Self.grouped(reps.count)), ("sessions", Self.grouped(all.sessions)),
      ("scenarios", String(scenarios.count)), ("completed", p(all.completionRate)),
      ("passed", p(all.passRate)), ("mean score", f(all.meanOverall)),
    ] {
      out += "<div class=\"card\"><span class=\"value\">\(value)</span>"
      out += "<span class=\"label\">\(label)</span></div>\n"
    }
    out += "</section>\n"

    out += drillsHTML()

    out += "<section class=\"charts\">\n"
    out += Self.chart(
      title: "Pass rate by scenario",
      note: "Dark bar: share of sessions passed. Light bar: share completed.",
      rows: scenarios.sorted { $0.tally.passRate < $1.tally.passRate }.prefix(Self.maxBars).map {
        ChartRow(
          label: $0.title, value: $0.tally.passRate * 100, back: $0.tally.completionRate * 100,
          text: "\(p($0.tally.passRate)) passed, \(p($0.tally.completionRate)) completed")
      }, maximum: 100, marker: nil)
    out += Self.chart(
      title: "Average score by step", note: "All sessions, 0–100.",
      rows: Step.allCases.map {
        ChartRow(label: $0.title, value: all.mean($0), back: nil, text: f(all.mean($0)))
      }, maximum: 100, marker: (Double(helpMark), "help mark \(helpMark)"))
    let repRows = reps.sorted { $0.tally.meanOverall < $1.tally.meanOverall }
    out += Self.chart(
      title: "Mean score by rep"
        + (repRows.count > Self.maxBars ? " (lowest \(Self.maxBars) of \(repRows.count))" : ""),
      note: "Mean overall score per session; the line is the pass mark.",
      rows: repRows.prefix(Self.maxBars).map {
        ChartRow(
          label: $0.rep, value: $0.tally.meanOverall, back: nil,
          text: "\(f($0.tally.meanOverall)) over \(Self.count($0.tally.sessions, "session"))")
      }, maximum: 100, marker: (Double(passMark), "pass mark \(passMark)"))
    if !antipatterns.isEmpty {
      let top = antipatterns.prefix(10)
      out += Self.chart(
        title: "Most common anti-patterns", note: "Times seen, over all sessions.",
        rows: top.map {
          ChartRow(
            label: $0.id, value: Double($0.total), back: nil,
            text:
              "\(Self.grouped($0.total))× in \(Self.count($0.sessions, "session")), \(Self.count($0.reps, "rep"))"
          )
        }, maximum: Double(top.map(\.total).max() ?? 1), marker: nil)
    }
    out += "</section>\n"

    out += "<h2>Who needs help with what</h2>\n"
    if help.isEmpty {
      out += "<p>Nobody: every rep is above the marks.</p>\n"
    } else {
      out += "<table class=\"help\"><thead><tr><th>rep</th><th>steps below \(helpMark)</th>"
      out += "<th>scenarios not passed</th><th>recurring anti-patterns</th></tr></thead><tbody>\n"
      for row in help {
        out += "<tr><td>\(Self.h(row.rep))</td>"
        out += "<td class=\"low\">\(row.weakStepsText.map(Self.h).joined(separator: "<br>"))</td>"
        out +=
          "<td>\(row.notPassed.map { "<code>\(Self.h($0))</code>" }.joined(separator: ", "))</td>"
        out += "<td>\(row.habitsText.map(Self.h).joined(separator: "<br>"))</td></tr>\n"
      }
      out += "</tbody></table>\n"
    }

    let stepHeads = Step.allCases.map { "<th class=\"n\">\($0.title)</th>" }.joined()
    out += "<h2>Scenarios</h2>\n<table><thead><tr><th>scenario</th><th class=\"n\">sessions</th>"
    out += "<th class=\"n\">reps</th><th class=\"n\">reps passed</th><th class=\"n\">completed</th>"
    out += "<th class=\"n\">passed</th><th class=\"n\">mean</th>\(stepHeads)</tr></thead><tbody>\n"
    for row in scenarios {
      out += "<tr><td>\(Self.h(row.title)) <code>\(Self.h(row.scenario))</code></td>"
      out += "<td class=\"n\">\(row.tally.sessions)</td><td class=\"n\">\(row.reps)</td>"
      out +=
        "<td class=\"n\">\(row.repsPassed)</td><td class=\"n\">\(p(row.tally.completionRate))</td>"
      out +=
        "<td class=\"n\">\(p(row.tally.passRate))</td><td class=\"n\">\(f(row.tally.meanOverall))</td>"
      out += Step.allCases.map { Self.scoreCell(row.tally.mean($0), helpMark: helpMark) }.joined()
      out += "</tr>\n"
    }
    out += "</tbody></table>\n"

    out += "<h2>Reps</h2>\n<table><thead><tr><th>rep</th><th class=\"n\">sessions</th>"
    out += "<th class=\"n\">scenarios passed</th><th class=\"n\">completed</th>"
    out += "<th class=\"n\">passed</th><th class=\"n\">mean</th>\(stepHeads)"
    out += "<th>top anti-pattern</th></tr></thead><tbody>\n"
    for row in reps {
      out += "<tr><td>\(Self.h(row.rep))</td><td class=\"n\">\(row.tally.sessions)</td>"
      out += "<td class=\"n\">\(row.scenariosPassed) of \(row.scenarios)</td>"
      out +=
        "<td class=\"n\">\(p(row.tally.completionRate))</td><td class=\"n\">\(p(row.tally.passRate))</td>"
      out += "<td class=\"n\">\(f(row.tally.meanOverall))</td>"
      out += Step.allCases.map { Self.scoreCell(row.tally.mean($0), helpMark: helpMark) }.joined()
      out += "<td>\(row.topAntipattern.map { "<code>\(Self.h($0))</code>" } ?? "–")</td></tr>\n"
    }
    out += "</tbody></table>\n"

    if !antipatterns.isEmpty {
      out +=
        "<h2>Anti-patterns</h2>\n<table class=\"narrow\"><thead><tr><th>anti-pattern</th><th class=\"n\">times</th>"
      out += "<th class=\"n\">sessions</th><th class=\"n\">reps</th></tr></thead><tbody>\n"
      for row in antipatterns {
        out += "<tr><td><code>\(Self.h(row.id))</code></td><td class=\"n\">\(row.total)</td>"
        out += "<td class=\"n\">\(row.sessions)</td><td class=\"n\">\(row.reps)</td></tr>\n"
      }
      out += "</tbody></table>\n"
    }
    out += "<footer>Completed: the call ended resolved or escalated. Passed: the drill's verdict, "
    out += "or an overall score of at least \(passMark) outside drills.</footer>\n"
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  /// Where each rep stands in each drill: a table per curriculum, a column per scenario in
  /// drill order, then the commands that grant more attempts.
  func drillsHTML() -> String {
    guard !drills.isEmpty || !unknownCurricula.isEmpty else { return "" }
    var out = "<h2>Drills</h2>\n"
    for (curriculum, plans) in drillGroups {
      out += "<h3>\(Self.h(curriculum.title)) <code>\(Self.h(curriculum.id))</code></h3>\n"
      out += "<ol class=\"legend\">"
      for entry in curriculum.entries {
        out +=
          "<li>\(Self.h(title(of: entry.scenario))) <code>\(Self.h(entry.scenario))</code></li>"
      }
      out += "</ol>\n<table class=\"drill\"><thead><tr><th>rep</th><th>stands</th>"
      out += "<th class=\"n\">passed</th>"
      for index in curriculum.entries.indices {
        out +=
          "<th class=\"n\" title=\"\(Self.h(curriculum.entries[index].scenario))\">\(index + 1)</th>"
      }
      out += "</tr></thead><tbody>\n"
      for plan in plans {
        let stuck: Bool = {
          if case .stuck = plan.overall { return true }
          return false
        }()
        out += "<tr><td data-label=\"rep\">\(Self.h(plan.rep))</td>"
        out +=
          "<td data-label=\"stands\"\(stuck ? " class=\"low\"" : "")>\(Self.h(plan.summary))</td>"
        out += "<td class=\"n\" data-label=\"passed\">\(Self.passedText(plan))</td>"
        for (index, standing) in plan.standings.enumerated() {
          let label = "\(index + 1). " + title(of: standing.entry.scenario)
          out +=
            "<td class=\"cell \(Self.statusWord(standing.status))\" data-label=\"\(Self.h(label))\">"
          out += "\(Self.h(Self.cellText(standing)))</td>"
        }
        out += "</tr>\n"
      }
      out += "</tbody></table>\n<p class=\"note\">\(Self.h(Self.drillLegend))</p>\n"
    }
    let commands = grantCommands
    if !commands.isEmpty {
      out += "<p class=\"note\">To grant more attempts, run the command shown (add "
      out += "<code>--attempts N</code> for more than one) in the account whose results file the "
      out += "rep plays from; the grant travels in their next export.</p>\n"
      for command in commands { out += "<pre class=\"command\">\(Self.h(command))</pre>\n" }
    }
    for id in unknownCurricula {
      out += "<p class=\"note\">Drill <code>\(Self.h(id))</code> was played, but its curriculum "
      out += "was not found on the script search path, so where its reps stand is not shown.</p>\n"
    }
    return out
  }

  struct ChartRow {
    var label: String
    var value: Double
    var back: Double?
    var text: String
  }

  /// A horizontal SVG bar chart with labels on the left and values on the right.
  static func chart(
    title: String, note: String, rows: [ChartRow], maximum: Double, marker: (Double, String)?
  ) -> String {
    let labelWidth = 170.0
    let barWidth = 420.0
    let valueWidth = 300.0
    let rowHeight = 24.0
    let top = marker == nil ? 8.0 : 22.0
    let width = labelWidth + barWidth + valueWidth
    let height = top + rowHeight * Double(max(rows.count, 1)) + 8
    let maximum = max(maximum, 1)
    func x(_ value: Double) -> String {
      num(labelWidth + barWidth * min(max(value, 0), maximum) / maximum)
    }
    var svg = "<figure class=\"chart\"><figcaption><strong>\(h(title))</strong> "
    svg += "<span>\(h(note))</span></figcaption>\n"
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(num(width)) \(num(height))\" "
    svg +=
      "width=\"\(num(width))\" height=\"\(num(height))\" role=\"img\" aria-label=\"\(h(title))\">\n"
    svg += "<rect x=\"\(num(labelWidth))\" y=\"\(num(top - 2))\" width=\"\(num(barWidth))\" "
    svg += "height=\"\(num(height - top - 4))\" class=\"track\"/>\n"
    if rows.isEmpty {
      svg +=
        "<text x=\"\(num(labelWidth + 8))\" y=\"\(num(top + 16))\" class=\"value\">no data</text>\n"
    }
    for (index, row) in rows.enumerated() {
      let y = top + rowHeight * Double(index)
      svg += "<g><title>\(h(row.label)): \(h(row.text))</title>"
      svg += "<text x=\"\(num(labelWidth - 8))\" y=\"\(num(y + 16))\" class=\"label\">"
      svg += "\(h(truncated(row.label, 24)))</text>"
      if let back = row.back {
        svg += "<rect x=\"\(num(labelWidth))\" y=\"\(num(y + 4))\" "
        svg += "width=\"\(num(Double(x(back))! - labelWidth))\" height=\"16\" class=\"back\"/>"
      }
      svg += "<rect x=\"\(num(labelWidth))\" y=\"\(num(y + 4))\" "
      svg += "width=\"\(num(Double(x(row.value))! - labelWidth))\" height=\"16\" class=\"bar\"/>"
      svg += "<text x=\"\(num(labelWidth + barWidth + 8))\" y=\"\(num(y + 16))\" class=\"value\">"
      svg += "\(h(row.text))</text></g>\n"
    }
    if let (value, label) = marker {
      svg += "<line x1=\"\(x(value))\" x2=\"\(x(value))\" y1=\"\(num(top - 6))\" "
      svg += "y2=\"\(num(height - 4))\" class=\"marker\"/>"
      svg +=
        "<text x=\"\(x(value))\" y=\"\(num(top - 10))\" class=\"marker-label\">\(h(label))</text>\n"
    }
    svg += "</svg></figure>\n"
    return svg
  }

  static func scoreCell(_ value: Double, helpMark: Int) -> String {
    let low = value < Double(helpMark)
    return "<td class=\"n\(low ? " low" : "")\">\(format(value))\(low ? " ▼" : "")</td>"
  }

  /// `1 session`, `4 080 sessions`.
  static func count(_ value: Int, _ noun: String) -> String {
    "\(grouped(value)) \(noun)\(value == 1 ? "" : "s")"
  }

  /// A whole number with thousands separated by thin spaces: `10 000`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out += "\u{2009}" }
      out.append(digit)
    }
    return out
  }

  static func num(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
  }

  static func truncated(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// Text escaped for HTML content and attribute values; control characters made visible.
  static func h(_ text: String) -> String {
    var out = ""
    for character in TerminalSafe.clean(text, keepNewlines: false) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  static let css = """
    :root { --ink: #1d2430; --muted: #5b6472; --line: #d9dee6; --bar: #2f6fb0; --back: #c9dcf0;
      --low: #b3261e; --card: #f4f6f9; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: var(--ink); background: #fff; }
    main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 48px; }
    h1 { font-size: 28px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    .meta { color: var(--muted); margin: 0 0 18px; }
    .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin-bottom: 18px; }
    .card { background: var(--card); border-radius: 8px; padding: 10px 12px; }
    .card .value { display: block; font-size: 24px; font-weight: 650; }
    .card .label { color: var(--muted); font-size: 13px; }
    .charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
    figure.chart { margin: 8px 0 14px; break-inside: avoid; }
    figure.chart figcaption { margin-bottom: 4px; }
    figure.chart figcaption span { color: var(--muted); font-size: 13px; margin-left: 6px; }
    svg { max-width: 100%; height: auto; }
    svg text { font: 13px system-ui, sans-serif; fill: var(--ink); }
    svg .label { text-anchor: end; }
    svg .value { fill: var(--muted); }
    svg .track { fill: #f7f8fa; }
    svg .bar { fill: var(--bar); }
    svg .back { fill: var(--back); }
    svg .marker { stroke: var(--low); stroke-width: 1.5; stroke-dasharray: 4 3; }
    svg .marker-label { fill: var(--low); font-size: 12px; text-anchor: middle; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
    th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
    th { background: var(--card); font-weight: 600; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.low { color: var(--low); font-weight: 600; }
    table.help td { line-height: 1.5; }
    table.narrow { width: auto; min-width: 480px; }
    code { font: 13px ui-monospace, "SFMono-Regular", Menlo, monospace; color: var(--muted); }
    footer { margin-top: 28px; color: var(--muted); font-size: 13px; }
    @media (max-width: 720px) { .cards { grid-template-columns: repeat(3, 1fr); } }
    @media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; }
      tr { break-inside: avoid; } .card { border: 1px solid var(--line); } }
    """
}
