import CoachTestSupport
import Foundation
import Testing

/// Two scripts with the same scenario id on the search path: `list`, `lint` and `practice` name
/// both files and say which one is played.
@Suite struct DuplicateScenarioTests {
  static func folderWithACopy() throws -> URL {
    let folder = try CoachProcess.temporaryDirectory()
    let bundled = CoachProcess.packageRoot.appendingPathComponent(
      "Scripts/scenarios/late-delivery.coach.yaml")
    let text = try String(contentsOf: bundled, encoding: .utf8)
    try text.write(
      to: folder.appendingPathComponent("my-late.coach.yaml"), atomically: true, encoding: .utf8)
    return folder
  }

  static let warning =
    "coach: warning: scenario `late-delivery` is in 2 files: `%BUNDLED%` is played, not "
    + "`./my-late.coach.yaml`; give each scenario its own id\n"

  static var bundledPath: String {
    CoachProcess.packageRoot.appendingPathComponent("Scripts/scenarios/late-delivery.coach.yaml")
      .path
  }

  @Test func listWarnsNamingBothFiles() throws {
    let folder = try Self.folderWithACopy()
    let list = try CoachProcess.run(["list", "--scripts", "."], directory: folder)
    #expect(list.status == 0, "\(list.stderr)")
    let expected = Self.warning.replacingOccurrences(of: "%BUNDLED%", with: Self.bundledPath)
    #expect(list.stderr.contains(expected), "\(list.stderr)")
  }

  @Test func practiceByIDWarnsBeforeItStarts() throws {
    let folder = try Self.folderWithACopy()
    let play = try CoachProcess.run(
      ["practice", "late-delivery", "--scripts", "."], input: "/quit\n", directory: folder)
    let expected = Self.warning.replacingOccurrences(of: "%BUNDLED%", with: Self.bundledPath)
    #expect(play.stderr.contains(expected), "\(play.stderr)")
  }

  @Test func lintWarnsAboutTheIDAndTheOtherFile() throws {
    let folder = try Self.folderWithACopy()
    let lint = try CoachProcess.run(
      ["lint", "--scripts", ".", "my-late.coach.yaml"], directory: folder)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    #expect(
      lint.stdout.contains(
        "warning[W007]: scenario id `late-delivery` is not the file's name, `my-late.coach.yaml`"))
    #expect(
      lint.stdout.contains(
        "warning[W008]: scenario id `late-delivery` is also used by `\(Self.bundledPath)`"))
    let strict = try CoachProcess.run(
      ["lint", "--strict", "--scripts", ".", "my-late.coach.yaml"], directory: folder)
    #expect(strict.status == 1)
  }

  @Test func aSingleScenarioOnThePathGivesNoWarning() throws {
    let folder = try CoachProcess.temporaryDirectory()
    let list = try CoachProcess.run(["list", "--scripts", "."], directory: folder)
    #expect(!list.stderr.contains("warning"), "\(list.stderr)")
  }
}
