import CoachTestSupport
import Foundation
import Testing

@testable import CoachKit

/// `coach schema`: the schema accepts every bundled script and the `coach new` skeleton, refuses
/// common mistakes, and closes exactly the keys the decoders read.
@Suite struct ScriptSchemaTests {
  static let all = SchemaValidator(root: ScriptSchema.schema(.all))

  static func json(_ text: String, path: String = "x.coach.yaml") throws -> JSONValue {
    let tree = SyntaxParser.parse(SourceFile(path: path, text: text))
    return try #require(tree.root?.json)
  }

  @Test func acceptsEveryBundledScript() throws {
    let scripts = AuthoringFixtures.bundledScripts()
    #expect(scripts.count >= 4)
    for url in scripts {
      let value = try Self.json(String(contentsOf: url, encoding: .utf8))
      let errors = Self.all.errors(value)
      #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.prefix(3))")
    }
  }

  @Test func acceptsTheNewScenarioSkeleton() throws {
    let value = try Self.json(AuthoringFixtures.template(id: "x"))
    #expect(Self.all.errors(value).isEmpty, "\(Self.all.errors(value).prefix(3))")
    let scenarioOnly = SchemaValidator(root: ScriptSchema.schema(.scenario))
    #expect(scenarioOnly.errors(value).isEmpty)
  }

  @Test func acceptsNumbersAndBooleansAsAnEditorReadsThem() {
    let value: JSONValue = .object([
      ("curriculum", "c"), ("title", 2024), ("pass-mark", 70), ("must-resolve", true),
      ("scenarios", ["a", .object([("scenario", "b"), ("max-attempts", 3)])]),
    ])
    #expect(Self.all.errors(value).isEmpty, "\(Self.all.errors(value))")
  }

  @Test(arguments: [
    ("customer:\n  name: A\n  mod: 3", "unknown key `mod`"),
    ("difficulty: 9", "does not match"),
    ("options:\n  - id: a\n    offered-by: [a]\n    accept: x\n    refuse: y", "`oneOf`"),
    ("lines:\n  empathy:\n    good:\n      - mood: 11\n        say: x", "alternatives"),
    ("rules:\n  - id: r\n    end: solved", "is not one of"),
    ("rules:\n  - id: r\n    once: yes\n    say: x", "alternatives"),
  ])
  func refusesAMistake(change: String, expected: String) throws {
    let base = """
      scenario: s
      title: T
      situation: S
      customer:
        name: A
        mood: 5
        opening: O
      options: []
      lines: {}
      difficulty: 1
      """
    var lines = base.split(separator: "\n").map(String.init)
    let key = String(change.prefix { $0 != ":" })
    lines.removeAll { $0.hasPrefix(key + ":") }
    if key == "customer" { lines.removeAll { $0.hasPrefix("  ") } }
    let value = try Self.json((lines + [change]).joined(separator: "\n"))
    let errors = Self.all.errors(value)
    #expect(errors.contains { $0.contains(expected) }, "\(errors)")
  }

  @Test(arguments: ScriptSchema.Kind.allCases)
  func everyKeyHasADescription(kind: ScriptSchema.Kind) {
    var missing: [String] = []
    func walk(_ value: JSONValue, _ path: String) {
      guard case .object(let members) = value else {
        if case .array(let items) = value { for item in items { walk(item, path) } }
        return
      }
      if case .object(let properties)? = value["properties"] {
        for (name, schema) in properties where schema["description"] == nil {
          missing.append("\(path).\(name)")
        }
      }
      for (name, member) in members { walk(member, path + "/" + name) }
    }
    walk(ScriptSchema.schema(kind), "")
    #expect(missing.isEmpty, "\(missing)")
  }

  /// For every mapping the schema closes, a sample script with every key and one unknown key
  /// there: the decoder reports the unknown key alone (so it reads every key the schema has), and
  /// its "unknown key" diagnostic lists the keys it reads, which must be the schema's.
  @Test(arguments: [ScriptSchema.Kind.scenario, .curriculum, .lexicon, .method])
  func closesExactlyTheKeysTheDecoderReads(kind: ScriptSchema.Kind) throws {
    var writer = SampleWriter(root: ScriptSchema.schema(kind))
    writer.writeMapping(writer.root, indent: 0, dash: false)
    let text = writer.lines.joined(separator: "\n") + "\n"
    let source = SourceFile(path: "sample.coach.yaml", text: text)
    let script = ScriptLoader.load(source)
    #expect(script.kind?.rawValue == kind.rawValue)
    #expect(writer.closed.count >= 4)
    var diagnostics = script.diagnostics
    if kind == .lexicon, case .mapping(let root)? = SyntaxParser.parse(source).root {
      // The lexicon's reflection sections are decoded when an exercise needs them.
      let sink = DiagnosticSink()
      var reflection = Lexicon.Reflection()
      ReflectionDecoder(sink: sink).decode(
        assumptions: root["assumptions"], recap: root["recap"], into: &reflection)
      diagnostics += sink.diagnostics
    }
    let unknownLines = Set(writer.closed.map(\.line))
    let unread = diagnostics.filter {
      $0.code == "S002" && !unknownLines.contains($0.span?.start.line ?? 0)
    }
    #expect(unread.isEmpty, "keys the decoder does not read: \(unread.map(\.message))")
    for (line, keys) in writer.closed {
      let found = diagnostics.filter { $0.code == "S002" && $0.span?.start.line == line }
      guard let diagnostic = found.first else {
        Issue.record(
          "line \(line): no unknown-key report; the decoder does not close this mapping\n\(text)")
        continue
      }
      let listed = Set(Self.names(in: diagnostic.help ?? ""))
      #expect(
        listed == Set(keys),
        "line \(line): only in the decoder \(listed.subtracting(keys).sorted()), only in the schema \(Set(keys).subtracting(listed).sorted())"
      )
    }
  }

  /// The names in backticks in a help line.
  static func names(in text: String) -> [String] {
    let text = text.range(of: " are: ").map { String(text[$0.upperBound...]) } ?? text
    return text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
  }
}

/// Writes a sample script from a schema: every key of every mapping, one list item per
/// alternative, and an unknown key in each mapping the schema closes.
struct SampleWriter {
  static let unknownKey = "zzzz-unknown-key"
  let root: JSONValue
  var lines: [String] = []
  /// Each unknown key's line (1-based) and the keys the schema allows there.
  var closed: [(line: Int, keys: [String])] = []

  func resolve(_ schema: JSONValue) -> JSONValue {
    if let ref = schema["$ref"]?.stringValue,
      let target = root["definitions"]?[String(ref.dropFirst("#/definitions/".count))]
    {
      return resolve(target)
    }
    return schema
  }

  enum Shape {
    case scalar(String)
    case mapping(JSONValue)
    case list([JSONValue])
  }

  func shape(_ schema: JSONValue) -> Shape {
    let schema = resolve(schema)
    if schema["properties"] != nil || schema["type"]?.stringValue == "object" {
      return .mapping(schema)
    }
    let alternatives = (schema["anyOf"] ?? schema["oneOf"])?.arrayValue ?? []
    if let array = alternatives.first(where: { $0["type"]?.stringValue == "array" }) {
      let item = resolve(array["items"] ?? .null)
      let choices = (item["anyOf"] ?? item["oneOf"])?.arrayValue
      return .list(
        choices.map { $0.filter { shapeIsCollection($0) } + $0.filter { !shapeIsCollection($0) } }
          ?? [item])
    }
    if let choices = schema["enum"]?.arrayValue, let first = choices.compactMap(\.stringValue).first
    {
      return .scalar(first)
    }
    if let integer = alternatives.first(where: { $0["type"]?.stringValue == "integer" }),
      let minimum = integer["minimum"]?.intValue
    {
      return .scalar(String(minimum))
    }
    if alternatives.contains(where: { $0["type"]?.stringValue == "boolean" }) {
      return .scalar("true")
    }
    if schema["pattern"] != nil { return .scalar("a") }
    return .scalar("x")
  }

  private func shapeIsCollection(_ schema: JSONValue) -> Bool {
    if case .scalar = shape(schema) { return false }
    return true
  }

  /// Writes the mapping `schema` at `indent`; with `dash`, as a list item.
  mutating func writeMapping(
    _ schema: JSONValue, indent: Int, dash: Bool, allowed: [String]? = nil
  ) {
    let schema = resolve(schema)
    let pad = String(repeating: " ", count: indent + (dash ? 2 : 0))
    var first = dash
    func prefix() -> String {
      defer { first = false }
      return first ? String(repeating: " ", count: indent) + "- " : pad
    }
    var entries: [(String, JSONValue)] = []
    if case .object(let properties)? = schema["properties"] {
      entries = properties
    } else if let value = schema["additionalProperties"], value != .bool(false) {
      entries = [("sample", value)]
    }
    for (key, value) in entries {
      switch shape(value) {
      case .scalar(let text):
        lines.append(prefix() + "\(key): \"\(text)\"")
      case .mapping(let nested):
        lines.append(prefix() + "\(key):")
        writeMapping(nested, indent: pad.count + 2, dash: false)
      case .list(let items):
        lines.append(prefix() + "\(key):")
        // Alternatives of one list (conversation and reply tests) share one decoder.
        var union: [String] = []
        for item in items {
          if case .object(let properties)? = resolve(item)["properties"] {
            union += properties.map(\.0).filter { !union.contains($0) }
          }
        }
        for item in items { writeItem(item, indent: pad.count + 2, allowed: union) }
      }
    }
    if schema["additionalProperties"] == .bool(false) {
      lines.append(prefix() + "\(Self.unknownKey): \"x\"")
      var keys: [String] = []
      if case .object(let properties)? = schema["properties"] { keys = properties.map(\.0) }
      closed.append((lines.count, allowed ?? keys))
    }
  }

  private mutating func writeItem(_ item: JSONValue, indent: Int, allowed: [String]) {
    let pad = String(repeating: " ", count: indent)
    switch shape(item) {
    case .scalar(let text): lines.append(pad + "- \"\(text)\"")
    case .mapping(let nested): writeMapping(nested, indent: indent, dash: true, allowed: allowed)
    case .list(let items):
      lines.append(pad + "-")
      for inner in items { writeItem(inner, indent: indent + 2, allowed: allowed) }
    }
  }
}
