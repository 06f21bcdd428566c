import CoachKit
import CoachTestSupport
import Testing

/// Long replies are shortened where a coach note or the debrief quotes them, and nowhere else.
@Suite struct QuotedRepliesTests {
  static let longQuote =
    "I am so sorry, that sounds really stressful, and I completely understand why you are upset"
  static let shortQuote = "I am so sorry, that sounds really stressful, and I…"

  @Test func aNoteShortensTheRepsWordsButNotTheRest() throws {
    let method = SessionTests.method
    let tip = String(repeating: "Say what you will do next. ", count: 4)
    let note = try #require(method.note(.antipattern, ["quote": Self.longQuote, "tip": tip]))
    #expect(note == "“\(Self.shortQuote)”: \(tip)")
    #expect(
      method.note(.antipattern, ["quote": "calm down", "tip": "Never."]) == "“calm down”: Never.")
  }

  @Test func aCoachNoteQuotesALongReplyShortened() {
    var session = Session(scenario: SessionTests.scenario, method: SessionTests.method, seed: 1)
    let reply = Self.longQuote + ", truly."
    let turn = session.respond(
      to: reply, reading: Reading(strengths: [.empathy: .strong], empathyQuote: Self.longQuote))
    #expect(turn.coachNote?.contains("“\(Self.shortQuote)”") == true, "\(turn.coachNote ?? "")")
    #expect(turn.coachNote?.contains(Self.longQuote) == false)
    // The turn keeps every word.
    #expect(turn.reply == reply)
  }

  @Test func theDebriefQuotesLongRepliesAndEvidenceShortened() {
    var session = Session(scenario: SessionTests.scenario, method: SessionTests.method, seed: 1)
    let strong = Self.longQuote + ", truly."
    _ = session.respond(
      to: strong,
      reading: Reading(strengths: [.empathy: .strong], empathyQuote: Self.longQuote, quality: 80))
    let rude =
      "Calm down, there is honestly nothing more that anybody here could possibly do for you"
    _ = session.respond(
      to: rude,
      reading: Reading(antipatterns: [.init(id: "calm-down", quote: rude, tip: "Never.")]))
    let debrief = Debrief(session: session)
    // The highlights keep the whole reply; the rendered debrief quotes its start.
    #expect(debrief.strongest?.reply == strong)
    #expect(debrief.strongest?.evidence == ["empathy: “\(Self.shortQuote)”"])
    #expect(
      debrief.weakest?.evidence
        == [
          "“Calm down, there is honestly nothing more that anybody here…” (calm-down)",
          "it left them more upset: from 5 to 7 of 10",
        ])
    let text = debrief.render(width: 100)
    #expect(text.contains("  “\(Self.shortQuote)”\n"), "\(text)")
    #expect(!text.contains(Self.longQuote))
    #expect(!text.contains(rude))
  }
}
