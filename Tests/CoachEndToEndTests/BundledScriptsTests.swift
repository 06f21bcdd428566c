import CoachTestSupport
import Foundation
import Testing

/// The bundled scenario library is part of the product: it must lint clean (warnings included),
/// pass its own tests, and keep its tests reaching at least 90% of every script.
@Suite struct BundledScriptsTests {
  static let scripts = CoachProcess.packageRoot.appendingPathComponent("Scripts").path

  @Test func theBundledScriptsLintCleanEvenStrictly() throws {
    let result = try CoachProcess.run(["lint", "--strict", Self.scripts])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("0 errors, 0 warnings"))
  }

  @Test func theBundledScriptsPassTheirTestsWithCoverage() throws {
    let result = try CoachProcess.run(["test", "--coverage", Self.scripts])
    #expect(result.status == 0, "\(result.stdout)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.last?.hasSuffix(" 0 failed") == true)
    let scenarios = lines.filter { $0.contains(".coach.yaml: ") && $0.contains(" passed, ") }
    #expect(scenarios.count >= 12)
    for line in scenarios {
      let percent = line.split(separator: " ").last.flatMap { Int($0.dropLast()) } ?? 0
      #expect(percent >= 90, "\(line)")
      let passed = Int(line.split(separator: ": ").last?.split(separator: " ").first ?? "") ?? 0
      #expect(passed >= 15, "at least 5 conversation tests and 10 reply checks: \(line)")
    }
  }
}
