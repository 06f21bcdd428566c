/// Reads the entries of one mapping of a script by its ``MappingSpec``, reporting problems as
/// it goes.
///
/// Each accessor takes a ``KeySpec`` of the mapping and marks its key as used; a key's range,
/// default and required-ness come from its spec. ``finish()`` then reports every key that no
/// accessor asked for, with a did-you-mean among the spec's keys. A missing required key is
/// reported at the mapping's start (or at its parent key, when known).
///
/// Every mapping of every script is read through one of these, so it is built for speed: it
/// cannot be copied (opening one moves it rather than copying it), and it reads entries in place.
struct Fields: ~Copyable {
  let mapping: Node.Mapping
  let spec: MappingSpec
  /// How the mapping is named in messages: "the customer", "fact `wedding`".
  let what: String
  let sink: DiagnosticSink
  /// Where a missing key is reported: the key that introduced this mapping, when known.
  let anchor: SourceSpan
  /// Required keys that are missing, reported by ``finish()``: a misspelt key that is close to
  /// one of them is one mistake, reported once.
  private var missing: [String] = []
  private var finished = false
  /// Which entries (by index) an accessor has read; beyond 64 entries, `usedOverflow`.
  private var used: UInt64 = 0
  private var usedOverflow: Set<Int> = []
  /// One bit for each length of key (modulo 64) in the mapping, so that asking for a key that is
  /// not there, which is most asks, rarely looks at the entries.
  private let lengths: UInt64

  /// Reads `node` as a mapping with the keys of `spec`; reports and returns `nil` if it is
  /// something else. `what` names it in messages when the spec's name is not enough.
  init?(
    _ node: Node, _ spec: MappingSpec, what: String? = nil, sink: DiagnosticSink,
    anchor: SourceSpan? = nil
  ) {
    let what = what ?? spec.what
    guard case .mapping(let mapping) = node else {
      sink.append(
        SchemaMessage.wrongType(node, expected: "a mapping of `key: value` lines", for: what))
      return nil
    }
    self.mapping = mapping
    self.spec = spec
    self.what = what
    self.sink = sink
    let start = mapping.span.start
    self.anchor = anchor ?? SourceSpan(start: start, end: start)
    var lengths: UInt64 = 0
    for entry in mapping.entries { lengths |= 1 << UInt64(entry.key.value.utf8.count & 63) }
    self.lengths = lengths
  }

  /// The raw node for `key`, or `nil`; reports it missing when required (by its spec, or by
  /// `required` when given).
  mutating func node(_ key: KeySpec, required: Bool? = nil) -> Node? {
    guard let index = entry(key, required: required) else { return nil }
    return mapping.entries[index].value
  }

  /// The key scalar of `name`, a key of another mapping written here by mistake, marked as read
  /// so that it is reported once, by the caller.
  mutating func stray(_ name: String) -> Node.Scalar? {
    guard let index = entry(named: name, required: false) else { return nil }
    return mapping.entries[index].key
  }

  /// The index of the entry for `key`, marked as read; or `nil`, reported when required.
  private mutating func entry(_ key: KeySpec, required: Bool?) -> Int? {
    assert(spec.keys.contains { $0.name == key.name }, "`\(key.name)` is not in \(spec.what)")
    return entry(named: key.name, required: required ?? key.isRequired)
  }

  private mutating func entry(named key: String, required: Bool) -> Int? {
    let length = key.utf8.count
    if lengths & (1 << UInt64(length & 63)) != 0 {
      for index in mapping.entries.indices {
        let candidate = mapping.entries[index].key.value
        guard candidate.utf8.count == length, candidate == key else { continue }
        if index < 64 { used |= 1 << UInt64(index) } else { usedOverflow.insert(index) }
        return index
      }
    }
    if required { missing.append(key) }
    return nil
  }

  /// The key scalar for `key`, if present (for pointing at the key rather than the value).
  func keyScalar(_ key: String) -> Node.Scalar? {
    mapping.entries.first(where: { $0.key.value == key })?.key
  }

  /// Whether the mapping has `key` (does not mark it used).
  func has(_ key: String) -> Bool { mapping[key] != nil }

  /// A non-empty text value.
  mutating func scalar(_ key: KeySpec, required: Bool? = nil) -> Node.Scalar? {
    let required = required ?? key.isRequired
    guard let index = entry(key, required: required) else { return nil }
    guard case .scalar(let scalar) = mapping.entries[index].value else {
      let node = mapping.entries[index].value
      sink.append(SchemaMessage.wrongType(node, expected: "text", for: key.name))
      return nil
    }
    if scalar.isEmptyPlain {
      if required { sink.append(SchemaMessage.emptyValue(.scalar(scalar), for: key.name)) }
      return nil
    }
    return scalar
  }

  /// A non-empty text value as a string.
  mutating func string(_ key: KeySpec, required: Bool? = nil) -> String? {
    scalar(key, required: required)?.value
  }

  /// An id: lowercase letters, digits and `-`.
  mutating func id(_ key: KeySpec, what idWhat: String) -> Node.Scalar? {
    guard let scalar = scalar(key) else { return nil }
    guard IDs.isValid(scalar.value) else {
      sink.append(SchemaMessage.invalidID(scalar, what: idWhat))
      return nil
    }
    return scalar
  }

  /// A whole number within the key's range. Only plain decimal digits (with an optional sign)
  /// count.
  mutating func int(_ key: KeySpec, required: Bool? = nil) -> Int? {
    guard let scalar = scalar(key, required: required) else { return nil }
    return Self.int(scalar, for: key.name, in: key.range, sink: sink)
  }

  /// A whole number within the key's range, or the key's default when it is absent or wrong.
  mutating func int(orDefault key: KeySpec) -> Int {
    int(key) ?? key.defaultNumber
  }

  static func int(
    _ scalar: Node.Scalar, for key: String, in range: ClosedRange<Int>, sink: DiagnosticSink
  )
    -> Int?
  {
    let text = scalar.value
    let digits = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    else {
      sink.append(SchemaMessage.notANumber(scalar, for: key, range: range))
      return nil
    }
    guard range.contains(value) else {
      sink.append(SchemaMessage.outOfRange(scalar, for: key, range: range))
      return nil
    }
    return value
  }

  /// `true` or `false` (YAML 1.2 core schema spellings).
  mutating func bool(_ key: KeySpec) -> Bool? {
    guard let scalar = scalar(key) else { return nil }
    switch scalar.value {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      sink.append(SchemaMessage.notABoolean(scalar, for: key.name))
      return nil
    }
  }

  /// `true` or `false`, or the key's default when it is absent or wrong.
  mutating func bool(orDefault key: KeySpec) -> Bool {
    bool(key) ?? key.defaultFlag
  }

  /// One of the key's words, as written.
  mutating func word(_ key: KeySpec) -> Node.Scalar? {
    guard let scalar = scalar(key) else { return nil }
    guard key.words.contains(scalar.value) else {
      sink.append(SchemaMessage.notOneOf(scalar, for: key.name, choices: key.words))
      return nil
    }
    return scalar
  }

  /// One of a fixed set of words.
  mutating func choice<T: RawRepresentable>(_ key: KeySpec) -> T?
  where T: CaseIterable, T.RawValue == String {
    assert(key.words == T.allCases.map(\.rawValue), "the words of `\(key.name)` are \(T.self)'s")
    guard let scalar = scalar(key) else { return nil }
    return Self.choice(scalar, for: key.name, sink: sink)
  }

  /// One of a fixed set of words, or the key's default when it is absent or wrong.
  mutating func choice<T: RawRepresentable>(orDefault key: KeySpec) -> T
  where T: CaseIterable, T.RawValue == String {
    guard case .defaults(.word(let word)) = key.presence, let fallback = T(rawValue: word) else {
      preconditionFailure("`\(key.name)` has no default word")
    }
    return choice(key) ?? fallback
  }

  static func choice<T: RawRepresentable>(
    _ scalar: Node.Scalar, for key: String, sink: DiagnosticSink
  )
    -> T?
  where T: CaseIterable, T.RawValue == String {
    if let value = T(rawValue: scalar.value) { return value }
    sink.append(
      SchemaMessage.notOneOf(scalar, for: key, choices: T.allCases.map(\.rawValue)))
    return nil
  }

  /// A list of text items; a single text value counts as a list of one.
  mutating func stringList(_ key: KeySpec) -> [Node.Scalar]? {
    guard let index = entry(key, required: nil) else { return nil }
    return Self.stringList(mapping.entries[index].value, for: key.name, sink: sink)
  }

  /// A list of text items as phrases (text with its place), or none when the key is absent.
  ///
  /// Unless the key holds sentences (``ValueType/sentences``), these lists hold ids and cue
  /// words, so a single text with commas (`asked-by: orders, lost`) is a list written without its
  /// brackets: an error, read as the list it was meant to be.
  mutating func phrases(_ key: KeySpec) -> [Phrase] {
    guard let index = entry(key, required: nil) else { return [] }
    let node = mapping.entries[index].value
    let name = key.name
    if !key.type.isSentences, let items = Self.commaList(node, for: name, sink: sink) {
      return items.map(Phrase.init)
    }
    return Self.stringList(node, for: name, sink: sink, Phrase.init) ?? []
  }

  /// The items of a plain text with commas given for a list of words, reported as an error; `nil`
  /// for anything else.
  static func commaList(_ node: Node, for key: String, sink: DiagnosticSink) -> [Node.Scalar]? {
    guard case .scalar(let scalar) = node, scalar.style == .plain,
      scalar.value.utf8.contains(UInt8(ascii: ","))
    else { return nil }
    let items = scalar.value.split(separator: ",").map { String($0.trimmingSpaces) }
      .filter { !$0.isEmpty }
    sink.append(SchemaMessage.listWithoutBrackets(scalar, for: key, items: items))
    return items.map { Node.Scalar(value: $0, style: .plain, span: scalar.span) }
  }

  static func stringList(_ node: Node, for key: String, sink: DiagnosticSink) -> [Node.Scalar]? {
    stringList(node, for: key, sink: sink) { $0 }
  }

  /// The items of a list of text, each made into a `T`, in one allocation.
  static func stringList<T>(
    _ node: Node, for key: String, sink: DiagnosticSink, _ make: (Node.Scalar) -> T
  ) -> [T]? {
    switch node {
    case .scalar(let scalar):
      return scalar.isEmptyPlain ? [] : [make(scalar)]
    case .sequence(let sequence):
      var items: [T] = []
      items.reserveCapacity(sequence.items.count)
      for item in sequence.items {
        guard case .scalar(let scalar) = item else {
          sink.append(
            SchemaMessage.textWithColon(item)
              ?? SchemaMessage.wrongType(item, expected: "text", for: "\(key)` item `"))
          continue
        }
        if !scalar.isEmptyPlain { items.append(make(scalar)) }
      }
      return items
    case .mapping:
      sink.append(SchemaMessage.wrongType(node, expected: "a list of text", for: key))
      return nil
    }
  }

  /// A list of nodes (a single mapping counts as a list of one).
  mutating func list(_ key: KeySpec) -> [Node]? {
    guard let index = entry(key, required: nil) else { return nil }
    switch mapping.entries[index].value {
    case .sequence(let sequence): return sequence.items
    case .mapping: return [mapping.entries[index].value]
    case .scalar(let scalar):
      if scalar.isEmptyPlain { return [] }
      sink.append(SchemaMessage.wrongType(.scalar(scalar), expected: "a list", for: key.name))
      return nil
    }
  }

  /// Whether a key no accessor has read yet looks like a misspelling of one of `keys`.
  func hasMisspelling(of keys: [String]) -> Bool {
    mapping.entries.indices.contains { index in
      !isRead(index) && Suggestions.closest(to: mapping.entries[index].key.value, in: keys) != nil
    }
  }

  private func isRead(_ index: Int) -> Bool {
    index < 64 ? used & (1 << UInt64(index)) != 0 : usedOverflow.contains(index)
  }

  /// Reports every key no accessor asked for, and every required key that is missing. An
  /// unknown key that looks like a missing one (`reveals` for `reveal`) is reported once, as a
  /// misspelling, not also as a missing key.
  mutating func finish() {
    finished = true
    let count = mapping.entries.count
    if count > 64 || used != (count == 64 ? UInt64.max : (1 << UInt64(count)) - 1) {
      for (index, entry) in mapping.entries.enumerated() {
        if isRead(index) { continue }
        if let meant = Suggestions.closest(to: entry.key.value, in: missing) {
          missing.removeAll { $0 == meant }
          sink.append(SchemaMessage.misspeltKey(entry.key, meant: meant, in: what))
        } else {
          sink.append(SchemaMessage.unknownKey(entry.key, in: what, known: spec.names))
        }
      }
    }
    reportMissing()
  }

  private func reportMissing() {
    for key in missing { sink.append(SchemaMessage.missingKey(key, in: what, at: anchor)) }
  }

  deinit {
    // A reader that stops before `finish()` still reports the required keys it found missing.
    if !finished { reportMissing() }
  }
}

extension Phrase {
  /// A scalar's text with its place in the script.
  init(_ scalar: Node.Scalar) { self.init(scalar.value, span: scalar.span) }
}
