/// The key tables of the authoring guide (docs/AUTHORING.md), made from the key descriptions the
/// decoders read (``KeySpec``), so that the guide cannot drift from the decoders.
///
/// In the guide, each table stands between two comments that name it:
///
///     <!-- key table: customer -->
///     | key | type | default | meaning |
///     …
///     <!-- end of key table -->
///
/// ``updated(_:)`` rewrites every such table; a test fails when the guide's tables are stale
/// (`RECORD_SNAPSHOTS=1 swift test --filter KeyTableTests` writes them).
enum KeyTables {
  /// The tables the guide may show, by the name its comments use.
  static let specs: [(name: String, spec: MappingSpec)] = [
    ("scenario", ScenarioKeys.spec),
    ("customer", ScenarioKeys.Customer.spec),
    ("fact", ScenarioKeys.Fact.spec),
    ("option", ScenarioKeys.Option.spec),
    ("lines", ScenarioKeys.Lines.spec),
    ("line", ScenarioKeys.Variant.spec),
    ("rule", ScenarioKeys.Rule.spec),
    ("conversation-test", ScenarioKeys.Test.conversation),
    ("conversation-expect", ScenarioKeys.ConversationExpect.spec),
    ("reply-test", ScenarioKeys.Test.reply),
    ("reply-expect", ScenarioKeys.ReplyExpect.spec),
    ("curriculum", CurriculumKeys.spec),
    ("curriculum-entry", CurriculumKeys.Entry.spec),
  ]

  static let start = "<!-- key table: "
  static let end = "<!-- end of key table -->"

  /// The Markdown table of `spec`'s keys.
  static func table(_ spec: MappingSpec) -> String {
    var lines = ["| key | type | default | meaning |", "| --- | --- | --- | --- |"]
    for key in spec.keys {
      let presence: String
      switch key.presence {
      case .required: presence = "required"
      case .optional: presence = "none"
      case .defaults(let value): presence = value.text
      }
      lines.append("| `\(key.name)` | \(typeName(key.type)) | \(presence) | \(key.doc) |")
    }
    return lines.joined(separator: "\n")
  }

  /// A value's type in the guide's words (section 4 explains them).
  static func typeName(_ type: ValueType) -> String {
    switch type {
    case .text, .sentence: "text"
    case .id: "id"
    case .number(let range) where range.lowerBound < 0:
      "number −\(-range.lowerBound) to \(range.upperBound)"
    case .number(let range): "number \(range.lowerBound)–\(range.upperBound)"
    case .flag: "true/false"
    case .word(let words) where words.count == 2: "`\(words[0])` or `\(words[1])`"
    case .word(let words): "one of " + words.map { "`\($0)`" }.joined(separator: ", ")
    case .moodBand: "mood band"
    case .event: "event"
    case .lexiconID: "lexicon id"
    case .lineCondition: "condition"
    case .list(.text): "phrases"
    case .list(.sentence): "sentences"
    case .list(.lineCondition): "conditions"
    case .list(.id): "ids"
    // A line or a list of variants; any other list of alternatives is a list.
    case .list(.oneOf(let items)): if case .text? = items.first { "lines" } else { "list" }
    case .list(.mapping): "list"
    case .list(let item): "list of \(typeName(item))s"
    case .oneOf(let types): types.map(typeName).joined(separator: " or ")
    case .mapping, .anyMapping: "mapping"
    case .map(let value, let keys): "mapping \(keys) → \(typeName(value))"
    }
  }

  /// `document` with every key table rewritten from the descriptions; an error names a table
  /// comment that names no table, or that is not closed.
  static func updated(_ document: String) throws(KeyTableError) -> String {
    var output: [Substring] = []
    var lines = document.split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let line = lines.popFirst() {
      output.append(line)
      guard line.hasPrefix(start), line.hasSuffix(" -->") else { continue }
      let name = String(line.dropFirst(start.count).dropLast(" -->".count))
      guard let spec = specs.first(where: { $0.name == name })?.spec else {
        throw .unknownTable(name)
      }
      guard let close = lines.firstIndex(where: { $0 == end }) else { throw .notClosed(name) }
      lines = lines[close...]
      output.append(Substring(table(spec)))
    }
    return output.joined(separator: "\n")
  }
}

enum KeyTableError: Error, Equatable {
  case unknownTable(String)
  case notClosed(String)
}
