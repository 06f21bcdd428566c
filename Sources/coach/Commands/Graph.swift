import ArgumentParser
import CoachKit

extension ScenarioGraph.Format: ExpressibleByArgument {}

/// `coach graph SCENARIO`: a scenario's flow as a Mermaid or DOT diagram.
struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a scenario's flow as a Mermaid (default) or Graphviz DOT diagram.",
    discussion: """
      Shows the opening, the four steps, the facts and what brings them out, the options and how \
      the customer takes them, the rules and the end states. Mermaid draws inline in Markdown on \
      GitHub and GitLab and in many editors; for DOT, pipe it to Graphviz:
        coach graph late-delivery --format dot | dot -Tsvg > late-delivery.svg
      """
  )

  @Argument(help: "A scenario id on the script search path, or a path to a script.")
  var scenario: String

  @Option(help: "Output format: mermaid or dot.")
  var format: ScenarioGraph.Format = .mermaid

  @OptionGroup var scripts: ScriptOptions

  func run() throws {
    let scenario = try ScriptCatalog(scripts).scenario(scenario)
    Platform.write(ScenarioGraph(scenario).render(format))
  }
}
