/// The reply's quality, and leapfrogging, which it and the tips both read.
extension Evaluator {
  /// The reply's quality (see ``Lexicon/QualityWeights``).
  func quality(steps: StepStrengths, found: [Found], context: ReplyContext) -> Int {
    let q = lexicon.quality
    var points = q.base
    for step in Step.allCases {
      switch steps[step] {
      case .strong: points += q.strong[step.index]
      case .weak: points += q.weak[step.index]
      case .none: break
      }
    }
    var counted = Set<Int>()
    for f in found where !isSignal[f.group] && counted.insert(f.group).inserted {
      points -= q.antipattern * weights[f.group]
    }
    if isLeapfrog(steps, context) { points -= q.leapfrog }
    return max(0, min(100, points))
  }

  /// Each sentence's primary act: an offer (a core offer signal in it), else a check, else a

  /// An offer before any empathy or understanding, at the start of a call.
  func isLeapfrog(_ steps: StepStrengths, _ context: ReplyContext) -> Bool {
    guard let step = context.step else { return false }
    return step <= .understand && steps.offer > .none && steps.empathy == .none
      && steps.understand == .none
  }
}
