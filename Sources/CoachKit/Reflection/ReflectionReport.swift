/// One left-hand-column exercise, analysed: the two columns, the assumptions and hypotheses in
/// the thoughts, the customer's imagined left-hand column, and the follow-up plan.
///
/// Built by ``init(column:detector:record:theirThoughts:topic:repGoals:repBarriers:agreedText:)``;
/// written as JSON (``json``) for `coach reflect --json` and as Markdown (``markdown(labels:)``)
/// for the saved file.
public struct ReflectionReport: Hashable, Sendable {
  public var column: LeftHandColumn
  /// Unhedged assumptions, in exchange and thought order.
  public var assumptions: [Assumption]
  /// Hedged ones ("maybe she's busy"): held open already, listed as things to check.
  public var hypotheses: [Assumption]
  /// What the rep imagines the customer thought but did not say.
  public var theirThoughts: [String]
  public var plan: FollowUpPlan
  /// The scenario the column came from, if any.
  public var scenarioID: String?
  public var scenarioTitle: String?
  /// Set when the exercise was cut short: where it stopped.
  public var partial: String?

  public init(
    column: LeftHandColumn, detector: AssumptionDetector, record: SessionRecord? = nil,
    theirThoughts: [String] = [], topic: String? = nil, repGoals: [String] = [],
    repBarriers: [String] = [], agreedText: String? = nil, partial: String? = nil
  ) {
    self.column = column
    var seen: [String: Int] = [:]
    var all: [Assumption] = []
    for (index, exchange) in column.exchanges.enumerated() {
      all += detector.assumptions(in: exchange.thought, exchange: index + 1, seen: &seen)
    }
    assumptions = all.filter { !$0.hedged }
    hypotheses = all.filter(\.hedged)
    self.theirThoughts = theirThoughts.map { FollowUpPlan.oneLine($0) }.filter { !$0.isEmpty }
    plan = FollowUpPlan(
      assumptions: all, record: record, phrases: detector.phrases, topic: topic,
      repGoals: repGoals, repBarriers: repBarriers, agreedText: agreedText)
    scenarioID = record?.scenarioID
    scenarioTitle = record?.scenarioTitle
    self.partial = partial
  }

  /// The stable JSON shape (`"format": "coach-reflection", "version": 1`):
  ///
  /// ```json
  /// {"format": "coach-reflection", "version": 1, "scenario": {"id", "title"} | null,
  ///  "partial": null | "where it stopped",
  ///  "exchanges": [{"n", "customer", "rep", "thought"}],
  ///  "assumptions": [{"text", "kind", "evidence": {…}, "question"}],
  ///  "hypotheses": [same shape], "theirColumn": ["…"],
  ///  "plan": {"askGoals", "askBlockers", "shareGoals", "shareBarriers", "factsToCheck", "opening"}}
  /// ```
  public var json: JSONValue {
    func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    let scenario: JSONValue =
      scenarioID.map { .object([("id", .string($0)), ("title", optional(scenarioTitle))]) }
      ?? .null
    return .object([
      ("format", "coach-reflection"), ("version", 1),
      ("scenario", scenario),
      ("partial", optional(partial)),
      (
        "exchanges",
        .array(
          column.exchanges.enumerated().map { index, exchange in
            .object([
              ("n", .int(index + 1)), ("customer", optional(exchange.customer)),
              ("rep", optional(exchange.rep)), ("thought", .string(exchange.thought)),
            ])
          })
      ),
      ("assumptions", .array(assumptions.map(\.json))),
      ("hypotheses", .array(hypotheses.map(\.json))),
      ("theirColumn", .array(theirThoughts.map { .string($0) })),
      ("plan", plan.json),
    ])
  }

  /// Headings of the Markdown file; the caller supplies them (the library holds no prose).
  public struct Headings: Hashable, Sendable {
    public var title = "Left-hand column"
    public var partial = "Partial"
    public var columns = "The two columns"
    public var assumptions = "Assumptions in the left-hand column"
    public var noAssumptions = "No assumptions found."
    public var hypotheses = "Held open (hypotheses to check)"
    public var theirColumn = "The customer's left-hand column (imagined)"
    public var theirColumnEmpty =
      "They have one too, just as inaccurate as yours: what might they have thought but not said?"
    public var plan = "Follow-up conversation plan"
    public var askGoals = "Ask about their goals"
    public var askBlockers = "Ask what blocks them"
    public var shareGoals = "Share your goals"
    public var shareBarriers = "Share your barriers"
    public var factsToCheck = "Facts to check"
    public var opening = "Opening line"
    public var scenario = "Scenario"

    public init() {}
  }

  /// The exercise as Markdown: the table of both columns, the assumptions with evidence and
  /// questions, the customer's column, and the plan.
  public func markdown(
    labels: LeftHandColumn.Labels = .init(), headings: Headings = .init()
  ) -> String {
    var out = "# \(headings.title)\n\n"
    if let scenarioID {
      let title = scenarioTitle.map { " — " + LeftHandColumn.cell($0) } ?? ""
      out += "- \(headings.scenario): `\(LeftHandColumn.cell(scenarioID))`\(title)\n\n"
    }
    if let partial { out += "> **\(headings.partial):** \(LeftHandColumn.cell(partial))\n\n" }
    out += "## \(headings.columns)\n\n"
    out += column.markdown(labels: labels, assumptions: assumptions)
    out += "\n## \(headings.assumptions)\n\n"
    if assumptions.isEmpty { out += "\(headings.noAssumptions)\n" }
    for (index, assumption) in assumptions.enumerated() {
      out += Self.item(index + 1, assumption)
    }
    if !hypotheses.isEmpty {
      out += "\n### \(headings.hypotheses)\n\n"
      for assumption in hypotheses { out += Self.item(nil, assumption) }
    }
    out += "\n## \(headings.theirColumn)\n\n"
    if theirThoughts.isEmpty {
      out += "_\(headings.theirColumnEmpty)_\n"
    } else {
      for thought in theirThoughts { out += "- \(LeftHandColumn.cell(thought))\n" }
    }
    out += "\n## \(headings.plan)\n"
    for (heading, items) in [
      (headings.askGoals, plan.askGoals), (headings.askBlockers, plan.askBlockers),
      (headings.shareGoals, plan.shareGoals), (headings.shareBarriers, plan.shareBarriers),
      (headings.factsToCheck, plan.factsToCheck),
    ] where !items.isEmpty {
      out += "\n### \(heading)\n\n"
      for item in items { out += "- \(LeftHandColumn.cell(item))\n" }
    }
    if !plan.opening.isEmpty {
      out += "\n### \(headings.opening)\n\n> \(LeftHandColumn.cell(plan.opening))\n"
    }
    return out
  }

  static func item(_ number: Int?, _ assumption: Assumption) -> String {
    let lead = number.map { "\($0). " } ?? "- "
    var out = lead + "**\(LeftHandColumn.cell(assumption.title))** — "
    out += "“\(LeftHandColumn.cell(assumption.text))” (exchange \(assumption.exchange)"
    out += ", cue `\(LeftHandColumn.cell(assumption.cues.joined(separator: "`, `")))`)"
    if !assumption.why.isEmpty { out += ": \(LeftHandColumn.cell(assumption.why))" }
    out += "  \n   " + LeftHandColumn.cell(assumption.question) + "\n"
    return out
  }
}

extension AssumptionDetector {
  /// The plan templates of the lexicon the detector was built from.
  var phrases: Lexicon.PlanPhrases { planPhrases }
}
