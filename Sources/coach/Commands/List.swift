import ArgumentParser

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(in progress)")
  func run() throws { throw CoachError("`List` is not available yet") }
}
