/// Decodes a method script (first key `method:`) into a ``Method``.
struct MethodDecoder {
  let sink: DiagnosticSink

  func decode(_ root: Node) -> Method? {
    typealias Keys = MethodKeys
    guard var fields = Fields(root, Keys.spec, sink: sink) else { return nil }
    let id = fields.id(Keys.method, what: "method")
    let title = fields.string(Keys.title)
    var steps: [Step: Method.StepGuide] = [:]
    if let stepsNode = fields.node(Keys.steps),
      var stepFields = Fields(stepsNode, Keys.Steps.spec, sink: sink)
    {
      let guideSpec = Keys.Steps.guide
      for (step, key) in zip(Step.allCases, Keys.Steps.keys) {
        guard let node = stepFields.node(key),
          var guide = Fields(node, guideSpec, what: "step `\(step.rawValue)`", sink: sink)
        else { continue }
        let goal = guide.string(guideSpec["goal"])
        let hint = guide.string(guideSpec["hint"])
        let practise = guide.string(guideSpec["practise"])
        guide.finish()
        if let goal, let hint, let practise {
          steps[step] = .init(goal: goal, hint: hint, practise: practise)
        }
      }
      stepFields.finish()
    }
    let mood = fields.node(Keys.mood).flatMap(decodeMood)
    var notes: [String: String] = [:]
    if let notesNode = fields.node(Keys.notes),
      var noteFields = Fields(notesNode, Keys.Notes.spec, sink: sink)
    {
      for key in Keys.Notes.keys {
        if let text = noteFields.string(key) { notes[key.name] = text }
      }
      noteFields.finish()
    }
    var fallback: [String: [String]] = [:]
    if let linesNode = fields.node(Keys.fallbackLines),
      var lineFields = Fields(linesNode, Keys.FallbackLines.spec, sink: sink)
    {
      for key in Keys.FallbackLines.keys {
        if let list = lineFields.stringList(key) {
          if list.isEmpty {
            sink.append(SchemaMessage.emptyValue(lineFields.mapping[key.name]!, for: key.name))
          }
          fallback[key.name] = list.map(\.value)
        }
      }
      lineFields.finish()
    }
    let rubric = fields.node(Keys.rubric).flatMap(decodeRubric)
    var reasons: [String: String] = [:]
    if let node = fields.node(Keys.reasons),
      var reasonFields = Fields(node, Keys.Reasons.spec, sink: sink)
    {
      for key in Keys.Reasons.keys {
        if let text = reasonFields.string(key) { reasons[key.name] = text }
      }
      reasonFields.finish()
    }
    fields.finish()
    guard let id, let title, let mood, let rubric, steps.count == Step.allCases.count else {
      return nil
    }
    return Method(
      id: id.value, title: title, steps: steps, mood: mood, notes: notes, fallbackLines: fallback,
      rubric: rubric, reasons: reasons)
  }

  private func decodeRubric(_ node: Node) -> Method.Rubric? {
    typealias Keys = MethodKeys.Rubric
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    /// The numbers of one part of the rubric, in the order of its spec, or `nil` if any is wrong.
    func part(_ key: KeySpec, _ spec: MappingSpec) -> [Int]? {
      guard let node = fields.node(key), var part = Fields(node, spec, sink: sink) else {
        return nil
      }
      let values = spec.keys.map { part.int($0) }
      part.finish()
      let numbers = values.compactMap { $0 }
      return numbers.count == values.count ? numbers : nil
    }
    let e = part(Keys.empathy, Keys.Empathy.spec)
    let u = part(Keys.understand, Keys.Understand.spec)
    let o = part(Keys.offer, Keys.Offer.spec)
    let c = part(Keys.check, Keys.Check.spec)
    let a = part(Keys.overall, Keys.Overall.spec)
    let dismissive = fields.phrases(Keys.dismissive).map(\.text)
    let cannot = fields.phrases(Keys.cannot).map(\.text)
    let serious = fields.phrases(Keys.serious).map(\.text)
    fields.finish()
    guard let e, let u, let o, let c, let a else { return nil }
    return Method.Rubric(
      empathy: .init(strong: e[0], weak: e[1], noneFirstCap: e[2], perDismissal: e[3]),
      understand: .init(facts: u[0], openQuestion: u[1], summary: u[2], perLeapfrog: u[3]),
      offer: .init(
        accepted: o[0], choice: o[1], strong: o[2], answered: o[3], tooSoon: o[4],
        perCannot: o[5]),
      check: .init(resolved: c[0], loopBack: c[1], early: c[2], earlyPenalty: c[3]),
      overall: .init(perMoodRise: a[0], seriousCap: a[1], escalatedCap: a[2]),
      dismissive: dismissive, cannot: cannot, serious: serious)
  }

  private func decodeMood(_ node: Node) -> Method.MoodWeights? {
    typealias Keys = MethodKeys.Mood
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    let empathyStrong = fields.int(Keys.empathyStrong)
    let empathyWeak = fields.int(Keys.empathyWeak)
    let fact = fields.int(Keys.factRevealed)
    let summary = fields.int(Keys.summary)
    let accepted = fields.int(Keys.accepted)
    let leapfrog = fields.int(Keys.leapfrog)
    let poor = fields.int(Keys.poorReply)
    let loopBack = fields.int(Keys.loopBack)
    let antipatternDefault = fields.int(Keys.antipattern)
    var antipatterns: [String: Int] = [:]
    if let node = fields.node(Keys.antipatterns) {
      if case .mapping(let mapping) = node {
        for entry in mapping.entries {
          guard case .scalar(let scalar) = entry.value else {
            sink.append(
              SchemaMessage.wrongType(entry.value, expected: "a number", for: entry.key.value))
            continue
          }
          if let value = Fields.int(scalar, for: entry.key.value, in: Keys.change, sink: sink) {
            antipatterns[entry.key.value] = value
          }
        }
      } else {
        sink.append(
          SchemaMessage.wrongType(
            node, expected: "a mapping of anti-pattern ids to numbers", for: "antipatterns"))
      }
    }
    let acceptAtMost = fields.int(Keys.acceptAtMost)
    let credit = fields.int(Keys.empathyCredit)
    fields.finish()
    guard let empathyStrong, let empathyWeak, let fact, let summary, let accepted, let leapfrog,
      let poor, let loopBack, let antipatternDefault, let acceptAtMost, let credit
    else { return nil }
    return .init(
      empathyStrong: empathyStrong, empathyWeak: empathyWeak, factRevealed: fact, summary: summary,
      accepted: accepted, leapfrog: leapfrog, poorReply: poor, loopBack: loopBack,
      antipatterns: antipatterns, antipatternDefault: antipatternDefault,
      acceptAtMost: acceptAtMost, empathyCredit: credit)
  }
}
