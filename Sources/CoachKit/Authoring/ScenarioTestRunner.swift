/// Runs the tests written inside a scenario script and measures what they reach.
///
/// Conversation tests play their replies through a real ``Session`` with the test's seed; reply
/// tests assess one reply. Each failure says what was expected and what happened instead, and
/// points at the test in the script.
public struct ScenarioTestRunner: Sendable {
  public let scenario: Scenario
  public let method: Method
  public let judge: ScenarioJudge

  public init(scenario: Scenario, method: Method, judge: ScenarioJudge) {
    self.scenario = scenario
    self.method = method
    self.judge = judge
  }

  /// Runs every test and returns the results and the coverage.
  public func run() -> ScenarioTestReport {
    var results: [ScenarioTestResult] = []
    var coverage = CoverageTracker(scenario: scenario)
    for test in scenario.tests {
      switch test.kind {
      case .conversation(let replies, let expect):
        results.append(runConversation(test, replies: replies, expect: expect, coverage: &coverage))
      case .reply(let text, let context, let step, let expect):
        results.append(runReply(test, text: text, context: context, step: step, expect: expect))
      }
    }
    return ScenarioTestReport(results: results, coverage: coverage.result())
  }

  private func runConversation(
    _ test: ScenarioTest, replies: [Phrase], expect: ConversationExpectation,
    coverage: inout CoverageTracker
  ) -> ScenarioTestResult {
    var session = Session(scenario: scenario, method: method, seed: test.seed)
    var failures: [String] = []
    for (index, reply) in replies.enumerated() {
      if session.isOver {
        failures.append(
          "the conversation ended (\(session.outcome!.rawValue)) after reply \(index), "
            + "but \(replies.count - index) more repl\(replies.count - index == 1 ? "y was" : "ies were") written"
        )
        break
      }
      let judgement = judge.read(
        reply.text, customerLine: session.state.lastCustomerLine, step: session.state.step)
      let turn = session.respond(to: reply.text, reading: judgement.reading)
      coverage.record(turn)
    }
    if !session.isOver { session.abandon() }
    let outcome = session.outcome!
    coverage.record(outcome: outcome)
    let happened = session.turns.flatMap(\.events)
    let events = happened.map(\.description)
    let summary = "turn \(session.turns.count), mood \(session.state.mood)"
    if let expected = expect.outcome, expected != outcome.rawValue {
      failures.append("expected outcome `\(expected)`, got `\(outcome.rawValue)` (\(summary))")
    }
    for event in expect.events where SessionEvent(event.text).map(happened.contains) != true {
      failures.append(
        "expected event `\(event.text)`, which never happened; events were: "
          + (events.isEmpty ? "none" : events.map { "`\($0)`" }.joined(separator: ", ")))
    }
    for event in expect.noEvents {
      guard let forbidden = SessionEvent(event.text), happened.contains(forbidden) else { continue }
      let turn = session.turns.first { $0.events.contains(forbidden) }
      failures.append(
        "event `\(event.text)` happened at turn \(turn?.number ?? 0), but the test forbids it")
    }
    // Every conversation is checked for a customer saying the same thing twice, word for word.
    if let repeated = Self.firstRepeat(in: session) {
      failures.append(
        "the customer said “\(repeated.sentence)” twice (turns \(repeated.first) and \(repeated.again))"
      )
    }
    let scores = StepScores(
      turns: session.turns, scenario: scenario, outcome: session.outcome,
      rubric: session.method.rubric)
    for step in Step.allCases {
      if let minimum = expect.minScores[step], scores[step] < minimum {
        failures.append(
          "expected a \(step.rawValue) score of at least \(minimum), got \(scores[step])")
      }
    }
    if let high = expect.overallAtMost, scores.overall > high {
      failures.append("expected an overall score of at most \(high), got \(scores.overall)")
    }
    if let low = expect.overallAtLeast, scores.overall < low {
      failures.append("expected an overall score of at least \(low), got \(scores.overall)")
    }
    if let maxTurns = expect.maxTurns, session.turns.count > maxTurns {
      failures.append("expected at most \(maxTurns) turns, took \(session.turns.count)")
    }
    if let high = expect.finalMoodAtMost, session.state.mood > high {
      failures.append("expected a final mood of at most \(high), got \(session.state.mood)")
    }
    if let low = expect.finalMoodAtLeast, session.state.mood < low {
      failures.append("expected a final mood of at least \(low), got \(session.state.mood)")
    }
    return ScenarioTestResult(
      name: test.name, span: test.span, failures: failures,
      transcript: session.turns.map {
        "you: \($0.reply)\n  → \($0.customerLine)  [mood \($0.moodBefore)→\($0.moodAfter); \($0.events.map(\.description).joined(separator: ", "))]"
      })
  }

  /// The first sentence of four or more words the customer says twice in a session, with the
  /// turns (0 is the opening line).
  static func firstRepeat(in session: Session) -> (sentence: String, first: Int, again: Int)? {
    var seen: [String: Int] = [:]
    let lines = [(0, session.opening)] + session.turns.map { ($0.number, $0.customerLine) }
    for (turn, line) in lines {
      for sentence in Self.sentences(of: line) where sentence.split(separator: " ").count >= 4 {
        if let first = seen[sentence] { return (sentence, first, turn) }
        seen[sentence] = turn
      }
    }
    return nil
  }

  /// A customer line split after `.`, `!` and `?`.
  private static func sentences(of line: String) -> [String] {
    var result: [String] = []
    var current = ""
    for character in line {
      current.append(character)
      if ".!?".contains(character) {
        let trimmed = Substring(current).trimmingSpaces
        if !trimmed.isEmpty { result.append(String(trimmed)) }
        current = ""
      }
    }
    let trimmed = Substring(current).trimmingSpaces
    if !trimmed.isEmpty { result.append(String(trimmed)) }
    return result
  }

  private func runReply(
    _ test: ScenarioTest, text: Phrase, context: String?, step: Step?, expect: ReplyExpectation
  ) -> ScenarioTestResult {
    let judgement = judge.read(
      text.text, customerLine: context ?? scenario.customer.opening, step: step ?? .empathy)
    let assessment = judgement.assessment
    var failures: [String] = []
    for (step, expected) in expect.steps.sorted(by: { $0.key < $1.key }) {
      let actual = assessment.steps[step].rawValue
      if actual != expected {
        let evidence = assessment.signals.filter { signal in
          evaluatorStep(of: signal.id) == step
        }.map { "`\($0.id)` “\($0.text)”" }
        failures.append(
          "expected \(step.rawValue) `\(expected)`, got `\(actual)`"
            + (evidence.isEmpty
              ? " (no evidence for it)" : " (evidence: \(evidence.joined(separator: ", ")))"))
      }
    }
    let signals = assessment.signals.filter { !$0.negated }.map(\.id)
    let flags = assessment.antipatterns.map(\.id)
    for signal in expect.signals where !signals.contains(signal.text) {
      failures.append("expected signal `\(signal.text)`; found: \(Self.list(signals))")
    }
    for signal in expect.noSignals where signals.contains(signal.text) {
      let evidence = assessment.signals.first { $0.id == signal.text }
      failures.append(
        "found signal `\(signal.text)` in “\(evidence?.text ?? "")”, which the test forbids")
    }
    for flag in expect.flags where !flags.contains(flag.text) {
      failures.append("expected anti-pattern `\(flag.text)`; flagged: \(Self.list(flags))")
    }
    for flag in expect.noFlags where flags.contains(flag.text) {
      let evidence = assessment.antipatterns.first { $0.id == flag.text }
      failures.append("flagged `\(flag.text)` in “\(evidence?.text ?? "")”, which the test forbids")
    }
    return ScenarioTestResult(name: test.name, span: test.span, failures: failures, transcript: [])
  }

  private func evaluatorStep(of signal: String) -> Step? {
    judge.evaluator.lexicon.signals.first { $0.id == signal }?.step
  }

  private static func list(_ ids: [String]) -> String {
    ids.isEmpty ? "none" : ids.map { "`\($0)`" }.joined(separator: ", ")
  }
}

/// The result of one script test.
public struct ScenarioTestResult: Sendable {
  public var name: String
  /// Where the test is written.
  public var span: SourceSpan
  /// What went wrong; empty when the test passed.
  public var failures: [String]
  /// For conversation tests: each turn, for showing a failure in context.
  public var transcript: [String]

  public var passed: Bool { failures.isEmpty }
}

/// All results of a script's tests, with coverage.
public struct ScenarioTestReport: Sendable {
  public var results: [ScenarioTestResult]
  public var coverage: Coverage

  public var passed: Int { results.filter(\.passed).count }
  public var failed: Int { results.count - passed }
}
