import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The trainer's report over 10,000 result records: read the JSON lines, build the report,
/// render every format. Budget: under a second for the lot.
///
///     coach-bench report                 # time it
///     coach-bench report --write FILE    # also write the 10,000-record fixture, for timing
///                                        # `coach report FILE --format html` end to end
enum ReportBenchmark {
  static func run(_ arguments: [String]) {
    let count = 10_000
    let text = fixture(records: count)
    if let index = arguments.firstIndex(of: "--write"), index + 1 < arguments.count {
      let path = arguments[index + 1]
      guard let file = fopen(path, "w") else {
        print("report: cannot write \(path)")
        return
      }
      fputs(text, file)
      fclose(file)
      print("report: wrote \(count) records (\(text.utf8.count / 1024) KiB) to \(path)")
    }
    var best = (read: Double.infinity, build: Double.infinity, render: Double.infinity)
    var sizes: [Int] = []
    for _ in 0..<5 {
      let t0 = now()
      let log = ResultsLog(text: text)
      let t1 = now()
      let report = TrainerReport(records: log.records, generated: "2026-03-21T08:00:00Z")
      let t2 = now()
      sizes = [
        report.markdown().utf8.count, report.csv(records: log.records).utf8.count,
        report.jsonValue.serialized(pretty: true).utf8.count, report.html().utf8.count,
      ]
      let t3 = now()
      precondition(log.records.count == count && log.warnings.isEmpty)
      best = (min(best.read, t1 - t0), min(best.build, t2 - t1), min(best.render, t3 - t2))
    }
    let total = best.read + best.build + best.render
    print(
      "report: \(count) records, \(text.utf8.count / 1024) KiB; best of 5: read \(ms(best.read)), "
        + "build \(ms(best.build)), render md+csv+json+html \(ms(best.render)); "
        + "total \(ms(total)) (budget 1000 ms) \(total < 1 ? "OK" : "OVER BUDGET")")
    print(
      "report: output sizes md \(sizes[0]) B, csv \(sizes[1]) B, json \(sizes[2]) B, html \(sizes[3]) B"
    )
  }

  /// `records` result lines from 100 reps over the 12 planned scenarios, with a deterministic
  /// spread of scores, outcomes and anti-patterns.
  static func fixture(records count: Int) -> String {
    let scenarios = [
      "damaged-goods", "double-billing", "late-delivery", "renewal-price", "vent-first",
      "refund-outside-policy", "failed-fix", "new-customer-doubts", "cost-overrun", "sla-outage",
      "contract-change", "quiet-disappointment",
    ]
    let flags = [
      "blame", "defensive", "cliche", "minimiser", "shouting", "policy-wall", "rambling",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var out = ""
    for index in 0..<count {
      let rep = "rep-\(index % 100)"
      let scenario = scenarios[(index / 100) % scenarios.count]
      let skill = 30 + (index % 100) * 60 / 100
      var scores: [Step: Int] = [:]
      for step in Step.allCases { scores[step] = min(100, max(0, skill + next(41) - 20)) }
      let outcome: Outcome = [.resolved, .resolved, .escalated, .abandoned][next(4)]
      var antipatterns: [ResultRecord.Antipattern] = []
      for flag in flags where next(100) < 100 - skill {
        antipatterns.append(.init(id: flag, count: 1 + next(3)))
      }
      let day = 1 + index % 28
      let stamp = "2026-02-\(day < 10 ? "0" : "")\(day)T\(10 + index % 8):00:00Z"
      let record = ResultRecord(
        rep: rep, scenario: scenario, title: scenario, scriptHash: "fnv1a64:00000000deadbeef",
        mode: index % 5 == 0 ? "exam" : "practice", seed: UInt64(index), outcome: outcome,
        scores: StepScores(scores: scores), antipatterns: antipatterns, turns: 4 + next(8),
        durationMilliseconds: 60_000 + next(240_000), started: stamp, ended: stamp,
        drill: index % 2 == 0
          ? .init(
            curriculum: "onboarding", passMark: 60, passed: StepScores(scores: scores).overall >= 60
          )
          : nil)
      out += record.line + "\n"
    }
    return out
  }

  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  static func ms(_ seconds: Double) -> String {
    "\(Int((seconds * 1000).rounded())) ms"
  }
}
