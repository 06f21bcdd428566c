import CoachKit

/// Plays one scenario of a drill with the practice session runner.
enum DrillPlayer {
  /// Plays `scenario` in `mode` and returns its record; the reader is handed back afterwards,
  /// with whatever input it has buffered.
  static func play(
    _ scenario: Scenario, mode: Curriculum.Mode, seed: UInt64,
    reader: inout EndTrackingLineReader, style: TerminalStyle, catalog: ScriptCatalog
  ) throws -> SessionRecord {
    let judge = ScenarioJudge(evaluator: try catalog.evaluator(), scenario: scenario)
    let session = Session(scenario: scenario, method: try catalog.method(), seed: seed)
    var runner = PracticeRunner(
      session: session, judge: judge, mode: mode == .exam ? .exam : .practice, reader: reader,
      style: style, width: Platform.terminalWidth(), transcriptDirectory: transcriptDirectory())
    let record = runner.run()
    if let back = runner.reader as? EndTrackingLineReader { reader = back }
    return record
  }

  /// Where transcripts go: `transcripts` in the data folder, or none if it cannot be made.
  static func transcriptDirectory() -> String? {
    guard let data = try? XDGPaths().dataDirectory() else { return nil }
    return try? XDGPaths().ensureDirectory(data + "/transcripts")
  }
}
