import CoachKit
import CoachTestSupport
import Foundation
import Testing

/// Shared loading for the authoring tests: fixture files, the bundled scripts and golden files.
enum AuthoringFixtures {
  /// `Tests/CoachKitTests/Fixtures/Authoring`.
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Authoring")

  /// The bundled `Scripts` folder.
  static let scripts = URL(fileURLWithPath: TestScripts.scriptsDirectory)

  /// The evaluator built from the bundled lexicon.
  static let evaluator: Evaluator = {
    let path = scripts.appendingPathComponent("lexicon.en.coach.yaml").path
    let script = ScriptLoader.load(SourceFile(path: path, bytes: TestScripts.readFile(path)))
    guard let lexicon = script.lexicon else { fatalError("the bundled lexicon does not load") }
    return Evaluator(lexicon: lexicon)
  }()

  /// The bundled everyday phrases that cues should not match (W019).
  static let everydayPhrases: [(word: String, phrases: [String])] = {
    let path = scripts.appendingPathComponent(AuthoringSmells.everydayPhrasesPath).path
    let loaded = AuthoringSmells.everydayPhrases(
      from: SourceFile(path: path, bytes: TestScripts.readFile(path)))
    guard loaded.diagnostics.isEmpty, !loaded.phrases.isEmpty else {
      fatalError("the bundled everyday phrases do not load")
    }
    return loaded.phrases
  }()

  /// The names (without `.coach.yaml`) of the fixtures in a subfolder.
  static func names(in folder: String) -> [String] {
    let path = directory.appendingPathComponent(folder).path
    let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return files.filter { $0.hasSuffix(".coach.yaml") }
      .map { String($0.dropLast(".coach.yaml".count)) }.sorted()
  }

  /// A fixture's source, named by its path relative to the fixtures folder.
  static func source(_ relative: String) throws -> SourceFile {
    let url = directory.appendingPathComponent(relative)
    return SourceFile(path: relative, bytes: Array(try Data(contentsOf: url)))
  }

  /// The `*.coach.yaml` files of the bundled `Scripts` folder (the template is not one).
  static func bundledScripts() -> [URL] {
    let enumerator = FileManager.default.enumerator(at: scripts, includingPropertiesForKeys: nil)
    var found: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.lastPathComponent.hasSuffix(".coach.yaml") { found.append(url) }
    }
    return found.sorted { $0.path < $1.path }
  }

  /// The scenario template filled in for `id`.
  static func template(id: String) throws -> String {
    let url = scripts.appendingPathComponent(ScenarioTemplate.path)
    return try ScenarioTemplate.fill(String(contentsOf: url, encoding: .utf8), id: id)
  }

  /// Compares `actual` with the golden file at `relative`, or rewrites it when
  /// `RECORD_SNAPSHOTS=1`.
  static func assertGolden(
    _ actual: String, _ relative: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(relative)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "\(relative) differs", sourceLocation: sourceLocation)
  }
}
