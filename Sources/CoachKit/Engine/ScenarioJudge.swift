/// A reply read for the engine, with the full assessment behind it (for `/score`).
public struct Judgement: Sendable {
  public var assessment: Assessment
  public var reading: Reading

  public init(assessment: Assessment, reading: Reading) {
    self.assessment = assessment
    self.reading = reading
  }
}

/// Reads replies for one scenario: the evaluator (with the scenario's extra cues) plus the
/// scenario's own cue phrases for facts, options and rules, compiled once.
public struct ScenarioJudge: Sendable {
  /// The evaluator, built with the scenario's extra cues.
  public let evaluator: Evaluator
  /// The evaluator without the scenario's cues, when it has any: it judges whether a reply uses
  /// offer language at all, so that naming a domain word ("the courier was late") is not an offer.
  /// This costs a second assessment per reply for such scenarios, on purpose: an assessment
  /// reports each signal group once, so the scenario's cue for a group can hide the lexicon's own
  /// offer wording in the same reply ("we'd like to add a goodwill credit").
  /// One extra assessment (a few microseconds) per typed reply is nothing at a person's pace.
  private let base: Evaluator?
  private let facts: [(id: String, cues: CueSet)]
  private let options: [(id: String, cues: CueSet)]
  private let rules: [(id: String, cues: CueSet)]

  /// The signal ids that count as showing empathy, in order of preference for quoting.
  static let empathySignals = ReaderID.empathySignals.map(\.rawValue)

  public init(evaluator base: Evaluator, scenario: Scenario) {
    if scenario.cues.isEmpty {
      evaluator = base
      self.base = nil
    } else {
      evaluator = base.adding(extraCues: scenario.cues.mapValues { $0.map(\.text) })
      self.base = base
    }
    let evaluator = self.evaluator
    facts = scenario.facts.map { ($0.id, evaluator.compile($0.askedBy.map(\.text))) }
    options = scenario.options.map { ($0.id, evaluator.compile($0.offeredBy.map(\.text))) }
    rules = scenario.rules.filter { !$0.whenSays.isEmpty }.map {
      ($0.id, evaluator.compile($0.whenSays.map(\.text)))
    }
  }

  /// Problems compiling the scenario's phrases (for lint).
  public var problems: [String] {
    evaluator.problems + (facts + options + rules).flatMap(\.cues.problems)
  }

  /// Reads one reply in the context of the customer's last line and the current step.
  public func read(_ reply: String, customerLine: String?, step: Step) -> Judgement {
    let context = ReplyContext(customerLine: customerLine, step: step)
    let assessment = evaluator.assess(reply, context: context)
    let plain = base?.assess(reply, context: context) ?? assessment
    return Judgement(
      assessment: assessment,
      reading: reading(of: assessment, offerSentences: offerSentences(in: plain)))
  }

  /// The sentences (by index) that use offer language by the lexicon alone: an option's phrases
  /// count as an offer only inside one of them, so naming a domain word elsewhere ("these things
  /// happen with couriers") is not offering it.
  func offerSentences(in assessment: Assessment) -> Set<Int> {
    let offerIDs = Set(evaluator.lexicon.signals.filter { $0.step == .offer }.map(\.id))
    var result: Set<Int> = []
    for signal in assessment.signals where offerIDs.contains(signal.id) && !signal.negated {
      if let index = Self.sentence(containing: signal.range.lowerBound, in: assessment) {
        result.insert(index)
      }
    }
    return result
  }

  static func sentence(containing offset: Int, in assessment: Assessment) -> Int? {
    assessment.analysis.sentences.firstIndex {
      Int($0.span.start) <= offset && offset < Int($0.span.end)
    }
  }

  /// The engine's view of an assessment.
  ///
  /// - Parameter offerSentences: the sentences that use offer language by the lexicon alone (an
  ///   option's phrases count as an offer only there); `nil` means judge from `assessment`.
  public func reading(of assessment: Assessment, offerSentences: Set<Int>? = nil) -> Reading {
    let offerSentences = offerSentences ?? self.offerSentences(in: assessment)
    func first(_ id: String) -> String? {
      assessment.signals.first { $0.id == id && !$0.negated }?.text
    }
    func level(_ strength: Strength) -> Int {
      switch strength {
      case .none: 0
      case .weak: 1
      case .strong: 2
      }
    }
    var strengths: [Step: Int] = [:]
    for step in Step.allCases { strengths[step] = level(assessment.steps[step]) }
    let tips = Dictionary(
      evaluator.lexicon.antipatterns.map { ($0.id, $0.tip) }, uniquingKeysWith: { a, _ in a })
    let flags = assessment.antipatterns.map { evidence in
      Reading.Flag(
        id: evidence.id, quote: evidence.text, tip: tips[evidence.id] ?? nil,
        rewrite: evidence.rewrite)
    }
    func found(_ sets: [(id: String, cues: CueSet)]) -> [String: String] {
      var result: [String: String] = [:]
      for (id, cues) in sets {
        if let match = evaluator.matches(cues, in: assessment).first(where: { !$0.negated }) {
          result[id] = match.text
        }
      }
      return result
    }
    var offered: [String: String] = [:]
    for (id, cues) in options {
      let match = evaluator.matches(cues, in: assessment).first { evidence in
        !evidence.negated
          && Self.sentence(containing: evidence.range.lowerBound, in: assessment)
            .map(offerSentences.contains) == true
      }
      if let match { offered[id] = match.text }
    }
    // A fact is asked about only by words inside a question ("…contract says we owe you. Who do
    // you report to?" asks about the boss, not the contract).
    let questions = assessment.signals.filter { $0.id == ReaderID.question.rawValue }.map(\.range)
    var asked: [String: String] = [:]
    for (id, cues) in facts {
      let match = evaluator.matches(cues, in: assessment).first { evidence in
        !evidence.negated && questions.contains { $0.contains(evidence.range.lowerBound) }
      }
      if let match { asked[id] = match.text }
    }
    let optionSignals = assessment.signals.filter {
      $0.id == ReaderID.option.rawValue && !$0.negated
    }
    return Reading(
      strengths: strengths, isQuestion: assessment.isQuestion,
      isOpenQuestion: assessment.isOpenQuestion,
      empathyQuote: Self.empathySignals.lazy.compactMap(first).first,
      summaryQuote: first(ReaderID.summary.rawValue), checkQuote: first(ReaderID.check.rawValue),
      choicesQuote: optionSignals.count > 1 || offered.count > 1 ? optionSignals.first?.text : nil,
      antipatterns: flags, factsAsked: asked, optionsOffered: offered,
      rulesMatched: Set(found(rules).keys), quality: assessment.quality)
  }
}
