/// File names as text, whatever their bytes.
///
/// A Linux file name is bytes, not text: it need not be valid UTF-8. `coach` handles paths as
/// `String`s, so a name is decoded with ``text(_:)``, which keeps every byte: valid UTF-8 becomes
/// the characters it spells, and each byte that is not (0x80–0xFF) becomes one private-use
/// character, U+10FE00 plus the byte. ``bytes(_:)`` turns such a string back into the exact bytes
/// for `open(2)`, and ``display(_:)`` shows each kept byte as `\xNN`.
/// ``TerminalSafe/clean(_:keepNewlines:)``, which every message and renderer uses for names and
/// other untrusted text, shows them so too.
///
/// A name that spells one of those private-use characters in UTF-8 has its four bytes kept one
/// by one, so every name, however odd, goes to text and back unchanged.
package enum FileName {
  /// The first of the 128 characters that stand for the bytes 0x80–0xFF.
  static let base: UInt32 = 0x10FE00

  /// Whether `scalar` stands for a byte of a name that is not UTF-8.
  package static func isRawByte(_ scalar: Unicode.Scalar) -> Bool {
    (base + 0x80...base + 0xFF).contains(scalar.value)
  }

  /// A file name's bytes as text; every byte kept (see ``FileName``).
  package static func text<Bytes: Collection<UInt8>>(_ name: Bytes) -> String {
    let bytes = Array(name)
    var scalars = String.UnicodeScalarView()
    var index = 0
    bytes.withUnsafeBufferPointer { buffer in
      while index < buffer.count {
        let byte = buffer[index]
        if byte < 0x80 {
          scalars.append(Unicode.Scalar(byte))
          index += 1
          continue
        }
        let length = SourceCheck.sequenceLength(buffer, at: index)
        if length > 0 {
          let value = SourceCheck.decode(buffer, at: index, length: length)
          if let scalar = Unicode.Scalar(value), !isRawByte(scalar) {
            scalars.append(scalar)
            index += length
            continue
          }
        }
        scalars.append(Unicode.Scalar(base + UInt32(byte))!)
        index += 1
      }
    }
    return String(scalars)
  }

  /// The exact bytes of a name made by ``text(_:)`` (any other string: its UTF-8).
  package static func bytes(_ path: String) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(path.utf8.count)
    for scalar in path.unicodeScalars {
      if isRawByte(scalar) {
        result.append(UInt8(scalar.value - base))
      } else {
        result += String(scalar).utf8
      }
    }
    return result
  }

  /// Whether `path` holds a byte that is not UTF-8 (so the name differs from its UTF-8).
  package static func hasRawBytes(_ path: String) -> Bool {
    path.unicodeScalars.contains(where: isRawByte)
  }

  /// The name for people: each byte that is not UTF-8 shown as `\xNN`. Control characters are
  /// left for ``TerminalSafe`` to neutralise.
  package static func display(_ path: String) -> String {
    guard hasRawBytes(path) else { return path }
    var result = ""
    for scalar in path.unicodeScalars {
      if isRawByte(scalar) {
        result += escaped(scalar)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `\xNN` for a scalar that stands for a raw byte.
  static func escaped(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value - base, radix: 16, uppercase: true)
    return "\\x" + hex
  }
}
