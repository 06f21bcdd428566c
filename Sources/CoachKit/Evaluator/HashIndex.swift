/// A small open-addressing hash map from 64-bit word hashes to 32-bit values.
///
/// The evaluator looks every word up once or twice; Swift's `Dictionary` hashes its keys again with
/// SipHash, which costs more than the whole lookup here. The keys are already FNV-1a hashes, so a
/// multiply-shift and linear probing are enough.
struct HashIndex: Hashable, Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var mask: Int
  private(set) var count = 0

  /// Key `0` marks an empty slot; real hashes of `0` are remapped by ``FNV``.
  init(capacity: Int = 16) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = Array(repeating: 0, count: size)
    values = Array(repeating: -1, count: size)
    mask = size - 1
  }

  @inline(__always) private func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The value stored for `key`, or `nil`.
  @inline(__always) subscript(key: UInt64) -> Int32? {
    var i = slot(key)
    while true {
      let k = keys[i]
      if k == key { return values[i] }
      if k == 0 { return nil }
      i = (i + 1) & mask
    }
  }

  /// Stores `value` for `key`, replacing any earlier value.
  mutating func set(_ key: UInt64, _ value: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    var i = slot(key)
    while true {
      if keys[i] == key {
        values[i] = value
        return
      }
      if keys[i] == 0 {
        keys[i] = key
        values[i] = value
        count += 1
        return
      }
      i = (i + 1) & mask
    }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: 0, count: oldKeys.count * 2)
    values = Array(repeating: -1, count: oldKeys.count * 2)
    mask = keys.count - 1
    count = 0
    for (k, v) in zip(oldKeys, oldValues) where k != 0 { set(k, v) }
  }
}

/// FNV-1a hashing of words, the identity of words and stems inside the evaluator.
enum FNV {
  static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = offset
    for b in bytes { h = (h ^ UInt64(b)) &* prime }
    return h == 0 ? 1 : h
  }

  /// The hash of `bytes` with the byte at `skip` left out (a one-letter-short form).
  static func hash<C: RandomAccessCollection<UInt8>>(_ bytes: C, skipping skip: Int) -> UInt64
  where C.Index == Int {
    var h = offset
    for i in bytes.indices where i - bytes.startIndex != skip {
      h = (h ^ UInt64(bytes[i])) &* prime
    }
    return h == 0 ? 1 : h
  }

  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { hash($0) }
  }

  static func hash(_ text: String) -> UInt64 {
    var h = offset
    for b in text.utf8 { h = (h ^ UInt64(b)) &* prime }
    return h == 0 ? 1 : h
  }
}
