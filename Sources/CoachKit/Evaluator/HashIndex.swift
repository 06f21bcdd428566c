/// A small open-addressing hash map from exact 64-bit integer keys to 32-bit values.
///
/// The keys are integers that name what they stand for exactly (a stem id, or a pair of stem ids
/// packed into one number), never a hash of text: a hit is the key itself. Swift's `Dictionary`
/// would hash them again with SipHash, which costs more than the whole lookup here; a
/// multiply-shift and linear probing are enough.
struct HashIndex: Hashable, Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var mask: Int
  private(set) var count = 0

  /// Key `0` marks an empty slot: callers never store it.
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
    precondition(key != 0, "HashIndex keys are never 0")
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

/// Interned byte strings (words, stems, word forms): each distinct string gets a dense id,
/// 0, 1, 2… in the order it was first inserted.
///
/// This is the identity of words inside the evaluator. A lookup hashes the bytes only to choose
/// where to look, then compares the bytes themselves, so two different words never share an id
/// however their hashes collide.
struct WordTable: Hashable, Sendable {
  /// Every string's bytes, one after another: string `i` ends at `ends[i]`.
  private var storage: [UInt8] = []
  private var ends: [Int32] = []
  /// Open addressing: per slot, the id + 1 of the string there (0: empty) and its hash.
  private var slots: [Int32] = []
  private var slotHashes: [UInt32] = []
  private var mask = 0

  /// A table with room for about `capacity` strings before it grows.
  init(capacity: Int = 0) {
    guard capacity > 0 else { return }
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    slotHashes = Array(repeating: 0, count: size)
    mask = size - 1
  }

  /// How many strings the table holds.
  var count: Int { ends.count }
  var isEmpty: Bool { ends.isEmpty }

  /// FNV-1a over the bytes, folded to 32 bits: it only picks a slot.
  @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return UInt32(truncatingIfNeeded: h ^ (h >> 32))
  }

  /// Whether string `id` has exactly the bytes `word`.
  @inline(__always) private func holds(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = id == 0 ? 0 : Int(ends[id - 1])
    let end = Int(ends[id])
    guard end - start == word.count else { return false }
    return storage.withUnsafeBufferPointer { s in
      var k = 0
      while k < word.count {
        if s[start + k] != word[k] { return false }
        k += 1
      }
      return true
    }
  }

  /// The id of `word`, if the table holds it.
  @inline(__always) func id(_ word: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard !slots.isEmpty else { return nil }
    let h = Self.hash(word)
    var i = Int(h) & mask
    while true {
      let s = slots[i]
      if s == 0 { return nil }
      if slotHashes[i] == h, holds(Int(s - 1), word) { return UInt32(s - 1) }
      i = (i + 1) & mask
    }
  }

  func id(_ word: [UInt8]) -> UInt32? { word.withUnsafeBufferPointer { id($0) } }
  func id(_ word: ArraySlice<UInt8>) -> UInt32? { word.withUnsafeBufferPointer { id($0) } }

  /// The id of `word`, inserted if it is new.
  @discardableResult
  mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 { insertReporting(word).id }

  /// The id of `word`, inserted if it is new, and whether it was: one hash and one probe, the
  /// new string going into the empty slot the probe stopped at.
  mutating func insertReporting(_ word: UnsafeBufferPointer<UInt8>) -> (id: UInt32, new: Bool) {
    if (count + 1) * 2 > slots.count { grow() }
    let h = Self.hash(word)
    var i = Int(h) & mask
    while slots[i] != 0 {
      let s = slots[i]
      if slotHashes[i] == h, holds(Int(s - 1), word) { return (UInt32(s - 1), false) }
      i = (i + 1) & mask
    }
    let new = Int32(count)
    storage.append(contentsOf: word)
    ends.append(Int32(storage.count))
    slots[i] = new + 1
    slotHashes[i] = h
    return (UInt32(new), true)
  }

  @discardableResult
  mutating func insert(_ word: [UInt8]) -> UInt32 { word.withUnsafeBufferPointer { insert($0) } }
  @discardableResult
  mutating func insert(_ word: ArraySlice<UInt8>) -> UInt32 {
    word.withUnsafeBufferPointer { insert($0) }
  }

  /// The bytes of string `id`.
  func bytes(_ id: UInt32) -> ArraySlice<UInt8> {
    let i = Int(id)
    return storage[(i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])]
  }

  /// Stores the strings at their exact size once the table is complete (see
  /// `Array.trimCapacity()`); the slots keep their power-of-two size.
  mutating func trimCapacity() {
    storage.trimCapacity()
    ends.trimCapacity()
  }

  private mutating func place(_ id: Int32, hash h: UInt32) {
    var i = Int(h) & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = id + 1
    slotHashes[i] = h
  }

  private mutating func grow() {
    let size = max(16, slots.count * 2)
    slots = Array(repeating: 0, count: size)
    slotHashes = Array(repeating: 0, count: size)
    mask = size - 1
    for id in 0..<count {
      let h = bytes(UInt32(id)).withUnsafeBufferPointer { Self.hash($0) }
      place(Int32(id), hash: h)
    }
  }
}

/// A map from byte strings to 32-bit values, by a ``WordTable`` (verified identity).
struct WordMap: Hashable, Sendable {
  private var table: WordTable
  private var values: [Int32] = []

  /// A map with room for about `capacity` words before it grows.
  init(capacity: Int = 0) { table = WordTable(capacity: capacity) }

  @inline(__always) subscript(word: UnsafeBufferPointer<UInt8>) -> Int32? {
    table.id(word).map { values[Int($0)] }
  }

  subscript(word: [UInt8]) -> Int32? { word.withUnsafeBufferPointer { self[$0] } }
  subscript(word: ArraySlice<UInt8>) -> Int32? { word.withUnsafeBufferPointer { self[$0] } }

  /// Stores `value` for `word`, replacing any earlier value.
  mutating func set(_ word: [UInt8], _ value: Int32) {
    let id = Int(table.insert(word))
    if id == values.count { values.append(value) } else { values[id] = value }
  }

  /// Stores the words and values at their exact size once the map is complete.
  mutating func trimCapacity() {
    table.trimCapacity()
    values.trimCapacity()
  }

  /// Stores `value` for a new `word`; a word that has another value already gets `clash` (a
  /// form two words share).
  mutating func claim(_ word: [UInt8], _ value: Int32, clash: Int32) {
    let (id, new) = word.withUnsafeBufferPointer { table.insertReporting($0) }
    if new {
      values.append(value)
    } else if values[Int(id)] != value {
      values[Int(id)] = clash
    }
  }
}

extension Array {
  /// Moves the elements into storage of their own count. Appending grows an array's storage to
  /// up to twice what it holds; the compiled tables, kept for a whole session, drop that room
  /// once they are complete (room of less than an eighth is not worth the copy).
  mutating func trimCapacity() {
    guard capacity > count + count / 8 else { return }
    var exact: [Element] = []
    exact.reserveCapacity(count)
    exact.append(contentsOf: self)
    self = exact
  }
}
