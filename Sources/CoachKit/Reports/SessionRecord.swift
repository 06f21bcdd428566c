/// The portable record of one practice session: what was said, what happened, how it scored.
///
/// Saved as JSON (``json``) and Markdown (``markdown``) after every session, and read back
/// (``init(json:)``) by the exercises that follow a conversation (`coach reflect`, `coach recap`).
/// The JSON shape is versioned (`"format": "coach-transcript", "version": 1`).
public struct SessionRecord: Hashable, Sendable {
  /// One exchange: the rep's reply and the customer's answer.
  public struct Exchange: Hashable, Sendable {
    public var number: Int
    public var rep: String
    public var customer: String
    public var note: String?
    public var moodBefore: Int
    public var moodAfter: Int
    public var stepBefore: Step
    public var stepAfter: Step
    public var events: [String]
    public var flags: [String]
    public var poor: Bool

    public init(
      number: Int, rep: String, customer: String, note: String?, moodBefore: Int, moodAfter: Int,
      stepBefore: Step, stepAfter: Step, events: [String], flags: [String], poor: Bool
    ) {
      self.number = number
      self.rep = rep
      self.customer = customer
      self.note = note
      self.moodBefore = moodBefore
      self.moodAfter = moodAfter
      self.stepBefore = stepBefore
      self.stepAfter = stepAfter
      self.events = events
      self.flags = flags
      self.poor = poor
    }
  }

  public var scenarioID: String
  public var scenarioTitle: String
  public var customerName: String
  public var seed: UInt64
  /// `practice` or `exam`.
  public var mode: String
  /// ISO 8601 UTC times, supplied by the caller (the library reads no clock).
  public var started: String
  public var ended: String
  public var outcome: Outcome
  public var opening: String
  public var exchanges: [Exchange]
  public var scores: StepScores
  /// Anti-pattern ids with how often each was seen.
  public var antipatterns: [(id: String, count: Int)]
  /// Facts uncovered, with what the customer said.
  public var facts: [(id: String, text: String)]
  /// The option the customer accepted and what they said, if any.
  public var agreed: (id: String, text: String)?
  public var finalMood: Int

  public static func == (lhs: SessionRecord, rhs: SessionRecord) -> Bool {
    lhs.json.serialized() == rhs.json.serialized()
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(json.serialized()) }

  /// The record of a session.
  public init(session: Session, mode: String, started: String, ended: String) {
    let scenario = session.scenario
    scenarioID = scenario.id
    scenarioTitle = scenario.title
    customerName = scenario.customer.name
    seed = session.seed
    self.mode = mode
    self.started = started
    self.ended = ended
    outcome = session.outcome ?? .abandoned
    opening = session.opening
    exchanges = session.turns.map { turn in
      Exchange(
        number: turn.number, rep: turn.reply, customer: turn.customerLine, note: turn.coachNote,
        moodBefore: turn.moodBefore, moodAfter: turn.moodAfter, stepBefore: turn.stepBefore,
        stepAfter: turn.stepAfter, events: turn.events.map(\.description),
        flags: turn.reading.antipatterns.map(\.id), poor: turn.wasPoor)
    }
    scores = StepScores(
      turns: session.turns, scenario: scenario, outcome: session.outcome,
      rubric: session.method.rubric)
    var counts: [(id: String, count: Int)] = []
    for flag in session.turns.flatMap(\.reading.antipatterns) {
      if let index = counts.firstIndex(where: { $0.id == flag.id }) {
        counts[index].count += 1
      } else {
        counts.append((flag.id, 1))
      }
    }
    antipatterns = counts
    facts = session.state.factsKnown.compactMap { id in scenario.fact(id).map { (id, $0.reveal) } }
    agreed = session.state.accepted.flatMap { id in scenario.option(id).map { (id, $0.says) } }
    finalMood = session.state.mood
  }

  // MARK: - JSON

  /// The record as JSON.
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("format", "coach-transcript"), ("version", 1),
      ("scenario", .object([("id", .string(scenarioID)), ("title", .string(scenarioTitle))])),
      ("customer", .string(customerName)),
      ("seed", .string(String(seed))), ("mode", .string(mode)),
      ("started", .string(started)), ("ended", .string(ended)),
      ("outcome", .string(outcome.rawValue)), ("finalMood", .int(finalMood)),
      ("opening", .string(opening)),
    ]
    members.append(
      (
        "turns",
        .array(
          exchanges.map { exchange in
            .object([
              ("n", .int(exchange.number)), ("rep", .string(exchange.rep)),
              ("customer", .string(exchange.customer)),
              ("note", exchange.note.map { .string($0) } ?? .null),
              ("moodBefore", .int(exchange.moodBefore)), ("moodAfter", .int(exchange.moodAfter)),
              ("stepBefore", .string(exchange.stepBefore.rawValue)),
              ("stepAfter", .string(exchange.stepAfter.rawValue)),
              ("events", .array(exchange.events.map { .string($0) })),
              ("flags", .array(exchange.flags.map { .string($0) })),
              ("poor", .bool(exchange.poor)),
            ])
          })
      ))
    members.append(
      (
        "scores",
        .object(
          Step.allCases.map { ($0.rawValue, .int(scores[$0])) } + [
            ("overall", .int(scores.overall))
          ])
      ))
    members.append(("antipatterns", .object(antipatterns.map { ($0.id, .int($0.count)) })))
    members.append(
      (
        "facts",
        .array(facts.map { .object([("id", .string($0.id)), ("text", .string($0.text))]) })
      ))
    members.append(
      (
        "agreed",
        agreed.map { .object([("id", .string($0.id)), ("text", .string($0.text))]) } ?? .null
      ))
    return .object(members)
  }

  /// Why a saved record could not be read.
  public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Reads a record saved by ``json``.
  public init(json: JSONValue) throws(FormatError) {
    guard json["format"]?.stringValue == "coach-transcript" else {
      throw FormatError(description: "not a coach transcript (no \"format\": \"coach-transcript\")")
    }
    guard json["version"]?.intValue == 1 else {
      throw FormatError(description: "unsupported transcript version")
    }
    func string(_ value: JSONValue?, _ name: String) throws(FormatError) -> String {
      guard let text = value?.stringValue else {
        throw FormatError(description: "missing \"\(name)\"")
      }
      return text
    }
    func int(_ value: JSONValue?, _ name: String) throws(FormatError) -> Int {
      guard let number = value?.intValue else {
        throw FormatError(description: "missing \"\(name)\"")
      }
      return number
    }
    func step(_ value: JSONValue?, _ name: String) throws(FormatError) -> Step {
      guard let step = Step(rawValue: try string(value, name)) else {
        throw FormatError(description: "unknown step in \"\(name)\"")
      }
      return step
    }
    scenarioID = try string(json["scenario"]?["id"], "scenario.id")
    scenarioTitle = try string(json["scenario"]?["title"], "scenario.title")
    customerName = try string(json["customer"], "customer")
    seed = UInt64(try string(json["seed"], "seed")) ?? 0
    mode = try string(json["mode"], "mode")
    started = try string(json["started"], "started")
    ended = try string(json["ended"], "ended")
    guard let outcome = Outcome(rawValue: try string(json["outcome"], "outcome")) else {
      throw FormatError(description: "unknown outcome")
    }
    self.outcome = outcome
    finalMood = try int(json["finalMood"], "finalMood")
    opening = try string(json["opening"], "opening")
    var exchanges: [Exchange] = []
    for turn in json["turns"]?.arrayValue ?? [] {
      exchanges.append(
        Exchange(
          number: try int(turn["n"], "n"), rep: try string(turn["rep"], "rep"),
          customer: try string(turn["customer"], "customer"), note: turn["note"]?.stringValue,
          moodBefore: try int(turn["moodBefore"], "moodBefore"),
          moodAfter: try int(turn["moodAfter"], "moodAfter"),
          stepBefore: try step(turn["stepBefore"], "stepBefore"),
          stepAfter: try step(turn["stepAfter"], "stepAfter"),
          events: (turn["events"]?.arrayValue ?? []).compactMap(\.stringValue),
          flags: (turn["flags"]?.arrayValue ?? []).compactMap(\.stringValue),
          poor: turn["poor"] == .bool(true)))
    }
    self.exchanges = exchanges
    var scores: [Step: Int] = [:]
    for step in Step.allCases { scores[step] = json["scores"]?[step.rawValue]?.intValue ?? 0 }
    self.scores = StepScores(scores: scores, overall: json["scores"]?["overall"]?.intValue)
    if case .object(let members)? = json["antipatterns"] {
      antipatterns = members.map { ($0.0, $0.1.intValue ?? 0) }
    } else {
      antipatterns = []
    }
    facts = (json["facts"]?.arrayValue ?? []).compactMap { item in
      guard let id = item["id"]?.stringValue, let text = item["text"]?.stringValue else {
        return nil
      }
      return (id, text)
    }
    if let id = json["agreed"]?["id"]?.stringValue, let text = json["agreed"]?["text"]?.stringValue
    {
      agreed = (id, text)
    } else {
      agreed = nil
    }
  }

  // MARK: - Markdown

  /// The transcript as Markdown, for reading and sharing. Every piece of text from the script,
  /// the rep or the saved record passes through ``inline(_:)``: no control character reaches
  /// the file, so `cat` on it cannot drive a terminal.
  public var markdown: String {
    let customerName = Self.inline(customerName)
    var out = "# \(Self.inline(scenarioTitle))\n\n"
    out += "- Scenario: `\(Self.inline(scenarioID))` (seed \(seed), \(Self.inline(mode)) mode)\n"
    out += "- Started: \(Self.inline(started))\n- Ended: \(Self.inline(ended))\n"
    out +=
      "- Outcome: **\(outcome.rawValue)** after \(exchanges.count) turn\(exchanges.count == 1 ? "" : "s"), finally upset \(finalMood)/10\n\n"
    out += "## Conversation\n\n"
    out += "**\(customerName):** \(Self.inline(opening))\n\n"
    for exchange in exchanges {
      out += "**You:** \(Self.inline(exchange.rep))\n\n"
      out += "**\(customerName):** \(Self.inline(exchange.customer))\n\n"
      var meta = "upset \(exchange.moodBefore) → \(exchange.moodAfter)"
      if !exchange.events.isEmpty { meta += "; " + exchange.events.joined(separator: ", ") }
      out += "> _\(Self.inline(meta))_"
      if let note = exchange.note { out += "  \n> Coach: \(Self.inline(note))" }
      out += "\n\n"
    }
    out += "## Scores\n\n| step | score |\n| --- | ---: |\n"
    for step in Step.allCases { out += "| \(step.title) | \(scores[step]) |\n" }
    out += "| **overall** | **\(scores.overall)** |\n"
    if !antipatterns.isEmpty {
      out += "\n## Anti-patterns\n\n"
      for (id, count) in antipatterns { out += "- `\(Self.inline(id))` × \(count)\n" }
    }
    return out
  }

  /// Text on one Markdown line: newlines folded, control characters made visible.
  static func inline(_ text: String) -> String {
    TerminalSafe.clean(text.split(separator: "\n").joined(separator: " "), keepNewlines: false)
  }
}
