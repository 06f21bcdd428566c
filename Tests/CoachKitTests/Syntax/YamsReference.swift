import CoachKit
import Yams

/// The reference reading of a YAML text: libyaml (through Yams 5.0.1) `compose`, with every
/// scalar taken as its string, in the same JSON shape as ``Node/json``.
enum YamsReference {
  /// What Yams reads `text` as: `.failure` when it refuses the text, `.success(nil)` for an
  /// empty document.
  static func json(_ text: String) -> Result<JSONValue?, Error> {
    do {
      guard let node = try Yams.compose(yaml: text) else { return .success(nil) }
      return .success(convert(node))
    } catch {
      return .failure(error)
    }
  }

  static func convert(_ node: Yams.Node) -> JSONValue {
    switch node {
    case .scalar(let scalar):
      return .string(scalar.string)
    case .sequence(let sequence):
      return .array(sequence.map(convert))
    case .mapping(let mapping):
      return .object(mapping.map { (key, value) in (keyString(key), convert(value)) })
    }
  }

  private static func keyString(_ node: Yams.Node) -> String {
    if case .scalar(let scalar) = node { return scalar.string }
    return convert(node).serialized()
  }
}

/// What our parser reads `text` as: `nil` when it refuses the text.
enum OurReading {
  static func json(_ text: String) -> (accepted: Bool, json: JSONValue?, diagnostics: [Diagnostic])
  {
    let tree = SyntaxParser.parse(SourceFile(path: "t.coach.yaml", text: text))
    if tree.diagnostics.hasErrors { return (false, nil, tree.diagnostics) }
    return (true, tree.root?.json, [])
  }
}
