import CoachTestSupport
import Foundation
import Testing

/// `coach score`, run as a user would.
@Suite struct ScoreTests {
  @Test func textReportMarksEvidence() throws {
    let r = try CoachProcess.run(["score", "I'm so sorry, unfortunately we can't. What happened?"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("[I'm so sorry]"))
    #expect(r.stdout.contains("{unfortunately we can't}"))
    #expect(r.stdout.contains("Empathy"))
    #expect(r.stdout.contains("try: What I can do is…"))
    #expect(!r.stdout.contains("\u{1B}["))
  }

  @Test func readsTheReplyFromStandardInput() throws {
    let r = try CoachProcess.run(["score", "--json"], input: "Does that work for you?\n")
    #expect(r.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let steps = object?["steps"] as? [String: String]
    #expect(steps?["check"] == "strong")
  }

  @Test func jsonHasTheStableShape() throws {
    let r = try CoachProcess.run(["score", "--json", "--step", "offer", "Calm down!!"])
    #expect(r.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "steps", "signals", "antipatterns", "tips", "quality", "acts", "clauses",
      ])
    let acts = try #require(object["acts"] as? [[String: Any]])
    #expect(acts.count == 1 && acts.first?["act"] as? String == "statement")
    let clauses = try #require(object["clauses"] as? [[String: Any]])
    #expect(clauses.count == 1)
    #expect(clauses.first?["mood"] as? String == "imperative")
    #expect(clauses.first?["start"] as? Int == 0 && clauses.first?["end"] as? Int == 11)
    // "Calm down" in an opening reply does harm: its quality is low.
    let quality = try #require(object["quality"] as? Int)
    #expect((0...30).contains(quality))
    let anti = try #require(object["antipatterns"] as? [[String: Any]])
    let first = try #require(anti.first)
    #expect(first["id"] as? String == "calm-down")
    #expect(first["start"] as? Int == 0)
    #expect(first["end"] as? Int == 9)
    #expect(first["text"] as? String == "Calm down")
    #expect(first["rewrite"] as? String != nil)
  }

  @Test func jsonLinesCarryIdsAndReportBadLines() throws {
    let input = """
      {"id": 1, "text": "I'm sorry, what happened?"}
      not json
      {"id": "b"}

      {"id": "c", "text": "We could send a courier today, or refund you.", "context": "It's late again", "step": "offer"}
      {"id": "d", "text": "x", "step": "later"}
      """
    var bytes = Array(input.utf8)
    bytes += Array("\n{\"id\": \"e\", \"text\": \"bad ".utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8)
    bytes += Array("{\"id\": \"f\", \"text\": \"Thanks!\"}\n".utf8)
    let r = try CoachProcess.run(
      ["score", "--jsonl"], input: String(decoding: bytes, as: UTF8.self))
    // The harness passes a String, so the bad bytes arrive repaired; the next test feeds raw
    // bytes through a file.
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(lines.count == 7)
    #expect(lines[0]?["id"] as? Int == 1)
    #expect(lines[1]?["line"] as? Int == 2)
    #expect((lines[1]?["error"] as? String)?.contains("invalid JSON") == true)
    #expect(lines[2]?["id"] as? String == "b")
    #expect(lines[2]?["error"] as? String == "missing \"text\"")
    #expect(lines[3]?["id"] as? String == "c")
    #expect((lines[3]?["steps"] as? [String: String])?["offer"] == "strong")
    #expect(lines[4]?["line"] as? Int == 6)
    #expect(lines[6]?["id"] as? String == "f")
  }

  @Test func invalidUTF8LinesGetAnErrorAndTheStreamGoesOn() throws {
    let dir = try CoachProcess.temporaryDirectory()
    let path = dir.appendingPathComponent("in.jsonl")
    var bytes = Array("{\"id\": 1, \"text\": \"caf".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
    bytes += Array("{\"id\": 2, \"text\": \"Sorry!\"}\n".utf8)
    try Data(bytes).write(to: path)
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = [
      "-c", "\"$0\" score --jsonl < \"$1\"", CoachProcess.executable.path, path.path,
    ]
    let out = Pipe()
    shell.standardOutput = out
    try shell.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    shell.waitUntilExit()
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.contains("\"line\":1") == true)
    #expect(lines.first?.contains("not valid UTF-8 (byte 23)") == true)
    #expect(lines.last?.contains("\"id\":2") == true)
  }

  @Test func usageErrorsExit64() throws {
    #expect(try CoachProcess.run(["score", "--step", "later", "hi"]).status == 64)
    #expect(try CoachProcess.run(["score", "--json", "--jsonl"]).status == 64)
    #expect(try CoachProcess.run(["score", "--jsonl", "text"]).status == 64)
    let empty = try CoachProcess.run(["score"], input: "")
    #expect(empty.status == 64)
    #expect(empty.stderr.contains("the reply is empty"))
  }

  @Test func aBadLexiconPrintsDiagnosticsAndExits1() throws {
    let dir = try CoachProcess.temporaryDirectory()
    let path = dir.appendingPathComponent("bad.coach.yaml")
    try "lexicon: en\ngrammar: [oops]\n".write(to: path, atomically: true, encoding: .utf8)
    let r = try CoachProcess.run(["score", "--lexicon", path.path, "hello"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("error"))
    #expect(r.stderr.contains("bad.coach.yaml"))
  }

  @Test func aLongReplyIsScoredAndAnOverlongOneRefused() throws {
    let sentence = "I'm sorry about the delay, what happened? "
    let long = String(repeating: sentence, count: 60_000 / sentence.utf8.count)
    let r = try CoachProcess.run(["score", "--json"], input: long)
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"rambling\""))
    // Past 64 KB the reply is refused with a clear error, not assessed with unbounded memory.
    let huge = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count)
    let refused = try CoachProcess.run(["score", "--json"], input: huge)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("longer than 64 KB"))
    #expect(refused.stdout == "")
  }

  @Test func terminalEscapesInTheReplyAreNeutralised() throws {
    let r = try CoachProcess.run(["score", "Sorry \u{1B}[31mred\u{1B}[0m"])
    #expect(r.status == 0)
    #expect(!r.stdout.contains("\u{1B}"))
  }
}
