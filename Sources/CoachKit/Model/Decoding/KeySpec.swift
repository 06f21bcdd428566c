/// The keys of the script formats, each described once.
///
/// A ``MappingSpec`` lists the keys of one mapping of a script (the customer, a fact, an option,
/// …); a ``KeySpec`` gives one key's name, the kind of value it takes (with its range or its
/// words), whether it is required or what it defaults to, and one line of documentation. Three
/// things are read from these descriptions, so they cannot drift apart:
///
/// - the decoders' checks: ``Fields`` reads a mapping by its spec, so a key's range, default and
///   required-ness come from here, and an unknown key's did-you-mean offers the spec's keys;
/// - the JSON Schema that `coach schema` prints (``ScriptSchema``);
/// - the key tables of docs/AUTHORING.md (``KeyTables``; a test fails when they are stale).
///
/// The descriptions themselves are in `ScenarioKeys`, `CurriculumKeys` and `MethodKeys`.
struct KeySpec: Sendable {
  /// The key as written in a script (`asked-by`).
  let name: String
  let type: ValueType
  let presence: Presence
  /// One line for people: shown on hover in an editor and in the guide's key tables.
  let doc: String

  init(_ name: String, _ type: ValueType, _ presence: Presence, _ doc: String) {
    self.name = name
    self.type = type
    self.presence = presence
    self.doc = doc
  }

  /// An optional key: absent means none.
  init(_ name: String, _ type: ValueType, _ doc: String) {
    self.init(name, type, .optional, doc)
  }

  var isRequired: Bool {
    if case .required = presence { return true }
    return false
  }

  /// The range of a number key.
  var range: ClosedRange<Int> {
    guard case .number(let range) = type else { preconditionFailure("`\(name)` is no number") }
    return range
  }

  /// The default of a key that has one, as a number.
  var defaultNumber: Int {
    guard case .defaults(.number(let value)) = presence else {
      preconditionFailure("`\(name)` has no default number")
    }
    return value
  }

  /// The default of a key that has one, as `true` or `false`.
  var defaultFlag: Bool {
    guard case .defaults(.flag(let value)) = presence else {
      preconditionFailure("`\(name)` has no default `true` or `false`")
    }
    return value
  }

  /// The words of a key that takes one of a fixed set.
  var words: [String] {
    guard case .word(let words) = type else { preconditionFailure("`\(name)` takes no words") }
    return words
  }
}

/// Whether a key must be given, and what it means when it is not.
enum Presence: Sendable {
  case required
  /// Absent means none.
  case optional
  /// Absent means this value.
  case defaults(Default)

  enum Default: Sendable {
    case number(Int)
    case flag(Bool)
    case word(String)
    /// A default worked out elsewhere, in words for people ("the method's `accept-at-most`").
    case described(String)

    /// The default as the guide and the schema write it: `3`, `true` and `practice` in
    /// backticks, a described one in its words.
    var text: String {
      switch self {
      case .number(let number): "`\(number)`"
      case .flag(let flag): "`\(flag)`"
      case .word(let word): "`\(word)`"
      case .described(let words): words
      }
    }
  }
}

/// The kind of value a key takes.
indirect enum ValueType: Sendable {
  /// Any text.
  case text
  /// Text in a rep's or a customer's words, where a comma is part of the text (in a list of
  /// phrases, a single text with commas is read as a list written without its brackets).
  case sentence
  /// Lowercase letters, digits and `-`, starting with a letter.
  case id
  /// A whole number in the range.
  case number(ClosedRange<Int>)
  /// `true` or `false`.
  case flag
  /// One of a fixed set of words.
  case word([String])
  /// A mood `7` or a band `6-10`.
  case moodBand
  /// A test's event: `reveal FACT`, `accept OPTION`, `leapfrog`, …
  case event
  /// A signal or anti-pattern id of the lexicon (`question.open`).
  case lexiconID
  /// A condition on a line of the customer (`knows occasion`, `not offered`).
  case lineCondition
  /// A list of values; one value alone counts as a list of one, and an empty value as none.
  case list(ValueType)
  /// Any one of these.
  case oneOf([ValueType])
  /// A mapping with the spec's keys.
  case mapping(MappingSpec)
  /// A mapping from names the author chooses to values of one kind.
  case map(ValueType, keys: String)
  /// A mapping whose keys are checked by the decoder alone (described in another guide).
  case anyMapping

  /// A list of text phrases.
  static let phrases = ValueType.list(.text)
  /// A list of ids.
  static let ids = ValueType.list(.id)
  /// A list of sentences.
  static let sentences = ValueType.list(.sentence)

  /// Whether this is a list of sentences, whose items may hold commas.
  var isSentences: Bool {
    if case .list(.sentence) = self { return true }
    return false
  }
}

/// The keys of one mapping of a script, in the order the guide lists them.
struct MappingSpec: Sendable {
  /// How the mapping is named in messages: "the customer", "a fact".
  let what: String
  /// One line for people, for the schema.
  let doc: String
  let keys: [KeySpec]
  /// Keys of which exactly one must be given (an option's `accept`, `counter` and `refuse`).
  let exactlyOne: [String]

  init(_ what: String, _ doc: String, _ keys: [KeySpec], exactlyOne: [String] = []) {
    self.what = what
    self.doc = doc
    self.keys = keys
    self.exactlyOne = exactlyOne
  }

  /// The key named `name`; it must be one of ``keys``.
  subscript(name: String) -> KeySpec {
    guard let key = keys.first(where: { $0.name == name }) else {
      preconditionFailure("`\(name)` is not a key of \(what)")
    }
    return key
  }

  var names: [String] { keys.map(\.name) }

  /// The same keys, named otherwise in messages (`step-marks` has the keys of `scores`).
  func named(_ what: String) -> MappingSpec {
    MappingSpec(what, doc, keys, exactlyOne: exactlyOne)
  }

  var required: [String] { keys.filter(\.isRequired).map(\.name) }
}
