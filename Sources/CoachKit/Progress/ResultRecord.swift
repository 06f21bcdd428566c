/// The result of one finished session: who played what, how it went, how it scored.
///
/// One record is one line of the results file (JSON lines, `"format": "coach-result"`,
/// `"version": 1`); see `docs/DRILLS.md` for the format. Records are built by the executable from
/// a ``SessionRecord`` with ``init(session:rep:scriptHash:durationMilliseconds:drill:)`` and read
/// back with ``init(json:)``.
public struct ResultRecord: Hashable, Sendable {
  /// The `format` member of every record line.
  public static let format = "coach-result"
  /// The version of the record line this code writes; it reads this version only.
  public static let version = 1

  /// How an anti-pattern showed up in a session.
  public struct Antipattern: Hashable, Sendable {
    public var id: String
    public var count: Int

    public init(id: String, count: Int) {
      self.id = id
      self.count = count
    }
  }

  /// What a drill made of the session: the marks applied and whether it passed.
  public struct Verdict: Hashable, Sendable {
    /// The curriculum the session was played in.
    public var curriculum: String
    public var passMark: Int
    public var passed: Bool

    public init(curriculum: String, passMark: Int, passed: Bool) {
      self.curriculum = curriculum
      self.passMark = passMark
      self.passed = passed
    }
  }

  public var rep: String
  public var scenario: String
  public var title: String
  /// ``ContentHash`` of the scenario script the session was played on.
  public var scriptHash: String
  /// `practice` or `exam`.
  public var mode: String
  public var seed: UInt64
  public var outcome: Outcome
  /// Per-step scores, 0–100.
  public var scores: StepScores
  /// The overall score, 0–100 (the mean of the step scores).
  public var overall: Int
  public var antipatterns: [Antipattern]
  /// The number of replies the rep gave.
  public var turns: Int
  public var durationMilliseconds: Int
  /// ISO 8601 UTC times.
  public var started: String
  public var ended: String
  /// Set when the session was played as part of a drill.
  public var drill: Verdict?

  public init(
    rep: String, scenario: String, title: String, scriptHash: String, mode: String, seed: UInt64,
    outcome: Outcome, scores: StepScores, overall: Int? = nil, antipatterns: [Antipattern],
    turns: Int, durationMilliseconds: Int, started: String, ended: String, drill: Verdict? = nil
  ) {
    self.rep = rep
    self.scenario = scenario
    self.title = title
    self.scriptHash = scriptHash
    self.mode = mode
    self.seed = seed
    self.outcome = outcome
    self.scores = scores
    self.overall = overall ?? scores.overall
    self.antipatterns = antipatterns
    self.turns = turns
    self.durationMilliseconds = durationMilliseconds
    self.started = started
    self.ended = ended
    self.drill = drill
  }

  /// The result of a finished session.
  ///
  /// - Parameters:
  ///   - session: the session's record, as saved for the transcript.
  ///   - rep: who played it.
  ///   - scriptHash: ``ContentHash/of(_:)`` of the scenario's script file.
  ///   - durationMilliseconds: wall-clock time from the first line to the end.
  ///   - drill: the drill's verdict, when played as part of a curriculum.
  public init(
    session: SessionRecord, rep: String, scriptHash: String, durationMilliseconds: Int,
    drill: Verdict? = nil
  ) {
    self.init(
      rep: rep, scenario: session.scenarioID, title: session.scenarioTitle,
      scriptHash: scriptHash, mode: session.mode, seed: session.seed, outcome: session.outcome,
      scores: session.scores, overall: session.scores.overall,
      antipatterns: session.antipatterns.map { Antipattern(id: $0.id, count: $0.count) },
      turns: session.exchanges.count, durationMilliseconds: max(0, durationMilliseconds),
      started: session.started, ended: session.ended, drill: drill)
  }

  /// The score for `step`.
  public subscript(step: Step) -> Int { scores[step] }

  /// How often `antipattern` was seen (0 when not at all).
  public func count(of antipattern: String) -> Int {
    antipatterns.first { $0.id == antipattern }?.count ?? 0
  }

  // MARK: - JSON

  /// The record as one JSON object, in the documented member order.
  public var json: JSONValue {
    var scoreMembers: [(String, JSONValue)] = Step.allCases.map { ($0.rawValue, .int(scores[$0])) }
    scoreMembers.append(("overall", .int(overall)))
    return .object([
      ("format", .string(Self.format)), ("version", .int(Self.version)),
      ("rep", .string(rep)), ("scenario", .string(scenario)), ("title", .string(title)),
      ("scriptHash", .string(scriptHash)), ("mode", .string(mode)), ("seed", .string(String(seed))),
      ("outcome", .string(outcome.rawValue)), ("scores", .object(scoreMembers)),
      ("antipatterns", .object(antipatterns.map { ($0.id, .int($0.count)) })),
      ("turns", .int(turns)), ("durationMs", .int(durationMilliseconds)),
      ("started", .string(started)), ("ended", .string(ended)),
      (
        "drill",
        drill.map {
          .object([
            ("curriculum", .string($0.curriculum)), ("passMark", .int($0.passMark)),
            ("passed", .bool($0.passed)),
          ])
        } ?? .null
      ),
    ])
  }

  /// The record as one line of the results file, without the newline.
  public var line: String { json.serialized() }

  /// Why a record line could not be read.
  public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// Reads a record written by ``json``.
  public init(json: JSONValue) throws(FormatError) {
    guard json["format"]?.stringValue == Self.format else {
      throw FormatError("not a result record (no \"format\": \"\(Self.format)\")")
    }
    guard let version = json["version"]?.intValue else { throw FormatError("missing \"version\"") }
    guard version == Self.version else {
      throw FormatError(
        "result record version \(version) is not supported (this coach reads \(Self.version))")
    }
    // Each refusal says what is wrong with the value: missing, of the wrong kind, or out of range.
    func string(_ name: String) throws(FormatError) -> String {
      guard let value = json[name], value != .null else {
        throw FormatError("missing \"\(name)\"")
      }
      guard let text = value.stringValue else {
        throw FormatError("\"\(name)\" should be a string, not \(Self.shortText(value))")
      }
      return text
    }
    func int(_ value: JSONValue?, _ name: String, _ range: ClosedRange<Int>) throws(FormatError)
      -> Int
    {
      guard let value, value != .null else { throw FormatError("missing \"\(name)\"") }
      let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
      switch value {
      case .int(let number) where range.contains(number): return number
      case .double(let number)
      where number.rounded() == number && Double(range.lowerBound) <= number
        && number <= Double(range.upperBound):
        return Int(number)
      default:
        throw FormatError("\"\(name)\" should be \(expected), not \(Self.shortText(value))")
      }
    }
    rep = try string("rep")
    scenario = try string("scenario")
    title = json["title"]?.stringValue ?? scenario
    scriptHash = json["scriptHash"]?.stringValue ?? ""
    mode = try string("mode")
    guard let seed = UInt64(try string("seed")) else {
      throw FormatError("\"seed\" is not a number")
    }
    self.seed = seed
    guard let outcome = Outcome(rawValue: try string("outcome")) else {
      throw FormatError("unknown \"outcome\"")
    }
    self.outcome = outcome
    guard case .object? = json["scores"] else { throw FormatError("missing \"scores\"") }
    var scores: [Step: Int] = [:]
    for step in Step.allCases {
      scores[step] = try int(json["scores"]?[step.rawValue], "scores.\(step.rawValue)", 0...100)
    }
    overall = try int(json["scores"]?["overall"], "scores.overall", 0...100)
    self.scores = StepScores(scores: scores, overall: overall)
    var antipatterns: [Antipattern] = []
    if case .object(let members)? = json["antipatterns"] {
      for (id, value) in members {
        antipatterns.append(
          Antipattern(id: id, count: try int(value, "antipatterns.\(id)", 0...1_000_000)))
      }
    }
    self.antipatterns = antipatterns
    turns = try int(json["turns"], "turns", 0...1_000_000)
    durationMilliseconds = try int(json["durationMs"], "durationMs", 0...Int(Int32.max) * 1000)
    started = try string("started")
    ended = try string("ended")
    if let verdict = json["drill"], verdict != .null {
      guard let curriculum = verdict["curriculum"]?.stringValue,
        let passMark = verdict["passMark"]?.intValue,
        case .bool(let passed)? = verdict["passed"]
      else { throw FormatError("\"drill\" needs \"curriculum\", \"passMark\" and \"passed\"") }
      drill = Verdict(curriculum: curriculum, passMark: passMark, passed: passed)
    } else {
      drill = nil
    }
  }

  /// A value as it appears in a message: its JSON, shortened.
  static func shortText(_ value: JSONValue) -> String {
    let text = value.serialized()
    return text.count > 24 ? String(text.prefix(21)) + "…" : text
  }

  /// A key that is the same for the same session read from two files (an export and the raw
  /// results file, say), used to drop duplicates.
  public var identity: String {
    [rep, scenario, started, ended, String(seed), mode].joined(separator: "\u{1F}")
  }
}
