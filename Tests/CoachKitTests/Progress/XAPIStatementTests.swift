import Testing

@testable import CoachKit

/// Result records as xAPI statements: the ids, the fields, and the way back.
@Suite struct XAPIStatementTests {
  static let profile = XAPIProfile(coachVersion: "9.9.9")

  static func drillRecord(passed: Bool = true, outcome: Outcome = .resolved) -> ResultRecord {
    ResultRecord(
      rep: "ana", scenario: "late-delivery", title: "The third late delivery",
      scriptHash: "fnv1a64:0123456789abcdef", mode: "exam", seed: 42, outcome: outcome,
      scores: StepScores(scores: [.empathy: 80, .understand: 70, .offer: 60, .check: 50]),
      antipatterns: [.init(id: "defensive", count: 2), .init(id: "blame", count: 1)], turns: 6,
      durationMilliseconds: 95_123, started: "2026-11-24T08:30:00Z",
      ended: "2026-11-24T08:31:35Z",
      drill: .init(curriculum: "onboarding", passMark: 60, passed: passed))
  }

  @Test func sha1MatchesTheStandardVectors() {
    func hex(_ text: String) -> String {
      NameBasedUUID.sha1(Array(text.utf8)).map {
        ($0 < 16 ? "0" : "") + String($0, radix: 16)
      }.joined()
    }
    #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(
      hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
  }

  @Test func nameBasedUUIDsAreVersion5() {
    #expect(
      NameBasedUUID.make(namespace: NameBasedUUID.dnsNamespace, name: "www.example.com")
        == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    #expect(NameBasedUUID.coachNamespace == "394985a4-edcd-5dc0-bc45-467ca0aa95eb")
    #expect(
      NameBasedUUID.make(namespace: NameBasedUUID.coachNamespace, name: "hello")
        == "131d1d87-aa6e-5f94-812a-16a8d185b6a4")
  }

  @Test func theIdComesFromTheRecord() {
    let record = Self.drillRecord()
    #expect(XAPIStatement.id(of: record) == XAPIStatement.id(of: Self.drillRecord()))
    var other = record
    other.seed = 43
    #expect(XAPIStatement.id(of: other) != XAPIStatement.id(of: record))
    let statement = XAPIStatement.make(record, profile: Self.profile)
    #expect(statement["id"]?.stringValue == XAPIStatement.id(of: record))
  }

  @Test func aDrillSessionIsPassedOrFailedWithSuccessAndRegistration() {
    let passed = XAPIStatement.make(
      Self.drillRecord(), profile: Self.profile, scenario: .init(difficulty: 2),
      curriculumTitle: "New-starter onboarding")
    #expect(passed["verb"]?["id"]?.stringValue == "http://adlnet.gov/expapi/verbs/passed")
    #expect(passed["result"]?["success"] == .bool(true))
    #expect(passed["result"]?["completion"] == .bool(true))
    #expect(passed["result"]?["score"]?["raw"] == .int(65))
    #expect(passed["result"]?["score"]?["scaled"] == .double(0.65))
    #expect(passed["result"]?["duration"]?.stringValue == "PT95.123S")
    let ext = XAPIVocabulary.extensionBase
    #expect(
      passed["result"]?["extensions"]?[ext + "scores"]
        == .object([("empathy", 80), ("understand", 70), ("offer", 60), ("check", 50)]))
    #expect(
      passed["result"]?["extensions"]?[ext + "antipatterns"]
        == .object([("defensive", 2), ("blame", 1)]))
    #expect(
      passed["object"]?["id"]?.stringValue
        == "https://coach.invalid/xapi/activities/scenarios/late-delivery")
    #expect(passed["object"]?["definition"]?["extensions"]?[ext + "difficulty"] == .int(2))
    let parent = passed["context"]?["contextActivities"]?["parent"]?.arrayValue?.first
    #expect(
      parent?["id"]?.stringValue == "https://coach.invalid/xapi/activities/curricula/onboarding")
    #expect(
      parent?["definition"]?["name"]?["en-US"]?.stringValue == "New-starter onboarding")
    #expect(
      passed["context"]?["registration"]?.stringValue
        == XAPIStatement.registration(rep: "ana", curriculum: "onboarding"))
    #expect(passed["context"]?["extensions"]?[ext + "script-hash"] == "fnv1a64:0123456789abcdef")
    #expect(passed["context"]?["extensions"]?[ext + "coach-version"] == "9.9.9")
    #expect(passed["timestamp"]?.stringValue == "2026-11-24T08:30:00Z")

    let failed = XAPIStatement.make(Self.drillRecord(passed: false), profile: Self.profile)
    #expect(failed["verb"]?["id"]?.stringValue == "http://adlnet.gov/expapi/verbs/failed")
    #expect(failed["result"]?["success"] == .bool(false))
  }

  @Test func practiceAndAbandonedSessions() {
    var practice = Self.drillRecord()
    practice.drill = nil
    let completed = XAPIStatement.make(practice, profile: Self.profile)
    #expect(completed["verb"]?["id"]?.stringValue == "http://adlnet.gov/expapi/verbs/completed")
    #expect(completed["result"]?["success"] == nil)
    #expect(completed["context"]?["registration"] == nil)
    #expect(completed["context"]?["contextActivities"] == nil)

    let abandoned = XAPIStatement.make(
      Self.drillRecord(passed: false, outcome: .abandoned), profile: Self.profile)
    #expect(abandoned["verb"]?["id"]?.stringValue == "http://adlnet.gov/expapi/verbs/attempted")
    #expect(abandoned["result"]?["completion"] == .bool(false))
  }

  @Test func theActorIsAnAccountOrAMailbox() throws {
    let account = XAPIStatement.make(
      Self.drillRecord(), profile: XAPIProfile(homePage: "https://sso.acme.test", coachVersion: "1")
    )
    #expect(
      account["actor"]?["account"]
        == .object([("homePage", "https://sso.acme.test"), ("name", "ana")]))
    #expect(account["actor"]?["mbox"] == nil)
    let mailbox = XAPIStatement.make(
      Self.drillRecord(), profile: XAPIProfile(mbox: "ana@acme.test", coachVersion: "1"))
    #expect(mailbox["actor"]?["mbox"] == "mailto:ana@acme.test")
    #expect(mailbox["actor"]?["account"] == nil)
    #expect(try XAPIStatement.record(from: mailbox)?.rep == "ana")
  }

  @Test func typedTextIsSentOnlyWhenTheRepOptsIn() {
    let turns = [(rep: "I'm sorry, that sounds awful.", customer: "It is!")]
    let ext = XAPIVocabulary.Extension.transcript.iri
    let withheld = XAPIStatement.make(Self.drillRecord(), profile: Self.profile, transcript: turns)
    #expect(withheld["result"]?["extensions"]?[ext] == nil)
    #expect(!withheld.serialized().contains("sounds awful"))
    var optedIn = Self.profile
    optedIn.shareText = true
    let shared = XAPIStatement.make(Self.drillRecord(), profile: optedIn, transcript: turns)
    #expect(
      shared["result"]?["extensions"]?[ext]
        == .array([.object([("rep", "I'm sorry, that sounds awful."), ("customer", "It is!")])]))
  }

  @Test func everyFixtureRecordComesBackFromItsStatement() throws {
    let records =
      try TrainerReportTests.cohort() + [
        Self.drillRecord(), Self.drillRecord(passed: false, outcome: .abandoned),
      ]
    for record in records {
      let text = XAPIStatement.make(record, profile: Self.profile).serialized()
      let back = try XAPIStatement.record(from: try JSONValue.parse(text))
      #expect(back == record)
    }
  }

  @Test func otherStatementsAreNotCoachResults() throws {
    let other = try JSONValue.parse(
      #"{"actor":{"mbox":"mailto:x@y.test"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"https://y.test/page"}}"#
    )
    #expect(try XAPIStatement.record(from: other) == nil)
    let broken = try JSONValue.parse(
      #"{"actor":{"name":"ana"},"context":{"extensions":{"https://coach.invalid/xapi/extensions/scenario":"s1"}}}"#
    )
    #expect(throws: ResultRecord.FormatError.self) { try XAPIStatement.record(from: broken) }
  }

  @Test func durations() {
    #expect(ISODuration.format(milliseconds: 4000) == "PT4S")
    #expect(ISODuration.format(milliseconds: 95_005) == "PT95.005S")
    #expect(ISODuration.format(milliseconds: 0) == "PT0S")
    #expect(ISODuration.milliseconds("PT95.123S") == 95_123)
    #expect(ISODuration.milliseconds("PT1H2M3.5S") == 3_723_500)
    #expect(ISODuration.milliseconds("P1DT1S") == 86_401_000)
    #expect(ISODuration.milliseconds("P2D") == 172_800_000)
    for bad in ["", "P", "PT", "P1Y", "PT1D", "1S", "PT-1S", "PT1.2.3S", "PT5"] {
      #expect(ISODuration.milliseconds(bad) == nil, "\(bad)")
    }
  }
}
