/// The block structure: the document, block mappings and sequences, and the values on their
/// lines.
extension SyntaxScanner {
  /// Where a block value sits, for messages and for what may start on the same line.
  enum ValueContext {
    case mappingValue(Node.Scalar)
    case sequenceItem
    case documentStart

    var key: Node.Scalar? {
      if case .mappingValue(let key) = self { return key }
      return nil
    }
  }

  /// A scalar that turned out to be a key (with `pos` at its `:`), or a complete node.
  enum KeyOrNode {
    case key(Node.Scalar)
    case node(Node)
  }

  // MARK: - The document

  /// Parses the whole file: directives (refused), an optional `---`, the root node, an optional
  /// `...`, and nothing after it.
  mutating func parseDocument() -> Node? {
    if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
    var root: Node?
    var documentStart: SourceSpan?
    while !halted, let line = nextContentLine() {
      guard line.indent == 0, bytes[line.content] == Byte.percent else { break }
      let stop = tokenEnd(line.content)
      report(SyntaxMessages.directive(span(line.content, stop), text: text(line.content, stop)))
      skipRestOfLine()
    }
    guard !halted else { return nil }
    if pos < end, documentMarker(at: pos) == Byte.dash {
      documentStart = span(pos, pos + 3)
      pos += 3
      do {
        root = try parseAfterDocumentStart(markerEnd: pos)
      } catch {
        recover(indent: -1)
      }
    } else if let line = nextContentLine() {
      pos = line.content
      do {
        root = try parseBlockNode(indent: line.indent, n: -1, owner: nil)
      } catch {
        recover(indent: -1)
      }
    }
    if root == nil, documentStart == nil, pos < end, documentMarker(at: pos) == Byte.dot,
      diagnostics.isEmpty
    {
      report(SyntaxMessages.documentEndWithoutDocument(span(pos, pos + 3)))
      return nil
    }
    finishDocument(start: documentStart)
    return root
  }

  /// The root node after `---`: on the same line, or on the lines below.
  private mutating func parseAfterDocumentStart(markerEnd: Int) throws(SyntaxFailure) -> Node {
    while isWhite(pos) { pos += 1 }
    if isBreakOrEnd(pos) || bytes[pos] == Byte.hash {
      let empty = Node.scalar(.init(value: "", style: .plain, span: span(markerEnd, markerEnd)))
      pos = afterBreak(lineEnd(from: pos))
      guard let line = nextContentLine() else { return empty }
      pos = line.content
      return try parseBlockNode(indent: line.indent, n: -1, owner: nil)
    }
    return try parseInlineNode(n: -1, context: .documentStart, compactAllowed: false, sawTab: false)
  }

  /// After the root node: only blank lines, comments and `...` may follow.
  private mutating func finishDocument(start: SourceSpan?) {
    var endMarker: SourceSpan?
    while !halted {
      if let line = nextContentLine() {
        let stop = tokenEnd(line.content)
        if let endMarker {
          report(
            SyntaxMessages.textAfterDocumentEnd(
              span(line.content, stop), end: endMarker))
        } else {
          report(
            SyntaxMessages.textAfterRoot(span(line.content, stop), text: text(line.content, stop)))
        }
        return
      }
      guard pos < end else { return }
      if documentMarker(at: pos) == Byte.dot {
        if endMarker == nil { endMarker = span(pos, pos + 3) }
        var index = pos + 3
        while isWhite(index) { index += 1 }
        if !isBreakOrEnd(index), bytes[index] != Byte.hash, let endMarker {
          let stop = tokenEnd(index)
          report(SyntaxMessages.textAfterDocumentEnd(span(index, stop), end: endMarker))
          return
        }
        skipRestOfLine()
        continue
      }
      report(SyntaxMessages.secondDocument(span(pos, pos + 3), first: start))
      return
    }
  }

  // MARK: - Nodes

  /// Parses the node whose first character is at `pos`, the start of a line's content, indented
  /// `indent` spaces, inside a collection indented `n` (-1 for the root).
  mutating func parseBlockNode(indent: Int, n: Int, owner: Node.Scalar?) throws(SyntaxFailure)
    -> Node
  {
    let byte = bytes[pos]
    if byte == Byte.dash, isBlankOrEnd(pos + 1) {
      return try parseBlockSequence(indent: indent, parent: n, sameIndentAsKey: false, owner: owner)
    }
    if byte == Byte.pipe || byte == Byte.greater { return try parseBlockScalar(n: n) }
    if byte == Byte.question, isBlankOrEnd(pos + 1) {
      throw fail(SyntaxMessages.explicitKey(span(pos, pos + 1)))
    }
    switch try parseScalarOrKey(n: n) {
    case .key(let key):
      return try parseBlockMapping(indent: indent, parent: n, firstKey: key, owner: owner)
    case .node(let node):
      return node
    }
  }

  /// Parses the value after `key:` or `-` (with `pos` just after the indicator, which ends at
  /// `indicatorEnd`): on the same line, on the lines below, or empty.
  mutating func parseBlockValue(n: Int, context: ValueContext, indicatorEnd: Int)
    throws(SyntaxFailure) -> Node
  {
    var sawTab = false
    while pos < end {
      let byte = bytes[pos]
      if byte == Byte.tab {
        sawTab = true
      } else if byte != Byte.space {
        break
      }
      pos += 1
    }
    if isBreakOrEnd(pos) || bytes[pos] == Byte.hash {
      let empty = Node.scalar(
        .init(value: "", style: .plain, span: span(indicatorEnd, indicatorEnd)))
      pos = afterBreak(lineEnd(from: pos))
      guard let line = nextContentLine() else { return empty }
      if line.indent > n {
        pos = line.content
        return try parseBlockNode(indent: line.indent, n: n, owner: context.key)
      }
      if let key = context.key, line.indent == n, bytes[line.content] == Byte.dash,
        isBlankOrEnd(line.content + 1)
      {
        pos = line.content
        return try parseBlockSequence(indent: n, parent: n - 1, sameIndentAsKey: true, owner: key)
      }
      return empty
    }
    var compact = false
    if case .sequenceItem = context { compact = true }
    return try parseInlineNode(
      n: n, context: context, compactAllowed: compact && !sawTab, sawTab: sawTab)
  }

  /// Parses a node that starts on the same line as a `key:`, `-` or `---` indicator.
  mutating func parseInlineNode(
    n: Int, context: ValueContext, compactAllowed: Bool, sawTab: Bool
  ) throws(SyntaxFailure) -> Node {
    let start = pos
    let byte = bytes[pos]
    if byte == Byte.pipe || byte == Byte.greater { return try parseBlockScalar(n: n) }
    if byte == Byte.dash, isBlankOrEnd(pos + 1) {
      if compactAllowed {
        return try parseBlockSequence(
          indent: indentColumn(of: pos), parent: n, sameIndentAsKey: false, owner: nil)
      }
      throw fail(inlineCollectionError(at: start, context: context, sawTab: sawTab, list: true))
    }
    if byte == Byte.question, isBlankOrEnd(pos + 1) {
      throw fail(SyntaxMessages.explicitKey(span(pos, pos + 1)))
    }
    switch try parseScalarOrKey(n: n) {
    case .node(let node):
      return node
    case .key(let key):
      if compactAllowed {
        return try parseBlockMapping(
          indent: indentColumn(of: start), parent: n, firstKey: key, owner: nil)
      }
      throw fail(inlineCollectionError(at: pos, context: context, sawTab: sawTab, list: false))
    }
  }

  private mutating func inlineCollectionError(
    at offset: Int, context: ValueContext, sawTab: Bool, list: Bool
  ) -> Diagnostic {
    if sawTab, case .sequenceItem = context {
      var tab = lineStart(of: offset)
      while tab < offset, bytes[tab] != Byte.tab { tab += 1 }
      return SyntaxMessages.tabIndentation(span(tab, tab + 1))
    }
    let place = span(offset, offset + 1)
    if case .documentStart = context { return SyntaxMessages.collectionOnDocumentStart(place) }
    return list
      ? SyntaxMessages.listOnLine(place, key: context.key?.value)
      : SyntaxMessages.nestedMappingOnLine(place, key: context.key?.value)
  }

  /// Parses a scalar or flow collection in block context; if it is followed by `: ` it is a key
  /// and `pos` is left at the `:`. Otherwise the rest of its last line is checked and consumed.
  mutating func parseScalarOrKey(n: Int) throws(SyntaxFailure) -> KeyOrNode {
    let start = pos
    let byte = bytes[pos]
    switch byte {
    case Byte.doubleQuote, Byte.singleQuote:
      let (scalar, multiLine) = try parseQuoted(minIndent: n + 1)
      var index = pos
      while isWhite(index) { index += 1 }
      if index < end, bytes[index] == Byte.colon, isBlankOrEnd(index + 1) {
        if multiLine { throw fail(SyntaxMessages.multiLineKey(span(start, index))) }
        try checkKeyLength(start, pos)
        pos = index
        return .key(scalar)
      }
      try finishLine()
      return .node(.scalar(scalar))
    case Byte.leftBracket, Byte.leftBrace:
      let node = try parseFlowCollection(minIndent: n + 1)
      var index = pos
      while isWhite(index) { index += 1 }
      if index < end, bytes[index] == Byte.colon, isBlankOrEnd(index + 1) {
        throw fail(SyntaxMessages.complexKey(span(start, pos)))
      }
      try finishLine()
      return .node(node)
    case Byte.ampersand, Byte.asterisk, Byte.exclamation:
      throw fail(propertyError(at: start))
    case Byte.percent where indentColumn(of: start) == 0:
      let stop = tokenEnd(start)
      throw fail(SyntaxMessages.directive(span(start, stop), text: text(start, stop)))
    case Byte.percent, Byte.at, Byte.backtick, Byte.pipe, Byte.greater, Byte.comma,
      Byte.rightBracket, Byte.rightBrace:
      throw fail(reservedStart(at: start))
    case Byte.question where isBlankOrEnd(pos + 1):
      throw fail(SyntaxMessages.explicitKey(span(pos, pos + 1)))
    case Byte.colon where isBlankOrEnd(pos + 1):
      throw fail(SyntaxMessages.emptyKey(span(pos, pos + 1)))
    case Byte.dash where isBlankOrEnd(pos + 1):
      throw fail(SyntaxMessages.listOnLine(span(pos, pos + 1), key: nil))
    default:
      let line = scanPlainLine(from: start)
      if line.stop == .colon {
        try checkKeyLength(start, line.contentEnd)
        let key = Node.Scalar(
          value: string(start, line.contentEnd), style: .plain, span: span(start, line.contentEnd))
        pos = line.stopAt
        return .key(key)
      }
      return .node(try continuePlain(start: start, first: line, minIndent: n + 1))
    }
  }

  /// The diagnostic for `&`, `*` or `!` at the start of a node.
  mutating func propertyError(at start: Int, flow: Bool = false) -> Diagnostic {
    let stop = tokenEnd(start, flow: flow)
    let place = span(start, stop)
    let token = text(start, stop)
    switch bytes[start] {
    case Byte.ampersand: return SyntaxMessages.anchor(place, text: token)
    case Byte.asterisk: return SyntaxMessages.alias(place, text: token)
    default: return SyntaxMessages.tag(place, text: token)
    }
  }

  /// The diagnostic for a character that cannot start a plain value.
  mutating func reservedStart(at start: Int, flow: Bool = false) -> Diagnostic {
    let stop = tokenEnd(start, flow: flow)
    return SyntaxMessages.reservedStart(
      span(start, start + 1), character: text(start, start + 1), token: text(start, stop),
      inFlow: flow)
  }

  /// YAML limits implicit keys to 1024 characters.
  mutating func checkKeyLength(_ start: Int, _ stop: Int) throws(SyntaxFailure) {
    guard stop - start > 1024 else { return }
    var scalars = 0
    for index in start..<stop where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
    if scalars > 1024 { throw fail(SyntaxMessages.keyTooLong(span(start, start + 1))) }
  }

  /// After a value that ends on this line: allows blanks and a comment, then consumes the break.
  mutating func finishLine() throws(SyntaxFailure) {
    let valueEnd = pos
    while isWhite(pos) { pos += 1 }
    if pos >= end { return }
    let byte = bytes[pos]
    if byte == Byte.lf || byte == Byte.cr {
      pos = afterBreak(pos)
      return
    }
    if byte == Byte.hash {
      if pos == valueEnd { throw fail(SyntaxMessages.commentWithoutSpace(span(pos, pos + 1))) }
      pos = afterBreak(lineEnd(from: pos))
      return
    }
    if byte == Byte.colon, isBlankOrEnd(pos + 1) {
      throw fail(SyntaxMessages.nestedMappingOnLine(span(pos, pos + 1), key: nil))
    }
    if byte == Byte.rightBracket || byte == Byte.rightBrace {
      throw fail(SyntaxMessages.unmatchedClose(span(pos, pos + 1), close: text(pos, pos + 1)))
    }
    let stop = tokenEnd(pos)
    if pos == valueEnd, pos > 0,
      bytes[pos - 1] == Byte.singleQuote || bytes[pos - 1] == Byte.doubleQuote,
      isWordByte(pos)
    {
      // `'last year's order'`: the apostrophe ended the quoted text.
      var wordStart = pos - 1
      while wordStart > 0, isWordByte(wordStart - 1) { wordStart -= 1 }
      var wordEnd = pos
      while wordEnd < end, isWordByte(wordEnd) { wordEnd += 1 }
      throw fail(
        SyntaxMessages.quoteInsideQuotes(
          span(pos - 1, pos), word: text(wordStart, wordEnd),
          single: bytes[pos - 1] == Byte.singleQuote))
    }
    throw fail(
      SyntaxMessages.textAfterValue(
        span(pos, stop), text: text(pos, stop), requoted: requoted(valueEnd: valueEnd)))
  }

  /// For `"No" he said.` (a quoted value with text after it on its line): the whole text quoted
  /// the other way, `'"No" he said.'`; `nil` when the value did not end in a quote on this line.
  func requoted(valueEnd: Int) -> String? {
    guard valueEnd > 0 else { return nil }
    let quote = bytes[valueEnd - 1]
    guard quote == Byte.singleQuote || quote == Byte.doubleQuote else { return nil }
    let start = lineStart(of: valueEnd - 1)
    // The opening quote: the first one on the line that starts the line or follows a space.
    var open = start
    while open < valueEnd - 1 {
      if bytes[open] == quote, open == start || bytes[open - 1] == Byte.space { break }
      open += 1
    }
    guard open < valueEnd - 1 else { return nil }
    var stop = lineEnd(from: valueEnd)
    while stop > valueEnd, isWhite(stop - 1) { stop -= 1 }
    let whole = text(open, stop)
    guard !whole.contains("\n"), whole.count <= 120 else { return nil }
    if quote == Byte.doubleQuote {
      return "'"
        + whole.split(separator: "'", omittingEmptySubsequences: false)
        .joined(separator: "''") + "'"
    }
    var escaped = ""
    for character in whole {
      if character == "\\" || character == "\"" { escaped.append("\\") }
      escaped.append(character)
    }
    return "\"" + escaped + "\""
  }

  /// Whether the byte at `index` is part of a word (a letter, a digit, or any non-ASCII byte).
  func isWordByte(_ index: Int) -> Bool {
    let byte = bytes[index]
    return byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
      || (0x30...0x39).contains(byte)
  }

  // MARK: - Collections

  /// Parses a block sequence whose first `-` is at `pos`, indented `indent` spaces, inside a
  /// collection indented `parent`.
  mutating func parseBlockSequence(
    indent: Int, parent: Int, sameIndentAsKey: Bool, owner: Node.Scalar?
  ) throws(SyntaxFailure) -> Node {
    try enterCollection(at: pos)
    defer { depth -= 1 }
    var items: [Node] = []
    items.reserveCapacity(4)
    let startLocation = location(pos)
    var endLocation = location(pos + 1)
    itemLoop: while true {
      let dash = pos
      pos += 1
      do {
        let item = try parseBlockValue(n: indent, context: .sequenceItem, indicatorEnd: dash + 1)
        if item.span.end > endLocation { endLocation = item.span.end }
        items.append(item)
      } catch {
        recover(indent: indent)
      }
      // Find the next item.
      while !halted {
        guard let line = nextContentLine() else { break itemLoop }
        let isItem = bytes[line.content] == Byte.dash && isBlankOrEnd(line.content + 1)
        if line.indent > indent {
          let stop = lineLabelEnd(line.content)
          report(
            SyntaxMessages.unexpectedIndent(
              span(line.content, stop), text: text(line.content, stop),
              after: (span(dash, dash + 1), "the `- ` item")))
          pos = line.content
          skipLines(deeperThan: indent)
          continue
        }
        if line.indent < indent {
          guard line.indent > parent else { break itemLoop }
          report(
            SyntaxMessages.misalignedItem(
              span(line.content, line.content + 1), found: line.indent, expected: indent,
              firstLine: startLocation.line, owner: owner))
          // Skip the misaligned line with what belongs to it: read as an item, its keys would
          // be misaligned too, one error for each.
          pos = line.content
          skipLines(deeperThan: line.indent)
          continue
        } else if !isItem {
          if sameIndentAsKey { break itemLoop }
          let stop = lineLabelEnd(line.content)
          report(
            SyntaxMessages.entryInList(span(line.content, stop), text: text(line.content, stop)))
          pos = line.content
          skipLines(deeperThan: indent)
          continue
        }
        pos = line.content
        continue itemLoop
      }
      break
    }
    return .sequence(
      .init(items: items, style: .block, span: SourceSpan(start: startLocation, end: endLocation)))
  }

  /// Parses a block mapping whose first key has been read (with `pos` at its `:`), indented
  /// `indent` spaces, inside a collection indented `parent`.
  mutating func parseBlockMapping(
    indent: Int, parent: Int, firstKey: Node.Scalar, owner: Node.Scalar?
  ) throws(SyntaxFailure) -> Node {
    try enterCollection(at: firstKey.span.start.offset)
    defer { depth -= 1 }
    var entries = EntryList()
    entries.entries.reserveCapacity(4)
    var key = firstKey
    var endLocation = firstKey.span.end
    entryLoop: while true {
      let colon = pos
      pos += 1
      do {
        let value = try parseBlockValue(
          n: indent, context: .mappingValue(key), indicatorEnd: colon + 1)
        if value.span.end > endLocation { endLocation = value.span.end }
        if let first = entries.add(key, value) {
          if key.value == firstKey.value, let dash = itemDash(of: firstKey, at: parent) {
            // `id:` again in a `- id:` item: a new item without its `- `. Its other keys would
            // all be repeats too, so its lines are skipped.
            report(
              SyntaxMessages.duplicateItemKey(
                key.span, key: key.value, first: first, dash: dash.column - 1))
            failureOffset = pos
            recover(indent: parent)
          } else {
            report(SyntaxMessages.duplicateKey(key.span, key: key.value, first: first))
          }
        }
      } catch {
        recover(indent: indent)
      }
      // Find the next key.
      while !halted {
        guard let line = nextContentLine() else { break entryLoop }
        if line.indent > indent {
          let stop = lineLabelEnd(line.content)
          if let closed = closedBlock, closed.closedAt == key.span.start.offset,
            line.indent == closed.indent
          {
            report(
              SyntaxMessages.keyLeftBlock(
                key.span, key: key.value, indent: closed.indent, owner: closed.owner,
                next: span(line.content, stop)))
          } else {
            report(
              SyntaxMessages.unexpectedIndent(
                span(line.content, stop), text: text(line.content, stop),
                after: (key.span, "`\(SyntaxMessages.short(key.value))`")))
          }
          pos = line.content
          skipLines(deeperThan: indent)
          continue
        }
        if line.indent < indent {
          guard line.indent > parent else {
            closedBlock = (indent, owner, line.content)
            break entryLoop
          }
          if bytes[line.content] == Byte.dash, isBlankOrEnd(line.content + 1),
            let dash = itemDash(of: firstKey, at: parent)
          {
            // A `- ` between this item's `- ` and its keys: the next item, misaligned. Its lines
            // are skipped whole, so that its keys are not read as repeats of this item's.
            report(
              SyntaxMessages.misalignedItem(
                span(line.content, line.content + 1), found: line.indent, expected: parent,
                firstLine: dash.line, owner: nil))
            pos = line.content
            skipLines(deeperThan: parent)
            continue
          }
          let stop = lineLabelEnd(line.content)
          report(
            SyntaxMessages.misalignedKey(
              span(line.content, line.content + 1), key: text(line.content, stop),
              found: line.indent, sibling: firstKey.value, expected: indent,
              siblingLine: firstKey.span.start.line, owner: owner))
        }
        pos = line.content
        if bytes[pos] == Byte.dash, isBlankOrEnd(pos + 1) {
          report(SyntaxMessages.itemInMapping(span(pos, pos + 1)))
          skipLines(deeperThan: indent)
          continue
        }
        do {
          switch try parseScalarOrKey(n: indent) {
          case .key(let next):
            key = next
            continue entryLoop
          case .node(let node):
            let stop = min(lineLabelEnd(line.content), max(node.span.end.offset, line.content + 1))
            report(
              SyntaxMessages.notAnEntry(span(line.content, stop), text: text(line.content, stop)))
          }
        } catch {
          recover(indent: indent)
        }
      }
      break
    }
    return .mapping(
      .init(
        entries: entries.entries, style: .block,
        span: SourceSpan(start: firstKey.span.start, end: endLocation)))
  }

  /// Where the `- ` of the list item is when `key` starts a mapping on that item's line (`- key:`)
  /// and the list is indented `column`; `nil` for any other mapping.
  mutating func itemDash(of key: Node.Scalar, at column: Int) -> SourceLocation? {
    guard column >= 0 else { return nil }
    let dash = lineStart(of: key.span.start.offset) + column
    guard dash < key.span.start.offset, bytes[dash] == Byte.dash else { return nil }
    return location(dash)
  }

  /// Skips the line at `pos` and the blank, comment and deeper-indented lines after it.
  mutating func skipLines(deeperThan indent: Int) {
    failureOffset = pos
    recover(indent: indent)
  }

  /// Where the interesting part of a line starting at `start` ends, for messages: before `: `,
  /// ` #` or the line break.
  func lineLabelEnd(_ start: Int) -> Int {
    var index = start
    var contentEnd = start
    while index < end, index - start < 200 {
      let byte = bytes[index]
      if byte == Byte.lf || byte == Byte.cr { break }
      if byte == Byte.colon, isBlankOrEnd(index + 1), index > start { break }
      if byte == Byte.hash, index > start, isWhite(index - 1) { break }
      index += 1
      if byte != Byte.space, byte != Byte.tab { contentEnd = index }
    }
    return max(contentEnd, min(start + 1, end))
  }
}

/// The entries of a mapping being built, with a duplicate check that stays cheap for small
/// mappings and switches to a dictionary for large ones.
struct EntryList {
  var entries: [Node.Entry] = []
  private var index: [String: Int] = [:]

  /// Adds an entry; if the key is already present, returns where it was first defined instead.
  mutating func add(_ key: Node.Scalar, _ value: consuming Node) -> SourceSpan? {
    if entries.count < 12 {
      let length = key.value.utf8.count
      for entry in entries
      where entry.key.value.utf8.count == length && entry.key.value == key.value {
        return entry.key.span
      }
      entries.append(Node.Entry(key: key, value: value))
      if entries.count == 12 {
        for (position, entry) in entries.enumerated() { index[entry.key.value] = position }
      }
      return nil
    }
    if let position = index[key.value] { return entries[position].key.span }
    index[key.value] = entries.count
    entries.append(Node.Entry(key: key, value: value))
    return nil
  }
}
