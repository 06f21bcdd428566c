import ArgumentParser

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
      With no subcommand, starts a practice session on the default scenario.
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
}

enum CoachVersion {
  static let string = "0.1.0"
}
