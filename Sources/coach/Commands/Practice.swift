import ArgumentParser

struct Practice: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`Practice` is not available yet") }
}
