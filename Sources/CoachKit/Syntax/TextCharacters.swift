#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// S014: a control character or a bidirectional formatting character in a script's text.
///
/// The syntax pass already refuses control characters typed into the file (Y002), but YAML lets a
/// double-quoted value write any character as an escape (`"\e[2J"`, `"\x07"`, `"\u202E"`), and
/// lets bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069) stand in any text. None
/// of them can do anything useful in a script: everything `coach` prints passes the output
/// boundary (``TerminalSafe``), which shows them as inert placeholders, so an author would see
/// `␛[2J` instead of what they meant, and a bidirectional override makes text read in a
/// different order than it is stored (the "Trojan Source" trick). So they are errors, each
/// pointed at where it is written: the escape, or the character itself.
///
/// Refused: C0 controls other than tab and line feed, DEL, C1 controls, and the nine
/// bidirectional embedding, override and isolate characters — exactly what the output boundary
/// would neutralise, tab and line break aside (`\t` and `\n` are how text asks for them).
///
/// Control characters typed into the file never get here (Y002 stops the load first), so a file
/// can only hold a refused character as an escape or as a typed bidirectional one. A file with
/// neither a backslash nor such a character (nearly every script) is passed by one `memchr`-fast
/// look at its bytes; otherwise only the scalars that can hold one are looked at, where they are
/// written.
enum TextCharacters {
  /// The most diagnostics this check reports for one file.
  static let maxDiagnostics = 20

  /// A diagnostic for every refused character in the keys and values under `root`.
  static func check(_ root: Node, in source: SourceFile) -> [Diagnostic] {
    source.bytes.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return [] }
      let escapes = memchr(base, Int32(Byte.backslash), bytes.count) != nil
      let typed = hasBidirectionalCharacter(bytes)
      guard escapes || typed else { return [] }
      var walk = Walk(bytes: bytes, source: source, escapes: escapes, typed: typed)
      walk.visit(root)
      return walk.found
    }
  }

  /// Whether `scalar` may not appear in a script's text.
  static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
    scalar != "\t" && TerminalSafe.needsCleaning(scalar, keepNewlines: true)
  }

  /// Whether `bytes` hold U+202A–U+202E (`E2 80 AA`–`AE`) or U+2066–U+2069 (`E2 81 A6`–`A9`).
  static func hasBidirectionalCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var offset = 0
    while offset < bytes.count, let hit = memchr(base + offset, 0xE2, bytes.count - offset) {
      let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if index + 2 < bytes.count {
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        if (second == 0x80 && (0xAA...0xAE).contains(third))
          || (second == 0x81 && (0xA6...0xA9).contains(third))
        {
          return true
        }
      }
      offset = index + 1
    }
    return false
  }

  /// The walk over the tree of a file that may hold a refused character.
  private struct Walk {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceFile
    /// The file has a backslash: double-quoted scalars may hold escapes.
    let escapes: Bool
    /// The file has a typed bidirectional character: any scalar may hold one.
    let typed: Bool
    var found: [Diagnostic] = []

    init(bytes: UnsafeBufferPointer<UInt8>, source: SourceFile, escapes: Bool, typed: Bool) {
      self.bytes = bytes
      self.source = source
      self.escapes = escapes
      self.typed = typed
    }

    mutating func visit(_ node: Node) {
      guard found.count < maxDiagnostics else { return }
      switch node {
      case .scalar(let scalar):
        check(scalar)
      case .sequence(let sequence):
        for item in sequence.items { visit(item) }
      case .mapping(let mapping):
        for entry in mapping.entries {
          check(entry.key)
          visit(entry.value)
        }
      }
    }

    /// Reports each refused character of one scalar where it is written.
    private mutating func check(_ scalar: Node.Scalar) {
      let quoted = escapes && scalar.style == .doubleQuoted
      guard quoted || typed else { return }
      var index = scalar.span.start.offset
      let end = min(scalar.span.end.offset, bytes.count)
      while index < end, found.count < maxDiagnostics {
        let byte = bytes[index]
        var length = 1
        var written: String?
        var value: UInt32?
        if quoted, byte == Byte.backslash, index + 1 < end {
          (value, length) = escape(at: index, in: bytes)
          written = String(decoding: bytes[index..<index + length], as: UTF8.self)
        } else if typed, byte == 0xE2 {
          length = max(1, SourceCheck.sequenceLength(bytes, at: index))
          value = length > 1 ? SourceCheck.decode(bytes, at: index, length: length) : nil
        }
        if let value, let character = Unicode.Scalar(value), isRefused(character) {
          found.append(
            diagnostic(
              character, at: source.span(from: index, to: index + length), escape: written))
        }
        index += length
      }
    }
  }

  /// The character the escape at `index` (a backslash the parser accepted) writes, if it writes
  /// one, and the escape's length.
  private static func escape(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32?, Int)
  {
    switch SyntaxScanner.Escape(code: bytes[index + 1]) {
    case .character(let value):
      return (value, 2)
    case .hexadecimal(let digits):
      let end = min(index + 2 + digits, bytes.count)
      let text = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
      return (UInt32(text, radix: 16), end - index)
    case nil:
      // An escaped line break: it writes nothing.
      return (nil, 2)
    }
  }

  private static func diagnostic(
    _ character: Unicode.Scalar, at span: SourceSpan, escape: String?
  ) -> Diagnostic {
    let named = "U+\(SyntaxMessages.hex(character.value, digits: 4)) \(name(of: character))"
    let bidirectional = character.value >= 0x202A
    let what = bidirectional ? "a bidirectional formatting character" : "a control character"
    let label = escape.map { "the escape `\($0)` writes it" } ?? "here, invisible"
    let help =
      bidirectional
      ? "delete it: it makes text read in another order than it is stored, and is shown only as"
        + " a placeholder; right-to-left text needs no such character"
      : "delete it: a control character is shown only as a placeholder such as `␛`, on terminals"
        + " and in files; write `\\n` for a line break, `\\t` for a tab"
    return .error(
      "S014", "\(named) is \(what), not allowed in a script's text", at: span, label: label,
      help: help)
  }

  /// The character's name: its Unicode name, or for a control character (which has none) its
  /// formal alias.
  static func name(of character: Unicode.Scalar) -> String {
    let value = Int(character.value)
    if value < 0x20 { return c0Names[value] }
    if value == 0x7F { return "DELETE" }
    if (0x80..<0xA0).contains(value) { return c1Names[value - 0x80] }
    return character.properties.name ?? "UNNAMED"
  }

  private static let c0Names = [
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
    "ACKNOWLEDGE", "ALERT", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
    "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
  ]

  private static let c1Names = [
    "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX",
    "NEXT LINE", "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET", "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING", "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
    "CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA", "END OF GUARDED AREA",
    "START OF STRING", "SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR", "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
  ]
}
