/// Something the customer knows and says only when the rep asks the right question.
public struct Fact: Sendable {
  public var id: String
  /// Phrases in a question that bring this fact out ("order", "deadline").
  public var askedBy: [Phrase]
  /// What the customer says when it comes out.
  public var reveal: String
  /// Whether the rep must know it to have understood the problem (default `true`).
  public var required: Bool
  /// Example questions in a rep's own words that should bring this fact out.
  public var examples: [Phrase]
  public var span: SourceSpan

  public init(
    id: String, askedBy: [Phrase], reveal: String, required: Bool, examples: [Phrase] = [],
    span: SourceSpan
  ) {
    self.id = id
    self.askedBy = askedBy
    self.reveal = reveal
    self.required = required
    self.examples = examples
    self.span = span
  }
}
