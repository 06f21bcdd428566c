import ArgumentParser

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`new` is not available yet") }
}
