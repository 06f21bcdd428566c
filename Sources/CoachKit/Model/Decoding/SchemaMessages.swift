/// The diagnostics of decoding: typed messages beside the checks that emit them.
///
/// Codes `S0xx` are shared by every script kind (scenario, lexicon, curriculum).
enum SchemaMessage {
  static func missingKey(_ key: String, in what: String, at span: SourceSpan, help: String? = nil)
    -> Diagnostic
  {
    .error(
      "S001", "missing `\(key)` in \(what)", at: span, label: "`\(key)` is required here",
      help: help ?? "add `\(key): …`")
  }

  static func unknownKey(_ key: Node.Scalar, in what: String, known: [String]) -> Diagnostic {
    .error(
      "S002", "unknown key `\(key.value)` in \(what)", at: key.span, label: "not a key of \(what)",
      help: Suggestions.help(for: key.value, in: known)
        ?? "the keys of \(what) are: \(known.map { "`\($0)`" }.joined(separator: ", "))")
  }

  /// An unknown key that is a misspelling of a required key that is missing.
  static func misspeltKey(_ key: Node.Scalar, meant: String, in what: String) -> Diagnostic {
    .error(
      "S002", "unknown key `\(key.value)` in \(what): did you mean `\(meant)`?", at: key.span,
      label: "`\(meant)` is required, and this is the closest key",
      help: "rename `\(key.value)` to `\(meant)`")
  }

  /// Plain text followed by ` #` on its line: YAML reads the rest as a comment.
  static func textCutByComment(_ scalar: Node.Scalar, key: String, comment: SourceSpan)
    -> Diagnostic
  {
    .warning(
      "W006", "the text of `\(key)` stops at ` #`: the rest of the line is a comment",
      at: comment, label: "read as a comment, not as text",
      related: [.init(scalar.span, "the text is only this")],
      help: "if `#` is part of the text, put the whole text in quotes")
  }

  /// A key of a block (`opening` of the customer) written at the top level instead.
  static func keyOutsideBlock(_ key: Node.Scalar, block: String, at blockKey: Node.Scalar?)
    -> Diagnostic
  {
    .error(
      "S002", "`\(key.value)` is a key of `\(block)`, but it is not indented under `\(block):`",
      at: key.span, label: "at the top level",
      related: blockKey.map { [.init($0.span, "the `\(block)` block")] } ?? [],
      help: "indent `\(key.value)` (and any lines of its value) like the other keys of `\(block)`")
  }

  /// A list of words written as one text with commas: `asked-by: orders, lost`.
  static func listWithoutBrackets(_ scalar: Node.Scalar, for key: String, items: [String])
    -> Diagnostic
  {
    .error(
      "S012", "`\(key)` is a list, but `\(scalar.value)` is written as one text", at: scalar.span,
      label: "a list needs brackets",
      help: "write `\(key): [\(items.joined(separator: ", "))]`")
  }

  /// A line of text with `: ` in it, which YAML reads as `key: value` (`- I said: no`); `nil`
  /// when `node` is not a mapping of one entry.
  static func textWithColon(_ node: Node) -> Diagnostic? {
    guard case .mapping(let mapping) = node, mapping.entries.count == 1,
      let entry = mapping.entries.first, case .scalar(let value) = entry.value
    else { return nil }
    let text = value.value.isEmpty ? "\(entry.key.value):" : "\(entry.key.value): \(value.value)"
    return .error(
      "S013", "`\(text)` is read as `key: value`, not as text", at: entry.key.span,
      label: "`: ` after this makes it a key",
      help: "put the whole text in quotes: \(quoted(text))")
  }

  /// `text` in YAML quotes: double quotes, or single quotes when it holds a `"` or a `\`.
  static func quoted(_ text: String) -> String {
    if !text.contains("\"") && !text.contains("\\") { return "\"\(text)\"" }
    return "'"
      + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
      + "'"
  }

  static func wrongType(_ node: Node, expected: String, for what: String) -> Diagnostic {
    .error(
      "S003", "`\(what)` should be \(expected), found \(node.kindDescription)", at: node.span,
      label: "expected \(expected)")
  }

  static func notANumber(_ scalar: Node.Scalar, for what: String, range: ClosedRange<Int>)
    -> Diagnostic
  {
    .error(
      "S004",
      "`\(what)` should be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(scalar.value)`",
      at: scalar.span, label: "not a whole number")
  }

  static func outOfRange(_ scalar: Node.Scalar, for what: String, range: ClosedRange<Int>)
    -> Diagnostic
  {
    .error(
      "S005", "`\(what)` is \(scalar.value), outside \(range.lowerBound)–\(range.upperBound)",
      at: scalar.span, label: "out of range",
      help: "use a number from \(range.lowerBound) to \(range.upperBound)")
  }

  static func notABoolean(_ scalar: Node.Scalar, for what: String) -> Diagnostic {
    .error(
      "S006", "`\(what)` should be `true` or `false`, found `\(scalar.value)`", at: scalar.span,
      label: "not true or false",
      help: ["yes", "no", "on", "off", "y", "n"].contains(scalar.value.lowercased())
        ? "write `\(["yes", "on", "y"].contains(scalar.value.lowercased()) ? "true" : "false")`: scripts read `\(scalar.value)` as a word, as YAML 1.2 does"
        : "write `true` or `false`")
  }

  static func notOneOf(_ scalar: Node.Scalar, for what: String, choices: [String]) -> Diagnostic {
    .error(
      "S007", "`\(scalar.value)` is not a valid `\(what)`", at: scalar.span,
      label: "unknown value",
      help: Suggestions.help(for: scalar.value, in: choices)
        ?? "expected one of \(choices.map { "`\($0)`" }.joined(separator: ", "))")
  }

  static func duplicateID(_ id: Node.Scalar, first: SourceSpan, what: String) -> Diagnostic {
    .error(
      "S008", "duplicate \(what) id `\(id.value)`", at: id.span, label: "used again here",
      related: [.init(first, "first defined here")], help: "give each \(what) its own id")
  }

  static func unknownReference(_ name: Node.Scalar, what: String, known: [String]) -> Diagnostic {
    .error(
      "S009", "no \(what) has the id `\(name.value)`", at: name.span, label: "unknown \(what)",
      help: Suggestions.help(for: name.value, in: known)
        ?? (known.isEmpty
          ? "this script defines no \(what)"
          : "the \(what) ids are: \(known.map { "`\($0)`" }.joined(separator: ", "))"))
  }

  static func emptyValue(_ node: Node, for what: String) -> Diagnostic {
    .error("S010", "`\(what)` is empty", at: node.span, label: "a value is needed here")
  }

  static func invalidID(_ scalar: Node.Scalar, what: String) -> Diagnostic {
    .error(
      "S011",
      "`\(scalar.value)` is not a valid \(what) id", at: scalar.span,
      label: "ids use lowercase letters, digits and `-`",
      help: "for example `\(IDs.suggest(from: scalar.value))`")
  }
}

/// Identifiers used inside scripts: lowercase letters, digits and `-`, starting with a letter.
enum IDs {
  /// Whether `id` is lowercase ASCII letters, digits and `-`, starting with a letter.
  static func isValid(_ id: String) -> Bool {
    var id = id
    return id.withUTF8 { bytes in
      guard let first = bytes.first, (0x61...0x7A).contains(first) else { return false }
      return bytes.allSatisfy {
        (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D
      }
    }
  }

  static func suggest(from text: String) -> String {
    var out = ""
    for scalar in text.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty, out.last != "-" {
        out += "-"
      }
    }
    while out.last == "-" { out.removeLast() }
    if out.isEmpty || !("a"..."z").contains(out.unicodeScalars.first!) { out = "x-" + out }
    return out
  }
}
