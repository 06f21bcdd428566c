import CoachTestSupport
import Testing

@Suite struct VersionTests {
  @Test func printsVersion() throws {
    let result = try CoachProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == "0.1.0\n")
  }
}
