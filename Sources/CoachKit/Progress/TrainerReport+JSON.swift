extension TrainerReport {
  /// The report as JSON (`"format": "coach-trainer-report"`, `"version": 1`), with means to one
  /// decimal and rates as shares from 0 to 1.
  public var jsonValue: JSONValue {
    func number(_ value: Double) -> JSONValue { .double((value * 1000).rounded() / 1000) }
    func tally(_ tally: Tally) -> [(String, JSONValue)] {
      [
        ("sessions", .int(tally.sessions)), ("completed", .int(tally.completed)),
        ("passed", .int(tally.passed)), ("completionRate", number(tally.completionRate)),
        ("passRate", number(tally.passRate)), ("meanOverall", number(tally.meanOverall)),
        ("stepMeans", .object(Step.allCases.map { ($0.rawValue, number(tally.mean($0))) })),
      ]
    }
    return .object([
      ("format", "coach-trainer-report"), ("version", 1), ("generated", .string(generated)),
      ("passMark", .int(passMark)), ("helpMark", .int(helpMark)),
      ("all", .object(tally(all))),
      (
        "scenarios",
        .array(
          scenarios.map {
            .object(
              [("scenario", .string($0.scenario)), ("title", .string($0.title))] + tally($0.tally)
                + [("reps", .int($0.reps)), ("repsPassed", .int($0.repsPassed))])
          })
      ),
      (
        "reps",
        .array(
          reps.map {
            .object(
              [("rep", .string($0.rep))] + tally($0.tally) + [
                ("scenarios", .int($0.scenarios)), ("scenariosPassed", .int($0.scenariosPassed)),
                ("topAntipattern", $0.topAntipattern.map { .string($0) } ?? .null),
              ])
          })
      ),
      (
        "antipatterns",
        .array(
          antipatterns.map {
            .object([
              ("id", .string($0.id)), ("total", .int($0.total)), ("sessions", .int($0.sessions)),
              ("reps", .int($0.reps)),
            ])
          })
      ),
      ("help", .array(help.map(Self.helpJSON))),
    ])
  }

  private static func helpJSON(_ row: HelpRow) -> JSONValue {
    var weak: [(String, JSONValue)] = []
    for step in Step.allCases {
      if let mean = row.weakSteps[step] {
        weak.append((step.rawValue, .double((mean * 1000).rounded() / 1000)))
      }
    }
    let habits: [JSONValue] = row.habits.map {
      .object([("id", .string($0.id)), ("sessions", .int($0.sessions))])
    }
    return .object([
      ("rep", .string(row.rep)), ("weakSteps", .object(weak)),
      ("notPassed", .array(row.notPassed.map { .string($0) })), ("habits", .array(habits)),
    ])
  }
}
