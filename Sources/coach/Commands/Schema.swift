import ArgumentParser
import CoachKit

extension ScriptSchema.Kind: ExpressibleByArgument {}

/// `coach schema`: a JSON Schema of the script formats, for editors.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a JSON Schema (draft-07) of the script formats, for editors.",
    discussion: """
      With a YAML language server (the VS Code YAML extension, or yaml-language-server in any \
      editor), the schema validates, completes and documents *.coach.yaml files as you type:
        coach schema > coach.schema.json
      then put `# yaml-language-server: $schema=./coach.schema.json` on the first line of a \
      script, or map `*.coach.yaml` to the file in the editor's `yaml.schemas` setting. \
      --kind all (the default) covers every kind of script, told apart by the first key.
      """
  )

  @Option(help: "Which scripts: scenario, curriculum, lexicon, method or all.")
  var kind: ScriptSchema.Kind = .all

  func run() throws {
    Platform.write(ScriptSchema.schema(kind).serialized(pretty: true) + "\n")
  }
}
