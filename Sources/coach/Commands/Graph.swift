import ArgumentParser

struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`graph` is not available yet") }
}
