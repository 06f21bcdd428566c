import ArgumentParser

struct Recap: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`recap` is not available yet") }
}
