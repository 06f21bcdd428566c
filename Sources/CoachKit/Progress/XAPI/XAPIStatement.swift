/// One finished session as an xAPI statement, and a statement read back as a ``ResultRecord``.
///
/// - **id**: a version 5 UUID of the record's ``ResultRecord/identity``, so the same session
///   always has the same id and an LRS stores it once however often it is sent.
/// - **actor**: the rep, as an `account` (`homePage` from the profile, `name` the rep) or, when
///   the profile has one, an `mbox`; `name` is the rep either way.
/// - **verb**: ADL `attempted` (abandoned), `passed` / `failed` (a drill's verdict), else
///   `completed`.
/// - **object**: the scenario as an Activity under the profile's activity base, with its title
///   and difficulty.
/// - **result**: the overall score (scaled 0–1 and raw 0–100), success (drills only),
///   completion, ISO 8601 duration, and the step scores, anti-pattern counts, outcome and number
///   of replies as extensions. What the rep typed is sent only when the profile says they opted
///   in.
/// - **context**: the curriculum as parent activity and a registration per rep and curriculum
///   (drills only), the platform `coach`, and the scenario id, mode, seed, script hash, `coach`
///   version and start and end times as extensions.
/// - **timestamp**: when the session started.
public enum XAPIStatement {
  /// What a statement says about the scenario beyond the record: its difficulty.
  public struct ScenarioInfo: Hashable, Sendable {
    public var difficulty: Int?
    public init(difficulty: Int?) { self.difficulty = difficulty }
  }

  /// The statement id of `record`.
  public static func id(of record: ResultRecord) -> String {
    NameBasedUUID.make(
      namespace: NameBasedUUID.coachNamespace, name: "result\u{1F}" + record.identity)
  }

  /// The registration of a rep's run through a curriculum: the same for every session of it, so
  /// an LRS can group them.
  public static func registration(rep: String, curriculum: String) -> String {
    NameBasedUUID.make(
      namespace: NameBasedUUID.coachNamespace, name: "registration\u{1F}\(rep)\u{1F}\(curriculum)")
  }

  /// The verb for `record`.
  public static func verb(of record: ResultRecord) -> XAPIVocabulary.Verb {
    if record.outcome == .abandoned { return .attempted }
    if let drill = record.drill { return drill.passed ? .passed : .failed }
    return .completed
  }

  /// The statement for `record`.
  ///
  /// - Parameters:
  ///   - record: the session's result.
  ///   - profile: the team's settings.
  ///   - scenario: what is known of the scenario (its difficulty), when it could be found.
  ///   - curriculumTitle: the curriculum's title, for a drill session.
  ///   - transcript: what the rep typed and the customer answered, turn by turn; sent only when
  ///     ``XAPIProfile/shareText`` is set.
  public static func make(
    _ record: ResultRecord, profile: XAPIProfile, scenario: ScenarioInfo? = nil,
    curriculumTitle: String? = nil, transcript: [(rep: String, customer: String)] = []
  ) -> JSONValue {
    typealias Ext = XAPIVocabulary.Extension
    let verb = verb(of: record)
    var actor: [(String, JSONValue)] = [("objectType", "Agent"), ("name", .string(record.rep))]
    if let mbox = profile.mbox {
      actor.append(("mbox", .string(mbox)))
    } else {
      actor.append(
        (
          "account",
          .object([("homePage", .string(profile.homePage)), ("name", .string(record.rep))])
        )
      )
    }
    var definition: [(String, JSONValue)] = [
      ("name", .object([(XAPIVocabulary.language, .string(record.title))])),
      ("type", .string(XAPIVocabulary.simulationType)),
    ]
    if let difficulty = scenario?.difficulty {
      definition.append(("extensions", .object([(Ext.difficulty.iri, .int(difficulty))])))
    }
    var resultExtensions: [(String, JSONValue)] = [
      (Ext.scores.iri, .object(Step.allCases.map { ($0.rawValue, .int(record[$0])) })),
      (Ext.antipatterns.iri, .object(record.antipatterns.map { ($0.id, .int($0.count)) })),
      (Ext.outcome.iri, .string(record.outcome.rawValue)),
      (Ext.turns.iri, .int(record.turns)),
    ]
    if profile.shareText, !transcript.isEmpty {
      resultExtensions.append(
        (
          Ext.transcript.iri,
          .array(
            transcript.map {
              .object([("rep", .string($0.rep)), ("customer", .string($0.customer))])
            })
        ))
    }
    var result: [(String, JSONValue)] = [
      (
        "score",
        .object([
          ("scaled", .double(Double(record.overall) / 100)), ("raw", .int(record.overall)),
          ("min", 0), ("max", 100),
        ])
      )
    ]
    if let drill = record.drill { result.append(("success", .bool(drill.passed))) }
    result.append(("completion", .bool(record.outcome != .abandoned)))
    result.append(
      ("duration", .string(ISODuration.format(milliseconds: record.durationMilliseconds))))
    result.append(("extensions", .object(resultExtensions)))

    var contextExtensions: [(String, JSONValue)] = [(Ext.scenario.iri, .string(record.scenario))]
    var context: [(String, JSONValue)] = []
    if let drill = record.drill {
      context.append(
        ("registration", .string(registration(rep: record.rep, curriculum: drill.curriculum))))
      var parent: [(String, JSONValue)] = [
        ("objectType", "Activity"), ("id", .string(profile.curriculumActivity(drill.curriculum))),
      ]
      if let curriculumTitle {
        parent.append(
          (
            "definition",
            .object([
              ("name", .object([(XAPIVocabulary.language, .string(curriculumTitle))])),
              ("type", .string(XAPIVocabulary.courseType)),
            ])
          ))
      }
      context.append(("contextActivities", .object([("parent", .array([.object(parent)]))])))
      contextExtensions.append((Ext.curriculum.iri, .string(drill.curriculum)))
      contextExtensions.append((Ext.passMark.iri, .int(drill.passMark)))
    }
    context.append(("platform", .string(XAPIVocabulary.platform)))
    contextExtensions += [
      (Ext.mode.iri, .string(record.mode)), (Ext.seed.iri, .string(String(record.seed))),
      (Ext.scriptHash.iri, .string(record.scriptHash)),
      (Ext.coachVersion.iri, .string(profile.coachVersion)),
      (Ext.started.iri, .string(record.started)), (Ext.ended.iri, .string(record.ended)),
    ]
    context.append(("extensions", .object(contextExtensions)))

    return .object([
      ("id", .string(id(of: record))),
      ("actor", .object(actor)),
      (
        "verb",
        .object([
          ("id", .string(verb.id)),
          ("display", .object([(XAPIVocabulary.language, .string(verb.rawValue))])),
        ])
      ),
      (
        "object",
        .object([
          ("objectType", "Activity"), ("id", .string(profile.scenarioActivity(record.scenario))),
          ("definition", .object(definition)),
        ])
      ),
      ("result", .object(result)),
      ("context", .object(context)),
      ("timestamp", .string(record.started)),
    ])
  }

  /// The result record a statement written by ``make(_:profile:scenario:curriculumTitle:transcript:)``
  /// stands for, or `nil` when the statement is not one of `coach`'s (another tool's statement in
  /// the same LRS).
  ///
  /// - Throws: ``ResultRecord/FormatError`` when it is one of `coach`'s but a part is missing or
  ///   out of range.
  public static func record(from statement: JSONValue) throws(ResultRecord.FormatError)
    -> ResultRecord?
  {
    typealias Ext = XAPIVocabulary.Extension
    let context = statement["context"]?["extensions"]
    guard let scenario = context?[Ext.scenario.iri]?.stringValue else { return nil }
    let result = statement["result"]
    let extensions = result?["extensions"]
    func contextString(_ ext: Ext) throws(ResultRecord.FormatError) -> JSONValue {
      guard let value = context?[ext.iri]?.stringValue else {
        throw ResultRecord.FormatError("the statement has no context extension \(ext.iri)")
      }
      return .string(value)
    }
    let actor = statement["actor"]
    guard
      let rep = actor?["name"]?.stringValue ?? actor?["account"]?["name"]?.stringValue
        ?? actor?["mbox"]?.stringValue.map({ String($0.dropFirst("mailto:".count)) })
    else { throw ResultRecord.FormatError("the statement's actor has no name") }
    var title = scenario
    if case .object(let names)? = statement["object"]?["definition"]?["name"] {
      title =
        names.first { $0.0 == XAPIVocabulary.language }?.1.stringValue
        ?? names.first?.1.stringValue ?? scenario
    }
    guard case .object(var scores)? = extensions?[Ext.scores.iri] else {
      throw ResultRecord.FormatError("the statement has no result extension \(Ext.scores.iri)")
    }
    let score = result?["score"]
    let overall: JSONValue
    if let raw = score?["raw"]?.intValue {
      overall = .int(raw)
    } else if case .double(let scaled)? = score?["scaled"] {
      overall = .int(Int((scaled * 100).rounded()))
    } else if let scaled = score?["scaled"]?.intValue {
      overall = .int(scaled * 100)
    } else {
      throw ResultRecord.FormatError("the statement has no result score")
    }
    scores.append(("overall", overall))
    guard let durationText = result?["duration"]?.stringValue,
      let milliseconds = ISODuration.milliseconds(durationText)
    else { throw ResultRecord.FormatError("the statement's result has no valid duration") }
    var drill: JSONValue = .null
    if let curriculum = context?[Ext.curriculum.iri]?.stringValue {
      guard let passMark = context?[Ext.passMark.iri]?.intValue,
        case .bool(let success)? = result?["success"]
      else {
        throw ResultRecord.FormatError("a drill statement needs a pass mark and a result success")
      }
      drill = .object([
        ("curriculum", .string(curriculum)), ("passMark", .int(passMark)),
        ("passed", .bool(success)),
      ])
    }
    let recordJSON: JSONValue = .object([
      ("format", .string(ResultRecord.format)), ("version", .int(ResultRecord.version)),
      ("rep", .string(rep)), ("scenario", .string(scenario)), ("title", .string(title)),
      ("scriptHash", try contextString(.scriptHash)), ("mode", try contextString(.mode)),
      ("seed", try contextString(.seed)),
      ("outcome", extensions?[Ext.outcome.iri] ?? .null),
      ("scores", .object(scores)),
      ("antipatterns", extensions?[Ext.antipatterns.iri] ?? .object([])),
      ("turns", extensions?[Ext.turns.iri] ?? .null), ("durationMs", .int(milliseconds)),
      ("started", try contextString(.started)), ("ended", try contextString(.ended)),
      ("drill", drill),
    ])
    return try ResultRecord(json: recordJSON)
  }
}
