import CoachKit
import Testing

@Suite struct ResultsLogTests {
  typealias R = ProgressFixtures

  @Test func anEmptyFileHasNoRecordsAndNoWarnings() {
    let log = ResultsLog(bytes: [])
    #expect(log.records.isEmpty && log.warnings.isEmpty && log.header == nil)
  }

  @Test func aRecordRoundTripsThroughItsLine() throws {
    let record = R.record(
      rep: "Zoë \"Z\" O'Neil", scenario: "late-delivery", steps: [.check: 0],
      outcome: .escalated, flags: ["blame": 2, "shouting": 1], passed: false)
    let line = record.line
    #expect(!line.contains("\n"))
    #expect(line.hasPrefix(#"{"format":"coach-result","version":1,"rep":"Zoë \"Z\" O'Neil","#))
    let log = ResultsLog(text: line + "\n")
    #expect(log.warnings.isEmpty)
    #expect(log.records == [record])
  }

  @Test func aTornLastRecordIsSkippedWithAWarningAndEarlierRecordsKept() throws {
    let log = ResultsLog(bytes: try R.bytes("torn.results.jsonl"))
    #expect(log.records.map(\.rep) == ["ana", "ana"])
    #expect(log.warnings.count == 1)
    #expect(log.warnings[0].isTornTail)
    #expect(
      log.warnings[0].description
        == "line 3: the last record is incomplete (its write was interrupted); skipped")
  }

  /// Each warning names what is wrong with the value, not "missing" for a value that is there.
  @Test func warningsSayWhatIsWrongWithAValue() {
    let line = R.record(scenario: "a").line
    let cases = [
      (
        #""overall":"#, #""overall":72.5,"x":"#,
        #""scores.overall" should be a whole number from 0 to 100, not 72.5"#
      ),
      (
        #""turns":"#, #""turns":1e300,"x":"#,
        #""turns" should be a whole number from 0 to 1000000, not 1e+300"#
      ),
      (#""rep":"#, #""rep":7,"x":"#, #""rep" should be a string, not 7"#),
    ]
    for (key, replacement, message) in cases {
      let broken = line.replacing(key, with: replacement, maxReplacements: 1)
      let log = ResultsLog(text: broken + "\n")
      #expect(log.records.isEmpty)
      #expect(log.warnings.first?.message.hasPrefix(message) == true, "\(log.warnings)")
    }
  }

  @Test func aCompleteLastRecordWithoutItsNewlineIsKept() {
    let line = R.record(scenario: "a").line
    let log = ResultsLog(text: line + "\n" + line)
    #expect(log.records.count == 2)
    #expect(
      log.warnings.map(\.description) == ["line 2: the last record has no line ending; it was kept"]
    )
  }

  @Test func badLinesInTheMiddleAreSkippedByLineNumber() throws {
    let log = ResultsLog(bytes: try R.bytes("mixed.results.jsonl"))
    #expect(log.records.count == 2, "CRLF line ends and blank lines are fine")
    #expect(log.warnings.map(\.line) == [2, 4])
    #expect(log.warnings[0].message.hasPrefix("not valid JSON"))
    #expect(
      log.warnings[1].message
        == "result record version 9 is not supported (this coach reads 1); skipped")
  }

  @Test func anExportHasAHeaderAndReadsBack() {
    let records = [R.record(scenario: "a", day: 1), R.record(scenario: "b", day: 2)]
    let text = ResultsLog.export(records, rep: "ana", exported: "2026-03-20T10:00:00Z")
    #expect(
      text.split(separator: "\n").first
        == #"{"format":"coach-results-export","version":1,"rep":"ana","exported":"2026-03-20T10:00:00Z","records":2}"#
    )
    let log = ResultsLog(text: text)
    #expect(log.header?.rep == "ana" && log.header?.records == 2)
    #expect(log.records == records)
    #expect(log.warnings.isEmpty)
  }

  @Test func aTruncatedExportIsNoticedByItsCount() {
    let records = [R.record(scenario: "a", day: 1), R.record(scenario: "b", day: 2)]
    var text = ResultsLog.export(records, rep: "ana", exported: "2026-03-20T10:00:00Z")
    text = String(text.split(separator: "\n").prefix(2).joined(separator: "\n")) + "\n"
    let log = ResultsLog(text: text)
    #expect(log.records.count == 1)
    #expect(
      log.warnings.map(\.message).first?.hasPrefix("the export's header announces 2 records")
        == true)
  }

  @Test func mergingDropsTheSameSessionFromTwoFiles() {
    let a = R.record(scenario: "a", day: 1)
    let b = R.record(scenario: "b", day: 2)
    let merged = ResultsLog.merged([
      ResultsLog(text: a.line + "\n" + b.line + "\n"), ResultsLog(text: b.line + "\n"),
    ])
    #expect(merged.records == [a, b])
    #expect(merged.duplicates == 1)
  }

  @Test func aRecordFromASessionRecordKeepsItsFacts() throws {
    let json = try JSONValue.parse(
      """
      {"format":"coach-transcript","version":1,"scenario":{"id":"late-delivery","title":"Late"},
      "customer":"Dana","seed":"42","mode":"exam","started":"2026-03-01T09:00:00Z",
      "ended":"2026-03-01T09:03:00Z","outcome":"resolved","finalMood":2,"opening":"Hi",
      "turns":[{"n":1,"rep":"sorry","customer":"ok","note":null,"moodBefore":8,"moodAfter":6,
      "stepBefore":"empathy","stepAfter":"understand","events":[],"flags":["blame"],"poor":false}],
      "scores":{"empathy":100,"understand":50,"offer":60,"check":100,"overall":77},
      "antipatterns":{"blame":1},"facts":[],"agreed":null}
      """)
    let session = try SessionRecord(json: json)
    let record = ResultRecord(
      session: session, rep: "ana", scriptHash: "fnv1a64:0123456789abcdef",
      durationMilliseconds: 180_000,
      drill: .init(curriculum: "onboarding", passMark: 60, passed: true))
    #expect(record.scenario == "late-delivery" && record.title == "Late" && record.seed == 42)
    #expect(record.mode == "exam" && record.outcome == .resolved && record.turns == 1)
    #expect(record.overall == 77 && record[.understand] == 50)
    #expect(record.antipatterns == [.init(id: "blame", count: 1)])
    #expect(try ResultRecord(json: record.json) == record)
  }
}
