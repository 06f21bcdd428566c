import CoachKit

/// Plays one scenario of a drill with the practice session runner.
enum DrillPlayer {
  /// Plays `scenario` in `mode` and returns its record, and why its transcript could not be
  /// saved in `transcripts` if it could not; the reader is handed back afterwards, with whatever
  /// input it has buffered.
  static func play(
    _ scenario: Scenario, mode: Curriculum.Mode, seed: UInt64,
    reader: inout EndTrackingLineReader, style: TerminalStyle, catalog: ScriptCatalog,
    transcripts: String
  ) throws -> (record: SessionRecord, transcriptError: String?) {
    let judge = ScenarioJudge(evaluator: try catalog.evaluator(), scenario: scenario)
    let session = Session(scenario: scenario, method: try catalog.method(), seed: seed)
    var runner = PracticeRunner(
      session: session, judge: judge, mode: mode == .exam ? .exam : .practice, reader: reader,
      style: style, width: Platform.terminalWidth(), transcriptDirectory: transcripts)
    let record = try runner.run()
    if let back = runner.reader as? EndTrackingLineReader { reader = back }
    return (record, runner.transcriptError)
  }
}
