/// The engine's view of one reply: what the evaluator found in it that the conversation reacts to.
///
/// A `Reading` is built from the evaluator's assessment by ``ScenarioJudge``; the engine itself
/// only looks at these facts, which keeps its logic small and lets tests build readings by hand.
public struct Reading: Hashable, Sendable {
  /// An anti-pattern found in the reply.
  public struct Flag: Hashable, Sendable {
    public var id: String
    /// The words of the reply that showed it.
    public var quote: String
    /// The lexicon's tip for it, if any.
    public var tip: String?
    /// A better phrasing, if the lexicon has a standard one.
    public var rewrite: String?

    public init(id: String, quote: String, tip: String? = nil, rewrite: String? = nil) {
      self.id = id
      self.quote = quote
      self.tip = tip
      self.rewrite = rewrite
    }
  }

  /// How strongly the reply serves each step (a step not listed: none).
  public var strengths: [Step: Strength]
  public var isQuestion: Bool
  public var isOpenQuestion: Bool
  /// The words that showed empathy, if any.
  public var empathyQuote: String?
  /// A reflective summary, if the reply has one.
  public var summaryQuote: String?
  /// A check question, if the reply has one.
  public var checkQuote: String?
  /// Words that offered a choice between alternatives, if any.
  public var choicesQuote: String?
  public var antipatterns: [Flag]
  /// Facts the reply's questions asked about, with the question that asked.
  public var factsAsked: [String: String]
  /// The same facts, the one asked about most clearly first.
  public var factsAskedInOrder: [String]
  /// Facts the statement just before a question is about ("Your account manager retired in the
  /// spring. Did anyone ring to tell you?"): they come out when the question brings out nothing
  /// new.
  public var factsBeforeQuestions: [String]
  /// The reply asked about something that is none of the scenario's facts ("how's trade?").
  public var askedAboutOther: Bool
  /// Options the reply offered (not negated), in script order, with the words that matched.
  public var optionsOffered: [String: String]
  /// Options of `optionsOffered` recognised by their topic alone, not by their own phrases.
  public var optionsByTopic: Set<String>
  /// Rules whose `when-says` phrases the reply used.
  public var rulesMatched: Set<String>
  /// The reader's quality of the reply, 0–100 (``Assessment/quality``).
  public var quality: Int
  /// The reply named a feeling ("that sounds frustrating").
  public var namedFeeling: Bool
  /// The reply gave a time or a day ("by Friday", "within the hour").
  public var gaveTime: Bool
  /// A summary of the reply named the feeling before the facts.
  public var feelingsFirst: Bool

  public init(
    strengths: [Step: Strength] = [:], isQuestion: Bool = false, isOpenQuestion: Bool = false,
    empathyQuote: String? = nil, summaryQuote: String? = nil, checkQuote: String? = nil,
    choicesQuote: String? = nil, antipatterns: [Flag] = [], factsAsked: [String: String] = [:],
    factsAskedInOrder: [String]? = nil, factsBeforeQuestions: [String] = [],
    askedAboutOther: Bool = false,
    optionsOffered: [String: String] = [:], optionsByTopic: Set<String> = [],
    rulesMatched: Set<String> = [], quality: Int = 0,
    namedFeeling: Bool = false, gaveTime: Bool = false, feelingsFirst: Bool = false
  ) {
    self.strengths = strengths
    self.isQuestion = isQuestion
    self.isOpenQuestion = isOpenQuestion
    self.empathyQuote = empathyQuote
    self.summaryQuote = summaryQuote
    self.checkQuote = checkQuote
    self.choicesQuote = choicesQuote
    self.antipatterns = antipatterns
    self.factsAsked = factsAsked
    self.factsAskedInOrder = factsAskedInOrder ?? factsAsked.keys.sorted()
    self.factsBeforeQuestions = factsBeforeQuestions
    self.askedAboutOther = askedAboutOther
    self.optionsOffered = optionsOffered
    self.optionsByTopic = optionsByTopic
    self.rulesMatched = rulesMatched
    self.quality = quality
    self.namedFeeling = namedFeeling
    self.gaveTime = gaveTime
    self.feelingsFirst = feelingsFirst
  }

  /// How strongly the reply serves a step.
  public func strength(_ step: Step) -> Strength { strengths[step] ?? .none }
}
