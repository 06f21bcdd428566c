import ArgumentParser

struct Progress: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`progress` is not available yet") }
}
