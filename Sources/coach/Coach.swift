import ArgumentParser
import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `coach` command: practise handling upset customers at the terminal.
///
/// Every command names itself (`commandName:`) in its configuration: otherwise the argument
/// parser derives each name from the type at start-up, which costs milliseconds of runtime
/// reflection per subcommand on every run.
@main
struct Coach: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coach",
    abstract: "Practise handling upset customers: Empathy, Understand, Offer, Check.",
    discussion: """
      With no subcommand, starts a practice session on the default scenario. \
      Scenarios are found in the bundled Scripts folder, in --scripts DIR and in $COACH_SCRIPTS.
      """,
    version: CoachVersion.string,
    subcommands: [
      Practice.self,
      List.self,
      Lint.self,
      Parse.self,
      Score.self,
      Test.self,
      New.self,
      Graph.self,
      Schema.self,
      Reflect.self,
      Recap.self,
      Drill.self,
      Progress.self,
      Results.self,
      Report.self,
    ],
    defaultSubcommand: Practice.self
  )

  /// Parses the command line (its real bytes: see ``Platform/arguments()``) and runs the command.
  /// Every message, the argument parser's own included (it quotes invalid values back), goes
  /// through ``Platform``, so none can carry a control character to the terminal. A session that a signal ended has been saved by now; the
  /// process then ends with that signal.
  static func main() {
    let status: Int32
    do {
      var command = try parseAsRoot(Platform.arguments())
      try command.run()
      status = 0
    } catch {
      // A value quoted back may be a name that is not UTF-8: its odd bytes are shown as `\xNN`.
      let message = FileName.display(fullMessage(for: error))
      let code = exitCode(for: error)
      if !message.isEmpty {
        if code == .success {
          Platform.write(message + "\n")
        } else {
          Platform.writeError(message + "\n")
        }
      }
      status = code.rawValue
    }
    Platform.flush()
    Signals.endIfTerminated()
    Glibc.exit(status)
  }
}

enum CoachVersion {
  static let string = "0.1.0"
}
