import ArgumentParser

struct Reflect: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`reflect` is not available yet") }
}
