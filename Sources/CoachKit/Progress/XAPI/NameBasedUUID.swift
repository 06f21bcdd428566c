/// Name-based UUIDs (version 5, RFC 9562): the same namespace and name always give the same id.
///
/// `coach` derives each xAPI statement id from its result record, so sending a record twice
/// stores it once. Version 5 needs SHA-1; the Swift toolchain on Linux has no SHA-1 outside
/// Foundation's networking stack, so the 80 rounds are written here (as a fingerprint for ids,
/// not for security).
///
/// ```swift
/// NameBasedUUID.make(namespace: NameBasedUUID.dnsNamespace, name: "www.example.com")
/// // "2ed6657d-e927-568b-95e1-2665a8aea6a2"
/// ```
public enum NameBasedUUID {
  /// The RFC 9562 namespace for domain names.
  public static let dnsNamespace = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
  /// The namespace of `coach`'s own ids: the version 5 UUID of `coach.invalid` in
  /// ``dnsNamespace``.
  public static let coachNamespace = make(namespace: dnsNamespace, name: "coach.invalid")

  /// The version 5 UUID of `name` in `namespace` (a UUID string), lowercase with hyphens.
  public static func make(namespace: String, name: String) -> String {
    var bytes = uuidBytes(namespace)
    bytes.append(contentsOf: Array(name.utf8))
    var digest = Array(sha1(bytes).prefix(16))
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    return format(digest)
  }

  /// The 16 bytes of a UUID string (hyphens ignored; anything else that is not hex reads as 0).
  static func uuidBytes(_ uuid: String) -> [UInt8] {
    let digits = uuid.utf8.compactMap { hexValue($0) }
    var out: [UInt8] = []
    var index = 0
    while index + 1 < digits.count, out.count < 16 {
      out.append(digits[index] << 4 | digits[index + 1])
      index += 2
    }
    while out.count < 16 { out.append(0) }
    return out
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private static func format(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for (index, byte) in bytes.enumerated() {
      if [4, 6, 8, 10].contains(index) { out.append(UInt8(ascii: "-")) }
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The SHA-1 digest of `message` (FIPS 180-4), 20 bytes.
  static func sha1(_ message: [UInt8]) -> [UInt8] {
    var state: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
    var padded = message
    padded.append(0x80)
    while padded.count % 64 != 56 { padded.append(0) }
    let bitLength = UInt64(message.count) &* 8
    for shift in stride(from: 56, through: 0, by: -8) {
      padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    var words = [UInt32](repeating: 0, count: 80)
    for block in stride(from: 0, to: padded.count, by: 64) {
      for index in 0..<16 {
        let base = block + index * 4
        words[index] =
          UInt32(padded[base]) << 24 | UInt32(padded[base + 1]) << 16
          | UInt32(padded[base + 2]) << 8 | UInt32(padded[base + 3])
      }
      for index in 16..<80 {
        let mixed = words[index - 3] ^ words[index - 8] ^ words[index - 14] ^ words[index - 16]
        words[index] = mixed << 1 | mixed >> 31
      }
      var (a, b, c, d, e) = (state[0], state[1], state[2], state[3], state[4])
      for index in 0..<80 {
        let (f, k): (UInt32, UInt32)
        switch index {
        case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
        case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
        case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
        default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
        }
        let next = (a << 5 | a >> 27) &+ f &+ e &+ k &+ words[index]
        e = d
        d = c
        c = b << 30 | b >> 2
        b = a
        a = next
      }
      state[0] &+= a
      state[1] &+= b
      state[2] &+= c
      state[3] &+= d
      state[4] &+= e
    }
    return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) }
    }
  }
}
