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
                ("topAntipatternTimes", .int($0.topAntipatternTimes)),
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
      ("drills", .array(drills.map(Self.drillJSON))),
      ("unknownCurricula", .array(unknownCurricula.map { .string($0) })),
    ])
  }

  private static func drillJSON(_ plan: DrillPlan) -> JSONValue {
    let entries: [JSONValue] = plan.standings.map {
      .object([
        ("scenario", .string($0.entry.scenario)), ("status", .string(statusWord($0.status))),
        ("attempts", .int($0.attempts.count)), ("allowed", $0.allowed.map { .int($0) } ?? .null),
        ("granted", .int($0.granted)), ("best", $0.best.map { .int($0) } ?? .null),
      ])
    }
    return .object([
      ("curriculum", .string(plan.curriculum.id)), ("title", .string(plan.curriculum.title)),
      ("rep", .string(plan.rep)), ("stands", .string(plan.summary)),
      ("passed", .int(plan.standings.filter { $0.status == .passed }.count)),
      ("scenarios", .int(plan.standings.count)), ("entries", .array(entries)),
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
