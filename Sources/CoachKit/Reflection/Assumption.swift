/// An assumption found in a left-hand-column thought: the words, what kind of assumption they
/// make, the evidence (where, which cue) and a question that would test it against facts.
public struct Assumption: Hashable, Sendable {
  /// The kind's id from the lexicon (`mind-reading`, `absolute`, `label`, `catastrophe`, `blame`).
  public var kind: String
  /// The kind's name for people ("Mind-reading").
  public var title: String
  /// The 1-based exchange whose thought it is in.
  public var exchange: Int
  /// The whole thought.
  public var thought: String
  /// The flagged words, as written.
  public var text: String
  /// Where the flagged words are in the thought, in Unicode scalar offsets.
  public var range: Range<Int>
  /// The cue phrases that matched (with `{other}` already filled in: `she is lying`).
  public var cues: [String]
  /// Why this is an assumption ("reads the customer's intent …").
  public var why: String
  /// A question that tests it against facts.
  public var question: String
  /// A hedge holds it open ("maybe", "I wonder if"): a hypothesis to check, not a conclusion.
  public var hedged: Bool
  /// The hedge's words, when hedged.
  public var hedge: String?

  public init(
    kind: String, title: String, exchange: Int, thought: String, text: String, range: Range<Int>,
    cues: [String], why: String, question: String, hedged: Bool = false, hedge: String? = nil
  ) {
    self.kind = kind
    self.title = title
    self.exchange = exchange
    self.thought = thought
    self.text = text
    self.range = range
    self.cues = cues
    self.why = why
    self.question = question
    self.hedged = hedged
    self.hedge = hedge
  }

  /// The stable JSON shape: `{"text", "kind", "evidence": {…}, "question"}`.
  ///
  /// `evidence` holds `exchange` (1-based), `thought`, `range` (`[start, end)` in Unicode scalars
  /// of the thought), `cues`, `why`, and `hedge` (the hedge's words, or `null`).
  public var json: JSONValue {
    .object([
      ("text", .string(text)),
      ("kind", .string(kind)),
      (
        "evidence",
        .object([
          ("exchange", .int(exchange)),
          ("thought", .string(thought)),
          ("range", .array([.int(range.lowerBound), .int(range.upperBound)])),
          ("cues", .array(cues.map { .string($0) })),
          ("why", .string(why)),
          ("hedge", hedge.map { .string($0) } ?? .null),
        ])
      ),
      ("question", .string(question)),
    ])
  }
}
