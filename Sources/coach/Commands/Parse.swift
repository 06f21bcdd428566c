import ArgumentParser
import CoachKit

/// `coach parse FILE`: what a script means, as JSON.
struct Parse: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract:
      "Print what a script file means, as JSON (keys in document order, scalars as strings).",
    discussion: """
      The output is the tree any YAML 1.2 tool would give for the file, with every scalar a \
      string. A file the scenario language refuses prints its diagnostics and exits 1.
      """
  )

  @Argument(help: "The script file to read ('-' for standard input).")
  var file: String

  @Flag(name: .customLong("no-color"), help: "Never colour diagnostics.")
  var noColor = false

  func run() throws {
    let source = try Input.source(file)
    let tree = SyntaxParser.parse(source)
    if tree.diagnostics.hasErrors {
      let renderer = DiagnosticRenderer(color: Platform.useColor(on: 2, disabled: noColor))
      Platform.writeError(renderer.render(tree.diagnostics, in: source))
      throw ExitCode.failure
    }
    Platform.write((tree.root?.json ?? .null).serialized(pretty: true) + "\n")
  }
}

/// Reading a path or standard input.
enum Input {
  static func source(_ path: String) throws -> SourceFile {
    if path == "-" {
      guard let bytes = Platform.readStandardInput(limit: ScriptFiles.maxFileSize) else {
        throw CoachError("standard input is larger than 16 MB")
      }
      return SourceFile(path: "<stdin>", bytes: bytes)
    }
    return try ScriptFiles.read(path)
  }
}
