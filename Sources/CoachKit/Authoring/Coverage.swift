/// What a script's tests reach: facts, options, rules, lines, steps and end states.
public struct Coverage: Sendable {
  /// One part of a script that tests may or may not reach.
  public struct Item: Sendable {
    /// `fact`, `option`, `rule`, `lines`, `step` or `end`.
    public var kind: String
    public var name: String
    public var span: SourceSpan
    public var covered: Bool
  }

  public var items: [Item]

  /// Items no test reaches.
  public var uncovered: [Item] { items.filter { !$0.covered } }

  /// The share of items reached, 0–100.
  public var percent: Double {
    items.isEmpty ? 100 : 100 * Double(items.count - uncovered.count) / Double(items.count)
  }
}

/// Collects coverage while conversation tests play.
struct CoverageTracker {
  let scenario: Scenario
  var facts: Set<String> = []
  var options: Set<String> = []
  var rules: Set<String> = []
  var lines: Set<String> = []
  var steps: Set<Step> = []
  var ends: Set<Outcome> = []

  init(scenario: Scenario) {
    self.scenario = scenario
  }

  mutating func record(_ turn: Turn) {
    steps.insert(turn.stepBefore)
    steps.insert(turn.stepAfter)
    for situation in turn.linesUsed { lines.insert(situation.description) }
    for event in turn.events {
      switch event {
      case .revealed(let fact): facts.insert(fact)
      case .offered(let option): options.insert(option)
      case .rule(let id): rules.insert(id)
      default: break
      }
    }
  }

  mutating func record(outcome: Outcome) { ends.insert(outcome) }

  func result() -> Coverage {
    var items: [Coverage.Item] = []
    for fact in scenario.facts {
      items.append(
        .init(kind: "fact", name: fact.id, span: fact.span, covered: facts.contains(fact.id)))
    }
    for option in scenario.options {
      items.append(
        .init(
          kind: "option", name: option.id, span: option.span, covered: options.contains(option.id)))
    }
    for rule in scenario.rules {
      items.append(
        .init(kind: "rule", name: rule.id, span: rule.span, covered: rules.contains(rule.id)))
    }
    for (situation, variants) in scenario.lines.variants.sorted(by: {
      $0.key.description < $1.key.description
    }) {
      guard let first = variants.first else { continue }
      items.append(
        .init(
          kind: "lines", name: situation.description, span: first.span,
          covered: lines.contains(situation.description)))
    }
    for step in Step.allCases {
      items.append(
        .init(kind: "step", name: step.rawValue, span: scenario.span, covered: steps.contains(step))
      )
    }
    for end in [Outcome.resolved, .escalated] {
      items.append(
        .init(kind: "end", name: end.rawValue, span: scenario.span, covered: ends.contains(end)))
    }
    return Coverage(items: items.sorted { $0.span.start.offset < $1.span.start.offset })
  }
}
