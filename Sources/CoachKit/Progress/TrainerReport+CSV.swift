extension TrainerReport {
  /// The report as one CSV table (RFC 4180, CRLF line ends), one row per scenario, rep,
  /// rep-and-scenario pair, and rep's drill entry, told apart by the `kind` column; scenario ids
  /// have their titles beside them. Means have one decimal; rates are shares from 0 to 1 with
  /// three decimals. The last columns are for `drill` rows only.
  ///
  /// Cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, also
  /// after leading spaces or tabs, which spreadsheets skip) are prefixed with `'`.
  public func csv(records: [ResultRecord] = []) -> String {
    var rows: [[String]] = []
    let header =
      [
        "kind", "rep", "scenario", "title", "sessions", "completed", "passed", "completion_rate",
        "pass_rate", "mean_overall",
      ]
      + Step.allCases.map { "mean_\($0.rawValue)" } + [
        "top_antipattern", "curriculum", "drill_stands", "status", "attempts", "attempts_allowed",
        "best",
      ]
    rows.append(header)
    let noDrill = ["", "", "", "", "", ""]
    func cells(_ tally: Tally) -> [String] {
      [
        String(tally.sessions), String(tally.completed), String(tally.passed),
        Self.rate(tally.completionRate), Self.rate(tally.passRate), Self.format(tally.meanOverall),
      ] + Step.allCases.map { Self.format(tally.mean($0)) }
    }
    for row in scenarios {
      rows.append(["scenario", "", row.scenario, row.title] + cells(row.tally) + [""] + noDrill)
    }
    for row in reps {
      rows.append(
        ["rep", row.rep, "", ""] + cells(row.tally) + [row.topAntipattern ?? ""] + noDrill)
    }
    if !records.isEmpty {
      var pairs: [String: (rep: String, scenario: String, tally: Tally)] = [:]
      for record in records {
        let key = record.rep + "\u{1F}" + record.scenario
        var entry = pairs[key] ?? (record.rep, record.scenario, Tally())
        entry.tally.add(record, passed: Self.passed(record, passMark: passMark))
        pairs[key] = entry
      }
      let order = Dictionary(
        uniqueKeysWithValues: scenarios.enumerated().map { ($0.element.scenario, $0.offset) })
      for entry in pairs.values.sorted(by: {
        ($0.rep, order[$0.scenario] ?? Int.max) < ($1.rep, order[$1.scenario] ?? Int.max)
      }) {
        rows.append(
          ["rep-scenario", entry.rep, entry.scenario, title(of: entry.scenario)]
            + cells(entry.tally) + [""] + noDrill)
      }
    }
    let blank = Array(repeating: "", count: 6 + Step.allCases.count + 1)
    for plan in drills {
      for standing in plan.standings {
        let scenario = standing.entry.scenario
        rows.append(
          ["drill", plan.rep, scenario, title(of: scenario)] + blank + [
            plan.curriculum.id, plan.summary, Self.statusWord(standing.status),
            String(standing.attempts.count), standing.allowed.map(String.init) ?? "",
            standing.best.map(String.init) ?? "",
          ])
      }
    }
    return rows.map { $0.map(Self.csvCell).joined(separator: ",") + "\r\n" }.joined()
  }

  static func rate(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    let fraction = String(thousandths % 1000)
    return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  static func csvCell(_ text: String) -> String {
    var text = TerminalSafe.clean(text, keepNewlines: false)
    if let first = text.first(where: { $0 != " " }), "=+-@".contains(first) { text = "'" + text }
    if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "'" }) {
      var quoted = "\""
      for character in text {
        if character == "\"" { quoted += "\"" }
        quoted.append(character)
      }
      return quoted + "\""
    }
    return text
  }
}
