/// Flow collections: `[a, b]` and `{a: b}`, on one line or several, nested, with single-pair
/// mappings (`[a: b]`) inside sequences.
extension SyntaxScanner {
  /// An entry inside `[ ]` or `{ }`: a scalar followed by `:` (with `pos` at the `:`), or a node.
  enum FlowItem {
    case key(Node.Scalar)
    case node(Node)
  }

  /// Parses `[…]` or `{…}` at `pos`; lines inside must be indented at least `minIndent`.
  mutating func parseFlowCollection(minIndent: Int) throws(SyntaxFailure) -> Node {
    let open = pos
    try enterCollection(at: open)
    flowLevel += 1
    flowOpenings.append(open)
    defer {
      depth -= 1
      flowLevel -= 1
      flowOpenings.removeLast()
    }
    pos += 1
    return bytes[open] == Byte.leftBracket
      ? try parseFlowSequence(open: open, minIndent: minIndent)
      : try parseFlowMapping(open: open, minIndent: minIndent)
  }

  private mutating func parseFlowSequence(open: Int, minIndent: Int) throws(SyntaxFailure) -> Node {
    var items: [Node] = []
    items.reserveCapacity(4)
    while true {
      try skipFlowSpace(minIndent: minIndent, open: open)
      let byte = bytes[pos]
      if byte == Byte.rightBracket { break }
      if byte == Byte.comma { throw fail(SyntaxMessages.emptyFlowEntry(span(pos, pos + 1))) }
      let itemStart = pos
      switch try parseFlowItem(minIndent: minIndent) {
      case .node(let node):
        try skipFlowSpace(minIndent: minIndent, open: open)
        if bytes[pos] == Byte.colon {
          throw fail(
            node.isCollection
              ? SyntaxMessages.complexKey(node.span)
              : SyntaxMessages.multiLineKey(span(itemStart, pos)))
        }
        items.append(node)
      case .key(let key):
        try enterCollection(at: itemStart)
        defer { depth -= 1 }
        let value = try parseFlowValue(minIndent: minIndent, open: open)
        items.append(
          .mapping(
            .init(
              entries: [Node.Entry(key: key, value: value)], style: .flow,
              span: SourceSpan(start: key.span.start, end: value.span.end))))
      }
      try skipFlowSpace(minIndent: minIndent, open: open)
      let next = bytes[pos]
      if next == Byte.comma {
        pos += 1
        continue
      }
      if next == Byte.rightBracket { break }
      throw fail(unexpectedInFlow(expected: "`,` or `]`"))
    }
    pos += 1
    return .sequence(.init(items: items, style: .flow, span: span(open, pos)))
  }

  private mutating func parseFlowMapping(open: Int, minIndent: Int) throws(SyntaxFailure) -> Node {
    var entries = EntryList()
    while true {
      try skipFlowSpace(minIndent: minIndent, open: open)
      let byte = bytes[pos]
      if byte == Byte.rightBrace { break }
      if byte == Byte.comma { throw fail(SyntaxMessages.emptyFlowEntry(span(pos, pos + 1))) }
      let itemStart = pos
      let key: Node.Scalar
      let value: Node
      switch try parseFlowItem(minIndent: minIndent, keyOverLines: true) {
      case .node(let node):
        guard case .scalar(let scalar) = node else {
          throw fail(SyntaxMessages.complexKey(node.span))
        }
        try skipFlowSpace(minIndent: minIndent, open: open)
        if bytes[pos] == Byte.colon {
          // Inside `{ }` YAML 1.2 lets the `:` follow on a later line (`{"a"` / `: b}`); after a
          // plain key only when a space or line break follows it, as on one line.
          guard scalar.style != .plain || isBlankOrEnd(pos + 1) else {
            throw fail(SyntaxMessages.multiLineKey(span(itemStart, pos)))
          }
          key = scalar
          value = try parseFlowValue(minIndent: minIndent, open: open)
        } else {
          key = scalar
          value = .scalar(.init(value: "", style: .plain, span: SourceSpan(at: scalar.span.end)))
        }
      case .key(let scalar):
        key = scalar
        value = try parseFlowValue(minIndent: minIndent, open: open)
      }
      if let first = entries.add(key, value) {
        report(SyntaxMessages.duplicateKey(key.span, key: key.value, first: first))
      }
      try skipFlowSpace(minIndent: minIndent, open: open)
      let next = bytes[pos]
      if next == Byte.comma {
        pos += 1
        continue
      }
      if next == Byte.rightBrace { break }
      throw fail(unexpectedInFlow(expected: "`,` or `}`"))
    }
    pos += 1
    return .mapping(.init(entries: entries.entries, style: .flow, span: span(open, pos)))
  }

  /// The value after a `:` inside `[ ]` or `{ }` (with `pos` at the `:`): a node, or empty when
  /// `,` or the closing bracket follows.
  private mutating func parseFlowValue(minIndent: Int, open: Int) throws(SyntaxFailure) -> Node {
    let colon = pos
    pos += 1
    try skipFlowSpace(minIndent: minIndent, open: open)
    let byte = bytes[pos]
    if byte == Byte.comma || byte == Byte.rightBracket || byte == Byte.rightBrace {
      return .scalar(.init(value: "", style: .plain, span: span(colon + 1, colon + 1)))
    }
    switch try parseFlowItem(minIndent: minIndent) {
    case .node(let node):
      return node
    case .key:
      throw fail(SyntaxMessages.nestedMappingOnLine(span(pos, pos + 1), key: nil))
    }
  }

  /// The diagnostic for an unexpected character where `,` or a closing bracket should be.
  private mutating func unexpectedInFlow(expected: String) -> Diagnostic {
    let byte = bytes[pos]
    if byte == Byte.colon {
      return SyntaxMessages.nestedMappingOnLine(span(pos, pos + 1), key: nil)
    }
    if byte == Byte.hash {
      return SyntaxMessages.commentWithoutSpace(span(pos, pos + 1))
    }
    let stop =
      byte == Byte.rightBracket || byte == Byte.rightBrace ? pos + 1 : tokenEnd(pos, flow: true)
    return SyntaxMessages.flowExpected(span(pos, stop), expected: expected, found: text(pos, stop))
  }

  /// Parses one node inside `[ ]` or `{ }`, noticing when a scalar is followed by `:`. A key may
  /// run over several lines only inside `{ }` (`keyOverLines`): in `[ ]` a single pair's key is on
  /// one line, as in YAML 1.2.
  private mutating func parseFlowItem(
    minIndent: Int, keyOverLines: Bool = false
  ) throws(SyntaxFailure) -> FlowItem {
    let start = pos
    let byte = bytes[pos]
    switch byte {
    case Byte.leftBracket, Byte.leftBrace:
      let node = try parseFlowCollection(minIndent: minIndent)
      var index = pos
      while isWhite(index) { index += 1 }
      if index < end, bytes[index] == Byte.colon {
        throw fail(SyntaxMessages.complexKey(node.span))
      }
      return .node(node)
    case Byte.doubleQuote, Byte.singleQuote:
      let (scalar, multiLine) = try parseQuoted(minIndent: minIndent)
      var index = pos
      while isWhite(index) { index += 1 }
      if index < end, bytes[index] == Byte.colon {
        if multiLine, !keyOverLines {
          throw fail(SyntaxMessages.multiLineKey(span(start, index)))
        }
        pos = index
        return .key(scalar)
      }
      return .node(.scalar(scalar))
    case Byte.ampersand, Byte.asterisk, Byte.exclamation:
      throw fail(propertyError(at: start, flow: true))
    case Byte.question:
      if isFlowBlankOrEnd(pos + 1) { throw fail(SyntaxMessages.explicitKey(span(pos, pos + 1))) }
      // `?x`: plain text in YAML 1.2, an explicit key `x` to libyaml.
      throw fail(
        SyntaxMessages.questionInFlowPlain(
          span(pos, pos + 1), text: text(pos, tokenEnd(pos, flow: true))))
    case Byte.colon:
      if isBlankOrEnd(pos + 1) { throw fail(SyntaxMessages.emptyKey(span(pos, pos + 1))) }
      let stop = tokenEnd(pos, flow: true)
      throw fail(
        SyntaxMessages.colonInFlowPlain(span(pos, pos + 1), text: text(pos, stop), leading: true))
    case Byte.dash where isFlowBlankOrEnd(pos + 1):
      throw fail(SyntaxMessages.listOnLine(span(pos, pos + 1), key: nil))
    case Byte.pipe, Byte.greater, Byte.percent, Byte.at, Byte.backtick, Byte.rightBracket,
      Byte.rightBrace, Byte.hash:
      if (byte == Byte.rightBracket || byte == Byte.rightBrace) {
        throw fail(unexpectedInFlow(expected: "a value"))
      }
      throw fail(reservedStart(at: start, flow: true))
    default:
      return try parseFlowPlain(minIndent: minIndent, keyOverLines: keyOverLines)
    }
  }

  /// Whether the byte at `index` ends a token inside `[ ]` or `{ }`.
  @inline(__always) func isFlowBlankOrEnd(_ index: Int) -> Bool {
    isBlankOrEnd(index) || Byte.isFlowIndicator(bytes[index])
  }

  /// Parses a plain scalar inside `[ ]` or `{ }`, folding continuation lines.
  private mutating func parseFlowPlain(
    minIndent: Int, keyOverLines: Bool
  ) throws(SyntaxFailure) -> FlowItem {
    let start = pos
    var index = pos
    var contentEnd = pos
    var multiLine = false
    var lineContentStart = pos
    while true {
      // One line.
      var stopAtLineEnd = false
      while index < end {
        let byte = bytes[index]
        if byte == Byte.space || byte == Byte.tab {
          index += 1
          if index < end, bytes[index] == Byte.hash { break }
          continue
        }
        if byte == Byte.lf || byte == Byte.cr {
          stopAtLineEnd = true
          break
        }
        if Byte.isFlowIndicator(byte) { break }
        if byte == Byte.colon {
          if isBlankOrEnd(index + 1) { break }
          // `:` followed by other text is part of the value (`http://x`), as in YAML 1.2 and
          // libyaml; followed by a flow indicator or `?` (`[a:]`) the two disagree: refused.
          let next = bytes[index + 1]
          if !Byte.isFlowIndicator(next), next != Byte.question {
            index += 1
            contentEnd = index
            continue
          }
          let stop = tokenEnd(lineContentStart, flow: true)
          pos = index
          throw fail(
            SyntaxMessages.colonInFlowPlain(
              span(index, index + 1), text: text(lineContentStart, max(stop, index + 1))))
        }
        index += 1
        contentEnd = index
      }
      if index >= end { stopAtLineEnd = true }
      if multiLine { appendScratch(lineContentStart, contentEnd) }
      guard stopAtLineEnd, index < end else { break }
      // A following line continues the scalar unless it starts with an indicator or a comment.
      var next = afterBreak(index)
      var empties = 0
      var contentAt = -1
      while next < end {
        var probe = next
        while probe < end, bytes[probe] == Byte.space { probe += 1 }
        let spaces = probe - next
        var white = probe
        while isWhite(white) { white += 1 }
        if white >= end { break }
        let byte = bytes[white]
        if byte == Byte.lf || byte == Byte.cr {
          empties += 1
          next = afterBreak(white)
          continue
        }
        if byte == Byte.hash || Byte.isFlowIndicator(byte) || byte == Byte.colon { break }
        if spaces == 0, documentMarker(at: next) != nil { break }
        if spaces < minIndent {
          pos = white
          if white > probe { throw fail(SyntaxMessages.tabIndentation(span(probe, probe + 1))) }
          throw underIndentedInFlow(at: white, minIndent: minIndent)
        }
        contentAt = white
        break
      }
      guard contentAt >= 0 else { break }
      if !multiLine {
        scratch.removeAll(keepingCapacity: true)
        appendScratch(start, contentEnd)
        multiLine = true
      }
      if empties == 0 {
        scratch.append(Byte.space)
      } else {
        for _ in 0..<empties { scratch.append(Byte.lf) }
      }
      index = contentAt
      lineContentStart = contentAt
      contentEnd = contentAt
    }
    pos = contentEnd
    let value = multiLine ? String(decoding: scratch, as: UTF8.self) : string(start, contentEnd)
    let scalar = Node.Scalar(value: value, style: .plain, span: span(start, contentEnd))
    var probe = contentEnd
    while isWhite(probe) { probe += 1 }
    if probe < end, bytes[probe] == Byte.colon, isBlankOrEnd(probe + 1) {
      if multiLine, !keyOverLines {
        throw fail(SyntaxMessages.multiLineKey(span(start, probe)))
      }
      pos = probe
      return .key(scalar)
    }
    return .node(.scalar(scalar))
  }

  /// Skips blanks, comments and line breaks inside `[ ]` or `{ }`; fails at the end of the file,
  /// at a document marker, or at a line indented less than `minIndent`.
  private mutating func skipFlowSpace(minIndent: Int, open: Int) throws(SyntaxFailure) {
    while true {
      while isWhite(pos) { pos += 1 }
      guard pos < end else { throw unclosed(open) }
      let byte = bytes[pos]
      if byte == Byte.hash {
        if pos > 0, !isWhite(pos - 1), bytes[pos - 1] != Byte.lf, bytes[pos - 1] != Byte.cr {
          throw fail(SyntaxMessages.commentWithoutSpace(span(pos, pos + 1)))
        }
        pos = lineEnd(from: pos)
        continue
      }
      guard byte == Byte.lf || byte == Byte.cr else { return }
      pos = afterBreak(pos)
      let lineStart = pos
      if documentMarker(at: lineStart) != nil { throw unclosed(open) }
      var index = pos
      while index < end, bytes[index] == Byte.space { index += 1 }
      let spaces = index - lineStart
      var white = index
      while isWhite(white) { white += 1 }
      if white >= end { throw unclosed(open) }
      let next = bytes[white]
      if next == Byte.lf || next == Byte.cr || next == Byte.hash || spaces >= minIndent {
        pos = white
        continue
      }
      pos = white
      if white > index { throw fail(SyntaxMessages.tabIndentation(span(index, index + 1))) }
      throw underIndentedInFlow(at: white, minIndent: minIndent)
    }
  }

  /// Whether `levels` open brackets all close on the line that starts at `index`.
  private func flowCloses(onLineFrom index: Int, levels: Int) -> Bool {
    var open = levels
    var index = index
    var quote: UInt8 = 0
    while index < end, bytes[index] != Byte.lf, bytes[index] != Byte.cr {
      let byte = bytes[index]
      if quote != 0 {
        if byte == Byte.backslash, quote == Byte.doubleQuote { index += 1 }
        if byte == quote { quote = 0 }
      } else if byte == Byte.doubleQuote || byte == Byte.singleQuote {
        quote = byte
      } else if byte == Byte.leftBracket || byte == Byte.leftBrace {
        open += 1
      } else if byte == Byte.rightBracket || byte == Byte.rightBrace {
        open -= 1
        if open == 0 { return true }
      }
      index += 1
    }
    return false
  }

  /// A line inside `[ ]` or `{ }` indented too little: a closing bracket that needs indenting,
  /// or (more likely) a bracket that was never closed. Recovery resumes at that line.
  private mutating func underIndentedInFlow(at index: Int, minIndent: Int) -> SyntaxFailure {
    let open = flowOpenings.last ?? index
    let name = bytes[open] == Byte.leftBracket ? "`[ ]`" : "`{ }`"
    if flowCloses(onLineFrom: index, levels: flowOpenings.count) {
      return fail(
        SyntaxMessages.underIndented(
          span(index, index + 1), needed: minIndent, what: name, opened: span(open, open + 1)))
    }
    let outermost = flowOpenings.first ?? open
    let diagnostic = SyntaxMessages.unclosedFlow(
      span(outermost, outermost + 1), open: bytes[outermost] == Byte.leftBracket ? "[" : "{",
      stoppedAt: span(index, index + 1))
    report(diagnostic)
    // Nothing of the flow collection is left to skip: resume at the line that broke it off.
    failedFlowLevel = 0
    let start = lineStart(of: index)
    var previousBreak = max(0, start - 1)
    if previousBreak > 0, bytes[previousBreak] == Byte.lf, bytes[previousBreak - 1] == Byte.cr {
      previousBreak -= 1
    }
    failureOffset = previousBreak
    pos = previousBreak
    return SyntaxFailure()
  }

  private mutating func unclosed(_ open: Int) -> SyntaxFailure {
    fail(
      SyntaxMessages.unclosedFlow(
        span(open, open + 1), open: bytes[open] == Byte.leftBracket ? "[" : "{"))
  }
}

extension Node {
  /// Whether the node is a sequence or a mapping.
  var isCollection: Bool {
    if case .scalar = self { return false }
    return true
  }
}
