/// A compiled list of cue phrases from a scenario (a fact's `asked-by`, an option's `offered-by`,
/// a rule's `says`), matched with the same normalisation, stemming and negation as the lexicon.
///
/// Build one with ``Evaluator/compile(_:)`` and look for it with ``Evaluator/matches(_:in:)``.
public struct CueSet: Hashable, Sendable {
  /// The phrases as given, in order.
  public let phrases: [String]
  /// Phrases that could not be compiled, with the reason (`no word class `{dy}``).
  public let problems: [String]
  let matcher: CueMatcher

  init(phrases: [String], problems: [String], matcher: CueMatcher) {
    self.phrases = phrases
    self.problems = problems
    self.matcher = matcher
  }

  /// Whether the set has no usable phrase.
  public var isEmpty: Bool { matcher.cues.isEmpty }
}
