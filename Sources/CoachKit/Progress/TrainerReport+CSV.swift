extension TrainerReport {
  /// The report as one CSV table (RFC 4180, CRLF line ends), one row per scenario, rep, and
  /// rep-and-scenario pair, told apart by the `kind` column. Means have one decimal; rates are
  /// shares from 0 to 1 with three decimals.
  ///
  /// Cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`) are
  /// prefixed with `'`.
  public func csv(records: [ResultRecord] = []) -> String {
    var rows: [[String]] = []
    let header =
      [
        "kind", "rep", "scenario", "sessions", "completed", "passed", "completion_rate",
        "pass_rate", "mean_overall",
      ]
      + Step.allCases.map { "mean_\($0.rawValue)" } + ["top_antipattern"]
    rows.append(header)
    func cells(_ tally: Tally) -> [String] {
      [
        String(tally.sessions), String(tally.completed), String(tally.passed),
        Self.rate(tally.completionRate), Self.rate(tally.passRate), Self.format(tally.meanOverall),
      ] + Step.allCases.map { Self.format(tally.mean($0)) }
    }
    for row in scenarios { rows.append(["scenario", "", row.scenario] + cells(row.tally) + [""]) }
    for row in reps {
      rows.append(["rep", row.rep, ""] + cells(row.tally) + [row.topAntipattern ?? ""])
    }
    if !records.isEmpty {
      var pairs: [String: (rep: String, scenario: String, tally: Tally)] = [:]
      for record in records {
        let key = record.rep + "\u{1F}" + record.scenario
        var entry = pairs[key] ?? (record.rep, record.scenario, Tally())
        entry.tally.add(record, passed: Self.passed(record, passMark: passMark))
        pairs[key] = entry
      }
      for entry in pairs.values.sorted(by: { ($0.rep, $0.scenario) < ($1.rep, $1.scenario) }) {
        rows.append(["rep-scenario", entry.rep, entry.scenario] + cells(entry.tally) + [""])
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
    if let first = text.first, "=+-@".contains(first) { text = "'" + text }
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
