/// A piece of recap evidence: the words found and where the finding came from (`cue`,
/// `session`, `signal:ID`, `antipattern:ID`).
public struct RecapEvidence: Hashable, Sendable {
  public var evidence: Evidence
  public var source: String

  public init(evidence: Evidence, source: String) {
    self.evidence = evidence
    self.source = source
  }

  /// `{"text", "range": [start, end], "cue", "source", "rewrite"}`; `rewrite` is `null` unless an
  /// anti-pattern has one.
  public var json: JSONValue {
    .object([
      ("text", .string(evidence.text)),
      ("range", .array([.int(evidence.range.lowerBound), .int(evidence.range.upperBound)])),
      ("cue", .string(evidence.cue)),
      ("source", .string(source)),
      ("rewrite", evidence.rewrite.map { .string($0) } ?? .null),
    ])
  }
}

/// One recap check's result.
public struct RecapCheck: Hashable, Sendable {
  public var id: String
  public var title: String
  public var weight: Int
  /// 1 (passed), 0.5 (half) or 0.
  public var value: Double
  public var evidence: [RecapEvidence] = []
  /// The lexicon's tip, when the check did not fully pass.
  public var tip: String?
  /// The word count, for the length check.
  public var words: Int?

  public var passed: Bool { value >= 1 }

  public init(id: String, title: String, weight: Int, value: Double) {
    self.id = id
    self.title = title
    self.weight = weight
    self.value = value
  }

  /// `{"id", "title", "passed", "value", "weight", "evidence": […], "tip", "words"}`;
  /// `tip` and `words` are `null` when not set.
  public var json: JSONValue {
    .object([
      ("id", .string(id)), ("title", .string(title)), ("passed", .bool(passed)),
      ("value", .double(value)), ("weight", .int(weight)),
      ("evidence", .array(evidence.map(\.json))),
      ("tip", tip.map { .string($0) } ?? .null),
      ("words", words.map { .int($0) } ?? .null),
    ])
  }
}

/// A scored recap: the score, each check with its evidence, and tips.
public struct RecapResult: Hashable, Sendable {
  /// The weighted mean of the check values, 0.0–1.0, two decimals.
  public var score: Double
  public var checks: [RecapCheck]
  /// The tips of the checks that did not fully pass, heaviest first.
  public var tips: [String]
  public var words: Int

  public init(score: Double, checks: [RecapCheck], tips: [String], words: Int) {
    self.score = score
    self.checks = checks
    self.tips = tips
    self.words = words
  }

  /// The check with `id`.
  public func check(_ id: String) -> RecapCheck? { checks.first { $0.id == id } }

  /// `{"score": 0.0–1.0, "checks": […], "tips": […]}`.
  public var json: JSONValue {
    .object([
      ("score", .double(score)),
      ("checks", .array(checks.map(\.json))),
      ("tips", .array(tips.map { .string($0) })),
    ])
  }
}
