/// A trainer's grant of more attempts at one scenario of a drill, for one rep.
///
/// Grants are lines of the results file beside the session records (`"format": "coach-grant"`,
/// `"version": 1`), written by `coach drill CURRICULUM --rep NAME --grant SCENARIO`. They travel
/// in the rep's export, so the trainer's report counts them too. A ``DrillPlan`` adds every grant
/// for its rep, curriculum and scenario to the entry's `max-attempts`.
public struct AttemptGrant: Hashable, Sendable {
  /// The `format` member of every grant line.
  public static let format = "coach-grant"
  /// The version of the grant line this code writes; it reads this version only.
  public static let version = 1
  /// The most attempts one grant can give.
  public static let maxAttempts = 99

  public var rep: String
  public var curriculum: String
  public var scenario: String
  /// How many more attempts, 1–``maxAttempts``.
  public var attempts: Int
  /// When it was granted (ISO 8601 UTC).
  public var granted: String

  public init(rep: String, curriculum: String, scenario: String, attempts: Int, granted: String) {
    self.rep = rep
    self.curriculum = curriculum
    self.scenario = scenario
    self.attempts = attempts
    self.granted = granted
  }

  /// The grant as one JSON object, in the documented member order.
  public var json: JSONValue {
    .object([
      ("format", .string(Self.format)), ("version", .int(Self.version)), ("rep", .string(rep)),
      ("curriculum", .string(curriculum)), ("scenario", .string(scenario)),
      ("attempts", .int(attempts)), ("granted", .string(granted)),
    ])
  }

  /// The grant as one line of the results file, without the newline.
  public var line: String { json.serialized() }

  /// Reads a grant written by ``json``.
  public init(json: JSONValue) throws(ResultRecord.FormatError) {
    guard json["version"]?.intValue == Self.version else {
      throw ResultRecord.FormatError(
        "grant version is not supported (this coach reads \(Self.version))")
    }
    func string(_ name: String) throws(ResultRecord.FormatError) -> String {
      guard let text = json[name]?.stringValue else {
        throw ResultRecord.FormatError("grant: missing \"\(name)\"")
      }
      return text
    }
    rep = try string("rep")
    curriculum = try string("curriculum")
    scenario = try string("scenario")
    granted = try string("granted")
    guard let attempts = json["attempts"]?.intValue, (1...Self.maxAttempts).contains(attempts)
    else {
      throw ResultRecord.FormatError(
        "grant: \"attempts\" must be a number from 1 to \(Self.maxAttempts)")
    }
    self.attempts = attempts
  }

  /// A key that is the same for the same grant read from two files.
  public var identity: String {
    [rep, curriculum, scenario, String(attempts), granted].joined(separator: "\u{1F}")
  }
}
