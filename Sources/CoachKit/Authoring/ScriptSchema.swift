/// A JSON Schema (draft-07) of the script formats, for editors: with a YAML language server, an
/// editor validates `*.coach.yaml` files and completes and documents their keys as you type.
///
/// Every key has a description (shown on hover), fixed words are enums, numbers have their
/// ranges. A script's scalars are strings to `coach`, but an editor's YAML parser reads `7` as a
/// number and `true` as a boolean, so numbers and booleans accept both spellings, and free text
/// accepts anything a YAML scalar can be. The combined schema (``Kind/all``) tells the kinds
/// apart by their first key with `if`/`then`.
///
/// The schema is made from the key descriptions the decoders read (``KeySpec``, in
/// `ScenarioKeys`, `CurriculumKeys`, `MethodKeys` and `LexiconKeys`), so it cannot drift from
/// them: a key, its range, its words, its default and its documentation are written once.
public enum ScriptSchema {
  /// Which script kinds the schema describes.
  public enum Kind: String, CaseIterable, Sendable {
    case scenario, curriculum, lexicon, method, all
  }

  /// The schema for `kind`, as a standalone draft-07 document.
  public static func schema(_ kind: Kind) -> JSONValue {
    let header: [(String, JSONValue)] = [
      ("$schema", "http://json-schema.org/draft-07/schema#"),
      ("title", .string(kind == .all ? "coach script" : "coach \(kind.rawValue) script")),
    ]
    let body: [(String, JSONValue)]
    switch kind {
    case .scenario: body = members(object(ScenarioKeys.spec))
    case .curriculum: body = members(object(CurriculumKeys.spec))
    case .lexicon: body = members(object(LexiconKeys.spec))
    case .method: body = members(object(MethodKeys.spec))
    case .all:
      let kinds: [(String, JSONValue)] = [
        ("scenario", object(ScenarioKeys.spec)), ("curriculum", object(CurriculumKeys.spec)),
        ("lexicon", object(LexiconKeys.spec)), ("method", object(MethodKeys.spec)),
      ]
      body = [
        (
          "description",
          .string(
            "A coach script. Its first key says what it is: `scenario:`, `curriculum:`, "
              + "`lexicon:` or `method:`.")
        ),
        ("type", "object"),
        (
          "anyOf",
          .array(kinds.map { .object([("required", .array([.string($0.0)]))]) })
        ),
        (
          "allOf",
          .array(
            kinds.map {
              .object([
                ("if", .object([("required", .array([.string($0.0)]))])),
                ("then", .object([("$ref", .string("#/definitions/\($0.0)"))])),
              ])
            })
        ),
        ("definitions", .object(kinds)),
      ]
    }
    return .object(header + body)
  }

  private static func members(_ value: JSONValue) -> [(String, JSONValue)] {
    if case .object(let members) = value { return members }
    return []
  }

  // MARK: - Building blocks

  /// A whole number within `range`, as a number or as digits: the two alternatives.
  static func int(_ range: ClosedRange<Int>) -> JSONValue {
    [
      .object([
        ("type", "integer"), ("minimum", .int(range.lowerBound)),
        ("maximum", .int(range.upperBound)),
      ]),
      .object([("type", "string"), ("pattern", .string(pattern(for: range)))]),
    ]
  }

  /// A regular expression for the decimal spellings of the numbers in `range` (every value for
  /// small ranges; any 1–9 digits for large ones).
  static func pattern(for range: ClosedRange<Int>) -> String {
    guard range.count <= 250 else { return "^[+-]?[0-9]{1,9}$" }
    let positive = range.filter { $0 >= 0 }.map(String.init)
    let negative = range.filter { $0 < 0 }.map { String(-$0) }
    var parts: [String] = []
    if !positive.isEmpty { parts.append("\\+?(\(positive.joined(separator: "|")))") }
    if !negative.isEmpty { parts.append("-(\(negative.joined(separator: "|")))") }
    return "^(\(parts.joined(separator: "|")))$"
  }

  /// An empty value (`key:` with nothing after it).
  static let empty: JSONValue = .object([("enum", [.null, ""])])

  /// A mapping with exactly these keys.
  static func object(
    _ description: String, _ properties: [(String, JSONValue)], required: [String] = [],
    extra: [(String, JSONValue)] = []
  ) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("description", .string(description)), ("type", "object"),
      ("properties", .object(properties)), ("additionalProperties", false),
    ]
    if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
    return .object(members + extra)
  }

  // MARK: - From the key descriptions

  /// The schema of a mapping with the keys of `spec`, described by `description` (default: the
  /// spec's own line).
  static func object(_ spec: MappingSpec, description: String? = nil) -> JSONValue {
    var extra: [(String, JSONValue)] = []
    if !spec.exactlyOne.isEmpty {
      extra = [
        ("oneOf", .array(spec.exactlyOne.map { .object([("required", [.string($0)])]) }))
      ]
    }
    return object(
      description ?? spec.doc,
      spec.keys.map { ($0.name, schema($0.type, description: describe($0))) },
      required: spec.required, extra: extra)
  }

  /// A key's line with its range and its default: "How many replies … (1 to 20, default 3)."
  static func describe(_ key: KeySpec) -> String {
    var notes: [String] = []
    switch key.type {
    case .number(let range): notes.append("\(range.lowerBound) to \(range.upperBound)")
    case .flag: notes.append("`true` or `false`")
    default: break
    }
    if case .defaults(let value) = key.presence { notes.append("default " + value.text) }
    if case .flag = key.type { notes[notes.count - 1] += "; not `yes` or `no`" }
    guard !notes.isEmpty else { return key.doc }
    let doc = key.doc.hasSuffix(".") ? String(key.doc.dropLast()) : key.doc
    return "\(doc) (\(notes.joined(separator: ", ")))."
  }

  /// The schema of a value of `type`.
  static func schema(_ type: ValueType, description: String?) -> JSONValue {
    let described = description.map { [("description", JSONValue.string($0))] } ?? []
    switch type {
    case .text, .sentence:
      return .object(described + [("type", ["string", "number", "boolean"])])
    case .id:
      return .object(described + [("type", "string"), ("pattern", "^[a-z][a-z0-9-]*$")])
    case .number(let range):
      return .object(described + [("anyOf", int(range))])
    case .flag:
      return .object(
        described + [
          (
            "anyOf",
            [
              .object([("type", "boolean")]),
              .object([("enum", ["true", "false", "True", "False", "TRUE", "FALSE"])]),
            ]
          )
        ])
    case .word(let words):
      return .object(described + [("enum", .array(words.map { .string($0) }))])
    case .moodBand:
      return .object(
        described + [
          (
            "anyOf",
            [
              .object([("type", "integer"), ("minimum", 0), ("maximum", 10)]),
              .object([
                ("type", "string"), ("pattern", "^ *(10|[0-9]) *([-–] *(10|[0-9]) *)?$"),
              ]),
            ]
          )
        ])
    case .event:
      let bare = SessionEvent.bareNames
      return .object(
        described + [
          ("type", "string"),
          (
            "pattern",
            .string(
              "^((reveal|offer|accept|counter|refuse|too-soon|not-yet|rule) [a-z][a-z0-9-]*|"
                + "\(bare.joined(separator: "|")))$")
          ),
        ])
    case .lexiconID:
      return .object(described + [("type", "string"), ("pattern", "^[a-z][a-z0-9.-]*$")])
    case .lineCondition:
      return .object(
        described + [("type", "string"), ("pattern", .string(LineCondition.pattern))])
    case .list(let item):
      let item = schema(item, description: itemDescription(item))
      return .object(
        described + [("anyOf", [.object([("type", "array"), ("items", item)]), item, empty])])
    case .oneOf(let alternatives):
      return .object(
        described + [
          ("anyOf", .array(alternatives.map { schema($0, description: itemDescription($0)) }))
        ])
    case .mapping(let spec):
      return object(spec, description: description)
    case .map(let value, let keys):
      return .object(
        described + [
          ("type", "object"),
          ("additionalProperties", schema(value, description: "The value for this \(keys).")),
        ])
    case .anyMapping:
      return .object(described + [("type", "object")])
    }
  }

  /// How one item of a list (or one alternative) is described on hover.
  static func itemDescription(_ type: ValueType) -> String? {
    switch type {
    case .text: "A phrase."
    case .sentence: "A sentence."
    case .lineCondition: "A condition: \(LineCondition.howWritten)."
    case .id: "An id."
    case .lexiconID: "A signal or anti-pattern id."
    case .event:
      "An event: `reveal FACT`, `offer|accept|counter|refuse|too-soon|not-yet OPTION`, "
        + "`rule RULE`, or one of \(SessionEvent.bareNames.joined(separator: ", "))."
    case .mapping(let spec): spec.doc
    default: nil
    }
  }
}
