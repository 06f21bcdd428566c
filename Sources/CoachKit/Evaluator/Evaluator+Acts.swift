/// One primary act per clause.
extension Evaluator {
  /// By priority: an offer (a core offer signal starts in the clause), else a check, else a
  /// question (the clause asks, with or without `?`, or is a declarative question, and is no
  /// hostile rhetorical question), else a statement.
  func acts(found: [Found], analysis: TextAnalysis) -> [ClauseAct] {
    let tokens = analysis.tokens
    let clauses = analysis.clauses
    var offers = SentenceFlags(count: clauses.count)
    var checks = SentenceFlags(count: clauses.count)
    for f in found where f.first < tokens.count && isSignal[f.group] {
      let clause = Int(tokens[f.first].clause)
      if stepIndex[f.group] == Step.offer.index, !groups[f.group].auxiliary {
        offers[clause] = true
      }
      if stepIndex[f.group] == Step.check.index { checks[clause] = true }
    }
    return clauses.indices.map { i in
      let clause = clauses[i]
      let asks = clause.mood != .statement && clause.mood != .imperative && !clause.rhetorical
      let act: ReplyAct =
        offers[i] ? .offer : checks[i] ? .check : asks ? .question : .statement
      return ClauseAct(act: act, range: clause.range)
    }
  }
}
