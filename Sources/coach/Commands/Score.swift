import ArgumentParser

struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`Score` is not available yet") }
}
