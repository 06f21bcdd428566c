import ArgumentParser
import CoachKit

/// `--from PATH` / `--last`: the saved practice session an exercise works on.
struct SessionSourceOptions: ParsableArguments {
  @Option(help: ArgumentHelp("A saved practice transcript (.json).", valueName: "path"))
  var from: String?

  @Flag(help: "Use the latest saved practice session.")
  var last = false

  /// Whether a session was named.
  var isGiven: Bool { from != nil || last }

  func validate() throws {
    if from != nil, last { throw ValidationError("use either --from or --last, not both") }
  }

  /// The session named, if any.
  func record() throws -> SessionRecord? {
    try ExerciseFiles.session(from: from, last: last)
  }
}
