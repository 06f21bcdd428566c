/// Decodes a curriculum script (first key `curriculum:`) into a ``Curriculum`` and checks that its
/// entries and unlock rules make sense.
///
/// Codes `C0xx` are the curriculum's own checks; shape problems use the shared `S0xx` codes.
struct CurriculumDecoder {
  let sink: DiagnosticSink

  func decode(_ root: Node) -> Curriculum? {
    typealias Keys = CurriculumKeys
    guard var fields = Fields(root, Keys.spec, sink: sink) else { return nil }
    let id = fields.id(Keys.curriculum, what: "curriculum")
    let title = fields.string(Keys.title)
    let description = fields.string(Keys.description)
    let defaults = Defaults(
      passMark: fields.int(orDefault: Keys.passMark),
      stepMarks: fields.node(Keys.stepMarks).map(decodeStepMarks) ?? [:],
      mode: fields.choice(orDefault: Keys.mode),
      maxAttempts: fields.int(Keys.maxAttempts),
      mustResolve: fields.bool(orDefault: Keys.mustResolve))
    let overallMark = fields.int(Keys.overallMark)
    let listKey = fields.keyScalar(Keys.scenarios.name)
    let items = fields.list(Keys.scenarios)
    fields.finish()
    var entries: [(Curriculum.Entry, afterScalars: [Node.Scalar])] = []
    for item in items ?? [] {
      guard let decoded = decodeEntry(item, defaults: defaults, previous: entries.last?.0) else {
        continue
      }
      entries.append(decoded)
    }
    if let items, items.isEmpty {
      sink.append(
        .error(
          "C004", "the curriculum has no scenarios", at: listKey?.span ?? root.span,
          label: "expected at least one scenario",
          help: "list scenario ids under `scenarios:`, easiest first"))
    }
    check(entries)
    guard let id, let title else { return nil }
    return Curriculum(
      id: id.value, title: title, description: description, overallMark: overallMark,
      entries: entries.map(\.0), span: id.span)
  }

  private struct Defaults {
    var passMark: Int
    var stepMarks: [Step: Int]
    var mode: Curriculum.Mode
    var maxAttempts: Int?
    var mustResolve: Bool
  }

  private func decodeEntry(_ node: Node, defaults: Defaults, previous: Curriculum.Entry?)
    -> (Curriculum.Entry, afterScalars: [Node.Scalar])?
  {
    let implicitAfter = previous.map { [$0.scenario] } ?? []
    if case .scalar(let scalar) = node {
      guard IDs.isValid(scalar.value) else {
        sink.append(SchemaMessage.invalidID(scalar, what: "scenario"))
        return nil
      }
      return (
        Curriculum.Entry(
          scenario: scalar.value, passMark: defaults.passMark, stepMarks: defaults.stepMarks,
          mode: defaults.mode, maxAttempts: defaults.maxAttempts,
          mustResolve: defaults.mustResolve, after: implicitAfter, span: scalar.span),
        []
      )
    }
    typealias Keys = CurriculumKeys.Entry
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    let id = fields.id(Keys.scenario, what: "scenario")
    let passMark = fields.int(Keys.passMark) ?? defaults.passMark
    var stepMarks = defaults.stepMarks
    if let marks = fields.node(Keys.stepMarks).map(decodeStepMarks) {
      stepMarks.merge(marks) { $1 }
    }
    let mode: Curriculum.Mode = fields.choice(Keys.mode) ?? defaults.mode
    let maxAttempts = fields.int(Keys.maxAttempts) ?? defaults.maxAttempts
    let mustResolve = fields.bool(Keys.mustResolve) ?? defaults.mustResolve
    let after = fields.stringList(Keys.after)
    fields.finish()
    guard let id else { return nil }
    var afterScalars: [Node.Scalar] = []
    for scalar in after ?? [] {
      if IDs.isValid(scalar.value) {
        afterScalars.append(scalar)
      } else {
        sink.append(SchemaMessage.invalidID(scalar, what: "scenario"))
      }
    }
    return (
      Curriculum.Entry(
        scenario: id.value, passMark: passMark, stepMarks: stepMarks, mode: mode,
        maxAttempts: maxAttempts, mustResolve: mustResolve,
        after: after == nil ? implicitAfter : afterScalars.map(\.value), span: id.span),
      afterScalars
    )
  }

  private func decodeStepMarks(_ node: Node) -> [Step: Int] {
    stepScores(node, CurriculumKeys.stepMarksSpec, sink: sink)
  }

  // MARK: - Semantic checks

  private func check(_ entries: [(Curriculum.Entry, afterScalars: [Node.Scalar])]) {
    var first: [String: SourceSpan] = [:]
    for (entry, _) in entries {
      if let earlier = first[entry.scenario] {
        sink.append(
          .error(
            "C001", "scenario `\(entry.scenario)` is listed twice", at: entry.span,
            label: "listed again here", related: [.init(earlier, "first listed here")],
            help: "list each scenario once; use `max-attempts` to allow retries"))
      } else {
        first[entry.scenario] = entry.span
      }
    }
    let known = entries.map(\.0.scenario)
    for (entry, afterScalars) in entries {
      for scalar in afterScalars where first[scalar.value] == nil {
        sink.append(
          .error(
            "C002", "`after` names `\(scalar.value)`, which is not in this curriculum",
            at: scalar.span, label: "not a scenario of the curriculum",
            help: Suggestions.closest(to: scalar.value, in: known).map { "did you mean `\($0)`?" }
              ?? "add `\(scalar.value)` to `scenarios`, or remove it from `after`"))
      }
      if let own = afterScalars.first(where: { $0.value == entry.scenario }) {
        sink.append(
          .error(
            "C003", "scenario `\(entry.scenario)` opens only after itself, so it never opens",
            at: own.span, label: "names its own entry",
            help: "remove `\(entry.scenario)` from its own `after` list"))
      }
    }
    reportCycles(entries)
  }

  /// Reports each cycle of `after` rules (longer than one entry) once, at its first entry.
  private func reportCycles(_ entries: [(Curriculum.Entry, afterScalars: [Node.Scalar])]) {
    var graph: [String: [String]] = [:]
    var spans: [String: SourceSpan] = [:]
    for (entry, _) in entries where graph[entry.scenario] == nil {
      graph[entry.scenario] = entry.after.filter { $0 != entry.scenario }
      spans[entry.scenario] = entry.span
    }
    enum Mark { case visiting, done }
    var marks: [String: Mark] = [:]
    var path: [String] = []
    var reported: Set<String> = []
    func visit(_ node: String) {
      marks[node] = .visiting
      path.append(node)
      for next in graph[node] ?? [] where graph[next] != nil {
        switch marks[next] {
        case .visiting?:
          let cycle = Array(path[path.lastIndex(of: next)!...])
          let key = cycle.sorted().joined(separator: ",")
          if reported.insert(key).inserted {
            let names = (cycle + [next]).map { "`\($0)`" }.joined(separator: " → ")
            sink.append(
              .error(
                "C003", "the `after` rules go round in a circle: \(names)",
                at: spans[next], label: "opens only after itself, by way of the others",
                related: cycle.dropFirst().compactMap {
                  spans[$0].map { .init($0, "part of the circle") }
                },
                help: "remove one of the `after` rules so the first scenario can open"))
          }
        case .done?: continue
        case nil: visit(next)
        }
      }
      path.removeLast()
      marks[node] = .done
    }
    for (entry, _) in entries where marks[entry.scenario] == nil { visit(entry.scenario) }
  }
}
