/// Decodes a method script (first key `method:`) into a ``Method``.
struct MethodDecoder {
  let sink: DiagnosticSink

  func decode(_ root: Node) -> Method? {
    guard var fields = Fields(root, what: "the method", sink: sink) else { return nil }
    let id = fields.id("method", what: "method")
    let title = fields.string("title", required: true)
    var steps: [Step: Method.StepGuide] = [:]
    if let stepsNode = fields.node("steps", required: true),
      var stepFields = Fields(stepsNode, what: "`steps`", sink: sink)
    {
      for step in Step.allCases {
        guard let node = stepFields.node(step.rawValue, required: true),
          var guide = Fields(node, what: "step `\(step.rawValue)`", sink: sink)
        else { continue }
        let goal = guide.string("goal", required: true)
        let hint = guide.string("hint", required: true)
        let practise = guide.string("practise", required: true)
        guide.finish()
        if let goal, let hint, let practise {
          steps[step] = .init(goal: goal, hint: hint, practise: practise)
        }
      }
      stepFields.finish()
    }
    let mood = fields.node("mood", required: true).flatMap(decodeMood)
    var notes: [String: String] = [:]
    if let notesNode = fields.node("notes", required: true),
      var noteFields = Fields(notesNode, what: "`notes`", sink: sink)
    {
      for name in Method.noteNames {
        if let text = noteFields.string(name, required: true) { notes[name] = text }
      }
      noteFields.finish()
    }
    var fallback: [String: [String]] = [:]
    if let linesNode = fields.node("fallback-lines", required: true),
      var lineFields = Fields(linesNode, what: "`fallback-lines`", sink: sink)
    {
      for name in Method.fallbackNames {
        if let list = lineFields.stringList(name, required: true) {
          if list.isEmpty {
            sink.append(SchemaMessage.emptyValue(lineFields.mapping[name]!, for: name))
          }
          fallback[name] = list.map(\.value)
        }
      }
      lineFields.finish()
    }
    fields.finish()
    guard let id, let title, let mood, steps.count == Step.allCases.count else { return nil }
    return Method(
      id: id.value, title: title, steps: steps, mood: mood, notes: notes, fallbackLines: fallback)
  }

  private func decodeMood(_ node: Node) -> Method.MoodWeights? {
    guard var fields = Fields(node, what: "`mood`", sink: sink) else { return nil }
    let range = -5...5
    let empathyStrong = fields.int("empathy-strong", in: range, required: true)
    let empathyWeak = fields.int("empathy-weak", in: range, required: true)
    let fact = fields.int("fact-revealed", in: range, required: true)
    let summary = fields.int("summary", in: range, required: true)
    let accepted = fields.int("accepted", in: range, required: true)
    let leapfrog = fields.int("leapfrog", in: range, required: true)
    let poor = fields.int("poor-reply", in: range, required: true)
    let loopBack = fields.int("loop-back", in: range, required: true)
    let antipatternDefault = fields.int("antipattern", in: range, required: true)
    var antipatterns: [String: Int] = [:]
    if let node = fields.node("antipatterns") {
      if case .mapping(let mapping) = node {
        for entry in mapping.entries {
          guard case .scalar(let scalar) = entry.value else {
            sink.append(
              SchemaMessage.wrongType(entry.value, expected: "a number", for: entry.key.value))
            continue
          }
          if let value = Fields.int(scalar, for: entry.key.value, in: range, sink: sink) {
            antipatterns[entry.key.value] = value
          }
        }
      } else {
        sink.append(
          SchemaMessage.wrongType(
            node, expected: "a mapping of anti-pattern ids to numbers", for: "antipatterns"))
      }
    }
    let acceptAtMost = fields.int("accept-at-most", in: 0...10, required: true)
    let credit = fields.int("empathy-credit", in: 1...6, required: true)
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
