/// A team's choices for the statements `coach` writes: who the rep is in the LRS and where the
/// activity ids live.
public struct XAPIProfile: Hashable, Sendable {
  /// The account `homePage` used when no ``homePage`` is configured.
  public static let defaultHomePage = "https://coach.invalid/reps"
  /// The activity base used when none is configured.
  public static let defaultActivityBase = "https://coach.invalid/xapi/activities/"

  /// The system the rep's account name belongs to (the actor's `account.homePage`).
  public var homePage: String
  /// The rep's mailbox (`mailto:…`); when set, the actor is identified by it, not by an account.
  public var mbox: String?
  /// The start of every activity id; it ends with `/`.
  public var activityBase: String
  /// The `coach` version written in each statement's context.
  public var coachVersion: String
  /// Whether the rep has opted in to sending what they typed (the transcript).
  public var shareText: Bool

  public init(
    homePage: String = XAPIProfile.defaultHomePage, mbox: String? = nil,
    activityBase: String = XAPIProfile.defaultActivityBase, coachVersion: String,
    shareText: Bool = false
  ) {
    self.homePage = homePage
    self.mbox = mbox.map { $0.hasPrefix("mailto:") ? $0 : "mailto:" + $0 }
    self.activityBase = activityBase.hasSuffix("/") ? activityBase : activityBase + "/"
    self.coachVersion = coachVersion
    self.shareText = shareText
  }

  /// The activity id of a scenario.
  public func scenarioActivity(_ id: String) -> String {
    activityBase + "scenarios/" + Self.segment(id)
  }

  /// The activity id of a curriculum.
  public func curriculumActivity(_ id: String) -> String {
    activityBase + "curricula/" + Self.segment(id)
  }

  /// `id` percent-encoded for a path segment (ids are usually plain words already).
  static func segment(_ id: String) -> String {
    var out = ""
    for byte in id.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}
