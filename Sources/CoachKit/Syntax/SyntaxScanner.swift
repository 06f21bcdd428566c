/// Thrown inside the parser after a diagnostic has been recorded, to unwind to the nearest
/// collection that can skip the bad lines and carry on.
struct SyntaxFailure: Error {}

/// The byte values the parser looks at.
enum Byte {
  static let tab: UInt8 = 0x09
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let exclamation: UInt8 = 0x21
  static let doubleQuote: UInt8 = 0x22
  static let hash: UInt8 = 0x23
  static let percent: UInt8 = 0x25
  static let ampersand: UInt8 = 0x26
  static let singleQuote: UInt8 = 0x27
  static let asterisk: UInt8 = 0x2A
  static let plus: UInt8 = 0x2B
  static let comma: UInt8 = 0x2C
  static let dash: UInt8 = 0x2D
  static let dot: UInt8 = 0x2E
  static let colon: UInt8 = 0x3A
  static let greater: UInt8 = 0x3E
  static let question: UInt8 = 0x3F
  static let at: UInt8 = 0x40
  static let leftBracket: UInt8 = 0x5B
  static let backslash: UInt8 = 0x5C
  static let rightBracket: UInt8 = 0x5D
  static let backtick: UInt8 = 0x60
  static let leftBrace: UInt8 = 0x7B
  static let pipe: UInt8 = 0x7C
  static let rightBrace: UInt8 = 0x7D

  /// Whether `byte` is one of `,[]{}`, which end a plain scalar inside a flow collection.
  @inline(__always) static func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == comma || byte == leftBracket || byte == rightBracket || byte == leftBrace
      || byte == rightBrace
  }
}

/// The state of one parse: the bytes, the position, the diagnostics found so far, and a cursor
/// that turns byte offsets into lines and columns cheaply.
///
/// The scanner works on the raw UTF-8 bytes and builds each scalar's `String` once. Every
/// function that parses a node leaves `pos` at the start of the line after the node (or at the
/// end of the file), so the block structure can be read line by line.
struct SyntaxScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  let source: SourceFile
  let limits: SyntaxParser.Limits
  var pos = 0
  var diagnostics: [Diagnostic] = []
  /// Set once the diagnostic cap is reached: everything unwinds and parsing stops.
  var halted = false
  /// The number of collections open around the current position.
  var depth = 0
  /// The number of flow brackets open around the current position, and at the last failure.
  var flowLevel = 0
  var failedFlowLevel = 0
  /// Where the open flow brackets are, outermost first.
  var flowOpenings: [Int] = []
  /// The line of the last parser diagnostic: one diagnostic per line suppresses cascades.
  var lastDiagnosticLine = -1
  /// Where the last failure happened, for recovery.
  var failureOffset = 0
  /// The last block mapping that a less indented line closed: its indentation, the key that
  /// introduced it, and where the closing line's content starts. A value on that line whose
  /// next lines are indented like the closed block points at the line that left it.
  var closedBlock: (indent: Int, owner: Node.Scalar?, closedAt: Int)?
  /// Reused buffer for scalars that need folding or unescaping.
  var scratch: [UInt8] = []

  // Location cursor.
  let lineStarts: [Int]
  let asciiLines: [Bool]
  var cursorLine = 0
  var cacheLine = -1
  var cacheOffset = 0
  var cacheColumn = 1

  /// The most diagnostics one parse reports before it stops.
  static let maxDiagnostics = 20

  init(
    bytes: UnsafeBufferPointer<UInt8>, source: SourceFile, limits: SyntaxParser.Limits,
    asciiLines: [Bool]
  ) {
    self.bytes = bytes
    self.end = bytes.count
    self.source = source
    self.limits = limits
    self.lineStarts = source.lineStarts
    self.asciiLines = asciiLines
  }

  // MARK: - Locations

  /// The location of a byte offset. Cheap for offsets near the previous one.
  mutating func location(_ offset: Int) -> SourceLocation {
    let count = lineStarts.count
    var line = cursorLine
    if offset >= lineStarts[line] {
      var steps = 0
      while line + 1 < count, lineStarts[line + 1] <= offset, steps < 16 {
        line += 1
        steps += 1
      }
      if line + 1 < count, lineStarts[line + 1] <= offset {
        line = searchLine(offset, from: line, to: count - 1)
      }
    } else {
      line = searchLine(offset, from: 0, to: line)
    }
    cursorLine = line
    let start = lineStarts[line]
    if asciiLines[line] {
      return SourceLocation(offset: offset, line: line + 1, column: offset - start + 1)
    }
    var index = start
    var column = 1
    if cacheLine == line, cacheOffset <= offset {
      index = cacheOffset
      column = cacheColumn
    }
    let stop = min(offset, end)
    while index < stop {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    cacheLine = line
    cacheOffset = stop
    cacheColumn = column
    return SourceLocation(offset: offset, line: line + 1, column: column)
  }

  private func searchLine(_ offset: Int, from low: Int, to high: Int) -> Int {
    var low = low
    var high = high
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The span between two byte offsets.
  mutating func span(_ start: Int, _ stop: Int) -> SourceSpan {
    let from = location(start)
    return SourceSpan(start: from, end: stop <= start ? from : location(stop))
  }

  /// The source text between two offsets, shortened for a message.
  func text(_ start: Int, _ stop: Int, limit: Int = 40) -> String {
    let stop = min(max(start, stop), end)
    var scalars = 0
    var index = start
    while index < stop {
      if bytes[index] & 0xC0 != 0x80 {
        if scalars == limit { break }
        scalars += 1
      }
      index += 1
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    return index < stop ? text + "…" : text
  }

  /// The end of the token starting at `start`: up to the next blank, line break or `limit` bytes.
  func tokenEnd(_ start: Int, flow: Bool = false) -> Int {
    var index = start
    while index < end, index - start < 200 {
      let byte = bytes[index]
      if byte == Byte.space || byte == Byte.tab || byte == Byte.lf || byte == Byte.cr { break }
      if flow, index > start, Byte.isFlowIndicator(byte) { break }
      index += 1
    }
    return max(index, min(start + 1, end))
  }

  // MARK: - Diagnostics

  /// Records a diagnostic unless another one is already on its line; stops at the cap.
  mutating func report(_ diagnostic: Diagnostic) {
    guard !halted else { return }
    let line = diagnostic.span?.start.line ?? 0
    if line == lastDiagnosticLine { return }
    lastDiagnosticLine = line
    diagnostics.append(diagnostic)
    if diagnostics.count >= Self.maxDiagnostics { halted = true }
  }

  /// Records a diagnostic and unwinds.
  mutating func fail(_ diagnostic: Diagnostic) -> SyntaxFailure {
    report(diagnostic)
    if failedFlowLevel == 0 { failedFlowLevel = flowLevel }
    failureOffset = max(pos, diagnostic.span?.start.offset ?? pos)
    return SyntaxFailure()
  }

  // MARK: - Bytes and lines

  @inline(__always) func isBreakOrEnd(_ index: Int) -> Bool {
    index >= end || bytes[index] == Byte.lf || bytes[index] == Byte.cr
  }

  @inline(__always) func isBlankOrEnd(_ index: Int) -> Bool {
    guard index < end else { return true }
    let byte = bytes[index]
    return byte == Byte.space || byte == Byte.tab || byte == Byte.lf || byte == Byte.cr
  }

  @inline(__always) func isWhite(_ index: Int) -> Bool {
    index < end && (bytes[index] == Byte.space || bytes[index] == Byte.tab)
  }

  /// The offset of the line break (or the end of the file) at or after `index`.
  func lineEnd(from index: Int) -> Int {
    var index = index
    if let base = bytes.baseAddress {
      // Eight bytes at a time while none is a line break.
      let low: UInt64 = 0x0101_0101_0101_0101
      let high: UInt64 = 0x8080_8080_8080_8080
      while index + 8 <= end {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let lf = word ^ (low &* UInt64(Byte.lf))
        let cr = word ^ (low &* UInt64(Byte.cr))
        if ((lf &- low) & ~lf | (cr &- low) & ~cr) & high != 0 { break }
        index += 8
      }
    }
    while index < end {
      let byte = bytes[index]
      if byte == Byte.lf || byte == Byte.cr { return index }
      index += 1
    }
    return end
  }

  /// The start of the next line, given the offset of a line break (or the end of the file).
  func afterBreak(_ index: Int) -> Int {
    guard index < end else { return end }
    if bytes[index] == Byte.cr, index + 1 < end, bytes[index + 1] == Byte.lf { return index + 2 }
    return index + 1
  }

  /// The start of the line that contains `index`.
  func lineStart(of index: Int) -> Int {
    var index = min(index, end)
    while index > 0 {
      let byte = bytes[index - 1]
      if byte == Byte.lf || byte == Byte.cr { break }
      index -= 1
    }
    return index
  }

  /// The column (0-based, in bytes) of `index` on its line.
  func indentColumn(of index: Int) -> Int { index - lineStart(of: index) }

  /// Moves `pos` to the start of the next line.
  mutating func skipRestOfLine() {
    pos = afterBreak(lineEnd(from: pos))
  }

  /// Whether a document marker (`---` or `...` followed by a blank) starts at `index`, which must
  /// be the start of a line.
  func documentMarker(at index: Int) -> UInt8? {
    guard index + 2 < end else { return nil }
    let byte = bytes[index]
    guard byte == Byte.dash || byte == Byte.dot else { return nil }
    guard bytes[index + 1] == byte, bytes[index + 2] == byte, isBlankOrEnd(index + 3) else {
      return nil
    }
    return byte
  }

  /// A line with content: where it starts, how many spaces indent it, and where its content is.
  struct Line {
    var start: Int
    var indent: Int
    var content: Int
  }

  /// From the start of a line, skips blank and comment lines. Returns the next line with content
  /// and leaves `pos` at its start; returns `nil` at the end of the file or at a document marker
  /// (with `pos` at the marker's line). A tab in the indentation is reported and counted as one
  /// column so that parsing can go on.
  mutating func nextContentLine() -> Line? {
    while pos < end {
      let start = pos
      var index = pos
      while index < end, bytes[index] == Byte.space { index += 1 }
      let spaces = index - start
      var sawTab = false
      while index < end, bytes[index] == Byte.space || bytes[index] == Byte.tab {
        if bytes[index] == Byte.tab { sawTab = true }
        index += 1
      }
      if index >= end {
        pos = end
        return nil
      }
      let byte = bytes[index]
      if byte == Byte.lf || byte == Byte.cr || byte == Byte.hash {
        // Tabs on a blank or comment line only separate: YAML 1.2 allows them.
        pos = afterBreak(lineEnd(from: index))
        continue
      }
      if spaces == 0, index == start, documentMarker(at: start) != nil {
        return nil
      }
      if sawTab, tabOnlySeparates(spaces: spaces, content: index) {
        return Line(start: start, indent: spaces, content: index)
      }
      if sawTab {
        // Report the tab and skip the line: guessing its indentation only adds cascades.
        let tab = start + spaces
        report(SyntaxMessages.tabIndentation(span(tab, tab + 1)))
        pos = afterBreak(lineEnd(from: index))
        continue
      }
      return Line(start: start, indent: spaces, content: index)
    }
    return nil
  }

  /// Whether the tabs before `content` on a line indented `spaces` spaces only separate, as
  /// YAML 1.2 allows, rather than indent: the line holds a value that cannot be a block entry
  /// (no `- `, `? `, `key:` or block scalar), after at least one space of indentation
  /// (`foo:` / `␣⇥bar`), or it opens the document with `[` or `{` (`⇥[a]`). Any other tab before
  /// content is refused as indentation.
  func tabOnlySeparates(spaces: Int, content: Int) -> Bool {
    let byte = bytes[content]
    if byte == Byte.leftBracket || byte == Byte.leftBrace { return spaces > 0 || depth == 0 }
    guard spaces > 0 else { return false }
    if byte == Byte.pipe || byte == Byte.greater || byte == Byte.hash { return false }
    if byte == Byte.dash || byte == Byte.question || byte == Byte.colon,
      isBlankOrEnd(content + 1)
    {
      return false
    }
    // A `:` followed by a blank or the line's end makes it a key.
    var index = content
    if byte == Byte.doubleQuote || byte == Byte.singleQuote {
      index += 1
      while index < end, bytes[index] != byte, bytes[index] != Byte.lf { index += 1 }
      index += 1
    }
    while index < end, bytes[index] != Byte.lf, bytes[index] != Byte.cr {
      if bytes[index] == Byte.colon, isBlankOrEnd(index + 1) { return false }
      if bytes[index] == Byte.hash, index > content, isWhite(index - 1) { break }
      index += 1
    }
    return true
  }

  /// After a failure: skips what is left of the flow collection that failed, the rest of the
  /// line, and every following line indented more than `indent`.
  mutating func recover(indent: Int) {
    pos = max(pos, failureOffset)
    if failedFlowLevel > 0 {
      skipFlowRemainder(levels: failedFlowLevel)
      failedFlowLevel = 0
    }
    flowLevel = 0
    if pos < end { skipRestOfLine() }
    while pos < end {
      let start = pos
      var index = pos
      while index < end, bytes[index] == Byte.space || bytes[index] == Byte.tab { index += 1 }
      if isBreakOrEnd(index) || bytes[index] == Byte.hash {
        skipRestOfLine()
        continue
      }
      if index - start > indent, documentMarker(at: start) == nil {
        skipRestOfLine()
        continue
      }
      break
    }
  }

  /// Skips forward past `levels` unclosed flow brackets, minding quotes and comments; stops at a
  /// document marker or the end of the file. Never recurses.
  mutating func skipFlowRemainder(levels: Int) {
    var open = levels
    while pos < end, open > 0 {
      let byte = bytes[pos]
      switch byte {
      case Byte.leftBracket, Byte.leftBrace:
        open += 1
        pos += 1
      case Byte.rightBracket, Byte.rightBrace:
        open -= 1
        pos += 1
      case Byte.doubleQuote:
        pos += 1
        while pos < end, bytes[pos] != Byte.doubleQuote {
          if bytes[pos] == Byte.backslash { pos += 1 }
          pos += 1
        }
        pos = min(pos + 1, end)
      case Byte.singleQuote:
        pos += 1
        while pos < end, bytes[pos] != Byte.singleQuote { pos += 1 }
        pos = min(pos + 1, end)
      case Byte.hash where pos > 0 && (bytes[pos - 1] == Byte.space || bytes[pos - 1] == Byte.tab):
        pos = lineEnd(from: pos)
      case Byte.lf, Byte.cr:
        pos = afterBreak(pos)
        if documentMarker(at: pos) != nil { return }
      default:
        pos += 1
      }
    }
  }

  // MARK: - Depth

  /// Counts one more open collection; fails when that passes the depth limit.
  mutating func enterCollection(at offset: Int) throws(SyntaxFailure) {
    depth += 1
    if depth > limits.maxDepth {
      depth -= 1
      throw fail(SyntaxMessages.tooDeep(span(offset, offset + 1), limit: limits.maxDepth))
    }
  }
}
