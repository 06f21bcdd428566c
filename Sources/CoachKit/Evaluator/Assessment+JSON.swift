extension Assessment {
  /// The assessment as the stable JSON object of `coach score --json` / `--jsonl`:
  ///
  /// ```json
  /// {"id": …, "steps": {"empathy": "strong", "understand": "weak", "offer": "none", "check": "none"},
  ///  "signals": [{"id": "apology", "start": 4, "end": 9, "text": "sorry", "cue": "sorry"}],
  ///  "antipatterns": [{"id": "cannot", "start": …, "end": …, "text": "…", "cue": "…", "rewrite": "…"}],
  ///  "tips": ["…"], "quality": 55,
  ///  "acts": [{"act": "statement", "start": 0, "end": 9}],
  ///  "clauses": [{"start": 0, "end": 9, "mood": "statement", "subject": "i", "polarity":
  ///    "affirmative", "modality": "none", "time": "present"}]}
  /// ```
  ///
  /// Offsets count Unicode scalars of the reply; `end` is exclusive. `id` is present only when
  /// given; `rewrite` is `null` for anti-patterns without a standard rewrite.
  public func json(id: JSONValue? = nil) -> JSONValue {
    var members: [(String, JSONValue)] = []
    if let id { members.append(("id", id)) }
    members.append(
      ("steps", .object(Step.allCases.map { ($0.rawValue, .string(steps[$0].rawValue)) })))
    members.append(("signals", .array(signals.map { $0.json(rewrite: false) })))
    members.append(("antipatterns", .array(antipatterns.map { $0.json(rewrite: true) })))
    members.append(("tips", .array(tips.map { .string($0) })))
    members.append(("quality", .int(quality)))
    members.append(
      (
        "acts",
        .array(
          acts.map {
            .object([
              ("act", .string($0.act.rawValue)), ("start", .int($0.range.lowerBound)),
              ("end", .int($0.range.upperBound)),
            ])
          })
      ))
    members.append(("clauses", .array(clauses.map(\.json))))
    return .object(members)
  }
}

extension Clause {
  /// The clause as a JSON object: `start`, `end`, `mood`, `subject`, `polarity`, `modality`,
  /// `time`.
  public var json: JSONValue {
    .object([
      ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)),
      ("mood", .string(mood.rawValue)), ("subject", .string(subject.rawValue)),
      ("polarity", .string(negated ? "negated" : "affirmative")),
      ("modality", .string(modality.rawValue)), ("time", .string(time.rawValue)),
    ])
  }
}

extension Evidence {
  /// The evidence as a JSON object: `id`, `start`, `end`, `text`, `cue` (and `rewrite`).
  public func json(rewrite includeRewrite: Bool) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("id", .string(id)), ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)),
      ("text", .string(text)), ("cue", .string(cue)),
    ]
    if includeRewrite { members.append(("rewrite", rewrite.map { .string($0) } ?? .null)) }
    return .object(members)
  }
}
