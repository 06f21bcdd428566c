#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import ArgumentParser
import CoachKit

/// `coach new ID`: write a commented scenario skeleton that passes lint and test.
struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a new scenario skeleton, ID.coach.yaml, in the current folder.",
    discussion: """
      The skeleton is a small, complete, playable scenario with a comment on every key and TODO \
      marks on the parts to rewrite first. It passes `coach lint` and `coach test` as written. \
      ID uses lowercase letters, digits and `-`, starting with a letter. An existing file is \
      never replaced unless --force is given.
      """
  )

  @Argument(help: "The new scenario's id (also its file name).")
  var id: String

  @Flag(help: "Replace ID.coach.yaml if it exists.")
  var force = false

  func validate() throws {
    do {
      try ScenarioTemplate.check(id: id)
    } catch {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    guard let scripts = ScriptFiles.bundledDirectory() else {
      throw CoachError("cannot find the bundled Scripts folder with the scenario template")
    }
    let templatePath = scripts + "/" + ScenarioTemplate.path
    guard let bytes = ScriptFiles.readBytes(templatePath) else {
      throw CoachError("cannot read the scenario template: \(ScriptFiles.errnoText())")
    }
    let text = try ScenarioTemplate.fill(String(decoding: bytes, as: UTF8.self), id: id)
    let path = id + ".coach.yaml"
    if force {
      try AtomicFile.write(text, to: path)
      chmod(path, 0o644)
    } else {
      try Self.create(path, text)
    }
    Platform.write(
      """
      Wrote \(path). Next:
        coach lint \(path)       check it
        coach test \(path)       run its tests
        coach practice \(path)   play it

      """)
  }

  /// Creates `path` with `text`, refusing if it exists (checked and created in one step).
  private static func create(_ path: String, _ text: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else {
      if errno == EEXIST {
        throw CoachError("`\(path)` already exists; use --force to replace it")
      }
      throw CoachError("cannot create `\(path)`: \(ScriptFiles.errnoText())")
    }
    var bytes = Array(text.utf8)
    var offset = 0
    var failed = false
    bytes.withUnsafeMutableBytes { buffer in
      while offset < buffer.count {
        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0, errno == EINTR { continue }
        if n <= 0 {
          failed = true
          break
        }
        offset += n
      }
    }
    let closed = close(fd) == 0
    if failed || !closed {
      unlink(path)
      throw CoachError("cannot write `\(path)`: \(ScriptFiles.errnoText())")
    }
  }
}
