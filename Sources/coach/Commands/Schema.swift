import ArgumentParser

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`schema` is not available yet") }
}
