/// A small, stable fingerprint of a script's bytes: 64-bit FNV-1a, written as
/// `fnv1a64:` and 16 lowercase hex digits.
///
/// It tells a trainer whether two results were played on the same version of a script. It is not
/// a cryptographic hash and is not meant to resist tampering.
///
/// ```swift
/// ContentHash.fnv1a64(Array("a".utf8))  // "fnv1a64:af63dc4c8601ec8c"
/// ```
public enum ContentHash {
  /// The FNV-1a 64 fingerprint of `bytes`.
  public static func fnv1a64(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The fingerprint of a script file's bytes.
  public static func of(_ source: SourceFile) -> String { fnv1a64(source.bytes) }
}
