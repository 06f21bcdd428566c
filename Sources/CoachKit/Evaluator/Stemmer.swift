/// The Porter2 ("Snowball English") stemmer, working in place on lowercase ASCII bytes.
///
/// The algorithm's suffix rules live here; its short lists of exceptional words (`skies` → `sky`,
/// `inning` stays `inning`, the `gener-` prefix rule) are data, passed in from the lexicon, so no
/// English word list lives in code.
///
/// Words that are not plain lowercase ASCII letters are returned unchanged.
public struct Stemmer: Sendable, Hashable {
  /// Whole words with a fixed stem, checked before any rule (`skies` → `sky`, `news` → `news`).
  public var exceptions: [String: String]
  /// Words left alone after step 1a (`inning`, `proceed`).
  public var keepAfterStep1a: Set<String>
  /// Prefixes after which region R1 starts (`gener`, `commun`, `arsen`).
  public var regionPrefixes: [String]

  private var exceptionBytes: [[UInt8]: [UInt8]] = [:]
  private var keepBytes: Set<[UInt8]> = []
  private var prefixBytes: [[UInt8]] = []

  /// Creates a stemmer with the given exceptional-word tables.
  public init(
    exceptions: [String: String] = [:], keepAfterStep1a: Set<String> = [],
    regionPrefixes: [String] = []
  ) {
    self.exceptions = exceptions
    self.keepAfterStep1a = keepAfterStep1a
    self.regionPrefixes = regionPrefixes
    for (word, stem) in exceptions { exceptionBytes[Array(word.utf8)] = Array(stem.utf8) }
    keepBytes = Set(keepAfterStep1a.map { Array($0.utf8) })
    prefixBytes = regionPrefixes.map { Array($0.utf8) }
  }

  public static func == (lhs: Stemmer, rhs: Stemmer) -> Bool {
    lhs.exceptions == rhs.exceptions && lhs.keepAfterStep1a == rhs.keepAfterStep1a
      && lhs.regionPrefixes == rhs.regionPrefixes
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(exceptions)
    hasher.combine(regionPrefixes)
  }

  /// The stem of one lowercase word.
  public func stem(_ word: String) -> String {
    var bytes = Array(word.utf8)
    stem(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Stems `word` (lowercase ASCII letters, possibly with apostrophes) in place.
  func stem(_ word: inout [UInt8]) {
    if word.count <= 2 { return }
    for byte in word where !(byte >= 0x61 && byte <= 0x7A) && byte != 0x27 { return }
    if !exceptionBytes.isEmpty, let fixed = exceptionBytes[word] {
      word = fixed
      return
    }
    // The bytes move into the word and back, so stemming a word that is not shared changes it
    // in place instead of copying it.
    var w = Word(word)
    word = []
    w.run(keep: keepBytes, prefixes: prefixBytes)
    word = w.b
  }
}

/// The working state of one stemming: the letters and the two regions.
private struct Word {
  var b: [UInt8]
  var r1 = 0
  var r2 = 0

  init(_ bytes: [UInt8]) { b = bytes }

  static let y: UInt8 = 0x79
  static let bigY: UInt8 = 0x59
  static let apostrophe: UInt8 = 0x27

  @inline(__always) func isVowel(_ i: Int) -> Bool {
    switch b[i] {
    case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true
    default: false
    }
  }

  @inline(__always) func ends(_ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard b.count >= n else { return false }
    let base = b.count - n
    return s.withUTF8Buffer { buf in
      for k in 0..<n where b[base + k] != buf[k] { return false }
      return true
    }
  }

  mutating func replace(_ n: Int, with s: StaticString) {
    b.removeLast(n)
    s.withUTF8Buffer { b.append(contentsOf: $0) }
  }

  /// Whether a short syllable ends at index `i` (the last letter of the syllable).
  func shortSyllable(endingAt i: Int) -> Bool {
    if i == 1 { return isVowel(0) && !isVowel(1) }
    guard i >= 2 else { return false }
    let c = b[i]
    return !isVowel(i - 2) && isVowel(i - 1) && !isVowel(i) && c != 0x77 && c != 0x78
      && c != Word.bigY
  }

  func isShort() -> Bool { r1 >= b.count && shortSyllable(endingAt: b.count - 1) }

  func vowel(before end: Int) -> Bool {
    var i = 0
    while i < end {
      if isVowel(i) { return true }
      i += 1
    }
    return false
  }

  mutating func run(keep: Set<[UInt8]>, prefixes: [[UInt8]]) {
    if b.first == Word.apostrophe { b.removeFirst() }
    if b.count <= 2 { return }
    // Initial y, and y after a vowel, are consonants.
    if b[0] == Word.y { b[0] = Word.bigY }
    var i = 1
    while i < b.count {
      if b[i] == Word.y && isVowel(i - 1) { b[i] = Word.bigY }
      i += 1
    }
    markRegions(prefixes)
    step0()
    step1a()
    if keep.contains(b) { restoreY(); return }
    step1b()
    step1c()
    step2()
    step3()
    step4()
    step5()
    restoreY()
  }

  mutating func restoreY() {
    for i in b.indices where b[i] == Word.bigY { b[i] = Word.y }
  }

  mutating func markRegions(_ prefixes: [[UInt8]]) {
    r1 = b.count
    r2 = b.count
    var start = -1
    for prefix in prefixes where b.starts(with: prefix) {
      start = prefix.count
      break
    }
    if start < 0 {
      start = b.count
      var i = 1
      while i < b.count {
        if !isVowel(i) && isVowel(i - 1) {
          start = i + 1
          break
        }
        i += 1
      }
    }
    r1 = start
    var i = r1 + 1
    while i < b.count {
      if !isVowel(i) && isVowel(i - 1) {
        r2 = i + 1
        break
      }
      i += 1
    }
    if r1 > b.count { r1 = b.count }
  }

  mutating func step0() {
    if ends("'s'") {
      b.removeLast(3)
    } else if ends("'s") {
      b.removeLast(2)
    } else if ends("'") {
      b.removeLast(1)
    }
  }

  mutating func step1a() {
    if ends("sses") {
      b.removeLast(2)
    } else if ends("ied") || ends("ies") {
      if b.count > 4 { b.removeLast(2) } else { b.removeLast(1) }
    } else if ends("us") || ends("ss") {
      return
    } else if ends("s") {
      // Delete if the part before contains a vowel not immediately before the s.
      if b.count >= 3, vowel(before: b.count - 2) { b.removeLast(1) }
    }
  }

  mutating func step1b() {
    if ends("eedly") {
      if b.count - 5 >= r1 { b.removeLast(3) }
      return
    }
    if ends("eed") {
      if b.count - 3 >= r1 { b.removeLast(1) }
      return
    }
    var n = 0
    if ends("ingly") {
      n = 5
    } else if ends("edly") {
      n = 4
    } else if ends("ing") {
      n = 3
    } else if ends("ed") {
      n = 2
    }
    guard n > 0, vowel(before: b.count - n) else { return }
    b.removeLast(n)
    if ends("at") || ends("bl") || ends("iz") {
      b.append(0x65)
    } else if endsWithDouble() {
      b.removeLast(1)
    } else if isShort() {
      b.append(0x65)
    }
  }

  func endsWithDouble() -> Bool {
    let n = b.count
    guard n >= 2, b[n - 1] == b[n - 2] else { return false }
    switch b[n - 1] {
    case 0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74: return true
    default: return false
    }
  }

  mutating func step1c() {
    let n = b.count
    guard n > 2, b[n - 1] == Word.y || b[n - 1] == Word.bigY, !isVowel(n - 2) else { return }
    b[n - 1] = 0x69
  }

  @inline(__always) func inR1(_ n: Int) -> Bool { b.count - n >= r1 }
  @inline(__always) func inR2(_ n: Int) -> Bool { b.count - n >= r2 }

  mutating func step2() {
    let table: [(StaticString, StaticString)] = Word.step2Table
    for (suffix, replacement) in table where ends(suffix) {
      let n = suffix.utf8CodeUnitCount
      guard inR1(n) else { return }
      if suffix == "ogi" {
        if b.count >= 4, b[b.count - 4] == 0x6C { replace(n, with: replacement) }
      } else if suffix == "li" {
        if b.count >= 3 {
          switch b[b.count - 3] {
          case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: b.removeLast(2)
          default: break
          }
        }
      } else {
        replace(n, with: replacement)
      }
      return
    }
  }

  // Longest suffixes first, so the first match is the longest.
  static let step2Table: [(StaticString, StaticString)] = [
    ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"),
    ("iveness", "ive"), ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
    ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"),
    ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"),
    ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", ""),
  ]

  static let step3Table: [(StaticString, StaticString)] = [
    ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
    ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
  ]

  static let step4Table: [StaticString] = [
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
    "ive", "ize", "ion", "al", "er", "ic",
  ]

  mutating func step3() {
    for (suffix, replacement) in Word.step3Table where ends(suffix) {
      let n = suffix.utf8CodeUnitCount
      guard inR1(n) else { return }
      if suffix == "ative" {
        if inR2(n) { b.removeLast(n) }
      } else {
        replace(n, with: replacement)
      }
      return
    }
  }

  mutating func step4() {
    for suffix in Word.step4Table where ends(suffix) {
      let n = suffix.utf8CodeUnitCount
      guard inR2(n) else { return }
      if suffix == "ion" {
        if b.count >= 4, b[b.count - 4] == 0x73 || b[b.count - 4] == 0x74 { b.removeLast(3) }
      } else {
        b.removeLast(n)
      }
      return
    }
  }

  mutating func step5() {
    let n = b.count
    guard n > 0 else { return }
    if b[n - 1] == 0x65 {
      if inR2(1) || (inR1(1) && !shortSyllable(endingAt: n - 2)) { b.removeLast(1) }
    } else if b[n - 1] == 0x6C {
      if inR2(1), n >= 2, b[n - 2] == 0x6C { b.removeLast(1) }
    }
  }
}

extension StaticString {
  fileprivate static func == (lhs: StaticString, rhs: StaticString) -> Bool {
    lhs.withUTF8Buffer { l in rhs.withUTF8Buffer { r in l.elementsEqual(r) } }
  }
}
