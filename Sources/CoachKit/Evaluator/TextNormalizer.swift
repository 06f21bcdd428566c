/// Folds the Unicode scalars of a reply into the few shapes the tokenizer reads.
///
/// Typographic variants become their plain forms (curly quotes, dashes, non-breaking and wide
/// spaces, the ellipsis, full-width forms, ligatures); accented Latin letters lose their accents
/// (so `café` and `cafe` match); combining marks, zero-width characters, the soft hyphen and the
/// byte-order mark vanish. The case of letters is kept: shouting is read from it.
enum TextNormalizer {
  /// What one scalar becomes.
  enum Folded: Equatable {
    /// Nothing: the scalar is invisible for matching.
    case skip
    /// One ASCII character (letters keep their case).
    case ascii(UInt8)
    /// Two ASCII letters (`æ` → `ae`, `ﬁ` → `fi`).
    case pair(UInt8, UInt8)
    /// A letter of another script, kept as it is (lowercased).
    case letter
    /// A symbol, emoji or other character: a word break.
    case other
  }

  // Base letters of U+00C0–U+00FF and U+0100–U+017F; `*` is not a letter.
  private static let latin1: [UInt8] = Array(
    ("AAAAAAACEEEEIIII" + "DNOOOOO*OUUUUYTs" + "aaaaaaaceeeeiiii" + "dnooooo*ouuuuyty").utf8)
  private static let latinA: [UInt8] = Array(
    ("AaAaAaCcCcCcCcDd" + "DdEeEeEeEeEeGgGg" + "GgGgHhHhIiIiIiIi" + "IiJjJjKkkLlLlLlL"
      + "lLlNnNnNnnNnOoOo" + "OoOoRrRrRrSsSsSs" + "SsTtTtTtUuUuUuUu" + "UuUuWwYyYZzZzZzs").utf8)

  /// Folds one scalar.
  @inline(__always) static func fold(_ value: UInt32) -> Folded {
    if value < 0x80 { return .ascii(UInt8(value)) }
    switch value {
    case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x0085: return .ascii(0x20)
    case 0x2028, 0x2029: return .ascii(0x0A)
    case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF, 0x0300...0x036F, 0xFE00...0xFE0F: return .skip
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4, 0x02BC, 0xFF07: return .ascii(0x27)
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return .ascii(0x22)
    case 0x2010...0x2015, 0x2212: return .ascii(0x2D)
    case 0x2026: return .ascii(0x2E)
    case 0x00C6: return .pair(0x41, 0x45)
    case 0x00E6: return .pair(0x61, 0x65)
    case 0x0152: return .pair(0x4F, 0x45)
    case 0x0153: return .pair(0x6F, 0x65)
    case 0x00DF: return .pair(0x73, 0x73)
    case 0xFB01: return .pair(0x66, 0x69)
    case 0xFB02: return .pair(0x66, 0x6C)
    case 0x00C0...0x00FF:
      let b = latin1[Int(value - 0xC0)]
      return b == 0x2A ? .other : .ascii(b)
    case 0x0100...0x017F: return .ascii(latinA[Int(value - 0x100)])
    case 0xFF01...0xFF5E: return .ascii(UInt8(value - 0xFEE0))
    default:
      guard let scalar = Unicode.Scalar(value) else { return .other }
      return scalar.properties.isAlphabetic ? .letter : .other
    }
  }

  /// The folded, lowercased form of `text`: what the evaluator matches against.
  static func normalized(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch fold(scalar.value) {
      case .skip: break
      case .ascii(let b): out.append(Unicode.Scalar(lower(b)))
      case .pair(let a, let b):
        out.append(Unicode.Scalar(lower(a)))
        out.append(Unicode.Scalar(lower(b)))
      case .letter, .other:
        out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(out)
  }

  @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
    b >= 0x41 && b <= 0x5A ? b | 0x20 : b
  }
}
