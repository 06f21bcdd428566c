/// The syntax diagnostics, one stable code per kind of problem.
///
/// Messages are lowercase, stand on their own, and quote source text in backticks. Each code is
/// listed in `docs/LANGUAGE-SUBSET.md`.
enum SyntaxMessages {
  // MARK: - The bytes of the file

  /// Y001: a byte that is not part of well-formed UTF-8.
  static func invalidUTF8(_ span: SourceSpan, byte: UInt8) -> Diagnostic {
    .error(
      "Y001", "invalid UTF-8 byte `0x\(hex(UInt32(byte), digits: 2))`", at: span,
      label: "not valid UTF-8",
      help: "save the file with the UTF-8 encoding")
  }

  /// Y002: a control character (C0 other than tab and line breaks, DEL, C1) or a non-character.
  static func controlCharacter(_ span: SourceSpan, scalar: UInt32) -> Diagnostic {
    let name: String
    switch scalar {
    case 0: name = "NUL byte (U+0000)"
    case 0x0D:
      return .error(
        "Y002", "carriage return (U+000D) without a line feed", at: span,
        label: "old Mac line ending",
        help: "save the file with LF or CRLF line endings")
    case 0x1B: name = "escape character (U+001B)"
    case 0x7F: name = "delete character (U+007F)"
    case 0xFFFE, 0xFFFF: name = "non-character U+\(hex(scalar, digits: 4))"
    default: name = "control character U+\(hex(scalar, digits: 4))"
    }
    return .error(
      "Y002", "\(name) is not allowed in a script", at: span, label: "invisible character",
      help:
        "delete it; a script's text cannot hold control characters (inside double quotes, `\\t`"
        + " is a tab and `\\n` a line break)")
  }

  /// Y003: a byte order mark anywhere but the very start of the file.
  static func strayByteOrderMark(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y003", "byte order mark (U+FEFF) in the middle of the file", at: span,
      label: "only allowed as the very first character",
      help:
        "delete it; it is invisible in most editors, and often comes from pasting files together")
  }

  /// Y004: a line longer than the limit.
  static func lineTooLong(_ span: SourceSpan, length: Int, limit: Int) -> Diagnostic {
    .error(
      "Y004", "line is \(length) bytes long, over the limit of \(limit)", at: span,
      label: "the line goes on past here",
      help: "break the text over several lines, for example as a `|` or `>` block")
  }

  /// Y005: a tab in the indentation.
  static func tabIndentation(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y005", "tab character in the indentation", at: span, label: "tab",
      help: "indent with spaces only",
      notes: [
        "YAML does not allow tabs for indentation, because editors show them at different widths"
      ])
  }

  // MARK: - Structure

  /// Y006: nesting deeper than the limit.
  static func tooDeep(_ span: SourceSpan, limit: Int) -> Diagnostic {
    .error(
      "Y006", "nesting is deeper than \(limit) levels", at: span,
      label: "this opens level \(limit + 1)",
      help: "flatten the structure; a script never needs this much nesting")
  }

  /// Y007: the same key twice in one mapping.
  static func duplicateKey(_ span: SourceSpan, key: String, first: SourceSpan) -> Diagnostic {
    .error(
      "Y007", "duplicate key `\(short(key))`", at: span, label: "defined again here",
      related: [.init(first, "first defined here")],
      help: "remove one of the two, or rename one; a key may appear only once in a mapping")
  }

  /// Y007: an item's first key again inside the same item: most likely the `- ` of a new item
  /// was left out.
  static func duplicateItemKey(_ span: SourceSpan, key: String, first: SourceSpan, dash: Int)
    -> Diagnostic
  {
    .error(
      "Y007", "duplicate key `\(short(key))` in the same list item", at: span,
      label: "defined again here", related: [.init(first, "first defined here")],
      help: "to start a new item, write `- \(short(key)):` with the `- ` at column \(dash + 1), "
        + "like the item above")
  }

  /// Y008: an anchor.
  static func anchor(_ span: SourceSpan, text: String) -> Diagnostic {
    .error(
      "Y008", "anchors (`\(text)`) are not supported", at: span, label: "anchor",
      help: "remove the anchor and write the value out in full; to start text with `&`, quote it")
  }

  /// Y009: an alias.
  static func alias(_ span: SourceSpan, text: String) -> Diagnostic {
    .error(
      "Y009", "aliases (`\(text)`) are not supported", at: span, label: "alias",
      help: "write the value out in full; to start text with `*`, quote it: `\"\(text)\"`")
  }

  /// Y010: a tag.
  static func tag(_ span: SourceSpan, text: String) -> Diagnostic {
    .error(
      "Y010", "tags (`\(text)`) are not supported", at: span, label: "tag",
      help: "remove the tag; to start text with `!`, quote it: `\"\(text)\"`",
      notes: ["every value is read as text; the scenario format decides what is a number"])
  }

  /// Y011: a directive.
  static func directive(_ span: SourceSpan, text: String) -> Diagnostic {
    .error(
      "Y011", "directives (`\(text)`) are not supported", at: span, label: "directive",
      help: "delete this line")
  }

  /// Y012: a second document.
  static func secondDocument(_ span: SourceSpan, first: SourceSpan?) -> Diagnostic {
    .error(
      "Y012", "a script holds one document, but a second one starts here", at: span,
      label: "`---` starts another document",
      related: first.map { [.init($0, "the first document starts here")] } ?? [],
      help: "put each document in a file of its own, or delete this `---` line")
  }

  /// Y012: text after the `...` that ends the document.
  static func textAfterDocumentEnd(_ span: SourceSpan, end: SourceSpan) -> Diagnostic {
    .error(
      "Y012", "text after the end of the document", at: span,
      label: "this would start a second document",
      related: [.init(end, "the document ends here")],
      help: "delete the `...` line, or move this text to a file of its own")
  }

  /// Y012: a `...` with no document before it.
  static func documentEndWithoutDocument(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y012", "`...` ends a document that never started", at: span,
      label: "nothing before this `...`",
      help: "delete the `...` line")
  }

  /// Y013: an explicit key (`? `).
  static func explicitKey(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y013", "explicit keys (`?`) are not supported", at: span, label: "explicit key",
      help: "write the entry as `key: value` on one line; to start text with `?`, quote it")
  }

  /// Y014: a list or mapping used as a key.
  static func complexKey(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y014", "a list or mapping cannot be used as a key", at: span, label: "used as a key",
      help: "keys are text: write `key: value`, or quote the key")
  }

  /// Y015: a key indented less than its siblings but more than its parent.
  static func misalignedKey(
    _ span: SourceSpan, key: String, found: Int, sibling: String, expected: Int, siblingLine: Int,
    owner: Node.Scalar?
  ) -> Diagnostic {
    .error(
      "Y015",
      "`\(short(key))` is indented \(count(found, "space")) but its sibling `\(short(sibling))` uses "
        + "\(expected)",
      at: span, label: "expected \(count(expected, "space")), found \(found)",
      related: owner.map { [.init($0.span, "`\(short($0.value))` block starts here")] } ?? [],
      help: "line `\(short(key))` up with `\(short(sibling))` on line \(siblingLine)")
  }

  /// Y015: a `- ` item indented less than the items above it but more than its parent.
  static func misalignedItem(
    _ span: SourceSpan, found: Int, expected: Int, firstLine: Int, owner: Node.Scalar?
  ) -> Diagnostic {
    .error(
      "Y015", "list item is indented \(count(found, "space")) but the items above use \(expected)",
      at: span, label: "expected \(count(expected, "space")), found \(found)",
      related: owner.map { [.init($0.span, "`\(short($0.value))` block starts here")] } ?? [],
      help: "line this `- ` up with the `- ` on line \(firstLine)")
  }

  /// Y016: a line indented more than anything open allows.
  static func unexpectedIndent(_ span: SourceSpan, text: String, after: (SourceSpan, String)?)
    -> Diagnostic
  {
    if let after {
      return .error(
        "Y016", "unexpected indentation: `\(text)` cannot go under \(after.1)", at: span,
        label: "indented more than the line above allows",
        related: [.init(after.0, "\(after.1) already has its value on this line")],
        help: "line it up with the lines above, or move the value of \(after.1) onto its own "
          + "indented lines")
    }
    return .error(
      "Y016", "unexpected indentation before `\(text)`", at: span,
      label: "indented more than the line above allows",
      help: "line it up with the lines above")
  }

  /// Y017: a line in a mapping that is not a `key: value` entry.
  static func notAnEntry(_ span: SourceSpan, text: String) -> Diagnostic {
    // `mood:7`: a key and a value with no space between them.
    if let colon = text.firstIndex(of: ":"), colon != text.startIndex,
      !text[..<colon].contains(" "), text.index(after: colon) < text.endIndex
    {
      let key = text[..<colon]
      let value = text[text.index(after: colon)...]
      return .error(
        "Y017", "`\(short(text))` is not a `key: value` entry", at: span,
        label: "no space after `:`",
        help: "put a space after the colon: `\(short(key + ": " + value))`")
    }
    return .error(
      "Y017", "`\(text)` is not a `key: value` entry", at: span, label: "expected `key: value`",
      help: "add a `:` after the key, or indent the line to continue the value above it")
  }

  /// Y018: `key: value` where only a value may be.
  static func nestedMappingOnLine(_ span: SourceSpan, key: String?) -> Diagnostic {
    let place = key.map { "on the same line as `\(short($0)):`" } ?? "here"
    return .error(
      "Y018", "a mapping cannot start \(place)", at: span,
      label: "`:` followed by a space starts a mapping",
      help: key == nil
        ? "quote the value if the `:` is part of the text"
        : "quote the value if the `:` is part of the text, or put the mapping on its own lines, "
          + "indented under `\(short(key ?? "")):`")
  }

  /// Y019: a `- ` list item where only a single value may be.
  static func listOnLine(_ span: SourceSpan, key: String?) -> Diagnostic {
    let place = key.map { "on the same line as `\(short($0)):`" } ?? "here"
    return .error(
      "Y019", "a list cannot start \(place)", at: span, label: "`- ` starts a list item",
      help: key == nil
        ? "put each `- ` item on a line of its own, or quote the text"
        : "put each `- ` item on a line of its own, indented under `\(short(key ?? "")):`")
  }

  /// Y019: a block collection on the `---` line.
  static func collectionOnDocumentStart(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y019", "a list or mapping cannot start on the `---` line", at: span,
      label: "starts on the `---` line", help: "move it to the next line")
  }

  /// Y020: a key written over several lines.
  static func multiLineKey(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y020", "a key must be on one line", at: span, label: "this key goes over several lines",
      help: "write the key and its `:` on one line")
  }

  /// Y020: a continuation line of a plain value that looks like `key: value`.
  static func keyInContinuation(_ span: SourceSpan, valueStart: SourceSpan) -> Diagnostic {
    .error(
      "Y020", "this line continues the text above, so it cannot be a `key: value` entry", at: span,
      label: "indented as part of the text above",
      related: [.init(valueStart, "the text starts here")],
      help: "if it is a new entry, line it up with the other keys; if it is text, quote it")
  }

  /// Y020: a `key:` line indented deeper than the key above it, whose value is plain text.
  static func keyDeeperThanSibling(
    _ span: SourceSpan, key: String, found: Int, sibling: String, expected: Int,
    siblingSpan: SourceSpan
  ) -> Diagnostic {
    .error(
      "Y020",
      "`\(short(key))` is indented \(count(found, "space")), more than `\(short(sibling))` above it",
      at: span, label: "read as more text of `\(short(sibling))`",
      related: [.init(siblingSpan, "indented \(count(expected, "space"))")],
      help:
        "if it is a new entry, line it up with `\(short(sibling))` (\(count(expected, "space"))); "
        + "if it is text, quote it")
  }

  /// Y020: a key pushed left out of its block, whose value then runs into the block's next keys.
  static func keyLeftBlock(
    _ span: SourceSpan, key: String, indent: Int, owner: Node.Scalar?, next: SourceSpan
  ) -> Diagnostic {
    let block = owner.map { "the `\(short($0.value))` block" } ?? "the block above"
    var related: [Diagnostic.Label] = []
    if let owner { related.append(.init(owner.span, "`\(short(owner.value))` block starts here")) }
    related.append(.init(next, "still indented for \(block)"))
    return .error(
      "Y020", "`\(short(key))` is indented less than the other keys of \(block), so it ends it",
      at: span, label: "indented \(count(span.start.column - 1, "space")), not \(indent)",
      related: related,
      help: "indent `\(short(key))` by \(count(indent, "space")), like the keys around it")
  }

  /// Y034: an implicit key longer than YAML allows.
  static func keyTooLong(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y034", "a key cannot be longer than 1024 characters", at: span, label: "this key",
      help: "use a shorter key")
  }

  // MARK: - Scalars

  /// Y021: a quoted value without its closing quote.
  static func unterminatedQuote(_ span: SourceSpan, double: Bool, stoppedAt: SourceSpan? = nil)
    -> Diagnostic
  {
    let quote = double ? "\"" : "'"
    return .error(
      "Y021", "\(double ? "double" : "single")-quoted value is never closed", at: span,
      label: "this `\(quote)` has no closing `\(quote)`",
      related: stoppedAt.map { [.init($0, "not indented, so the value cannot go on here")] } ?? [],
      help: stoppedAt == nil
        ? "add the closing `\(quote)`"
        : "add the closing `\(quote)` on line \(span.start.line), or indent the lines of a value "
          + "that goes over several lines")
  }

  /// Y022: an unknown or malformed escape in a double-quoted value.
  static func invalidEscape(_ span: SourceSpan, text: String, reason: String? = nil) -> Diagnostic {
    .error(
      "Y022", "invalid escape `\(text)` in a double-quoted value", at: span,
      label: reason ?? "unknown escape",
      help: "write `\\\\` for a backslash, or use single quotes, where `\\` has no special meaning")
  }

  /// Y025: a malformed `|` or `>` header.
  static func blockScalarHeader(_ span: SourceSpan, text: String, label: String) -> Diagnostic {
    .error(
      "Y025", "invalid block scalar header `\(text)`", at: span, label: label,
      help: "write `|` or `>`, optionally with `-`, `+` or an indentation digit, and put the "
        + "text on the next lines")
  }

  /// Y026: a blank line before a block scalar's text with more spaces than the text.
  static func blockScalarLeadingSpaces(_ span: SourceSpan, spaces: Int, indent: Int)
    -> Diagnostic
  {
    .error(
      "Y026",
      "blank line has \(count(spaces, "space")), more than the \(indent) of the text below it",
      at: span, label: "too many spaces",
      help: "remove the spaces from this blank line, or give the indentation with a digit "
        + "(`|\(indent)`)")
  }

  /// Y027: a character that cannot start a plain value.
  static func reservedStart(
    _ span: SourceSpan, character: String, token: String, inFlow: Bool = false
  )
    -> Diagnostic
  {
    let name = character == "`" ? "a backtick" : "`\(character)`"
    let help =
      character == "`" || token.contains("\"")
      ? "put the value in single quotes"
      : "quote the value: `\"\(short(token))\"`"
    return .error(
      "Y027", "\(name) cannot start a value\(inFlow ? " inside `[ ]` or `{ }`" : "")",
      at: span, label: "reserved character", help: help)
  }

  /// Y028: a `#` comment right after a value, with no space.
  static func commentWithoutSpace(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y028", "a comment needs a space before `#`", at: span, label: "`#` directly after a value",
      help: "put a space before `#`")
  }

  /// Y029: text after a complete value on the same line.
  static func textAfterValue(_ span: SourceSpan, text: String, requoted: String? = nil)
    -> Diagnostic
  {
    .error(
      "Y029", "unexpected text `\(text)` after the value", at: span,
      label: "the value ended before this",
      help: requoted.map {
        "the quotes end the value; to keep them, quote the whole text the other way: \($0)"
      } ?? "quote the whole value, or start a comment with ` #`")
  }

  /// Y029: a quote mark inside quoted text (`'last year's'`) that ended it.
  static func quoteInsideQuotes(_ span: SourceSpan, word: String, single: Bool) -> Diagnostic {
    let mark = single ? "'" : "\""
    let fix =
      single
      ? "write the apostrophe twice (`\(word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''"))`), or put the whole text in double quotes instead"
      : "write the quote mark as `\\\"`, or put the whole text in single quotes instead"
    return .error(
      "Y029", "the `\(mark)` in `\(word)` ends the quoted text", at: span,
      label: "the quoted text ends here", help: fix)
  }

  /// Y029: more lines after the document's single value.
  static func textAfterRoot(_ span: SourceSpan, text: String) -> Diagnostic {
    .error(
      "Y029", "unexpected text `\(text)` after the document's value", at: span,
      label: "the document has already ended",
      help: "a document holds one value; use a list or a mapping to hold several")
  }

  /// Y030: an empty key.
  static func emptyKey(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y030", "a key cannot be empty", at: span, label: "`:` with no key before it",
      help: "write the key before `:`, or quote the text if `:` is part of it")
  }

  /// Y031: a `:` inside a plain value within a flow collection, followed by `,` `[` `]` `{` `}`
  /// or `?`, or starting the value.
  static func colonInFlowPlain(_ span: SourceSpan, text: String, leading: Bool = false)
    -> Diagnostic
  {
    .error(
      "Y031", "`:` inside `\(text)` is ambiguous in `[ ]` or `{ }`", at: span,
      label: leading ? "`:` at the start of a value" : "`:` followed by a bracket, a comma or `?`",
      help: "quote the text (`\"\(text)\"`), or put a space after `:` for a `key: value` pair",
      notes: ["YAML versions disagree on what this means, so scripts refuse it"])
  }

  /// Y031: `?` starting a value inside `[ ]` or `{ }` (`[?x]`).
  static func questionInFlowPlain(_ span: SourceSpan, text: String) -> Diagnostic {
    .error(
      "Y031", "`?` at the start of `\(text)` is ambiguous in `[ ]` or `{ }`", at: span,
      label: "`?` at the start of a value",
      help: "quote the text (`\"\(text)\"`)",
      notes: [
        "YAML 1.2 reads this as text and libyaml as an explicit key, so scripts refuse it"
      ])
  }

  /// Y032: a `- ` item among `key:` entries.
  static func itemInMapping(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y032", "a `- ` list item cannot appear among `key: value` entries", at: span,
      label: "list item in a mapping",
      help:
        "indent the list under a key (`key:` on the line above), or make every entry a list item")
  }

  /// Y032: a `key:` entry among `- ` items.
  static func entryInList(_ span: SourceSpan, text: String) -> Diagnostic {
    .error(
      "Y032", "`\(text)` cannot appear among `- ` list items", at: span,
      label: "expected `- `",
      help: "start the line with `- ` to make it an item, or indent it to continue the item above")
  }

  // MARK: - Flow collections and line continuation

  /// Y023: an unclosed `[` or `{`.
  static func unclosedFlow(_ span: SourceSpan, open: Character, stoppedAt: SourceSpan? = nil)
    -> Diagnostic
  {
    let close = open == "[" ? "]" : "}"
    return .error(
      "Y023", "`\(open)` is never closed", at: span,
      label: "this `\(open)` has no matching `\(close)`",
      related: stoppedAt.map {
        [.init($0, "not indented, so the `\(open) \(close)` cannot go on here")]
      }
        ?? [],
      help: stoppedAt == nil
        ? "add `\(close)` after the last item"
        : "add `\(close)` after the last item, or indent every line inside `\(open) \(close)`")
  }

  /// Y024: something unexpected inside `[ ]` or `{ }`.
  static func flowExpected(_ span: SourceSpan, expected: String, found: String) -> Diagnostic {
    .error(
      "Y024", "expected \(expected), found `\(found)`", at: span, label: "unexpected `\(found)`",
      help: "separate items with `, ` and quote text that contains `,[]{}`")
  }

  /// Y024: an empty entry inside `[ ]` or `{ }`.
  static func emptyFlowEntry(_ span: SourceSpan) -> Diagnostic {
    .error(
      "Y024", "empty entry: `,` with nothing before it", at: span, label: "nothing before this `,`",
      help: "remove the extra `,`, or write `\"\"` for an empty text")
  }

  /// Y033: a continuation line indented too little.
  static func underIndented(_ span: SourceSpan, needed: Int, what: String, opened: SourceSpan)
    -> Diagnostic
  {
    .error(
      "Y033", "line inside \(what) is indented too little", at: span,
      label: "needs at least \(count(needed, "space"))",
      related: [.init(opened, "\(what) starts here")],
      help: "indent every line of \(what) by at least \(count(needed, "space")), "
        + "more than the key or `-` it belongs to")
  }

  /// Y033: the text of a top-level block scalar at column 0.
  static func topLevelBlockNotIndented(_ span: SourceSpan, header: SourceSpan) -> Diagnostic {
    .error(
      "Y033", "the text of a top-level block scalar must be indented", at: span,
      label: "not indented", related: [.init(header, "the block scalar starts here")],
      help: "indent every line of the text by at least 1 space")
  }

  /// Y029: a closing bracket with no opening one.
  static func unmatchedClose(_ span: SourceSpan, close: String) -> Diagnostic {
    let open = close == "]" ? "[" : "{"
    return .error(
      "Y029", "unmatched `\(close)`", at: span, label: "no `\(open)` opens this",
      help: "remove the extra `\(close)`")
  }

  // MARK: - Helpers

  static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  /// Text for a message: at most 40 characters, on one line.
  static func short(_ text: String) -> String {
    var result = ""
    var scalars = 0
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalars == 40 { return result + "…" }
      result.unicodeScalars.append(scalar)
      scalars += 1
    }
    return result
  }
}
