import ArgumentParser

struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`lint` is not available yet") }
}
