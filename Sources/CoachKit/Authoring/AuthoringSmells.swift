/// Authoring smells that need the evaluator: cue phrases that can never match a reply, facts no
/// question can bring out, options nobody can offer, rules that never fire, cues that offer two
/// options at once, and names the lexicon does not know.
///
/// A phrase is tried the way the engine would meet it: a fact's `asked-by` phrase inside a few
/// questions ("order?", "what about order?", "can you tell me about order?"), an option's
/// `offered-by` and a rule's `when-says` inside a statement ("I can offer you courier."). A phrase
/// the evaluator cannot find even there (a `{class}` the lexicon lacks, punctuation or a sentence
/// break inside, a negation word) can never match anything a rep types.
///
/// All findings are warnings (codes `W010`–`W022`); `coach lint` adds them to the script's own
/// diagnostics. Checks that need no evaluator live in the scenario validator (`W001`–`W005`; `W003`–`W005`
/// only when loading with `smells: true`).
public struct AuthoringSmells: Sendable {
  let scenario: Scenario
  let judge: ScenarioJudge
  /// Words that scenarios use as cues, each with everyday phrases in which it means something
  /// else (`credit` → `credit card`), from `Scripts/authoring/everyday-phrases.en.yaml`: a cue
  /// with the word that matches one of its phrases is reported (`W019`).
  let everydayPhrases: [(word: String, phrases: [String])]

  /// The file of everyday phrases, relative to the `Scripts` folder.
  public static let everydayPhrasesPath = "authoring/everyday-phrases.en.yaml"

  /// Prepares the checks of `scenario` with the evaluator built from the lexicon in use.
  public init(
    scenario: Scenario, evaluator: Evaluator,
    everydayPhrases: [(word: String, phrases: [String])] = []
  ) {
    self.scenario = scenario
    self.judge = ScenarioJudge(evaluator: evaluator, scenario: scenario)
    self.everydayPhrases = everydayPhrases
  }

  /// Every smell found, in source order.
  public static func check(
    _ scenario: Scenario, evaluator: Evaluator,
    everydayPhrases: [(word: String, phrases: [String])] = []
  ) -> [Diagnostic] {
    AuthoringSmells(scenario: scenario, evaluator: evaluator, everydayPhrases: everydayPhrases)
      .diagnostics()
  }

  /// The words and phrases of an everyday-phrases file (a mapping of words to lists of
  /// phrases); its problems, if any, as diagnostics.
  public static func everydayPhrases(from source: SourceFile)
    -> (phrases: [(word: String, phrases: [String])], diagnostics: [Diagnostic])
  {
    let tree = SyntaxParser.parse(source)
    guard !tree.diagnostics.hasErrors, let root = tree.root else { return ([], tree.diagnostics) }
    let sink = DiagnosticSink()
    guard case .mapping(let mapping) = root else {
      sink.append(
        SchemaMessage.wrongType(root, expected: "a mapping of words to phrases", for: "the file"))
      return ([], sink.diagnostics)
    }
    var result: [(word: String, phrases: [String])] = []
    for entry in mapping.entries {
      let phrases = Fields.stringList(entry.value, for: entry.key.value, sink: sink) ?? []
      result.append((entry.key.value.lowercased(), phrases.map { $0.value.lowercased() }))
    }
    return (result, sink.diagnostics)
  }

  /// Every smell found, in source order.
  public func diagnostics() -> [Diagnostic] {
    var out: [Diagnostic] = []
    let dead = deadFacts()
    checkFacts(dead: dead, into: &out)
    checkOptions(dead: dead, into: &out)
    checkRules(into: &out)
    checkCollisions(into: &out)
    checkNames(into: &out)
    checkEverydayPhrases(into: &out)
    checkExamples(into: &out)
    checkSpecifics(into: &out)
    return out.sortedBySource()
  }

  // MARK: - Everyday phrases

  /// W019: a cue that matches an everyday phrase in which its word means something else.
  private func checkEverydayPhrases(into out: inout [Diagnostic]) {
    guard !everydayPhrases.isEmpty else { return }
    for fact in scenario.facts {
      for phrase in fact.askedBy {
        if let hit = everydayHit(phrase, question: true) {
          out.append(everydayMatch(phrase, hit, in: "fact `\(fact.id)`", does: "bring it out"))
        }
      }
    }
    for option in scenario.options {
      for phrase in option.offeredBy {
        if let hit = everydayHit(phrase, question: false) {
          out.append(everydayMatch(phrase, hit, in: "option `\(option.id)`", does: "offer it"))
        }
      }
    }
    for rule in scenario.rules {
      for phrase in rule.whenSays {
        if let hit = everydayHit(phrase, question: false) {
          out.append(everydayMatch(phrase, hit, in: "rule `\(rule.id)`", does: "fire it"))
        }
      }
    }
  }

  /// The first everyday phrase that `phrase` matches where a word of the cue means something
  /// else, tried in a reply (`It is about the credit card.`) or a question (`What about your
  /// credit card?`). A cue that holds the whole everyday phrase means it, and is not reported.
  func everydayHit(_ phrase: Phrase, question: Bool) -> String? {
    let cue = phrase.text.lowercased()
    let words = cue.split(separator: " ")
    var cues: CueSet?
    for (word, phrases) in everydayPhrases where words.contains(where: { $0.hasPrefix(word) }) {
      for everyday in phrases where !cue.contains(everyday) {
        if cues == nil { cues = judge.evaluator.compile([phrase.text]) }
        guard let compiled = cues, compiled.problems.isEmpty else { return nil }
        let probe = question ? "What about your \(everyday)?" : "It is about the \(everyday)."
        let assessment = judge.evaluator.assess(probe, context: ReplyContext(step: .understand))
        if judge.evaluator.matches(compiled, in: assessment).contains(where: { !$0.negated }) {
          return everyday
        }
      }
    }
    return nil
  }

  private func everydayMatch(_ phrase: Phrase, _ everyday: String, in owner: String, does: String)
    -> Diagnostic
  {
    .warning(
      "W019", "cue `\(phrase.text)` of \(owner) also matches “\(everyday)”", at: phrase.span,
      label: "a rep who says “\(everyday)” would \(does)",
      help: "use a longer cue that only means what you want, or several words in one cue",
      notes: ["the everyday phrases are in Scripts/\(Self.everydayPhrasesPath)"])
  }

  // MARK: - Probing phrases

  /// Why a phrase can never match: a short label, and a note saying why that is so.
  struct Reason: Hashable, Sendable {
    var label: String
    var note: String?
  }

  static let punctuationNote =
    "a cue matches within one stretch of a sentence, never across punctuation"
  static let negationNote =
    "a negated cue does not count: “I can't offer a refund” offers nothing"

  /// The phrase as a rep might type it: `*` becomes a word and `{class}` a word of the class.
  func example(of phrase: String) -> String {
    let classes = judge.evaluator.lexicon.grammar.classes
    return phrase.split(separator: " ", omittingEmptySubsequences: true).map { part -> String in
      if part == "*" { return "it" }
      if part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2,
        let word = classes[String(part.dropFirst().dropLast())]?.first
      {
        return word
      }
      return String(part)
    }.joined(separator: " ")
  }

  /// Why `phrase` can never match a question (as a fact's `asked-by`), or `nil` if it can.
  func questionProblem(_ phrase: Phrase) -> Reason? {
    let text = example(of: phrase.text)
    return problem(
      phrase, probes: ["\(text)?", "What about \(text)?", "Can you tell me about \(text)?"],
      needsQuestion: true)
  }

  /// Why `phrase` can never match a reply (as an `offered-by` or `when-says`), or `nil` if it can.
  func replyProblem(_ phrase: Phrase) -> Reason? {
    let text = example(of: phrase.text)
    return problem(phrase, probes: ["\(text).", "I can offer you \(text)."], needsQuestion: false)
  }

  private func problem(_ phrase: Phrase, probes: [String], needsQuestion: Bool) -> Reason? {
    let cues = judge.evaluator.compile([phrase.text])
    if let problem = cues.problems.first {
      // "cue `x`: no word class `y`" → "no word class `y`".
      let reason = problem.split(separator: ":", maxSplits: 1).last.map {
        String($0.drop(while: { $0 == " " }))
      }
      return Reason(label: reason ?? problem, note: nil)
    }
    var negatedOnly = false
    for probe in probes {
      let assessment = judge.evaluator.assess(probe, context: ReplyContext(step: .understand))
      let matches = judge.evaluator.matches(cues, in: assessment)
      if matches.contains(where: { !$0.negated }) {
        if !needsQuestion || assessment.isQuestion { return nil }
      } else if !matches.isEmpty {
        negatedOnly = true
      }
    }
    if negatedOnly { return Reason(label: "reads as negated", note: Self.negationNote) }
    if phrase.text.contains(where: { ".,;:!?".contains($0) }) {
      return Reason(label: "has punctuation inside", note: Self.punctuationNote)
    }
    return Reason(
      label: needsQuestion ? "never found in a question" : "never found in a reply", note: nil)
  }

  /// The distinct notes of some reasons, in order.
  private static func notes(_ reasons: [Reason]) -> [String] {
    var notes: [String] = []
    for note in reasons.compactMap(\.note) where !notes.contains(note) { notes.append(note) }
    return notes
  }

  // MARK: - Facts

  /// Facts that can never come out: not required (so no open question brings them out), no
  /// working `asked-by` phrase, and no rule reveals them.
  private func deadFacts() -> Set<String> {
    let revealed = Set(scenario.rules.compactMap { $0.reveal?.text })
    var dead: Set<String> = []
    for fact in scenario.facts where !fact.required && !revealed.contains(fact.id) {
      if fact.askedBy.allSatisfy({ questionProblem($0) != nil }) { dead.insert(fact.id) }
    }
    return dead
  }

  private func checkFacts(dead: Set<String>, into out: inout [Diagnostic]) {
    let revealed = Set(scenario.rules.compactMap { $0.reveal?.text })
    for fact in scenario.facts where !fact.askedBy.isEmpty {
      let problems = fact.askedBy.map { ($0, questionProblem($0)) }
      let failing = problems.filter { $0.1 != nil }
      if failing.count == problems.count, !revealed.contains(fact.id) {
        out.append(
          .warning(
            "W011", "no question can bring out fact `\(fact.id)`", at: fact.span,
            label: "none of its `asked-by` phrases can match a question",
            related: failing.map { .init($0.0.span, $0.1!.label) },
            help: "use the plain words a rep would ask with, like `order` or `when do you need`",
            notes: Self.notes(failing.map { $0.1! }) + [
              fact.required
                ? "an open question (\"what happened?\") still brings it out, since it is required, but a question about it never does"
                : "it is not required, so no open question brings it out either: it never comes out"
            ]))
      } else {
        for (phrase, problem) in failing {
          out.append(deadPhrase(phrase, problem!, in: "fact `\(fact.id)`"))
        }
      }
    }
  }

  // MARK: - Options

  private func checkOptions(dead: Set<String>, into out: inout [Diagnostic]) {
    for option in scenario.options {
      let problems = option.offeredBy.map { ($0, replyProblem($0)) }
      let failing = problems.filter { $0.1 != nil }
      if !problems.isEmpty, failing.count == problems.count {
        out.append(
          .warning(
            "W012", "no cue can offer option `\(option.id)`", at: option.span,
            label: "none of its `offered-by` phrases can match a reply",
            related: failing.map { .init($0.0.span, $0.1!.label) },
            help: "list the plain words a rep would use to offer it, like `refund` or `same day`",
            notes: Self.notes(failing.map { $0.1! })))
      } else {
        for (phrase, problem) in failing {
          out.append(deadPhrase(phrase, problem!, in: "option `\(option.id)`"))
        }
      }
      for need in option.needsFacts where dead.contains(need.text) {
        let fact = scenario.fact(need.text)
        out.append(
          .warning(
            "W014", "option `\(option.id)` needs fact `\(need.text)`, which can never come out",
            at: need.span, label: "this fact is never known",
            related: fact.map {
              [.init($0.span, "not required, and no question or rule reveals it")]
            }
              ?? [],
            help:
              "fix the fact's `asked-by` phrases, make it `required`, or drop it from `needs-facts`",
            notes: ["until the fact is known the customer answers this offer with `too-soon`"]))
      }
      if option.response != .accept {
        let key = option.maxMood != nil ? "max-mood" : option.notYet != nil ? "not-yet" : nil
        if let key {
          out.append(
            .warning(
              "W018",
              "`\(key)` has no effect on option `\(option.id)`, which the customer \(option.response.rawValue)s",
              at: option.span, label: "`\(key)` is only read for an option the customer accepts",
              help: "remove `\(key)`, or make the option `accept:`"))
        }
      }
    }
  }

  // MARK: - Rules

  private func checkRules(into out: inout [Diagnostic]) {
    for rule in scenario.rules where !rule.whenSays.isEmpty {
      let problems = rule.whenSays.map { ($0, replyProblem($0)) }
      let failing = problems.filter { $0.1 != nil }
      if failing.count == problems.count {
        out.append(
          .warning(
            "W013", "rule `\(rule.id)` can never fire", at: rule.span,
            label: "none of its `when-says` phrases can match a reply",
            related: failing.map { .init($0.0.span, $0.1!.label) },
            help: "list the plain words a rep would say, like `manager` or `tracking number`",
            notes: Self.notes(failing.map { $0.1! })))
      } else {
        for (phrase, problem) in failing {
          out.append(deadPhrase(phrase, problem!, in: "rule `\(rule.id)`"))
        }
      }
    }
  }

  private func deadPhrase(_ phrase: Phrase, _ reason: Reason, in owner: String) -> Diagnostic {
    .warning(
      "W010", "cue `\(phrase.text)` of \(owner) can never match", at: phrase.span,
      label: reason.label, help: "reword it, or remove it", notes: reason.note.map { [$0] } ?? [])
  }

  // MARK: - Collisions

  /// A cue of one option that the evaluator also reads as another option's cue ("same-day
  /// refund" also says "refund"), when the customer would then answer the other option: a reply
  /// that offers two options gets the answer the customer likes best (accept, then counter, then
  /// refuse; the earlier option on a tie). Identical spellings are `W003`, from the validator.
  private func checkCollisions(into out: inout [Diagnostic]) {
    func rank(_ index: Int) -> (Int, Int) {
      let response = scenario.options[index].response
      return (Scenario.Option.Response.allCases.firstIndex(of: response)!, index)
    }
    let compiled = scenario.options.map { option in
      option.offeredBy.map { ($0, judge.evaluator.compile([$0.text])) }
    }
    for (index, option) in scenario.options.enumerated() {
      for (otherIndex, other) in scenario.options.enumerated()
      where otherIndex != index && rank(otherIndex) < rank(index) {
        var found: [(Phrase, Phrase)] = []
        for (phrase, _) in compiled[index] {
          let assessment = judge.evaluator.assess("I can offer you \(example(of: phrase.text)).")
          let match = compiled[otherIndex].first { otherPhrase, cues in
            otherPhrase.text.lowercased() != phrase.text.lowercased()
              && judge.evaluator.matches(cues, in: assessment).contains { !$0.negated }
          }
          if let match { found.append((phrase, match.0)) }
        }
        guard let (phrase, otherPhrase) = found.first else { continue }
        let more = found.dropFirst().map {
          Diagnostic.Label($0.0.span, "also reads as `\($0.1.text)`")
        }
        out.append(
          .warning(
            "W015",
            "cue `\(phrase.text)` of option `\(option.id)` also offers `\(other.id)`, and the "
              + "customer answers `\(other.id)`",
            at: phrase.span, label: "reads as `\(otherPhrase.text)` too",
            related: [.init(otherPhrase.span, "cue of `\(other.id)`")] + more,
            help: "make each option's cues its own, so the customer knows which one was offered",
            notes: [
              "when a reply offers two options the customer answers the one they like best: "
                + "accept, then counter, then refuse (the earlier option on a tie)"
            ]))
      }
    }
  }

  // MARK: - Names the lexicon must know

  private func checkNames(into out: inout [Diagnostic]) {
    let evaluator = judge.evaluator
    let groups = evaluator.signalIDs + evaluator.antipatternIDs
    for (id, phrases) in scenario.cues.sorted(by: { $0.key < $1.key }) where !groups.contains(id) {
      guard let first = phrases.first else { continue }
      out.append(
        .warning(
          "W017",
          "`cues.\(id)` names no signal or anti-pattern of the lexicon, so its phrases are ignored",
          at: first.span, label: "under an unknown id",
          help: Suggestions.closest(to: id, in: groups).map { "did you mean `\($0)`?" }
            ?? "the signals are: \(evaluator.signalIDs.map { "`\($0)`" }.joined(separator: ", "))"))
    }
    let antipatterns = evaluator.antipatternIDs
    let lines = scenario.lines.variants.compactMap { situation, variants -> (String, SourceSpan)? in
      guard case .antipattern(let id) = situation, let first = variants.first else { return nil }
      return (id, first.span)
    }
    for (id, span) in lines.sorted(by: { $0.1.start.offset < $1.1.start.offset })
    where !antipatterns.contains(id) {
      out.append(
        .warning(
          "W016",
          "`lines.antipatterns.\(id)` is never said: the lexicon has no anti-pattern `\(id)`",
          at: span, label: "under an unknown anti-pattern",
          help: Suggestions.closest(to: id, in: antipatterns).map { "did you mean `\($0)`?" }
            ?? "the anti-patterns are: \(antipatterns.map { "`\($0)`" }.joined(separator: ", "))"))
    }
  }
}
