import ArgumentParser

struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`test` is not available yet") }
}
