import ArgumentParser

struct Drill: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`drill` is not available yet") }
}
