extension TrainerReport {
  /// The most bars one chart shows; longer lists show the lowest (or the most common) ones.
  static let maxBars = 25

  /// The report as one self-contained HTML page: inline CSS and HTML bar charts, no scripts,
  /// nothing loaded from anywhere. Every piece of untrusted text is escaped. Readable from a
  /// phone (400 px: tables become labelled cards, chart rows stack) to a wide screen; prints
  /// cleanly.
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
    let scenarioRows =
      scenarios.count > Self.maxBars
      ? Array(scenarios.sorted { $0.tally.passRate < $1.tally.passRate }.prefix(Self.maxBars))
      : scenarios
    out += Self.chart(
      title: "Pass rate by scenario"
        + (scenarios.count > Self.maxBars
          ? " (lowest \(Self.maxBars) of \(scenarios.count))" : ""),
      note: "In drill order. Dark bar: share of sessions passed. Light bar: share completed.",
      rows: scenarioRows.map {
        ChartRow(
          label: $0.title, value: $0.tally.passRate * 100, back: $0.tally.completionRate * 100,
          text: "\(p($0.tally.passRate)) passed, \(p($0.tally.completionRate)) completed")
      }, maximum: 100, marker: nil)
    out += Self.chart(
      title: "Average score by step",
      note: "All sessions, 0–100; the dashed line is the help mark, \(helpMark).",
      rows: Step.allCases.map {
        ChartRow(label: $0.title, value: all.mean($0), back: nil, text: f(all.mean($0)))
      }, maximum: 100, marker: Double(helpMark))
    let repRows = reps.sorted { $0.tally.meanOverall < $1.tally.meanOverall }
    out += Self.chart(
      title: "Mean score by rep"
        + (repRows.count > Self.maxBars ? " (lowest \(Self.maxBars) of \(repRows.count))" : ""),
      note: "Mean overall score per session; the dashed line is the pass mark, \(passMark).",
      rows: repRows.prefix(Self.maxBars).map {
        ChartRow(
          label: $0.rep, value: $0.tally.meanOverall, back: nil,
          text: "\(f($0.tally.meanOverall)) over \(Self.count($0.tally.sessions, "session"))")
      }, maximum: 100, marker: Double(passMark))
    if !antipatterns.isEmpty {
      let top = antipatterns.prefix(10)
      out += Self.chart(
        title: "Most common anti-patterns", note: "Times seen, over all sessions.",
        rows: top.map {
          ChartRow(
            label: $0.id, value: Double($0.total), back: nil,
            text: "\(Self.grouped($0.total))× in \(Self.count($0.sessions, "session")), "
              + Self.count($0.reps, "rep"))
        }, maximum: Double(top.map(\.total).max() ?? 1), marker: nil)
    }
    out += "</section>\n"

    out += "<h2>Who needs help with what</h2>\n"
    if help.isEmpty {
      out += "<p>Nobody: every rep is above the marks.</p>\n"
    } else {
      out += Self.table(
        class: "help",
        headers: [
          .init("rep"), .init("steps below \(helpMark)"), .init("scenarios not passed"),
          .init("recurring anti-patterns"),
        ],
        rows: help.map { row in
          [
            .init(Self.h(row.rep)),
            .init(row.weakStepsText.map(Self.h).joined(separator: "<br>"), class: "low"),
            .init(
              row.notPassed.map { "\(Self.h(title(of: $0))) <code>\(Self.h($0))</code>" }
                .joined(separator: "<br>")),
            .init(row.habitsText.map(Self.h).joined(separator: "<br>")),
          ]
        })
    }

    let stepHeads = Step.allCases.map { Header($0.title, numeric: true) }
    out += "<h2>Scenarios</h2>\n"
    out += Self.table(
      headers: [
        .init("scenario"), .init("sessions", numeric: true), .init("reps", numeric: true),
        .init("reps passed", numeric: true), .init("completed", numeric: true),
        .init("passed", numeric: true), .init("mean", numeric: true),
      ] + stepHeads,
      rows: scenarios.map { row in
        [
          .init("\(Self.h(row.title)) <code>\(Self.h(row.scenario))</code>"),
          .init(String(row.tally.sessions)), .init(String(row.reps)),
          .init(String(row.repsPassed)), .init(p(row.tally.completionRate)),
          .init(p(row.tally.passRate)), .init(f(row.tally.meanOverall)),
        ] + Step.allCases.map { Self.scoreCell(row.tally.mean($0), helpMark: helpMark) }
      })

    out += "<h2>Reps</h2>\n"
    out += Self.table(
      headers: [
        .init("rep"), .init("sessions", numeric: true),
        .init("scenarios passed of played", numeric: true), .init("completed", numeric: true),
        .init("passed", numeric: true), .init("mean", numeric: true),
      ] + stepHeads + [.init("top anti-pattern")],
      rows: reps.map { row in
        [
          .init(Self.h(row.rep)), .init(String(row.tally.sessions)),
          .init("\(row.scenariosPassed) of \(row.scenarios)"), .init(p(row.tally.completionRate)),
          .init(p(row.tally.passRate)), .init(f(row.tally.meanOverall)),
        ] + Step.allCases.map { Self.scoreCell(row.tally.mean($0), helpMark: helpMark) } + [
          .init(
            row.topAntipattern.map { "<code>\(Self.h($0))</code> ×\(row.topAntipatternTimes)" }
              ?? "–")
        ]
      })

    if !antipatterns.isEmpty {
      out += "<h2>Anti-patterns</h2>\n"
      out += Self.table(
        class: "narrow",
        headers: [
          .init("anti-pattern"), .init("times", numeric: true), .init("sessions", numeric: true),
          .init("reps", numeric: true),
        ],
        rows: antipatterns.map { row in
          [
            .init("<code>\(Self.h(row.id))</code>"), .init(String(row.total)),
            .init(String(row.sessions)), .init(String(row.reps)),
          ]
        })
    }
    out += "<footer>Completed: the call ended resolved or escalated. Passed: the drill's verdict, "
    out += "or an overall score of at least \(passMark) outside drills.</footer>\n"
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  /// A column heading: its text (plain, escaped here), whether the column holds numbers, and a
  /// shorter text to show in the heading row (the full text is then its tooltip).
  struct Header {
    var text: String
    var numeric = false
    var short: String?

    init(_ text: String, numeric: Bool = false, short: String? = nil) {
      self.text = text
      self.numeric = numeric
      self.short = short
    }
  }

  /// A table cell: HTML already escaped, and extra classes.
  struct Cell {
    var html: String
    var `class`: String?

    init(_ html: String, class: String? = nil) {
      self.html = html
      self.class = `class`
    }
  }

  /// A table whose every cell carries its column's heading in `data-label`, so on a narrow
  /// screen each row is shown as a card of labelled lines instead of being cut off.
  static func table(class tableClass: String? = nil, headers: [Header], rows: [[Cell]])
    -> String
  {
    var out = "<table" + (tableClass.map { " class=\"\($0)\"" } ?? "") + "><thead><tr>"
    for header in headers {
      out += "<th\(header.numeric ? " class=\"n\"" : "")"
      if let short = header.short {
        out += " title=\"\(h(header.text))\">\(h(short))</th>"
      } else {
        out += ">\(h(header.text))</th>"
      }
    }
    out += "</tr></thead><tbody>\n"
    for row in rows {
      out += "<tr>"
      for (index, cell) in row.enumerated() {
        let header = headers[min(index, headers.count - 1)]
        let classes = [header.numeric ? "n" : nil, cell.class].compactMap { $0 }
        out += "<td"
        if !classes.isEmpty { out += " class=\"\(classes.joined(separator: " "))\"" }
        out += " data-label=\"\(h(header.text))\"><span>\(cell.html)</span></td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody></table>\n"
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
      out += "</ol>\n"
      let headers =
        [Header("rep"), Header("stands"), Header("passed", numeric: true)]
        + curriculum.entries.indices.map {
          // Headed by its number; the full title is in the list above, in the tooltip and, on
          // a narrow screen, beside every cell.
          Header("\($0 + 1). " + title(of: curriculum.entries[$0].scenario), short: "\($0 + 1)")
        }
      out += Self.table(
        class: "drill", headers: headers,
        rows: plans.map { plan in
          let stuck: Bool = {
            if case .stuck = plan.overall { return true }
            return false
          }()
          return [
            .init(Self.h(plan.rep)), .init(Self.h(plan.summary), class: stuck ? "low" : nil),
            .init(Self.passedText(plan)),
          ]
            + plan.standings.map {
              .init(Self.drillCell($0), class: "cell " + Self.statusWord($0.status))
            }
        })
      out += "<p class=\"note\">\(Self.h(Self.drillLegend))</p>\n"
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

  /// A drill cell: the status and attempts, then the best score, each kept on one line.
  static func drillCell(_ standing: DrillPlan.Standing) -> String {
    if case .locked = standing.status, standing.attempts.isEmpty {
      return "<span class=\"keep\">· locked</span>"
    }
    var out = "<span class=\"keep\">\(symbol(standing.status)) \(attemptsText(standing))</span>"
    if let best = standing.best { out += " <span class=\"keep best\">best \(best)</span>" }
    return out
  }

  struct ChartRow {
    var label: String
    var value: Double
    var back: Double?
    var text: String
  }

  /// A horizontal bar chart in HTML and CSS: the whole label, a bar, and the value. On a wide
  /// screen the three sit side by side; on a narrow one each takes its own line, so text is
  /// never shrunk or cut. `marker` draws a dashed line at that value (a pass or help mark).
  static func chart(
    title: String, note: String, rows: [ChartRow], maximum: Double, marker: Double?
  ) -> String {
    let maximum = max(maximum, 1)
    func share(_ value: Double) -> String { num(100 * min(max(value, 0), maximum) / maximum) }
    var out = "<figure class=\"chart\"><figcaption><strong>\(h(title))</strong> "
    out += "<span>\(h(note))</span></figcaption>\n<div class=\"bars\">\n"
    if rows.isEmpty { out += "<p class=\"note\">no data</p>\n" }
    for row in rows {
      out += "<div class=\"row\"><span class=\"label\">\(h(row.label))</span>"
      out += "<span class=\"track\" role=\"img\" aria-label=\"\(h(row.label)): \(h(row.text))\">"
      if let back = row.back {
        out += "<span class=\"back\" style=\"width:\(share(back))%\"></span>"
      }
      out += "<span class=\"bar\" style=\"width:\(share(row.value))%\"></span>"
      if let marker { out += "<span class=\"marker\" style=\"left:\(share(marker))%\"></span>" }
      out += "</span><span class=\"value\">\(h(row.text))</span></div>\n"
    }
    return out + "</div></figure>\n"
  }

  static func scoreCell(_ value: Double, helpMark: Int) -> Cell {
    let low = value < Double(helpMark)
    return Cell(format(value) + (low ? " ▼" : ""), class: low ? "low" : nil)
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

  /// The page's style. Every font size is 12 px or more; below 720 px the cards wrap to three
  /// a row, and below 640 px tables become cards of labelled lines and chart rows stack.
  static let css = """
    :root { --ink: #1d2430; --muted: #5b6472; --line: #d9dee6; --bar: #2f6fb0; --back: #c9dcf0;
      --low: #b3261e; --card: #f4f6f9; --track: #eef1f5; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: var(--ink); background: #fff; }
    main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
    h1 { font-size: 28px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    .meta, .note { color: var(--muted); }
    .meta { margin: 0 0 18px; }
    .note { font-size: 14px; }
    .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin-bottom: 18px; }
    .card { background: var(--card); border-radius: 8px; padding: 10px 12px; }
    .card .value { display: block; font-size: 24px; font-weight: 650; }
    .card .label { color: var(--muted); font-size: 13px; }
    ol.legend { margin: 4px 0 10px; padding-left: 28px; }
    pre.command { font: 14px ui-monospace, "SFMono-Regular", Menlo, monospace; background: var(--card);
      padding: 8px 12px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
    figure.chart { margin: 10px 0 22px; break-inside: avoid; }
    figure.chart figcaption { margin-bottom: 6px; }
    figure.chart figcaption span { color: var(--muted); font-size: 13px; margin-left: 6px; }
    .bars { display: grid; grid-template-columns: minmax(8em, max-content) minmax(160px, 1fr) minmax(8em, max-content);
      gap: 4px 12px; align-items: center; font-size: 14px; }
    .bars .row { display: contents; }
    .bars .label { text-align: right; overflow-wrap: anywhere; }
    .bars .value { color: var(--muted); }
    .track { position: relative; display: block; height: 18px; background: var(--track); }
    .track span { position: absolute; top: 0; bottom: 0; left: 0; }
    .track .back { background: var(--back); }
    .track .bar { background: var(--bar); }
    .track .marker { top: -3px; bottom: -3px; width: 0; border-left: 2px dashed var(--low); }
    .track span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
    th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
    th { background: var(--card); font-weight: 600; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.low { color: var(--low); font-weight: 600; }
    table.help td { line-height: 1.5; }
    table.narrow { width: auto; min-width: 480px; }
    table.drill td.cell { font-size: 13px; }
    table.drill td.passed { color: #1e6b34; }
    table.drill td.out-of-attempts { color: var(--low); font-weight: 600; }
    table.drill td.locked { color: var(--muted); }
    .keep { white-space: nowrap; }
    .best { color: var(--muted); }
    code { font: 13px ui-monospace, "SFMono-Regular", Menlo, monospace; color: var(--muted); }
    footer { margin-top: 28px; color: var(--muted); font-size: 13px; }
    @media (max-width: 720px) { .cards { grid-template-columns: repeat(3, 1fr); } }
    @media (max-width: 640px) {
      main { padding: 16px 14px 32px; }
      .bars { grid-template-columns: 1fr; gap: 2px; }
      .bars .label { text-align: left; font-weight: 600; margin-top: 8px; }
      table, table.narrow { min-width: 0; width: 100%; }
      table, thead, tbody, tr, th, td { display: block; }
      thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 10px; padding: 4px 0; }
      td, td.n { border: 0; padding: 3px 10px; text-align: left; white-space: normal;
        display: grid; grid-template-columns: minmax(7em, 40%) 1fr; gap: 8px; overflow-wrap: anywhere; }
      td::before { content: attr(data-label); color: var(--muted); font-weight: 600; font-size: 13px; }
      td:has(> span:empty) { display: none; }
      table.drill td.cell { font-size: 14px; }
    }
    @media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; }
      tr { break-inside: avoid; } .card { border: 1px solid var(--line); } }
    """
}
