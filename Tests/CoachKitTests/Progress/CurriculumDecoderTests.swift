import CoachKit
import Foundation
import Testing

@Suite struct CurriculumDecoderTests {
  static let valid = """
    curriculum: starter
    title: Starter drill
    pass-mark: 60
    overall-mark: 65
    max-attempts: 3
    step-marks: {empathy: 50}
    scenarios:
      - one
      - scenario: two
        pass-mark: 70
        step-marks: {check: 40}
      - scenario: three
        mode: exam
        max-attempts: 1
        must-resolve: true
        after: [one]
      - scenario: four
        after: []
    """

  @Test func decodesEntriesWithDefaultsAndOverrides() throws {
    let script = ProgressFixtures.load(Self.valid)
    #expect(script.diagnostics.isEmpty)
    let curriculum = try #require(script.curriculum)
    #expect(curriculum.id == "starter")
    #expect(curriculum.overallMark == 65)
    #expect(curriculum.entries.map(\.scenario) == ["one", "two", "three", "four"])
    let one = curriculum.entries[0]
    #expect(one.passMark == 60 && one.maxAttempts == 3 && one.mode == .practice)
    #expect(one.stepMarks == [.empathy: 50] && one.after == [])
    let two = curriculum.entries[1]
    #expect(two.passMark == 70 && two.stepMarks == [.empathy: 50, .check: 40])
    #expect(two.after == ["one"], "without `after`, an entry opens after the one before it")
    let three = curriculum.entries[2]
    #expect(three.mode == .exam && three.maxAttempts == 1 && three.mustResolve)
    #expect(three.after == ["one"])
    #expect(curriculum.entries[3].after == [], "`after: []` opens from the start")
  }

  @Test func bundledOnboardingCurriculumIsValidAndRisesInDifficulty() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("Scripts/curricula/onboarding.coach.yaml").path
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let script = ScriptLoader.load(SourceFile(path: path, bytes: bytes))
    #expect(script.diagnostics.isEmpty)
    let curriculum = try #require(script.curriculum)
    #expect(curriculum.entries.count >= 6)
    // The bundled scenarios' own labels, read from their files.
    let folder = root.appendingPathComponent("Scripts/scenarios")
    var labels: [String: Int] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name.hasSuffix(".coach.yaml") {
      let file = folder.appendingPathComponent(name).path
      let loaded = ScriptLoader.load(
        SourceFile(path: file, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file)))))
      let scenario = try #require(loaded.scenario)
      labels[scenario.id] = scenario.difficulty
    }
    #expect(labels.count == 12)
    #expect(curriculum.checkScenarios(available: labels).isEmpty)
  }

  @Test func reportsDuplicateEntries() {
    let script = ProgressFixtures.load(
      """
      curriculum: dup
      title: Dup
      scenarios: [one, two, one]
      """)
    let codes = script.diagnostics.map(\.code)
    #expect(codes == ["C001"])
    #expect(script.diagnostics[0].message == "scenario `one` is listed twice")
    #expect(script.diagnostics[0].span?.start.line == 3)
    #expect(script.diagnostics[0].related.first?.message == "first listed here")
    #expect(script.curriculum == nil)
  }

  @Test func reportsUnlockRulesNamingUnknownEntriesWithDidYouMean() {
    let script = ProgressFixtures.load(
      """
      curriculum: bad
      title: Bad
      scenarios:
        - late-delivery
        - scenario: vent-first
          after: [late-delivry]
      """)
    #expect(script.diagnostics.map(\.code) == ["C002"])
    #expect(script.diagnostics[0].help == "did you mean `late-delivery`?")
    #expect(script.diagnostics[0].span?.start.line == 6)
  }

  @Test func reportsCyclesOnceAndSelfReferences() {
    let script = ProgressFixtures.load(
      """
      curriculum: loop
      title: Loop
      scenarios:
        - scenario: a
          after: [c]
        - scenario: b
          after: [a]
        - scenario: c
          after: [b]
        - scenario: d
          after: [d]
      """)
    let messages = script.diagnostics.map(\.message)
    #expect(script.diagnostics.map(\.code) == ["C003", "C003"])
    #expect(messages.contains("the `after` rules go round in a circle: `a` → `c` → `b` → `a`"))
    #expect(messages.contains("scenario `d` opens only after itself, so it never opens"))
  }

  @Test func passMarksMustBeWithin0To100() {
    let script = ProgressFixtures.load(
      """
      curriculum: marks
      title: Marks
      pass-mark: 120
      scenarios:
        - scenario: a
          step-marks: {empathy: -5, offre: 10}
      """)
    #expect(script.diagnostics.map(\.code) == ["S005", "S005", "S002"])
    #expect(script.diagnostics[2].help == "did you mean `offer`?")
  }

  @Test func anEmptyListAndMissingTitleAreErrors() {
    let script = ProgressFixtures.load("curriculum: empty\nscenarios: []\n")
    #expect(Set(script.diagnostics.map(\.code)) == ["S001", "C004"])
  }

  @Test func unknownModeGetsTheChoices() {
    let script = ProgressFixtures.load(
      "curriculum: m\ntitle: M\nmode: test\nscenarios: [a]\n")
    #expect(script.diagnostics.map(\.code) == ["S007"])
    #expect(script.diagnostics[0].help == "expected one of `practice`, `exam`")
  }

  @Test func scenarioIDsAreCheckedAgainstTheAvailableScenarios() throws {
    let curriculum = try #require(ProgressFixtures.load(Self.valid).curriculum)
    let diagnostics = curriculum.checkScenarios(available: [
      "one": 1, "two": 3, "thre": 2, "four": 2,
    ])
    #expect(diagnostics.map(\.code) == ["C010", "C011"])
    #expect(diagnostics[0].message == "no scenario has the id `three`")
    #expect(diagnostics[0].help == "did you mean `thre`?")
    #expect(diagnostics[1].severity == .warning)
    #expect(
      diagnostics[1].message.hasPrefix(
        "scenario `four` (difficulty 2) comes after the harder `two`"))
  }
}
