import CoachTestSupport
import Foundation
import Testing

/// `coach parse FILE`, run as a user would.
@Suite struct ParseTests {
  private func write(_ bytes: [UInt8], name: String = "script.coach.yaml") throws -> String {
    let url = try CoachProcess.temporaryDirectory().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  @Test func printsTheMeaningAsJSONInDocumentOrder() throws {
    let path = try write(Array("zebra: 1\napple:\n  - x\n  - {y: z}\nmood: \"8\"\nempty:\n".utf8))
    let result = try CoachProcess.run(["parse", path])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        {
          "zebra": "1",
          "apple": [
            "x",
            {
              "y": "z"
            }
          ],
          "mood": "8",
          "empty": ""
        }

        """)
  }

  @Test func refusesABrokenFileWithDiagnosticsAndExitOne() throws {
    let path = try write(Array("title: Late\nmood: 8\ntitle: Again\n".utf8), name: "dup.coach.yaml")
    let result = try CoachProcess.run(["parse", path])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("dup.coach.yaml:3:1: error[Y007]: duplicate key `title`"))
    #expect(result.stderr.contains("first defined here"))
    #expect(result.stderr.hasSuffix("1 error in \(path)\n"))
  }

  @Test func hostileFilePrintsNoEscapeCodes() throws {
    var bytes = Array("title: \u{1B}[31mred\u{1B}[0m\n\u{1B}]0;owned\u{7}: x\n".utf8)
    bytes += [0xFF, 0xFE, 0x0A] + Array("- \u{9B}2J\n".utf8)
    let path = try write(bytes, name: "evil\u{1B}[2J.coach.yaml")
    let result = try CoachProcess.run(["parse", path])
    #expect(result.status == 1)
    #expect(!result.stdout.utf8.contains(0x1B))
    #expect(!result.stderr.utf8.contains(0x1B))
    #expect(!result.stderr.unicodeScalars.contains("\u{9B}"))
    #expect(result.stderr.contains("error[Y002]"))
    #expect(result.stderr.contains("error[Y001]"))
  }

  @Test func deeplyNestedInputFailsQuickly() throws {
    let path = try write(Array(repeating: UInt8(ascii: "["), count: 100_000))
    let start = ContinuousClock.now
    let result = try CoachProcess.run(["parse", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("error[Y006]"))
    #expect(ContinuousClock.now - start < .seconds(5))
  }
}
