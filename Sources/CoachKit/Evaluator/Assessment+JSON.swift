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
  ///
  /// The shape is written in one place, ``appendJSON(to:)``; this is those bytes read back as a
  /// value (to print indented, or to put inside another document).
  public func json(id: JSONValue? = nil) -> JSONValue {
    var bytes: [UInt8] = []
    appendJSON(to: &bytes)
    let members: [(String, JSONValue)]
    do {
      guard case .object(let read) = try JSONValue.parse(String(decoding: bytes, as: UTF8.self))
      else { preconditionFailure("an assessment's JSON is an object") }
      members = read
    } catch {
      preconditionFailure("an assessment's own JSON did not parse: \(error)")
    }
    guard let id else { return .object(members) }
    return .object([("id", id)] + members)
  }

  /// Appends the assessment as one compact JSON object (the shape of ``json(id:)``, without
  /// `id`) to `out`: written straight from the assessment, with no ``JSONValue`` built in
  /// between, for writers of many answers such as `coach score --jsonl`.
  public func appendJSON(to out: inout [UInt8]) {
    var json = JSONOutput(capacity: 2048)
    json.append(#"{"steps":{"#)
    for (index, step) in Step.allCases.enumerated() {
      if index > 0 { json.append(UInt8(ascii: ",")) }
      json.string(step.rawValue)
      json.append(UInt8(ascii: ":"))
      json.string(steps[step].rawValue)
    }
    json.append(#"},"signals":"#)
    Self.append(signals, rewrite: false, to: &json)
    json.append(#","antipatterns":"#)
    Self.append(antipatterns, rewrite: true, to: &json)
    json.append(#","tips":["#)
    for (index, tip) in tips.enumerated() {
      if index > 0 { json.append(UInt8(ascii: ",")) }
      json.string(tip)
    }
    json.append(#"],"quality":"#)
    json.integer(quality)
    json.append(#","acts":["#)
    for (index, act) in acts.enumerated() {
      if index > 0 { json.append(UInt8(ascii: ",")) }
      json.append(#"{"act":"#)
      json.string(act.act.rawValue)
      Self.append(range: act.range, to: &json)
      json.append(UInt8(ascii: "}"))
    }
    json.append(#"],"clauses":["#)
    for (index, clause) in clauses.enumerated() {
      if index > 0 { json.append(UInt8(ascii: ",")) }
      json.append(#"{"start":"#)
      json.integer(clause.range.lowerBound)
      json.append(#","end":"#)
      json.integer(clause.range.upperBound)
      json.append(#","mood":"#)
      json.string(clause.mood.rawValue)
      json.append(#","subject":"#)
      json.string(clause.subject.rawValue)
      json.append(#","polarity":"#)
      json.append(clause.negated ? #""negated""# : #""affirmative""#)
      json.append(#","modality":"#)
      json.string(clause.modality.rawValue)
      json.append(#","time":"#)
      json.string(clause.time.rawValue)
      json.append(UInt8(ascii: "}"))
    }
    json.append("]}")
    json.copy(to: &out)
  }

  /// Evidence as a JSON array of objects: `id`, `start`, `end`, `text`, `cue` (and `rewrite`,
  /// `null` when there is none).
  private static func append(_ evidence: [Evidence], rewrite: Bool, to json: inout JSONOutput) {
    json.append(UInt8(ascii: "["))
    for (index, item) in evidence.enumerated() {
      if index > 0 { json.append(UInt8(ascii: ",")) }
      json.append(#"{"id":"#)
      json.string(item.id)
      append(range: item.range, to: &json)
      json.append(#","text":"#)
      json.string(item.text)
      json.append(#","cue":"#)
      json.string(item.cue)
      if rewrite {
        json.append(#","rewrite":"#)
        if let text = item.rewrite { json.string(text) } else { json.append("null") }
      }
      json.append(UInt8(ascii: "}"))
    }
    json.append(UInt8(ascii: "]"))
  }

  /// `,"start":N,"end":M`.
  private static func append(range: Range<Int>, to json: inout JSONOutput) {
    json.append(#","start":"#)
    json.integer(range.lowerBound)
    json.append(#","end":"#)
    json.integer(range.upperBound)
  }
}
