import ArgumentParser

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`report` is not available yet") }
}
