/// Decodes a scenario script's tree into a ``Scenario``, collecting every problem.
struct ScenarioDecoder {
  let sink: DiagnosticSink
  /// The facts, options and rules whose entries have errors but name an id: they still exist for
  /// the validator's reference checks, so that a mistake inside one is not also reported where its
  /// id is used.
  let broken = BrokenEntries()
  /// The script's text, for the warning about a comment that cuts a line of text short.
  var source: SourceFile? = nil

  /// Decodes the root mapping of a scenario script; returns `nil` when too broken to use.
  func decode(_ root: Node) -> Scenario? {
    typealias Keys = ScenarioKeys
    guard var fields = Fields(root, Keys.spec, sink: sink) else { return nil }
    let idScalar = fields.id(Keys.scenario, what: "scenario")
    let title = fields.string(Keys.title)
    let difficulty = fields.int(Keys.difficulty)
    let tags = fields.phrases(Keys.tags).map(\.text)
    let situation = text(&fields, Keys.situation)
    let goal = text(&fields, Keys.goal)
    // A key of the customer pushed out to the top level (`opening:` at the start of the line):
    // said once, where it is, instead of "missing in the customer" plus "unknown key".
    let strays = Keys.Customer.spec.names.filter { fields.has($0) }
    for key in strays {
      guard let scalar = fields.stray(key) else { continue }
      sink.append(
        SchemaMessage.keyOutsideBlock(scalar, block: "customer", at: fields.keyScalar("customer")))
    }
    let customer = fields.node(Keys.customer).flatMap {
      decodeCustomer($0, strays: Set(strays))
    }
    let cues = fields.node(Keys.cues).map(decodeCues) ?? [:]
    let facts = decodeEach(fields.list(Keys.facts), decodeFact)
    let options = decodeEach(fields.list(Keys.options), decodeOption)
    let lines = fields.node(Keys.lines).map(decodeLines) ?? CustomerLines()
    let rules = decodeEach(fields.list(Keys.rules), decodeRule)
    let tests = decodeEach(fields.list(Keys.tests), decodeTest)
    let resolveMood = fields.int(orDefault: Keys.resolveMood)
    fields.finish()
    guard let idScalar, let title, let difficulty, let situation, let customer else { return nil }
    return Scenario(
      id: idScalar.value, title: title, difficulty: difficulty, tags: tags, situation: situation,
      goal: goal, customer: customer, cues: cues, facts: facts, options: options, lines: lines,
      rules: rules, tests: tests, resolveMood: resolveMood, span: idScalar.span)
  }

  /// The items of a list that decode, in one allocation.
  private func decodeEach<T>(_ items: [Node]?, _ decode: (Node) -> T?) -> [T] {
    guard let items else { return [] }
    var decoded: [T] = []
    decoded.reserveCapacity(items.count)
    for item in items {
      if let value = decode(item) { decoded.append(value) }
    }
    return decoded
  }

  // MARK: - Parts

  /// Decodes the customer; `strays` are its keys found at the top level instead, already
  /// reported, so not reported missing again.
  func decodeCustomer(_ node: Node, strays: Set<String> = []) -> Customer? {
    typealias Keys = ScenarioKeys.Customer
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    let name = fields.string(Keys.name, required: !strays.contains(Keys.name.name))
    let role = fields.string(Keys.role)
    let company = fields.string(Keys.company)
    let backstory = text(&fields, Keys.backstory)
    let mood = fields.int(Keys.mood, required: !strays.contains(Keys.mood.name))
    let patience = fields.int(orDefault: Keys.patience)
    let opening = text(&fields, Keys.opening, required: !strays.contains(Keys.opening.name))
    fields.finish()
    guard let name, let mood, let opening else { return nil }
    return Customer(
      name: name, role: role, company: company, backstory: backstory, mood: mood,
      patience: patience, opening: opening)
  }

  func decodeCues(_ node: Node) -> [String: [Phrase]] {
    guard case .mapping(let mapping) = node else {
      sink.append(
        SchemaMessage.wrongType(node, expected: "a mapping of signal ids to phrases", for: "cues"))
      return [:]
    }
    var cues: [String: [Phrase]] = [:]
    for entry in mapping.entries {
      let phrases =
        Fields.commaList(entry.value, for: entry.key.value, sink: sink)?.map(Phrase.init)
        ?? Fields.stringList(entry.value, for: entry.key.value, sink: sink, Phrase.init) ?? []
      cues[entry.key.value, default: []] += phrases
    }
    return cues
  }

  func decodeFact(_ node: Node) -> Fact? {
    typealias Keys = ScenarioKeys.Fact
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    let id = fields.id(Keys.id, what: "fact")
    let askedBy = fields.phrases(Keys.askedBy)
    let reveal = text(&fields, Keys.reveal)
    let required = fields.bool(orDefault: Keys.required)
    let examples = fields.phrases(Keys.examples)
    fields.finish()
    guard let id else { return nil }
    guard let reveal else { return broken.add(id, to: \.facts) }
    return Fact(
      id: id.value, askedBy: askedBy, reveal: reveal, required: required, examples: examples,
      span: id.span)
  }

  func decodeOption(_ node: Node) -> Scenario.Option? {
    typealias Keys = ScenarioKeys.Option
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    let id = fields.id(Keys.id, what: "option")
    let offeredBy = fields.phrases(Keys.offeredBy)
    let needsFacts = fields.phrases(Keys.needsFacts)
    // Exactly one response: the first one given, and the second (if any) for the error.
    var response: (Scenario.Option.Response, Node.Scalar)?
    var secondResponse: Node.Scalar?
    for kind in Scenario.Option.Response.allCases {
      guard let says = fields.scalar(Keys.spec[kind.rawValue]) else { continue }
      warnIfCut(says, key: kind.rawValue)
      if response == nil {
        response = (kind, says)
      } else if secondResponse == nil {
        secondResponse = says
      }
    }
    let tooSoon = text(&fields, Keys.tooSoon)
    let maxMood = fields.int(Keys.maxMood)
    let notYet = text(&fields, Keys.notYet)
    let examples = fields.phrases(Keys.examples)
    // A misspelt `accept:` is reported as a misspelling, not also as a missing response.
    let misspeltResponse =
      response == nil && fields.hasMisspelling(of: Keys.spec.exactlyOne)
    fields.finish()
    guard let id else { return nil }
    if misspeltResponse { return broken.add(id, to: \.options) }
    guard let (kind, says) = response, secondResponse == nil else {
      var related: [Diagnostic.Label] = []
      if let (_, first) = response, secondResponse != nil {
        related = [.init(first.span, "first response")]
      }
      sink.append(
        .error(
          "S020",
          response == nil
            ? "option `\(id.value)` does not say how the customer takes it"
            : "option `\(id.value)` gives more than one response",
          at: secondResponse?.span ?? id.span,
          label: response == nil ? "this option needs a response" : "second response",
          related: related,
          help: "give exactly one of `accept:`, `counter:` or `refuse:` with what the customer says"
        ))
      return broken.add(id, to: \.options)
    }
    return Scenario.Option(
      id: id.value, offeredBy: offeredBy, needsFacts: needsFacts, response: kind,
      says: says.value, tooSoon: tooSoon, maxMood: maxMood, notYet: notYet, examples: examples,
      span: id.span)
  }

  func decodeLines(_ node: Node) -> CustomerLines {
    typealias Keys = ScenarioKeys.Lines
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return CustomerLines() }
    var variants: [CustomerLines.Situation: [CustomerLines.Variant]] = [:]
    for (step, key) in zip(Step.allCases, Keys.stepKeys) {
      guard let stepNode = fields.node(key) else { continue }
      guard
        var stepFields = Fields(
          stepNode, Keys.step, what: "`lines.\(step.rawValue)`", sink: sink)
      else { continue }
      if let good = stepFields.node(Keys.step["good"]) {
        variants[.good(step)] = decodeVariants(good, "good")
      }
      if let poor = stepFields.node(Keys.step["poor"]) {
        variants[.poor(step)] = decodeVariants(poor, "poor")
      }
      stepFields.finish()
    }
    let single: [(KeySpec, CustomerLines.Situation)] = [
      (Keys.summary, .summary), (Keys.leapfrog, .leapfrog), (Keys.loopBack, .loopBack),
      (Keys.offTopic, .offTopic), (Keys.alreadyTold, .alreadyTold), (Keys.resolved, .resolved),
      (Keys.escalated, .escalated),
    ]
    for (key, situation) in single {
      if let value = fields.node(key) { variants[situation] = decodeVariants(value, key.name) }
    }
    if let anti = fields.node(Keys.antipatterns) {
      if case .mapping(let mapping) = anti {
        for entry in mapping.entries {
          variants[.antipattern(entry.key.value)] = decodeVariants(entry.value, entry.key.value)
        }
      } else {
        sink.append(
          SchemaMessage.wrongType(
            anti, expected: "a mapping of anti-pattern ids to lines", for: "antipatterns"))
      }
    }
    fields.finish()
    return CustomerLines(variants: variants)
  }

  func decodeVariants(_ node: Node, _ key: String) -> [CustomerLines.Variant] {
    let items: [Node]
    switch node {
    case .sequence(let sequence): items = sequence.items
    default: items = [node]
    }
    var result: [CustomerLines.Variant] = []
    for item in items {
      switch item {
      case .scalar(let scalar):
        if scalar.isEmptyPlain {
          sink.append(SchemaMessage.emptyValue(item, for: key))
        } else {
          warnIfCut(scalar, key: key)
          result.append(.init(text: scalar.value, mood: nil, span: scalar.span))
        }
      case .mapping(let mapping):
        if mapping["say"] == nil, let first = mapping.entries.first,
          Self.readsLikeText(first.key.value), let diagnostic = SchemaMessage.textWithColon(item)
        {
          sink.append(diagnostic)
          continue
        }
        typealias Keys = ScenarioKeys.Variant
        guard var fields = Fields(item, Keys.spec, sink: sink) else { continue }
        let say = fields.scalar(Keys.say)
        if let say { warnIfCut(say, key: Keys.say.name) }
        let mood = fields.scalar(Keys.mood).flatMap { decodeBand($0) }
        let when = fields.phrases(Keys.when).compactMap { LineCondition.parse($0, sink: sink) }
        fields.finish()
        if let say {
          result.append(.init(text: say.value, mood: mood, when: when, span: say.span))
        }
      case .sequence:
        sink.append(SchemaMessage.wrongType(item, expected: "a line of text", for: key))
      }
    }
    return result
  }

  /// A text value that the customer or the coach says, checked for a comment that cuts it.
  func text(_ fields: inout Fields, _ key: KeySpec, required: Bool? = nil) -> String? {
    guard let scalar = fields.scalar(key, required: required) else { return nil }
    warnIfCut(scalar, key: key.name)
    return scalar.value
  }

  /// Warns when ` #` follows plain text on its line: YAML reads the rest of the line as a
  /// comment, so the text stops there (`- That works for me. #1 host my foot`).
  func warnIfCut(_ scalar: Node.Scalar, key: String) {
    guard scalar.style == .plain, let bytes = source?.bytes else { return }
    var index = scalar.span.end.offset
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "#"),
      let source, index > scalar.span.end.offset
    else { return }
    let lineEnd = source.byteRange(ofLine: source.line(containing: index)).upperBound
    sink.append(
      SchemaMessage.textCutByComment(
        scalar, key: key, comment: source.span(from: index, to: lineEnd)))
  }

  /// Whether a would-be key reads like the start of a sentence rather than a key: it has a space
  /// or starts with a capital letter (`I said`, `Look`).
  static func readsLikeText(_ key: String) -> Bool {
    guard Suggestions.closest(to: key, in: ScenarioKeys.Variant.spec.names) == nil else {
      return false
    }
    return key.contains(" ") || key.first.map { $0.isUppercase } == true
  }

  /// `7-10`, `7–10` or `7`.
  func decodeBand(_ scalar: Node.Scalar) -> MoodBand? {
    let parts = scalar.value.split(whereSeparator: { $0 == "-" || $0 == "–" }).map {
      $0.trimmingSpaces
    }
    let numbers = parts.compactMap { Int($0) }
    guard numbers.count == parts.count, (1...2).contains(numbers.count),
      numbers.allSatisfy({ (0...10).contains($0) }), numbers.first! <= numbers.last!
    else {
      sink.append(
        .error(
          "S021", "`\(scalar.value)` is not a mood band", at: scalar.span,
          label: "expected a mood like `7` or a range like `7-10`",
          help: "moods run from 0 (calm) to 10 (furious); write `low-high`"))
      return nil
    }
    return MoodBand(numbers.first!, numbers.last!)
  }

  func decodeRule(_ node: Node) -> Rule? {
    typealias Keys = ScenarioKeys.Rule
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    let id = fields.id(Keys.id, what: "rule")
    let whenSays = fields.phrases(Keys.whenSays)
    let atStep: Step? = fields.choice(Keys.atStep)
    let beforeStep: Step? = fields.choice(Keys.beforeStep)
    let moodAtLeast = fields.int(Keys.moodAtLeast)
    let moodAtMost = fields.int(Keys.moodAtMost)
    let knows = fields.phrases(Keys.knows)
    let unlessKnows = fields.phrases(Keys.unlessKnows)
    let once = fields.bool(orDefault: Keys.once)
    let say = text(&fields, Keys.say)
    let mood = fields.int(orDefault: Keys.mood)
    let coach = text(&fields, Keys.coach)
    let reveal = fields.scalar(Keys.reveal).map(Phrase.init)
    let end: Rule.Ending? = fields.choice(Keys.end)
    fields.finish()
    guard let id else { return nil }
    if say == nil, mood == 0, coach == nil, reveal == nil, end == nil {
      sink.append(
        .error(
          "S022", "rule `\(id.value)` does nothing", at: id.span, label: "no effect",
          help: "give it at least one of `say`, `mood`, `coach`, `reveal` or `end`"))
    }
    return Rule(
      id: id.value, whenSays: whenSays, atStep: atStep, beforeStep: beforeStep,
      moodAtLeast: moodAtLeast, moodAtMost: moodAtMost, knows: knows, unlessKnows: unlessKnows,
      once: once, say: say, moodChange: mood, coach: coach, reveal: reveal, end: end, span: id.span)
  }

  func decodeTest(_ node: Node) -> ScenarioTest? {
    typealias Keys = ScenarioKeys.Test
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    let name = fields.scalar(Keys.name)
    let conversation = fields.stringList(Keys.spec["conversation"])
    let reply = fields.scalar(Keys.spec["reply"])
    let context = fields.string(Keys.context)
    let step: Step? = fields.choice(Keys.step)
    let seed = UInt64(fields.int(orDefault: Keys.seed))
    let expectNode = fields.node(Keys.spec["expect"])
    fields.finish()
    guard let name else { return nil }
    let anchor = name.span
    switch (conversation, reply) {
    case (let replies?, nil):
      if replies.isEmpty {
        sink.append(
          .error(
            "S023", "test `\(name.value)` has an empty conversation", at: anchor,
            label: "no replies", help: "list the rep's replies under `conversation:`"))
        return nil
      }
      guard let expectNode, let expect = decodeConversationExpectation(expectNode) else {
        return nil
      }
      return ScenarioTest(
        name: name.value, kind: .conversation(replies: replies.map(Phrase.init), expect: expect),
        seed: seed, span: anchor)
    case (nil, let reply?):
      guard let expectNode, let expect = decodeReplyExpectation(expectNode) else { return nil }
      return ScenarioTest(
        name: name.value,
        kind: .reply(text: Phrase(reply), context: context, step: step, expect: expect),
        seed: seed, span: anchor)
    default:
      sink.append(
        .error(
          "S023", "test `\(name.value)` needs either `conversation:` or `reply:`", at: anchor,
          label: conversation == nil ? "nothing to play" : "both given",
          help:
            "a conversation test lists replies under `conversation:`; a reply test has one `reply:`"
        ))
      return nil
    }
  }

  func decodeConversationExpectation(_ node: Node) -> ConversationExpectation? {
    typealias Keys = ScenarioKeys.ConversationExpect
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    let outcome = fields.word(Keys.outcome)
    let events = fields.phrases(Keys.events)
    let noEvents = fields.phrases(Keys.noEvents)
    let scores =
      fields.node(Keys.scores).map { stepScores($0, ScenarioKeys.Scores.spec, sink: sink) } ?? [:]
    let maxTurns = fields.int(Keys.maxTurns)
    let moodAtMost = fields.int(Keys.moodAtMost)
    let moodAtLeast = fields.int(Keys.moodAtLeast)
    let overallAtMost = fields.int(Keys.overallAtMost)
    let overallAtLeast = fields.int(Keys.overallAtLeast)
    fields.finish()
    return ConversationExpectation(
      outcome: outcome?.value, events: events, noEvents: noEvents, minScores: scores,
      maxTurns: maxTurns, finalMoodAtMost: moodAtMost, finalMoodAtLeast: moodAtLeast,
      overallAtMost: overallAtMost, overallAtLeast: overallAtLeast, span: node.span)
  }

  func decodeReplyExpectation(_ node: Node) -> ReplyExpectation? {
    typealias Keys = ScenarioKeys.ReplyExpect
    guard var fields = Fields(node, Keys.spec, sink: sink) else { return nil }
    var steps: [Step: String] = [:]
    for (step, key) in zip(Step.allCases, Keys.stepKeys) {
      if let value = fields.word(key) { steps[step] = value.value }
    }
    let signals = fields.phrases(Keys.signals)
    let noSignals = fields.phrases(Keys.noSignals)
    let flags = fields.phrases(Keys.flags)
    let noFlags = fields.phrases(Keys.noFlags)
    fields.finish()
    return ReplyExpectation(
      steps: steps, signals: signals, noSignals: noSignals, flags: flags, noFlags: noFlags,
      span: node.span)
  }

}

/// The lowest score of each step, as in a conversation test's `scores` or a curriculum's
/// `step-marks` (`spec` names the mapping).
func stepScores(_ node: Node, _ spec: MappingSpec, sink: DiagnosticSink) -> [Step: Int] {
  guard var fields = Fields(node, spec, sink: sink) else { return [:] }
  var scores: [Step: Int] = [:]
  for (step, key) in zip(Step.allCases, spec.keys) {
    if let value = fields.int(key) { scores[step] = value }
  }
  fields.finish()
  return scores
}

extension Substring {
  var trimmingSpaces: Substring {
    var s = self
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return s
  }
}

/// Ids of entries that did not decode (see ``ScenarioDecoder/broken``), with where each is named.
final class BrokenEntries {
  var facts: [(id: String, span: SourceSpan)] = []
  var options: [(id: String, span: SourceSpan)] = []

  typealias Entries = [(id: String, span: SourceSpan)]

  /// Records `id` under `kind` and returns `nil` (the entry itself is dropped).
  func add<T>(_ id: Node.Scalar, to kind: ReferenceWritableKeyPath<BrokenEntries, Entries>) -> T? {
    self[keyPath: kind].append((id.value, id.span))
    return nil
  }
}
