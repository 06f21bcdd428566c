/// Semantic checks of a decoded scenario: duplicate ids, references to facts and options that do
/// not exist, content nobody can reach; and, for lint, authoring smells (as warnings).
struct ScenarioValidator {
  let sink: DiagnosticSink

  /// The longest line of customer text before lint warns.
  static let longLine = 400

  /// - Parameter broken: facts and options whose entries have errors of their own; they count
  ///   as defined, so that references to them are not reported too.
  func validate(_ scenario: Scenario, broken: BrokenEntries = BrokenEntries()) {
    let facts = Known(
      firstDefinitions(scenario.facts, what: "fact") { ($0.id, $0.span) }, broken.facts)
    let options = Known(
      firstDefinitions(scenario.options, what: "option") { ($0.id, $0.span) }, broken.options)
    let rules = Known(firstDefinitions(scenario.rules, what: "rule") { ($0.id, $0.span) }, [])
    _ = firstDefinitions(scenario.tests, what: "test", noun: "name") { ($0.name, $0.span) }

    func checkFacts(_ phrases: [Phrase]) {
      for phrase in phrases where !facts.contains(phrase.text) {
        unknownReference(phrase, what: "fact", known: facts.ids)
      }
    }
    for option in scenario.options { checkFacts(option.needsFacts) }
    for rule in scenario.rules {
      checkFacts(rule.knows)
      checkFacts(rule.unlessKnows)
      if let reveal = rule.reveal { checkFacts([reveal]) }
      if let low = rule.moodAtLeast, let high = rule.moodAtMost, low > high {
        sink.append(
          .error(
            "S030",
            "rule `\(rule.id)` can never fire: `mood-at-least` \(low) is above `mood-at-most` \(high)",
            at: rule.span, label: "impossible condition"))
      }
      if let at = rule.atStep, let before = rule.beforeStep, at >= before {
        sink.append(
          .error(
            "S030",
            "rule `\(rule.id)` can never fire: step `\(at.rawValue)` is not before `\(before.rawValue)`",
            at: rule.span, label: "impossible condition"))
      }
    }
    // A line's `when:` conditions name facts and options of this script.
    for variants in scenario.lines.variants.values {
      for condition in variants.lazy.flatMap(\.when) {
        switch condition.kind {
        case .knows(let id) where !facts.contains(id):
          unknownReference(Phrase(id, span: condition.span), what: "fact", known: facts.ids)
        case .offered(let id?) where !options.contains(id):
          unknownReference(Phrase(id, span: condition.span), what: "option", known: options.ids)
        default: break
        }
      }
    }
    for test in scenario.tests {
      if case .conversation(_, let expect) = test.kind {
        for event in expect.events { checkEvent(event, facts, options, rules) }
        for event in expect.noEvents { checkEvent(event, facts, options, rules) }
      }
    }

    // Reachability: a fact nobody can ask about and no rule reveals; no option the customer accepts.
    let revealedByRules = Set(scenario.rules.compactMap { $0.reveal?.text })
    for fact in scenario.facts where fact.askedBy.isEmpty && !revealedByRules.contains(fact.id) {
      sink.append(
        .warning(
          "W001",
          fact.required
            ? "fact `\(fact.id)` comes out only for an open question that names nothing"
            : "fact `\(fact.id)` can never come out",
          at: fact.span, label: "no `asked-by` phrases and no rule reveals it",
          help: "add the words a rep's question would use under `asked-by:`"))
    }
    // With an option that has errors of its own, what it would have said is not known.
    if !scenario.options.isEmpty, broken.options.isEmpty,
      !scenario.options.contains(where: { $0.response == .accept }),
      !scenario.rules.contains(where: { $0.end == .resolved })
    {
      sink.append(
        .error(
          "S031", "no option is accepted, so the conversation can never be resolved",
          at: scenario.span, label: "in this scenario",
          help: "give at least one option `accept:` with what the customer says"))
    }
    for option in scenario.options where option.offeredBy.isEmpty {
      sink.append(
        .warning(
          "W002", "option `\(option.id)` can never be offered", at: option.span,
          label: "no `offered-by` phrases", help: "list the words a rep would use to offer it"))
    }

  }

  /// Authoring smells that need no evaluator: cue collisions between options, missing variants,
  /// over-long lines. Warnings for `coach lint`; loading a script for play does not need them.
  func smells(_ scenario: Scenario) {
    checkCollisions(scenario)
    checkLines(scenario)
  }

  /// The ids of one kind that references may name: those defined, and those of entries with
  /// errors of their own; `ids` in the order of the file, each once.
  private struct Known {
    let spans: [String: SourceSpan]

    init(_ defined: [String: SourceSpan], _ broken: BrokenEntries.Entries) {
      var spans = defined
      for (id, span) in broken where spans[id] == nil { spans[id] = span }
      self.spans = spans
    }

    /// Only needed for a message, so worked out only then.
    var ids: [String] { spans.sorted { $0.value.start.offset < $1.value.start.offset }.map(\.key) }

    func contains(_ id: String) -> Bool { spans[id] != nil }
  }

  /// Where each id is first defined, reporting every later use of the same id.
  private func firstDefinitions<Item>(
    _ items: [Item], what: String, noun: String = "id", _ idAndSpan: (Item) -> (String, SourceSpan)
  ) -> [String: SourceSpan] {
    var seen: [String: SourceSpan] = [:]
    seen.reserveCapacity(items.count)
    for item in items {
      let (id, span) = idAndSpan(item)
      if let first = seen.updateValue(span, forKey: id) {
        seen[id] = first
        if noun == "id" {
          sink.append(
            SchemaMessage.duplicateID(
              Node.Scalar(value: id, style: .plain, span: span), first: first, what: what))
        } else {
          sink.append(
            .error(
              "S008", "duplicate \(what) \(noun) `\(id)`", at: span, label: "used again here",
              related: [.init(first, "first used here")], help: "give each \(what) its own \(noun)")
          )
        }
      }
    }
    return seen
  }

  /// Reports a reference to an id that does not exist, with the ids there are (each once).
  private func unknownReference(_ phrase: Phrase, what: String, known: @autoclosure () -> [String])
  {
    var seen: Set<String> = []
    let known = known().filter { seen.insert($0).inserted }
    sink.append(
      SchemaMessage.unknownReference(
        Node.Scalar(value: phrase.text, style: .plain, span: phrase.span), what: what,
        known: known))
  }

  /// Events in tests: `reveal FACT`, `offer OPTION`, `accept OPTION`, `counter OPTION`,
  /// `refuse OPTION`, `too-soon OPTION`, `not-yet OPTION`, `rule RULE`, and the bare names.
  private func checkEvent(_ event: Phrase, _ facts: Known, _ options: Known, _ rules: Known) {
    guard let parsed = SessionEvent(event.text) else { return notAnEvent(event) }
    guard let (kind, id) = parsed.reference else { return }
    // The message names the id, not the whole event, so that its did-you-mean can find it.
    let argument = Phrase(id, span: event.span)
    let known = kind == "fact" ? facts : kind == "option" ? options : rules
    if !known.contains(id) { unknownReference(argument, what: kind, known: known.ids) }
  }

  private func notAnEvent(_ event: Phrase) {
    let bare = SessionEvent.bareNames
    sink.append(
      .error(
        "S032", "`\(event.text)` is not an event", at: event.span, label: "unknown event",
        help:
          "events are `reveal FACT`, `offer|accept|counter|refuse|too-soon|not-yet OPTION`, `rule RULE`, or one of \(bare.map { "`\($0)`" }.joined(separator: ", "))"
      ))
  }

  private func checkCollisions(_ scenario: Scenario) {
    var owner: [String: (String, SourceSpan)] = [:]
    for option in scenario.options {
      for phrase in option.offeredBy {
        let key =
          phrase.text.utf8.contains(where: { (0x41...0x5A).contains($0) || $0 >= 0x80 })
          ? phrase.text.lowercased() : phrase.text
        if let (other, span) = owner[key], other != option.id {
          sink.append(
            .warning(
              "W003", "cue `\(phrase.text)` offers both `\(other)` and `\(option.id)`",
              at: phrase.span, label: "also offers `\(other)`",
              related: [.init(span, "first used for `\(other)`")],
              help: "make each option's cues its own, so the customer knows which one was offered"))
        } else {
          owner[key] = (option.id, phrase.span)
        }
      }
    }
  }

  private func checkLines(_ scenario: Scenario) {
    for step in Step.allCases {
      for situation in [CustomerLines.Situation.good(step), .poor(step)] {
        let variants = scenario.lines[situation]
        if variants.count < 2 {
          sink.append(
            .warning(
              "W004",
              "`lines.\(situation)` has \(variants.isEmpty ? "no lines" : "only one line")",
              at: variants.first?.span ?? scenario.span,
              label: variants.isEmpty ? "this scenario has none" : "the only variant",
              help:
                "write two or more variants so replays do not repeat the customer word for word",
              notes: variants.isEmpty
                ? ["until then the customer uses the method's fallback lines, which fit any call"]
                : []))
        }
      }
    }
    for (situation, variants) in scenario.lines.variants {
      for variant in variants where variant.text.count > Self.longLine {
        sink.append(
          .warning(
            "W005", "a line in `lines.\(situation)` is \(variant.text.count) characters long",
            at: variant.span, label: "over \(Self.longLine) characters",
            help: "customers speak in short turns; split it or cut it"))
      }
    }
  }
}
