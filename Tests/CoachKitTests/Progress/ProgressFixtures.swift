import CoachKit
import Foundation
import Testing

/// Records, curricula and fixture files for the progress tests.
enum ProgressFixtures {
  /// The bytes of `Fixtures/Progress/name`.
  static func bytes(_ name: String) throws -> [UInt8] {
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/Progress/" + name, withExtension: nil))
    return Array(try Data(contentsOf: url))
  }

  /// A curriculum decoded from YAML text, with its diagnostics.
  static func load(_ yaml: String, path: String = "test.coach.yaml") -> Script {
    ScriptLoader.load(SourceFile(path: path, text: yaml))
  }

  /// A record with the same score on every step unless `steps` says otherwise.
  static func record(
    rep: String = "ana", scenario: String, score: Int = 70, steps: [Step: Int] = [:],
    outcome: Outcome = .resolved, flags: [String: Int] = [:], curriculum: String? = "drill",
    passed: Bool = true, day: Int = 1
  ) -> ResultRecord {
    var scores: [Step: Int] = [:]
    for step in Step.allCases { scores[step] = steps[step] ?? score }
    return ResultRecord(
      rep: rep, scenario: scenario, title: scenario.capitalized,
      scriptHash: "fnv1a64:0000000000000001",
      mode: "practice", seed: 7, outcome: outcome, scores: StepScores(scores: scores),
      antipatterns: flags.sorted { $0.key < $1.key }.map { .init(id: $0.key, count: $0.value) },
      turns: 6, durationMilliseconds: 90_000,
      started: "2026-03-\(day < 10 ? "0" : "")\(day)T09:00:00Z",
      ended: "2026-03-\(day < 10 ? "0" : "")\(day)T09:04:00Z",
      drill: curriculum.map { .init(curriculum: $0, passMark: 60, passed: passed) })
  }
}
