import CoachTestSupport
import Foundation
import Testing

/// `coach reflect` and `coach recap` after a practice session, run as a rep would, with a private
/// data folder.
@Suite struct ReflectTests {
  static let replies = """
    I'm so sorry the delivery is late again, that sounds really frustrating.
    What is the order for, and when do you need the oven working?
    I can send the part by same-day courier by Thursday noon, or book a technician for Friday at 8. Which would suit you better?
    Does that work for you?
    Is there anything else I can do?

    """

  /// A data folder holding one practice session played with `coach practice --seed 1`.
  static func sessionHome() throws -> URL {
    let home = try CoachProcess.temporaryDirectory()
    let practice = try CoachProcess.run(
      ["practice", "--seed", "1"], input: replies, environment: ["XDG_DATA_HOME": home.path])
    #expect(practice.status == 0, "\(practice.stderr)")
    let transcripts = home.appendingPathComponent("coach/transcripts")
    let files = try FileManager.default.contentsOfDirectory(atPath: transcripts.path)
    #expect(files.contains { $0.hasSuffix(".json") })
    return home
  }

  static func savedFiles(_ home: URL, _ folder: String) throws -> [URL] {
    let url = home.appendingPathComponent("coach/" + folder)
    return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
      .map { url.appendingPathComponent($0) }
  }

  static func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? Int) ?? -1
  }

  @Test func reflectAndRecapOnTheLastSession() throws {
    let home = try Self.sessionHome()
    let env = ["XDG_DATA_HOME": home.path]
    let thoughts = home.appendingPathComponent("thoughts.txt")
    try """
      She always does this on purpose.
      I don't think she's lying about the wedding.
      Maybe she's testing me.
      We're going to lose the account.
      """.write(to: thoughts, atomically: true, encoding: .utf8)
    let reflect = try CoachProcess.run(
      ["reflect", "--last", "--thoughts", thoughts.path, "--json"], environment: env)
    #expect(reflect.status == 0, "\(reflect.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(reflect.stdout.utf8)) as? [String: Any])
    #expect(json["format"] as? String == "coach-reflection")
    let assumptions = try #require(json["assumptions"] as? [[String: Any]])
    let kinds = assumptions.compactMap { $0["kind"] as? String }
    #expect(kinds == ["absolute", "mind-reading", "catastrophe"])
    for item in assumptions {
      #expect(item["text"] is String)
      #expect(item["question"] is String)
      let evidence = try #require(item["evidence"] as? [String: Any])
      #expect(evidence["range"] is [Int])
    }
    let hypotheses = try #require(json["hypotheses"] as? [[String: Any]])
    #expect(hypotheses.count == 1)
    let exchanges = try #require(json["exchanges"] as? [[String: Any]])
    #expect((exchanges.first?["customer"] as? String)?.contains("THIRD") == true)
    let plan = try #require(json["plan"] as? [String: Any])
    #expect((plan["opening"] as? String)?.contains("we") == true)
    #expect(reflect.stderr.contains("saved"))
    let saved = try Self.savedFiles(home, "reflections")
    #expect(saved.count == 1)
    #expect(try Self.mode(saved[0]) == 0o600)

    let recapFile = home.appendingPathComponent("recap.txt")
    try """
      Hi Dana, thank you for your patience today. To confirm what we agreed: we will send the
      part by same-day courier, arriving by Thursday noon. I will call you on Thursday at 2pm to
      make sure the oven is working.
      """.write(to: recapFile, atomically: true, encoding: .utf8)
    let recap = try CoachProcess.run(
      ["recap", "--last", "--text", recapFile.path, "--json"], environment: env)
    #expect(recap.status == 0, "\(recap.stderr)")
    let score = try #require(
      try JSONSerialization.jsonObject(with: Data(recap.stdout.utf8)) as? [String: Any])
    #expect(Array(score.keys).sorted() == ["checks", "score", "tips"])
    #expect((score["score"] as? Double ?? 0) >= 0.9)
    let checks = try #require(score["checks"] as? [[String: Any]])
    #expect(checks.count == 7)
    #expect(try Self.savedFiles(home, "recaps").count == 1)

    let draft = try CoachProcess.run(["recap", "--last", "--draft"], environment: env)
    #expect(draft.status == 0, "\(draft.stderr)")
    #expect(draft.stdout.contains("Hi Dana,"))
  }

  @Test func pipedReflectionCutShortStillSaves() throws {
    let home = try Self.sessionHome()
    let env = ["XDG_DATA_HOME": home.path]
    // Two thoughts, then the input ends in the middle of the left-hand column.
    let run = try CoachProcess.run(
      ["reflect", "--last"], input: "She's being ridiculous.\nShe never listens.\n",
      environment: env)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("saved what you typed so far"))
    let saved = try Self.savedFiles(home, "reflections")
    #expect(saved.count == 1)
    let markdown = try String(contentsOf: saved[0], encoding: .utf8)
    #expect(markdown.contains("She's being ridiculous[1]."))
    #expect(markdown.contains("Partial"))
    #expect(try Self.mode(saved[0]) == 0o600)
  }

  @Test func pipedReflectionWithoutATranscript() throws {
    let home = try CoachProcess.temporaryDirectory()
    let input = """
      Why is my order late again?
      I'm sorry, let me check.

      They never tell us anything.
      maybe they were busy

      I want this fixed by Friday
      I can't promise a date until the warehouse confirms

      """
    let run = try CoachProcess.run(
      ["reflect"], input: input, environment: ["XDG_DATA_HOME": home.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Saved: "))
    let markdown = try String(
      contentsOf: try Self.savedFiles(home, "reflections")[0], encoding: .utf8)
    #expect(markdown.contains("They never[1] tell us anything."))
    #expect(!markdown.contains("Partial"))
    #expect(markdown.contains("maybe they were busy"))
    #expect(markdown.contains("I want this fixed by Friday"))
  }

  @Test func pipedRecapKeepsWhatWasTyped() throws {
    let home = try CoachProcess.temporaryDirectory()
    let run = try CoachProcess.run(
      ["recap", "--json"], input: "Thanks for your time. We agreed on a refund by Friday.\n",
      environment: ["XDG_DATA_HOME": home.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("\"score\""))
    #expect(try Self.savedFiles(home, "recaps").count == 1)
  }

  @Test func usageErrors() throws {
    let both = try CoachProcess.run(["reflect", "--last", "--from", "x.json"])
    #expect(both.status == 64)
    let json = try CoachProcess.run(["reflect", "--json"])
    #expect(json.status == 64)
    let home = try CoachProcess.temporaryDirectory()
    let none = try CoachProcess.run(
      ["reflect", "--last", "--thoughts", "/dev/null"], environment: ["XDG_DATA_HOME": home.path])
    #expect(none.status == 1)
    #expect(none.stderr.contains("coach practice"))
  }
}
