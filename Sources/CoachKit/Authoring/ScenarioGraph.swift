/// A scenario's flow as a diagram, for authors to see what they wrote: the opening, the four
/// steps, the facts (with what brings them out), the options (with how the customer takes them),
/// the rules and the two end states, with the edges the engine can follow between them.
///
/// The graph is built once from the scenario and written as Mermaid (`flowchart TD`, which
/// GitHub, GitLab and many editors draw inline in Markdown) or Graphviz DOT. Node ids are made
/// here (`fact1`, `option2`), never taken from the script, and every text from the script is
/// escaped for the format and stripped of control characters, so a hostile script cannot break
/// out of a label or put escape codes on a terminal.
///
/// ```swift
/// print(ScenarioGraph(scenario).render(.mermaid))
/// // flowchart TD
/// //   start(["Dana Okafor: This is the THIRD time your delivery…<br/>mood 8/10"])
/// //   …
/// ```
public struct ScenarioGraph: Sendable {
  /// An output format.
  public enum Format: String, CaseIterable, Sendable {
    case mermaid
    case dot
  }

  /// A node's kind, which decides its shape.
  enum Kind: Sendable {
    case start, step, fact, option, rule, end
  }

  struct Node: Sendable {
    var id: String
    var kind: Kind
    /// Lines of text, unescaped.
    var lines: [String]
  }

  enum Style: Sendable {
    case solid, dashed
  }

  struct Edge: Sendable {
    var from: String
    var to: String
    var label: String?
    var style: Style = .solid
  }

  /// The longest a line of script text may be in a label before it is cut with `…`.
  static let maxLine = 48
  /// How many cue phrases a label lists before `+N more`.
  static let maxPhrases = 3

  let title: String
  var nodes: [Node] = []
  var edges: [Edge] = []

  /// Builds the graph of `scenario`.
  public init(_ scenario: Scenario) {
    title = scenario.id
    build(scenario)
  }

  // MARK: - Building

  private mutating func build(_ scenario: Scenario) {
    let customer = scenario.customer
    nodes.append(
      Node(
        id: "start", kind: .start,
        lines: [Self.cut("\(customer.name): \(customer.opening)"), "mood \(customer.mood)/10"]))
    for step in Step.allCases {
      nodes.append(Node(id: step.rawValue, kind: .step, lines: [step.title]))
    }
    nodes.append(Node(id: "resolved", kind: .end, lines: ["resolved"]))
    nodes.append(Node(id: "escalated", kind: .end, lines: ["escalated"]))

    edges.append(Edge(from: "start", to: "empathy"))
    edges.append(Edge(from: "empathy", to: "understand", label: "empathy shown"))

    let factIDs = Dictionary(
      scenario.facts.enumerated().map { ($1.id, "fact\($0 + 1)") }, uniquingKeysWith: { a, _ in a })
    for (index, fact) in scenario.facts.enumerated() {
      let id = "fact\(index + 1)"
      var lines = ["fact: \(fact.id)" + (fact.required ? "" : " (optional)")]
      if !fact.askedBy.isEmpty { lines.append("asked by: " + Self.phrases(fact.askedBy)) }
      lines.append(Self.cut("“\(fact.reveal)”"))
      nodes.append(Node(id: id, kind: .fact, lines: lines))
      edges.append(Edge(from: "understand", to: id, label: "question"))
      if fact.required { edges.append(Edge(from: id, to: "offer", label: "known")) }
    }
    if !scenario.facts.contains(where: \.required) {
      edges.append(Edge(from: "understand", to: "offer", label: "nothing to find out"))
    }

    for (index, option) in scenario.options.enumerated() {
      let id = "option\(index + 1)"
      var lines = ["option: \(option.id) (\(option.response.rawValue))"]
      if !option.offeredBy.isEmpty { lines.append("offered by: " + Self.phrases(option.offeredBy)) }
      if let maxMood = option.maxMood { lines.append("mood at most \(maxMood)") }
      lines.append(Self.cut("“\(option.says)”"))
      nodes.append(Node(id: id, kind: .option, lines: lines))
      edges.append(Edge(from: "offer", to: id, label: "offer"))
      for need in option.needsFacts {
        if let fact = factIDs[need.text] {
          edges.append(Edge(from: fact, to: id, label: "needed first", style: .dashed))
        }
      }
      switch option.response {
      case .accept: edges.append(Edge(from: id, to: "check", label: "accepted"))
      case .counter: edges.append(Edge(from: id, to: "offer", label: "countered", style: .dashed))
      case .refuse: edges.append(Edge(from: id, to: "offer", label: "refused", style: .dashed))
      }
    }

    edges.append(
      Edge(from: "check", to: "resolved", label: "check at mood ≤ \(scenario.resolveMood)"))
    edges.append(
      Edge(from: "check", to: "empathy", label: "loop back: still upset", style: .dashed))
    edges.append(
      Edge(
        from: "start", to: "escalated", label: "patience \(customer.patience) runs out, or mood 10",
        style: .dashed))

    for (index, rule) in scenario.rules.enumerated() {
      let id = "rule\(index + 1)"
      nodes.append(Node(id: id, kind: .rule, lines: Self.lines(of: rule)))
      if let step = rule.atStep {
        edges.append(Edge(from: step.rawValue, to: id, label: "at", style: .dashed))
      } else if let step = rule.beforeStep {
        edges.append(
          Edge(from: "start", to: id, label: "before \(step.rawValue)", style: .dashed))
      } else {
        edges.append(Edge(from: "start", to: id, label: "any time", style: .dashed))
      }
      if let fact = rule.reveal.flatMap({ factIDs[$0.text] }) {
        edges.append(Edge(from: id, to: fact, label: "reveals", style: .dashed))
      }
      if let end = rule.end {
        edges.append(Edge(from: id, to: end.rawValue, label: "ends", style: .dashed))
      }
    }
  }

  private static func lines(of rule: Rule) -> [String] {
    var lines = ["rule: \(rule.id)"]
    var when: [String] = []
    if !rule.whenSays.isEmpty { when.append("says " + phrases(rule.whenSays)) }
    if let low = rule.moodAtLeast { when.append("mood ≥ \(low)") }
    if let high = rule.moodAtMost { when.append("mood ≤ \(high)") }
    if !rule.knows.isEmpty { when.append("known: " + rule.knows.map(\.text).joined(separator: ", ")) }
    if !rule.unlessKnows.isEmpty {
      when.append("not yet known: " + rule.unlessKnows.map(\.text).joined(separator: ", "))
    }
    if !when.isEmpty { lines.append(cut("when " + when.joined(separator: "; "))) }
    var then: [String] = []
    if rule.moodChange != 0 { then.append("mood \(rule.moodChange > 0 ? "+" : "")\(rule.moodChange)") }
    if rule.coach != nil { then.append("coach note") }
    if let fact = rule.reveal { then.append("reveal \(fact.text)") }
    if let end = rule.end { then.append("end \(end.rawValue)") }
    if !then.isEmpty { lines.append(cut("then " + then.joined(separator: ", "))) }
    if let say = rule.say { lines.append(cut("“\(say)”")) }
    return lines
  }

  /// `a, b, c +2 more`.
  static func phrases(_ phrases: [Phrase]) -> String {
    var text = phrases.prefix(maxPhrases).map(\.text).joined(separator: ", ")
    if phrases.count > maxPhrases { text += " +\(phrases.count - maxPhrases) more" }
    return cut(text)
  }

  /// One line of script text: control characters and line breaks gone, cut at ``maxLine``.
  static func cut(_ text: String) -> String {
    let clean = TerminalSafe.clean(text, keepNewlines: false)
    var words = ""
    for character in clean {
      let character = character.isNewline || character == "\t" ? " " : character
      if character == " ", words.last == " " { continue }
      words.append(character)
    }
    words = String(words.drop(while: { $0 == " " }))
    while words.last == " " { words.removeLast() }
    guard words.count > maxLine else { return words }
    var short = String(words.prefix(maxLine - 1))
    while short.last == " " { short.removeLast() }
    return short + "…"
  }

  // MARK: - Rendering

  /// The graph as text in `format`, ending with a newline.
  public func render(_ format: Format) -> String {
    switch format {
    case .mermaid: mermaid()
    case .dot: dot()
    }
  }

  private func mermaid() -> String {
    var out = "---\ntitle: \"\(Self.mermaidText(title))\"\n---\nflowchart TD\n"
    for node in nodes {
      let label = node.lines.map(Self.mermaidText).joined(separator: "<br/>")
      let (open, close) =
        switch node.kind {
        case .start: ("([\"", "\"])")
        case .step: ("[[\"", "\"]]")
        case .fact: ("[/\"", "\"/]")
        case .option: ("[\"", "\"]")
        case .rule: ("{{\"", "\"}}")
        case .end: ("((\"", "\"))")
        }
      out += "  \(node.id)\(open)\(label)\(close)\n"
    }
    for edge in edges {
      let arrow = edge.style == .solid ? "-->" : "-.->"
      let label = edge.label.map { "|\"\(Self.mermaidText($0))\"|" } ?? ""
      out += "  \(edge.from) \(arrow)\(label) \(edge.to)\n"
    }
    out += "  classDef step fill:#dbeafe,stroke:#1e40af\n"
    out += "  classDef fact fill:#fef9c3,stroke:#a16207\n"
    out += "  classDef option fill:#dcfce7,stroke:#15803d\n"
    out += "  classDef rule fill:#f3e8ff,stroke:#7e22ce\n"
    out += "  classDef ending fill:#f1f5f9,stroke:#334155\n"
    for kind in [(Kind.step, "step"), (.fact, "fact"), (.option, "option"), (.rule, "rule"), (.end, "ending")] {
      let ids = nodes.filter { $0.kind == kind.0 }.map(\.id)
      if !ids.isEmpty { out += "  class \(ids.joined(separator: ",")) \(kind.1)\n" }
    }
    return out
  }

  /// Text safe inside a quoted Mermaid label: everything but letters, digits, spaces and plain
  /// punctuation becomes an entity code (`#quot;`, `#60;`).
  static func mermaidText(_ text: String) -> String {
    var out = ""
    for scalar in TerminalSafe.clean(text, keepNewlines: false).unicodeScalars {
      switch scalar {
      case "\"": out += "#quot;"
      case "a"..."z", "A"..."Z", "0"..."9", " ", ".", ",", ":", "!", "?", "(", ")", "'", "-", "+",
        "/", "=", "*", "_", "@", "$", "%":
        out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { continue }
        if scalar.value >= 0xA0, scalar.properties.isAlphabetic || scalar.properties.isEmoji
          || "“”‘’…–—≤≥·".unicodeScalars.contains(scalar)
        {
          out.unicodeScalars.append(scalar)
        } else {
          out += "#\(scalar.value);"
        }
      }
    }
    return out
  }

  private func dot() -> String {
    var out = "digraph \"\(Self.dotText(title))\" {\n"
    out += "  rankdir=TB;\n"
    out += "  node [fontname=\"Helvetica\", fontsize=11];\n"
    out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
    for node in nodes {
      let label = node.lines.map(Self.dotText).joined(separator: "\\n")
      let attributes =
        switch node.kind {
        case .start: "shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\""
        case .step: "shape=box, style=\"bold,filled\", fillcolor=\"#dbeafe\""
        case .fact: "shape=note, style=filled, fillcolor=\"#fef9c3\""
        case .option: "shape=box, style=filled, fillcolor=\"#dcfce7\""
        case .rule: "shape=hexagon, style=filled, fillcolor=\"#f3e8ff\""
        case .end: "shape=doublecircle, style=filled, fillcolor=\"#f1f5f9\""
        }
      out += "  \(node.id) [label=\"\(label)\", \(attributes)];\n"
    }
    for edge in edges {
      var attributes: [String] = []
      if let label = edge.label { attributes.append("label=\"\(Self.dotText(label))\"") }
      if edge.style == .dashed { attributes.append("style=dashed") }
      let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
      out += "  \(edge.from) -> \(edge.to)\(suffix);\n"
    }
    return out + "}\n"
  }

  /// Text safe inside a quoted DOT string: backslashes and quotes escaped, control characters
  /// gone (so `\n` in a label is always the line break this type puts there).
  static func dotText(_ text: String) -> String {
    var out = ""
    for scalar in TerminalSafe.clean(text, keepNewlines: false).unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      default:
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
