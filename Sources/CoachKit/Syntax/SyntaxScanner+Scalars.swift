/// Scalars: plain (with line folding), single- and double-quoted (with escapes and folding),
/// and `|` / `>` block scalars (with chomping and indentation indicators).
extension SyntaxScanner {
  /// Why a plain scalar's line ended.
  enum PlainStop {
    /// At a line break or the end of the file.
    case lineEnd
    /// At a `#` that follows a blank.
    case comment
    /// At a `:` followed by a blank: the scalar is a key.
    case colon
  }

  /// One line of a plain scalar: where its text ends (trailing blanks trimmed), and where and why
  /// the scan stopped.
  struct PlainLine {
    var contentEnd: Int
    var stop: PlainStop
    var stopAt: Int
  }

  /// The text of `bytes[start..<stop]` as a string.
  @inline(__always) func string(_ start: Int, _ stop: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
  }

  @inline(__always) mutating func appendScratch(_ start: Int, _ stop: Int) {
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<stop]))
  }

  // MARK: - Plain

  /// Scans one line of a plain scalar in block context.
  func scanPlainLine(from start: Int) -> PlainLine {
    var index = start
    var contentEnd = start
    while index < end {
      let byte = bytes[index]
      if byte > Byte.colon {
        index += 1
        contentEnd = index
        continue
      }
      switch byte {
      case Byte.space, Byte.tab:
        index += 1
        if index < end, bytes[index] == Byte.hash {
          return PlainLine(contentEnd: contentEnd, stop: .comment, stopAt: index)
        }
      case Byte.lf, Byte.cr:
        return PlainLine(contentEnd: contentEnd, stop: .lineEnd, stopAt: index)
      case Byte.colon:
        if isBlankOrEnd(index + 1) {
          return PlainLine(contentEnd: contentEnd, stop: .colon, stopAt: index)
        }
        index += 1
        contentEnd = index
      default:
        index += 1
        contentEnd = index
      }
    }
    return PlainLine(contentEnd: contentEnd, stop: .lineEnd, stopAt: end)
  }

  /// The plain key written before a value that starts at `value` on the same line (`id` in
  /// `  - id: damage`), if there is one.
  func keyBefore(value: Int) -> (start: Int, end: Int)? {
    let lineBegin = lineStart(of: value)
    var start = lineBegin
    while start < value {
      if bytes[start] == Byte.space {
        start += 1
      } else if bytes[start] == Byte.dash, isBlankOrEnd(start + 1) {
        start += 1
      } else {
        break
      }
    }
    guard let colon = firstColon(from: start, before: value), colon > start,
      bytes[start] != Byte.doubleQuote, bytes[start] != Byte.singleQuote
    else { return nil }
    var end = colon
    while end > start, isWhite(end - 1) { end -= 1 }
    return (start, end)
  }

  /// The offset of the first `:` in `start..<limit`, if any.
  func firstColon(from start: Int, before limit: Int) -> Int? {
    (start..<limit).first { bytes[$0] == Byte.colon }
  }

  /// Completes a plain scalar in block context whose first line has been scanned: folds in the
  /// continuation lines indented at least `minIndent`, and consumes the rest of the last line.
  mutating func continuePlain(start: Int, first: PlainLine, minIndent: Int) throws(SyntaxFailure)
    -> Node
  {
    var lastEnd = first.contentEnd
    var lineBreak = first.stopAt
    var multiLine = false
    if first.stop == .comment {
      lineBreak = lineEnd(from: first.stopAt)
    } else {
      while lineBreak < end {
        var next = afterBreak(lineBreak)
        var empties = 0
        var contentAt = -1
        while next < end {
          var index = next
          while index < end, bytes[index] == Byte.space { index += 1 }
          let spaces = index - next
          var white = index
          while isWhite(white) { white += 1 }
          if white >= end { break }
          let byte = bytes[white]
          if byte == Byte.lf || byte == Byte.cr {
            empties += 1
            next = afterBreak(white)
            continue
          }
          if spaces < minIndent || byte == Byte.hash { break }
          if spaces == 0, documentMarker(at: next) != nil { break }
          // A tab after the indentation only separates, as YAML 1.2 allows.
          contentAt = white
          break
        }
        guard contentAt >= 0 else { break }
        let line = scanPlainLine(from: contentAt)
        if line.stop == .colon {
          let keyEnd = line.stopAt
          if let closed = closedBlock, contentAt - next == closed.indent,
            lineStart(of: closed.closedAt) == lineStart(of: start),
            let colon = firstColon(from: closed.closedAt, before: start)
          {
            // `role:` pushed left inside `customer:` closes the block; the keys after it are
            // still indented for it. The line to fix is the one that left.
            pos = contentAt
            throw fail(
              SyntaxMessages.keyLeftBlock(
                span(closed.closedAt, colon), key: text(closed.closedAt, colon),
                indent: closed.indent, owner: closed.owner, next: span(contentAt, keyEnd)))
          }
          if let key = keyBefore(value: start), contentAt - next > indentColumn(of: key.start) {
            // `asked-by:` one space deeper than `id:` above it: most likely meant as a sibling.
            pos = contentAt
            throw fail(
              SyntaxMessages.keyDeeperThanSibling(
                span(contentAt, keyEnd), key: text(contentAt, keyEnd), found: contentAt - next,
                sibling: text(key.start, key.end), expected: indentColumn(of: key.start),
                siblingSpan: span(key.start, key.end)))
          }
          throw fail(
            SyntaxMessages.keyInContinuation(
              span(contentAt, keyEnd), valueStart: span(start, first.contentEnd)))
        }
        if !multiLine {
          scratch.removeAll(keepingCapacity: true)
          appendScratch(start, first.contentEnd)
          multiLine = true
        }
        if empties == 0 {
          scratch.append(Byte.space)
        } else {
          for _ in 0..<empties { scratch.append(Byte.lf) }
        }
        appendScratch(contentAt, line.contentEnd)
        lastEnd = line.contentEnd
        if line.stop == .comment {
          lineBreak = lineEnd(from: line.stopAt)
          break
        }
        lineBreak = line.stopAt
      }
    }
    pos = afterBreak(lineBreak)
    let value =
      multiLine ? String(decoding: scratch, as: UTF8.self) : string(start, first.contentEnd)
    return .scalar(.init(value: value, style: .plain, span: span(start, lastEnd)))
  }

  // MARK: - Quoted

  /// Parses a single- or double-quoted scalar at `pos`; continuation lines must be indented at
  /// least `minIndent`. Returns the scalar and whether it went over several lines.
  mutating func parseQuoted(minIndent: Int) throws(SyntaxFailure) -> (Node.Scalar, Bool) {
    let start = pos
    let quote = bytes[start]
    let double = quote == Byte.doubleQuote
    let style: Node.ScalarStyle = double ? .doubleQuoted : .singleQuoted
    var index = start + 1
    // Fast path: one line, no escapes.
    while index < end {
      let byte = bytes[index]
      if byte == quote {
        if !double, index + 1 < end, bytes[index + 1] == quote { break }
        pos = index + 1
        return (.init(value: string(start + 1, index), style: style, span: span(start, pos)), false)
      }
      if byte == Byte.lf || byte == Byte.cr || (double && byte == Byte.backslash) { break }
      index += 1
    }
    scratch.removeAll(keepingCapacity: true)
    appendScratch(start + 1, index)
    var keep = scratch.count
    while keep > 0, scratch[keep - 1] == Byte.space || scratch[keep - 1] == Byte.tab { keep -= 1 }
    var multiLine = false
    while true {
      guard index < end else {
        pos = lineEnd(from: start)
        throw fail(SyntaxMessages.unterminatedQuote(span(start, start + 1), double: double))
      }
      let byte = bytes[index]
      if byte == quote {
        if !double, index + 1 < end, bytes[index + 1] == quote {
          scratch.append(quote)
          index += 2
          keep = scratch.count
          continue
        }
        index += 1
        break
      }
      if double, byte == Byte.backslash {
        guard index + 1 < end else {
          pos = index
          throw fail(SyntaxMessages.unterminatedQuote(span(start, start + 1), double: double))
        }
        let next = bytes[index + 1]
        if next == Byte.lf || next == Byte.cr {
          multiLine = true
          let (content, empties) = try quotedContinuation(
            after: index + 1, minIndent: minIndent, start: start, double: double)
          for _ in 0..<empties { scratch.append(Byte.lf) }
          keep = scratch.count
          index = content
          continue
        }
        index = try unescape(at: index)
        keep = scratch.count
        continue
      }
      if byte == Byte.lf || byte == Byte.cr {
        multiLine = true
        scratch.removeLast(scratch.count - keep)
        let (content, empties) = try quotedContinuation(
          after: index, minIndent: minIndent, start: start, double: double)
        if empties == 0 {
          scratch.append(Byte.space)
        } else {
          for _ in 0..<empties { scratch.append(Byte.lf) }
        }
        keep = scratch.count
        index = content
        continue
      }
      scratch.append(byte)
      if byte != Byte.space, byte != Byte.tab { keep = scratch.count }
      index += 1
    }
    pos = index
    let value = String(decoding: scratch, as: UTF8.self)
    return (.init(value: value, style: style, span: span(start, pos)), multiLine)
  }

  /// Moves past a line break inside a quoted scalar: counts the empty lines, checks the next
  /// line's indentation, and returns where its text starts.
  private mutating func quotedContinuation(
    after lineBreak: Int, minIndent: Int, start: Int, double: Bool
  ) throws(SyntaxFailure) -> (Int, Int) {
    var next = afterBreak(lineBreak)
    var empties = 0
    while true {
      var index = next
      while index < end, bytes[index] == Byte.space { index += 1 }
      let spaces = index - next
      var white = index
      while isWhite(white) { white += 1 }
      if white >= end { break }
      if bytes[white] == Byte.lf || bytes[white] == Byte.cr {
        empties += 1
        next = afterBreak(white)
        continue
      }
      if spaces == 0, documentMarker(at: next) != nil { break }
      if spaces < minIndent {
        // Resume after the line the quote opened on, in case the quote was never closed.
        pos = lineEnd(from: start)
        if white > index {
          throw fail(SyntaxMessages.tabIndentation(span(index, index + 1)))
        }
        if closesOnLine(from: white, quote: bytes[start]) {
          throw fail(
            SyntaxMessages.underIndented(
              span(white, white + 1), needed: minIndent, what: "the quoted value",
              opened: span(start, start + 1)))
        }
        throw fail(
          SyntaxMessages.unterminatedQuote(
            span(start, start + 1), double: double, stoppedAt: span(white, white + 1)))
      }
      return (white, empties)
    }
    pos = lineEnd(from: start)
    throw fail(SyntaxMessages.unterminatedQuote(span(start, start + 1), double: double))
  }

  /// Whether the line from `index` holds a closing `quote`.
  private func closesOnLine(from index: Int, quote: UInt8) -> Bool {
    var index = index
    while index < end, bytes[index] != Byte.lf, bytes[index] != Byte.cr {
      if quote == Byte.doubleQuote, bytes[index] == Byte.backslash {
        index += 2
        continue
      }
      if bytes[index] == quote { return true }
      index += 1
    }
    return false
  }

  /// What a double-quoted escape `\` + `code` stands for: one character, or a character written
  /// with this many hexadecimal digits (`\x`, `\u`, `\U`); `nil` if it is not an escape.
  enum Escape: Equatable {
    case character(UInt32)
    case hexadecimal(digits: Int)

    init?(code: UInt8) {
      switch code {
      case UInt8(ascii: "0"): self = .character(0)
      case UInt8(ascii: "a"): self = .character(0x07)
      case UInt8(ascii: "b"): self = .character(0x08)
      case UInt8(ascii: "t"), Byte.tab: self = .character(0x09)
      case UInt8(ascii: "n"): self = .character(0x0A)
      case UInt8(ascii: "v"): self = .character(0x0B)
      case UInt8(ascii: "f"): self = .character(0x0C)
      case UInt8(ascii: "r"): self = .character(0x0D)
      case UInt8(ascii: "e"): self = .character(0x1B)
      case Byte.space: self = .character(0x20)
      case Byte.doubleQuote: self = .character(0x22)
      case UInt8(ascii: "/"): self = .character(0x2F)
      case Byte.backslash: self = .character(0x5C)
      case UInt8(ascii: "N"): self = .character(0x85)
      case UInt8(ascii: "_"): self = .character(0xA0)
      case UInt8(ascii: "L"): self = .character(0x2028)
      case UInt8(ascii: "P"): self = .character(0x2029)
      case UInt8(ascii: "x"): self = .hexadecimal(digits: 2)
      case UInt8(ascii: "u"): self = .hexadecimal(digits: 4)
      case UInt8(ascii: "U"): self = .hexadecimal(digits: 8)
      default: return nil
      }
    }
  }

  /// Decodes the escape sequence at `index` (a backslash) into `scratch`; returns the offset
  /// after it.
  private mutating func unescape(at index: Int) throws(SyntaxFailure) -> Int {
    var digits = 0
    var scalar: UInt32 = 0
    switch Escape(code: bytes[index + 1]) {
    case .character(let value): scalar = value
    case .hexadecimal(let count): digits = count
    case nil:
      let stop = min(end, index + 1 + max(1, sequenceLength(at: index + 1)))
      pos = index
      throw fail(SyntaxMessages.invalidEscape(span(index, stop), text: text(index, stop)))
    }
    var next = index + 2
    if digits > 0 {
      for _ in 0..<digits {
        guard next < end, let value = hexValue(bytes[next]) else {
          let stop = min(max(next, index + 2), end)
          pos = index
          throw fail(
            SyntaxMessages.invalidEscape(
              span(index, stop), text: text(index, stop),
              reason: "expected \(digits) hexadecimal digits"))
        }
        scalar = scalar << 4 | UInt32(value)
        next += 1
      }
      if (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF {
        pos = index
        throw fail(
          SyntaxMessages.invalidEscape(
            span(index, next), text: text(index, next), reason: "not a Unicode character"))
      }
    }
    appendUTF8(scalar)
    return next
  }

  private func sequenceLength(at index: Int) -> Int {
    guard index < end else { return 0 }
    let byte = bytes[index]
    if byte < 0x80 { return 1 }
    if byte >= 0xF0 { return 4 }
    if byte >= 0xE0 { return 3 }
    return 2
  }

  private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private mutating func appendUTF8(_ scalar: UInt32) {
    switch scalar {
    case 0..<0x80:
      scratch.append(UInt8(scalar))
    case 0x80..<0x800:
      scratch.append(UInt8(0xC0 | scalar >> 6))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      scratch.append(UInt8(0xE0 | scalar >> 12))
      scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    default:
      scratch.append(UInt8(0xF0 | scalar >> 18))
      scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  // MARK: - Block scalars

  /// Parses a `|` or `>` block scalar whose header is at `pos`, inside a collection indented `n`
  /// (-1 for the root).
  mutating func parseBlockScalar(n: Int) throws(SyntaxFailure) -> Node {
    enum Chomp { case clip, strip, keep }
    let start = pos
    let literal = bytes[pos] == Byte.pipe
    var chomp = Chomp.clip
    var sawChomp = false
    var explicit = 0
    pos += 1
    for _ in 0..<2 {
      guard pos < end else { break }
      let byte = bytes[pos]
      if !sawChomp, byte == Byte.dash || byte == Byte.plus {
        chomp = byte == Byte.dash ? .strip : .keep
        sawChomp = true
      } else if explicit == 0, byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") {
        explicit = Int(byte - UInt8(ascii: "0"))
      } else {
        break
      }
      pos += 1
    }
    let headerEnd = pos
    var index = pos
    while isWhite(index) { index += 1 }
    if index < end, bytes[index] == Byte.hash, index > headerEnd {
      index = lineEnd(from: index)
    }
    if !isBreakOrEnd(index) {
      let stop = tokenEnd(start)
      pos = index
      let label =
        bytes[index] == Byte.hash
        ? "a comment needs a space before `#`"
        : "expected `-`, `+`, a digit 1–9, a comment or the end of the line"
      throw fail(
        SyntaxMessages.blockScalarHeader(span(start, stop), text: text(start, stop), label: label))
    }
    if explicit > 0, n < 0 {
      pos = start
      throw fail(
        SyntaxMessages.blockScalarHeader(
          span(start, headerEnd), text: text(start, headerEnd),
          label: "an indentation digit is not supported at the top level"))
    }
    let headerSpan = span(start, headerEnd)
    var line = afterBreak(index)

    // The indentation of the text.
    var indent: Int
    if explicit > 0 {
      indent = n + explicit
    } else {
      var probe = line
      var longestEmpty = 0
      var longestEmptyAt = -1
      indent = -1
      while probe < end {
        var index = probe
        while index < end, bytes[index] == Byte.space { index += 1 }
        if isBreakOrEnd(index) {
          if index - probe > longestEmpty {
            longestEmpty = index - probe
            longestEmptyAt = probe
          }
          if index >= end { break }
          probe = afterBreak(index)
          continue
        }
        // Only spaces indent: a tab after them is text (`|` then `␣⇥bar` is "\tbar"), as in
        // YAML 1.2 and the YAML test suite (libyaml refuses it).
        indent = index - probe
        break
      }
      if indent == 0, n < 0 {
        // YAML 1.2 allows a top-level block scalar's text at column 0; libyaml does not.
        pos = probe
        throw fail(
          SyntaxMessages.topLevelBlockNotIndented(
            span(probe, probe + 1), header: span(start, headerEnd)))
      }
      if indent < 0 {
        indent = max(n + 1, longestEmpty)
      } else if indent <= n {
        indent = max(n + 1, longestEmpty)
      } else if longestEmpty > indent {
        pos = longestEmptyAt
        throw fail(
          SyntaxMessages.blockScalarLeadingSpaces(
            span(longestEmptyAt, longestEmptyAt + longestEmpty), spaces: longestEmpty,
            indent: indent))
      }
    }
    indent = max(indent, 0)

    // The lines of text.
    scratch.removeAll(keepingCapacity: true)
    var empties = 0
    var haveContent = false
    var previousSpaced = false
    var lastContentEnd = headerEnd
    var lastContentStart = headerEnd
    while line < end {
      if indent == 0, documentMarker(at: line) != nil { break }
      var index = line
      while index < end, bytes[index] == Byte.space, index - line < indent { index += 1 }
      if index - line < indent || isBreakOrEnd(index) {
        // Fewer spaces than the indentation, or exactly that many: an empty line, or the end.
        if isBreakOrEnd(index) {
          if index >= end {
            // A last line of spaces with no line break still ends as a line does (as in the
            // YAML test suite: `- |+` then `␣␣␣` at the end is "\n").
            if index > line { empties += 1 }
            break
          }
          empties += 1
          line = afterBreak(index)
          continue
        }
        if bytes[index] != Byte.tab { break }
        var white = index
        while isWhite(white) { white += 1 }
        if !isBreakOrEnd(white) { break }
        pos = index
        throw fail(SyntaxMessages.tabIndentation(span(index, index + 1)))
      }
      let stop = lineEnd(from: index)
      if literal {
        if haveContent { scratch.append(Byte.lf) }
        for _ in 0..<empties { scratch.append(Byte.lf) }
      } else {
        let spaced = bytes[index] == Byte.space || bytes[index] == Byte.tab
        if !haveContent {
          for _ in 0..<empties { scratch.append(Byte.lf) }
        } else if !spaced, !previousSpaced {
          if empties == 0 {
            scratch.append(Byte.space)
          } else {
            for _ in 0..<empties { scratch.append(Byte.lf) }
          }
        } else {
          for _ in 0...empties { scratch.append(Byte.lf) }
        }
        previousSpaced = spaced
      }
      appendScratch(index, stop)
      lastContentStart = index
      haveContent = true
      empties = 0
      lastContentEnd = stop
      line = afterBreak(stop)
    }
    // A last line of only white space keeps its line break even at the end of the input.
    let lastHasBreak =
      haveContent
      && (lastContentEnd < end
        || (lastContentStart..<lastContentEnd).allSatisfy { isWhite($0) })
    switch chomp {
    case .strip:
      break
    case .clip:
      if lastHasBreak { scratch.append(Byte.lf) }
    case .keep:
      if lastHasBreak { scratch.append(Byte.lf) }
      for _ in 0..<empties { scratch.append(Byte.lf) }
    }
    pos = line
    let value = String(decoding: scratch, as: UTF8.self)
    let nodeSpan =
      haveContent ? SourceSpan(start: headerSpan.start, end: location(lastContentEnd)) : headerSpan
    return .scalar(.init(value: value, style: literal ? .literal : .folded, span: nodeSpan))
  }
}
