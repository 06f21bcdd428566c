/// Neutralising untrusted text before it reaches a terminal.
///
/// Script text and user input may contain control characters or terminal escape sequences. Every
/// renderer that prints such text passes it through ``TerminalSafe/clean(_:keepNewlines:)``, which
/// replaces each control character with a visible, inert form (`␛` for ESC, `\u{7}` for others).
public enum TerminalSafe {
  /// Returns `text` with every C0/C1 control character, DEL and bidirectional override made
  /// visible and harmless. Tabs become a single space. Newlines are kept when `keepNewlines`.
  /// A byte of a file name that is not UTF-8 (see ``FileName``) is shown as `\xNN`.
  public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
    neutralise(
      FileName.display(text), keepNewlines: keepNewlines, keepCRLF: false, keepingStyles: false)
  }

  /// Whether ``clean(_:keepNewlines:)`` changes `scalar`.
  package static func needsCleaning(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
    let value = scalar.value
    if value == 0x0A { return !keepNewlines }
    if value < 0x20 || value == 0x7F { return true }
    if value >= 0x80 && value < 0xA0 { return true }
    // Bidirectional embeddings, overrides and isolates can disguise text.
    if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return true }
    return false
  }

  /// Returns whole output (many lines) ready for a terminal or a human-readable file: every
  /// control character, and so every escape sequence (screen clears, title and clipboard
  /// writes), is neutralised as ``clean(_:keepNewlines:)`` does, with newlines and `\r\n` line
  /// ends kept. With `keepingStyles`, the colour codes `coach` itself writes pass through: each
  /// `ESC [ digits ; … m` (SGR) sequence, nothing else.
  ///
  /// This is the last boundary: the executable passes everything it prints, and every
  /// human-readable file it writes, through it, so untrusted text that a renderer forgot to
  /// clean still arrives inert.
  public static func cleanOutput(_ text: String, keepingStyles: Bool) -> String {
    neutralise(text, keepNewlines: true, keepCRLF: true, keepingStyles: keepingStyles)
  }

  /// Each control character made visible (`␛` for ESC, `\u{…}` for others), tabs made spaces,
  /// `\r` dropped (kept before `\n` with `keepCRLF`), SGR sequences kept with `keepingStyles`.
  private static func neutralise(
    _ text: String, keepNewlines: Bool, keepCRLF: Bool, keepingStyles: Bool
  ) -> String {
    // Fast path: nothing to change.
    if !text.unicodeScalars.contains(where: { needsCleaning($0, keepNewlines: keepNewlines) }) {
      return text
    }
    var result = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if keepingStyles, scalar == "\u{1B}", let end = styleSequenceEnd(scalars, from: index) {
        result.append(contentsOf: scalars[index..<end])
        index = end
        continue
      }
      if !needsCleaning(scalar, keepNewlines: keepNewlines) {
        result.append(scalar)
      } else if scalar == "\t" {
        result.append(" ")
      } else if scalar == "\u{1B}" {
        result.append("␛")
      } else if scalar == "\r" {
        if keepCRLF, index + 1 < scalars.count, scalars[index + 1] == "\n" { result.append(scalar) }
      } else {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result.append(contentsOf: "\\u{\(hex)}".unicodeScalars)
      }
      index += 1
    }
    return String(result)
  }

  /// The end of the SGR sequence `ESC [ (digits | ;)* m` at `start`, or `nil` if there is none.
  private static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    var index = start + 1
    guard index < scalars.count, scalars[index] == "[" else { return nil }
    index += 1
    while index < scalars.count, index - start < 32 {
      let scalar = scalars[index]
      if scalar == "m" { return index + 1 }
      guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
      index += 1
    }
    return nil
  }
}
