import CoachTestSupport
import Foundation
import Testing

@testable import coach

/// The executable's terminal plumbing, tested directly: the plain reader on a real pipe, the XDG
/// folders and atomic files on temporary folders, styles and prompts.
@Suite struct TerminalTests {
  // MARK: - PlainLineReader

  /// Everything `reader` returns for `bytes` written to a pipe, up to and including end of input.
  private func readAll(
    _ bytes: [UInt8], maxLineBytes: Int = PlainLineReader.maxLineBytes
  ) throws -> [LineReaderResult] {
    let pipe = Pipe()
    let writer = Thread {
      pipe.fileHandleForWriting.write(Data(bytes))
      try? pipe.fileHandleForWriting.close()
    }
    writer.start()
    var reader = PlainLineReader(
      fileDescriptor: pipe.fileHandleForReading.fileDescriptor, maxLineBytes: maxLineBytes)
    var results: [LineReaderResult] = []
    while results.count < 10_000 {
      let result = reader.readLine(prompt: "you> ")
      results.append(result)
      if result == .endOfInput { break }
    }
    // Reading again after the end stays at the end.
    #expect(reader.readLine(prompt: "") == .endOfInput)
    return results
  }

  @Test func plainReaderOnEmptyInputEndsAtOnce() throws {
    #expect(try readAll([]) == [.endOfInput])
  }

  @Test func plainReaderReadsLines() throws {
    #expect(
      try readAll(Array("one\ntwo\n\nfour\n".utf8)) == [
        .line("one"), .line("two"), .line(""), .line("four"), .endOfInput,
      ])
  }

  @Test func plainReaderKeepsALastLineWithoutNewline() throws {
    #expect(try readAll(Array("one\nlast".utf8)) == [.line("one"), .line("last"), .endOfInput])
  }

  @Test func plainReaderDropsCarriageReturns() throws {
    #expect(
      try readAll(Array("one\r\ntwo\r\nin\rside\r".utf8)) == [
        .line("one"), .line("two"), .line("in\rside"), .endOfInput,
      ])
  }

  @Test func plainReaderRepairsInvalidUTF8() throws {
    let bytes: [UInt8] = [0x68, 0x69, 0xFF, 0x21, 0x0A, 0xC3, 0xA9, 0x0A]
    #expect(try readAll(bytes) == [.line("hi\u{FFFD}!"), .line("é"), .endOfInput])
  }

  @Test func plainReaderCutsVeryLongLines() throws {
    let long = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
    let results = try readAll(long + Array("\nnext\n".utf8))
    #expect(results.count == 3)
    #expect(results.first == .line(String(repeating: "a", count: PlainLineReader.maxLineBytes)))
    #expect(results.dropFirst().first == .line("next"))
  }

  @Test func plainReaderCutsAtACharacterBoundary() throws {
    // "é" is two bytes: a cap of 5 bytes would split the third one.
    let results = try readAll(Array("ééééé\nok".utf8), maxLineBytes: 5)
    #expect(results == [.line("éé"), .line("ok"), .endOfInput])
  }

  @Test func plainReaderHandlesManyLinesAcrossReads() throws {
    let lines = (0..<5_000).map { "line \($0) " + String(repeating: "x", count: $0 % 50) }
    let results = try readAll(Array((lines.joined(separator: "\n") + "\n").utf8))
    #expect(results == lines.map { .line($0) } + [.endOfInput])
  }

  // MARK: - ScriptedLineReader

  @Test func scriptedReaderReturnsItsResultsThenEndOfInput() {
    var reader = ScriptedLineReader([.line("hi"), .interrupted(lineWasEmpty: false)])
    #expect(reader.readLine(prompt: "a> ") == .line("hi"))
    #expect(reader.readLine(prompt: "b> ") == .interrupted(lineWasEmpty: false))
    #expect(reader.readLine(prompt: "c> ") == .endOfInput)
    #expect(reader.prompts == ["a> ", "b> ", "c> "])
    var lines = ScriptedLineReader(lines: ["x", "y"])
    #expect(lines.readLine(prompt: "") == .line("x"))
  }

  // MARK: - XDGPaths

  @Test func xdgPathsUseTheXDGVariables() throws {
    let root = try CoachProcess.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let paths = XDGPaths(
      environment: [
        "XDG_STATE_HOME": root + "/state/", "XDG_DATA_HOME": root + "/data", "HOME": "/nonexistent",
      ].lookup)
    #expect(try paths.stateDirectory() == root + "/state/coach")
    #expect(try paths.dataDirectory() == root + "/data/coach")
    #expect(try mode(root + "/state/coach") == 0o700)
    #expect(try mode(root + "/data/coach") == 0o700)
    #expect(try mode(root + "/state") == 0o700)
    // Asking again is fine.
    #expect(try paths.stateDirectory() == root + "/state/coach")
  }

  @Test func xdgPathsFallBackToHome() throws {
    let home = try CoachProcess.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: home) }
    // A relative XDG value is ignored, as the specification says.
    let paths = XDGPaths(environment: ["HOME": home, "XDG_STATE_HOME": "relative/state"].lookup)
    #expect(try paths.stateDirectory() == home + "/.local/state/coach")
    #expect(try paths.dataDirectory() == home + "/.local/share/coach")
    #expect(try mode(home + "/.local/share/coach") == 0o700)
  }

  @Test func xdgPathsTightenAnExistingCoachFolder() throws {
    let root = try CoachProcess.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/coach", withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o755])
    let paths = XDGPaths(environment: ["XDG_DATA_HOME": root].lookup)
    _ = try paths.dataDirectory()
    #expect(try mode(root + "/coach") == 0o700)
  }

  @Test func xdgPathsWithoutHomeSayWhy() throws {
    let paths = XDGPaths(environment: [:].lookup)
    let error = #expect(throws: CoachError.self) { try paths.stateDirectory() }
    #expect(error?.description.contains("HOME is not set") == true)
  }

  @Test func xdgPathsThatCannotBeCreatedSayWhy() throws {
    let root = try CoachProcess.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = FileManager.default.createFile(atPath: root + "/file", contents: Data())
    let paths = XDGPaths(environment: ["XDG_STATE_HOME": root + "/file"].lookup)
    let error = #expect(throws: CoachError.self) { try paths.stateDirectory() }
    #expect(error?.description.contains("cannot create the folder") == true)
  }

  // MARK: - AtomicFile

  @Test func atomicWriteCreatesAndReplacesAPrivateFile() throws {
    let root = try CoachProcess.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/transcript.txt"
    try AtomicFile.write("first\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
    #expect(try mode(path) == 0o600)
    try AtomicFile.write("second\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
    // No temporary files are left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["transcript.txt"])
  }

  @Test func atomicWriteIntoAMissingFolderFails() throws {
    let root = try CoachProcess.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(throws: CoachError.self) { try AtomicFile.write("x", to: root + "/no/such/file") }
  }

  @Test func appendLineAddsLinesToAPrivateFile() throws {
    let root = try CoachProcess.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/results.jsonl"
    try AtomicFile.appendLine(#"{"score":1}"#, to: path)
    try AtomicFile.appendLine("{\"score\":2}\n", to: path)
    #expect(
      try String(contentsOfFile: path, encoding: .utf8) == "{\"score\":1}\n{\"score\":2}\n")
    #expect(try mode(path) == 0o600)
  }

  // MARK: - TerminalStyle and prompts

  @Test func styleWithoutColourChangesNothing() {
    let style = TerminalStyle(colorEnabled: false)
    #expect(style.bold("hi") == "hi")
    #expect(style.red("hi") == "hi")
    #expect(style.moodMeter(7) == "upset 7/10 ███████░░░")
    #expect(style.moodMeter(12) == "upset 10/10 ██████████")
    #expect(style.moodMeter(-1, maximum: 5) == "upset 0/5 ░░░░░")
  }

  @Test func styleWithColourWrapsInEscapeCodes() {
    let style = TerminalStyle(colorEnabled: true)
    #expect(style.bold("hi") == "\u{1B}[1mhi\u{1B}[0m")
    #expect(style.bold("") == "")
    #expect(style.moodMeter(8) == "upset 8/10 \u{1B}[31m████████\u{1B}[0m\u{1B}[2m░░\u{1B}[0m")
    #expect(style.moodMeter(2).contains("\u{1B}[32m"))
  }

  @Test func readlinePromptMarksEscapeCodesInvisible() {
    #expect(ReadlineLineReader.readlinePrompt("you> ") == "you> ")
    #expect(
      ReadlineLineReader.readlinePrompt("\u{1B}[1myou\u{1B}[0m> ")
        == "\u{1}\u{1B}[1m\u{2}you\u{1}\u{1B}[0m\u{2}> ")
  }

  @Test func slashCommandsAreTheSessionCommands() {
    #expect(Terminal.slashCommands.allSatisfy { $0.hasPrefix("/") })
    #expect(Terminal.slashCommands.contains("/help"))
  }

  private func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
  }
}

extension Dictionary where Key == String, Value == String {
  /// This dictionary as an environment lookup.
  fileprivate var lookup: (String) -> String? { { self[$0] } }
}
