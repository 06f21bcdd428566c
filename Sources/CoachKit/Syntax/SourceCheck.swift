/// The first pass over a script's bytes: encoding, control characters, stray byte order marks and
/// line lengths, before any structure is read.
///
/// It also notes which lines are pure ASCII, so that the parser can turn byte offsets into
/// columns by subtraction on those lines.
enum SourceCheck {
  /// The most diagnostics this pass reports.
  static let maxDiagnostics = 20

  /// Checks `bytes` and returns, for each line of `source`, whether it is pure ASCII.
  static func run(
    _ bytes: UnsafeBufferPointer<UInt8>, source: SourceFile, limits: SyntaxParser.Limits,
    diagnostics: inout [Diagnostic]
  ) -> [Bool] {
    var ascii = [Bool](repeating: true, count: source.lineCount)
    let count = bytes.count
    var line = 0
    var lineStart = 0
    var column = 1
    var reportedLine = -1
    var reported = 0
    var index = 0

    func report(_ diagnostic: Diagnostic) {
      guard reportedLine != line, reported < maxDiagnostics else { return }
      reportedLine = line
      reported += 1
      diagnostics.append(diagnostic)
    }
    func here(_ offset: Int) -> SourceLocation {
      SourceLocation(offset: offset, line: line + 1, column: column)
    }
    func checkLength(_ lineEnd: Int) {
      guard lineEnd - lineStart > limits.maxLineLength else { return }
      let at = source.location(at: lineStart + limits.maxLineLength)
      let next = SourceLocation(offset: at.offset + 1, line: at.line, column: at.column + 1)
      let diagnostic = SyntaxMessages.lineTooLong(
        SourceSpan(start: at, end: next), length: lineEnd - lineStart, limit: limits.maxLineLength)
      // A long line gets its own report even if the line had another problem.
      if reported < maxDiagnostics {
        reported += 1
        diagnostics.append(diagnostic)
      }
    }

    let base = bytes.baseAddress
    while index < count {
      // Eight printable ASCII bytes at a time.
      if let base, index + 8 <= count {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let flagged = Self.nonPrintableASCII(word)
        if flagged == 0 {
          index += 8
          column += 8
          continue
        }
        // Skip the printable bytes before the first one that needs a look.
        let printable = flagged.trailingZeroBitCount / 8
        index += printable
        column += printable
      }
      let byte = bytes[index]
      if byte >= 0x20, byte < 0x7F {
        index += 1
        column += 1
        continue
      }
      if byte == Byte.lf || byte == Byte.cr {
        if byte == Byte.cr, index + 1 >= count || bytes[index + 1] != Byte.lf {
          // Old Mac line endings: YAML versions disagree on them, so they are refused.
          let span = SourceSpan(
            start: here(index),
            end: SourceLocation(
              offset: index + 1, line: line + 1, column: column + 1))
          report(SyntaxMessages.controlCharacter(span, scalar: 0x0D))
        }
        checkLength(index)
        if byte == Byte.cr, index + 1 < count, bytes[index + 1] == Byte.lf { index += 1 }
        index += 1
        line += 1
        lineStart = index
        column = 1
        continue
      }
      if byte == Byte.tab {
        index += 1
        column += 1
        continue
      }
      if byte < 0x80 {
        let span = SourceSpan(
          start: here(index),
          end: SourceLocation(
            offset: index + 1, line: line + 1, column: column + 1))
        report(SyntaxMessages.controlCharacter(span, scalar: UInt32(byte)))
        index += 1
        column += 1
        continue
      }
      if line < ascii.count { ascii[line] = false }
      let length = sequenceLength(bytes, at: index)
      if length == 0 {
        let span = SourceSpan(
          start: here(index),
          end: SourceLocation(
            offset: index + 1, line: line + 1, column: column + 1))
        report(SyntaxMessages.invalidUTF8(span, byte: byte))
        if byte & 0xC0 != 0x80 { column += 1 }
        index += 1
        continue
      }
      let scalar = decode(bytes, at: index, length: length)
      let span = SourceSpan(
        start: here(index),
        end: SourceLocation(
          offset: index + length, line: line + 1, column: column + 1))
      if scalar >= 0x80, scalar < 0xA0 {
        report(SyntaxMessages.controlCharacter(span, scalar: scalar))
      } else if scalar == 0xFEFF, index != 0 {
        report(SyntaxMessages.strayByteOrderMark(span))
      } else if scalar == 0xFFFE || scalar == 0xFFFF {
        report(SyntaxMessages.controlCharacter(span, scalar: scalar))
      }
      index += length
      column += 1
    }
    checkLength(count)
    return ascii
  }

  /// The high bit of each byte of `word` (little-endian) that is outside 0x20...0x7E, or 0 if
  /// all eight are printable ASCII. The lowest flagged byte is exact (a borrow or carry only
  /// spreads upwards from a byte that is itself flagged), which is all the caller relies on.
  @inline(__always) static func nonPrintableASCII(_ word: UInt64) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    let below = (word &- 0x2020_2020_2020_2020) & ~word
    let above = (word &+ 0x0101_0101_0101_0101) | word
    return (below | above) & high
  }

  /// The length of the well-formed UTF-8 sequence at `index`, or 0 if it is not well formed.
  static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let count = bytes.count
    let lead = bytes[index]
    func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      index + offset < count && bytes[index + offset] >= low && bytes[index + offset] <= high
    }
    switch lead {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : 0
    case 0xE0:
      return continuation(1, 0xA0) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return continuation(1) && continuation(2) ? 3 : 0
    case 0xED:
      return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
    case 0xF0:
      return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3:
      return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4:
      return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default:
      return 0
    }
  }

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
    let lead = UInt32(bytes[index])
    switch length {
    case 2: return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
    case 3:
      return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
        | UInt32(bytes[index + 2] & 0x3F)
    default:
      return (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
    }
  }
}
