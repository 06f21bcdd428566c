/// The xAPI words `coach` uses: ADL verbs, activity types and its own extension IRIs.
///
/// The extension IRIs are documented in `docs/DRILLS.md` ("Statements in a learning record
/// store"); they live under ``XAPIVocabulary/extensionBase``, a name in the reserved `.invalid`
/// domain, so they can never clash with anyone else's.
public enum XAPIVocabulary {
  /// Where `coach`'s extension IRIs live.
  public static let extensionBase = "https://coach.invalid/xapi/extensions/"
  /// The activity type of a scenario: a role-play simulation.
  public static let simulationType = "http://adlnet.gov/expapi/activities/simulation"
  /// The activity type of a curriculum.
  public static let courseType = "http://adlnet.gov/expapi/activities/course"
  /// The `context.platform` of every statement `coach` writes.
  public static let platform = "coach"
  /// The language of display names.
  public static let language = "en-US"

  /// The ADL verbs a session can end with.
  public enum Verb: String, CaseIterable, Hashable, Sendable {
    /// A session that was abandoned before it ended.
    case attempted
    /// A finished session played outside a drill.
    case completed
    /// A drill session that met its marks.
    case passed
    /// A drill session that did not.
    case failed

    /// The verb's IRI in the ADL vocabulary.
    public var id: String { "http://adlnet.gov/expapi/verbs/" + rawValue }
  }

  /// The extensions `coach` writes, by their last IRI segment.
  public enum Extension: String, CaseIterable, Hashable, Sendable {
    // In the object's definition.
    case difficulty
    // In the result.
    case scores, antipatterns, outcome, turns, transcript
    // In the context.
    case scenario, curriculum, passMark = "pass-mark", mode, seed, scriptHash = "script-hash"
    case coachVersion = "coach-version", started, ended

    /// The extension's IRI.
    public var iri: String { XAPIVocabulary.extensionBase + rawValue }
  }
}
