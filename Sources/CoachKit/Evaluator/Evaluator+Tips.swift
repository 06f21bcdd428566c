/// Choosing the one or two tips a reply is given.
extension Evaluator {
  /// One or two tips, drawn from what was found and what is missing.
  func chooseTips(
    found: [Found], steps: StepStrengths, context: ReplyContext, isOpen: Bool, isQuestion: Bool,
    extra: [String]
  ) -> [String] {
    var tips: [String] = []
    func add(_ tip: String?) {
      guard let tip, !tip.isEmpty, tips.count < 2, !tips.contains(tip) else { return }
      tips.append(tip)
    }
    // The heaviest anti-patterns first, earlier ones first among equals (the order of a stable
    // sort by weight and start), picked one after another without a sorted copy.
    var last = (weight: Int.max, start: Int32.min, index: -1)
    while tips.count < 2 {
      var next = -1
      for (i, f) in found.enumerated() where !isSignal[f.group] {
        let after =
          f.weight < last.weight
          || (f.weight == last.weight
            && (f.span.start > last.start || (f.span.start == last.start && i > last.index)))
        guard after else { continue }
        if next < 0 { next = i; continue }
        let n = found[next]
        if f.weight > n.weight || (f.weight == n.weight && f.span.start < n.span.start) {
          next = i
        }
      }
      guard next >= 0 else { break }
      let f = found[next]
      last = (f.weight, f.span.start, next)
      add(groups[f.group].tip)
    }
    for tip in extra { add(tip) }
    let tipText = tipTexts
    if isLeapfrog(steps, context) { add(tipText[.leapfrog]) }
    if context.step == .understand, isQuestion, !isOpen {
      add(tipText[.closedOnly])
    }
    let focus = context.step ?? Step.allCases.first { steps[$0] == .none }
    if let focus, steps[focus] == .none {
      let key: Lexicon.TipKey =
        switch focus {
        case .empathy: .missingEmpathy
        case .understand: .missingUnderstand
        case .offer: .missingOffer
        case .check: .missingCheck
        }
      add(tipText[key])
    }
    if tips.isEmpty { add(tipText[.wellDone]) }
    return tips
  }
}
