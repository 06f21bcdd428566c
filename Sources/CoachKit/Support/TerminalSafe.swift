/// Neutralising untrusted text before it reaches a terminal.
///
/// Script text and user input may contain control characters or terminal escape sequences. Every
/// renderer that prints such text passes it through ``TerminalSafe/clean(_:keepNewlines:)``, which
/// replaces each control character with a visible, inert form (`␛` for ESC, `\u{7}` for others).
public enum TerminalSafe {
  /// Returns `text` with every C0/C1 control character, DEL and bidirectional override made
  /// visible and harmless. Tabs become a single space. Newlines are kept when `keepNewlines`.
  public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
    // Fast path: nothing to change.
    if !text.unicodeScalars.contains(where: { needsCleaning($0, keepNewlines: keepNewlines) }) {
      return text
    }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if !needsCleaning(scalar, keepNewlines: keepNewlines) {
        result.append(scalar)
      } else if scalar == "\t" {
        result.append(" ")
      } else if scalar == "\u{1B}" {
        result.append("␛")
      } else if scalar == "\r" {
        continue
      } else {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result.append(contentsOf: "\\u{\(hex)}".unicodeScalars)
      }
    }
    return String(result)
  }

  static func needsCleaning(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
    let value = scalar.value
    if value == 0x0A { return !keepNewlines }
    if value < 0x20 || value == 0x7F { return true }
    if value >= 0x80 && value < 0xA0 { return true }
    // Bidirectional embeddings, overrides and isolates can disguise text.
    if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return true }
    return false
  }
}
