import ArgumentParser

struct Results: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`results` is not available yet") }
}
