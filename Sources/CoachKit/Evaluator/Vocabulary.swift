#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bits naming the grammatical roles a word plays, from the lexicon's word lists.
enum WordClass {
  static let negator: UInt64 = 1 << 0
  static let clauseBreak: UInt64 = 1 << 1
  static let contrast: UInt64 = 1 << 2
  static let auxiliary: UInt64 = 1 << 3
  static let wh: UInt64 = 1 << 4
  static let closedWh: UInt64 = 1 << 5
  static let closedAfterWh: UInt64 = 1 << 6
  static let subject: UInt64 = 1 << 7
  static let leadIn: UInt64 = 1 << 8
  static let factNoun: UInt64 = 1 << 9
  static let choice: UInt64 = 1 << 10
  static let first: UInt64 = 1 << 11
  static let second: UInt64 = 1 << 12
  static let collective: UInt64 = 1 << 13
  static let stopword: UInt64 = 1 << 14
  static let acronym: UInt64 = 1 << 15
  static let abbreviation: UInt64 = 1 << 16
  /// Digits, and the words of a lexicon class named `number`.
  static let number: UInt64 = 1 << 17
  /// The first bit given to the lexicon's own classes (`{day}`, `{unit}`).
  static let firstCustom = 20
}

/// What the evaluator knows about one word form.
struct WordInfo: Hashable, Sendable {
  /// FNV-1a hash of the lowercase word.
  var word: UInt64
  /// FNV-1a hash of its stem, after spelling variants are merged.
  var stem: UInt64
  /// ``WordClass`` bits.
  var classes: UInt64
}

/// The word-level tables of a compiled lexicon: known words, stems, classes, contractions.
///
/// A value, filled while an ``Evaluator`` is built (``remember(_:)``); copies share their tables
/// until one of them learns more words.
struct Vocabulary: Sendable {
  let stemmer: Stemmer
  private var known = HashIndex(capacity: 2048)
  private var infos: [WordInfo] = []
  private var stemAliases = HashIndex()
  private var aliasTargets: [UInt64] = []
  private var stemClassIndex = HashIndex()
  private var stemClassBits: [UInt64] = []
  private var contractionIndex = HashIndex()
  private var suffixIndex = HashIndex()
  /// Cue words of five letters or more, by each form with one letter left out: the value is the
  /// word's index in `infos`, or -1 when two cue words share the form.
  private var oneLetterShort = HashIndex()
  /// The same for one letter of a double left out ("sory" for "sorry").
  private var doubledShort = HashIndex()
  /// Expansions of contractions and suffixes.
  private(set) var expansions: [[WordInfo]] = []
  /// Bits of the lexicon's own word classes, by class name.
  private(set) var classBits: [String: UInt64] = [:]

  init(lexicon: Lexicon) {
    let n = lexicon.normalisation
    stemmer = Stemmer(
      exceptions: n.stemExceptions, keepAfterStep1a: Set(n.stemKeep),
      regionPrefixes: n.stemPrefixes)
    // Spelling variants: the stem of the variant stands for the stem of the canonical form.
    for (variant, canonical) in n.spellings.sorted(by: { $0.key < $1.key }) {
      let from = rawStem(Self.normalizedBytes(variant))
      let to = rawStem(Self.normalizedBytes(canonical))
      if from != to {
        stemAliases.set(from, Int32(aliasTargets.count))
        aliasTargets.append(to)
      }
    }
    let g = lexicon.grammar
    var bit = WordClass.firstCustom
    for name in g.classes.keys.sorted() {
      let classBit: UInt64 = name == "number" ? WordClass.number : (bit < 64 ? 1 << UInt64(bit) : 0)
      if name != "number" { bit += 1 }
      classBits[name] = classBit
      for word in g.classes[name] ?? [] {
        for w in Self.words(word) { addStemClass(info(for: Array(w)).stem, classBit) }
      }
    }
    // Class words are cue words too: known in advance, and targets for typo correction.
    for name in g.classes.keys.sorted() {
      for word in g.classes[name] ?? [] {
        for w in Self.words(word) { remember(w) }
      }
    }
    let lists: [([String], UInt64)] = [
      (g.negators, WordClass.negator), (g.clauseBreaks, WordClass.clauseBreak),
      (g.contrast, WordClass.contrast | WordClass.clauseBreak),
      (g.auxiliaries, WordClass.auxiliary), (g.whWords, WordClass.wh),
      (g.closedWhWords, WordClass.closedWh | WordClass.wh),
      (g.closedAfterWh, WordClass.closedAfterWh), (g.subjects, WordClass.subject),
      (g.leadIns, WordClass.leadIn), (g.factNouns, WordClass.factNoun),
      (g.choiceWords, WordClass.choice), (g.firstPerson, WordClass.first),
      (g.secondPerson, WordClass.second), (g.collective, WordClass.collective),
      (g.stopwords, WordClass.stopword), (g.acronyms, WordClass.acronym),
      (n.abbreviations, WordClass.abbreviation),
    ]
    for (list, classBit) in lists {
      for word in list {
        // Single words only: a class is a property of one word form.
        addClass(Self.normalizedBytes(word), classBit)
      }
    }
    for (form, expansion) in n.contractions.sorted(by: { $0.key < $1.key }) {
      let key = FNV.hash(Self.normalizedBytes(form))
      contractionIndex.set(key, Int32(expansions.count))
      expansions.append(Self.words(expansion).map { info(for: Array($0)) })
    }
    for (suffix, expansion) in n.suffixes.sorted(by: { $0.key < $1.key }) {
      let key = FNV.hash(Self.normalizedBytes(suffix))
      suffixIndex.set(key, Int32(expansions.count))
      expansions.append(Self.words(expansion).map { info(for: Array($0)) })
    }
  }

  /// The lowercase words of a phrase, split on spaces.
  static func words(_ phrase: String) -> [ArraySlice<UInt8>] {
    normalizedBytes(phrase).split(separator: 0x20)
  }

  /// The UTF-8 bytes of ``TextNormalizer/normalized(_:)``: plain ASCII text (nearly every
  /// lexicon entry) is lowercased byte by byte, without building a `String`.
  static func normalizedBytes(_ text: String) -> [UInt8] {
    var text = text
    let ascii = text.withUTF8 { p -> [UInt8]? in
      var out = [UInt8](repeating: 0, count: p.count)
      for i in 0..<p.count {
        let b = p[i]
        if b >= 0x80 { return nil }
        out[i] = TextNormalizer.lower(b)
      }
      return out
    }
    return ascii ?? Array(TextNormalizer.normalized(text).utf8)
  }

  private mutating func addClass(_ bytes: [UInt8], _ classBit: UInt64) {
    var entry = info(for: bytes)
    entry.classes |= classBit
    let h = entry.word
    if let i = known[h] {
      infos[Int(i)].classes |= classBit
    } else {
      known.set(h, Int32(infos.count))
      infos.append(entry)
    }
    knownStems.insert(entry.stem)
  }

  private mutating func addStemClass(_ stem: UInt64, _ classBit: UInt64) {
    if let i = stemClassIndex[stem] {
      stemClassBits[Int(i)] |= classBit
    } else {
      stemClassIndex.set(stem, Int32(stemClassBits.count))
      stemClassBits.append(classBit)
    }
    // Known words with this stem gain the class too.
    for i in infos.indices where infos[i].stem == stem { infos[i].classes |= classBit }
  }

  /// The stem hash of a word, before spelling variants are merged.
  private func rawStem(_ bytes: [UInt8]) -> UInt64 {
    var copy = bytes
    if copy.count <= 40 { stemmer.stem(&copy) }
    return FNV.hash(copy)
  }

  /// Everything known about a lowercase word.
  @inline(__always) func info(for bytes: [UInt8]) -> WordInfo {
    info(for: bytes, hash: FNV.hash(bytes))
  }

  /// Everything known about a lowercase word whose hash is already known.
  @inline(__always) func info(for bytes: [UInt8], hash h: UInt64) -> WordInfo {
    if let i = known[h] { return infos[Int(i)] }
    return analyse(bytes, hash: h)
  }

  /// ``info(for:hash:)`` for replies: a word the lexicon does not know is stemmed, and read as
  /// the cue word it is a one-letter typo of, if any (``correction(of:)``). Only for use once the
  /// tables are complete (by the tokenizer).
  @inline(__always) func replyInfo(for bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64)
    -> WordInfo
  {
    if let i = known[h] { return infos[Int(i)] }
    var info = analyse(Array(bytes), hash: h)
    // A form of a known word ("hours" of "hour") is no typo.
    if !knownStems.contains(info.stem), let corrected = correction(of: bytes) {
      info.stem = corrected.stem
      info.classes = corrected.classes
    }
    return info
  }

  /// The cue word a reply's unknown word is a one-letter typo of (a letter missing, extra,
  /// wrong, or two swapped: "sory", "sorrry", "terible", "realy", "frustarted"), if exactly one
  /// fits. Guarded: only words of four letters or more, all letters, whose first letter is kept,
  /// and only cue words of five letters or more are targets.
  func correction(of bytes: UnsafeBufferPointer<UInt8>) -> WordInfo? {
    let n = bytes.count
    guard n >= 4, n <= 24, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
    var target: Int32?
    func consider(_ index: Int32?) -> Bool {
      guard let index else { return true }
      guard index >= 0, target == nil || target == index else { return false }
      target = index
      return true
    }
    // A letter missing: the typed word is a cue word with one letter left out. One letter of a
    // double ("sory", "terible", "realy") is the likeliest slip, so it decides alone.
    if let index = doubledShort[FNV.hash(bytes)], index >= 0 {
      target = index
    } else {
      guard consider(oneLetterShort[FNV.hash(bytes)]) else { return nil }
    }
    for skip in 1..<n {  // the first letter stays
      let h = FNV.hash(bytes, skipping: skip)
      // A letter extra: without it, the typed word is a cue word.
      if let i = known[h], n - 1 >= 5, isCorrectionTarget(i) {
        guard consider(i) else { return nil }
      }
      // A letter wrong or two swapped: both words with one letter left out meet.
      guard consider(oneLetterShort[h]) else { return nil }
    }
    guard let target, infos[Int(target)].word != FNV.hash(bytes),
      correctionLastLetters[Int(target)] == bytes[n - 1]
    else { return nil }
    return infos[Int(target)]
  }

  /// Whether a known word may be the correction of a typo (a cue word of five letters or more).
  private func isCorrectionTarget(_ index: Int32) -> Bool {
    correctionTargets.contains(index)
  }

  /// Per word of `infos`, its last letter when it is a correction target.
  private var correctionLastLetters: [UInt8] = []

  /// The stems of the known words.
  private var knownStems = Set<UInt64>()

  /// Indices in `infos` of the cue words that typos are corrected to.
  private var correctionTargets = Set<Int32>()

  /// Stems and classifies a word that is not in the table.
  func analyse(_ bytes: [UInt8], hash h: UInt64) -> WordInfo {
    var stem = rawStem(bytes)
    if let i = stemAliases[stem] { stem = aliasTargets[Int(i)] }
    var classes: UInt64 = 0
    if let i = stemClassIndex[stem] { classes = stemClassBits[Int(i)] }
    if let first = bytes.first, first >= 0x30 && first <= 0x39 { classes |= WordClass.number }
    return WordInfo(word: h, stem: stem, classes: classes)
  }

  /// Records a word (from a cue phrase) so replies skip stemming it.
  mutating func remember(_ bytes: ArraySlice<UInt8>) {
    let h = bytes.withUnsafeBufferPointer { FNV.hash($0) }
    let index: Int32
    if let i = known[h] {
      index = i
    } else {
      index = Int32(infos.count)
      known.set(h, index)
      infos.append(analyse(Array(bytes), hash: h))
    }
    knownStems.insert(infos[Int(index)].stem)
    // A cue word of five letters or more is a target for typo correction.
    guard bytes.count >= 5, bytes.count <= 24, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
      correctionTargets.insert(index).inserted
    else { return }
    // The last letter must match too: a different ending is another word or an inflection
    // ("managed" is not a typo of "manager").
    if correctionLastLetters.count < infos.count {
      correctionLastLetters += [UInt8](
        repeating: 0, count: infos.count - correctionLastLetters.count)
    }
    correctionLastLetters[Int(index)] = bytes[bytes.endIndex - 1]
    let word = Array(bytes)
    for skip in 1..<word.count {
      let key = FNV.hash(word, skipping: skip)
      if word[skip] == word[skip - 1] {
        if let other = doubledShort[key], other != index {
          doubledShort.set(key, -1)
        } else {
          doubledShort.set(key, index)
        }
      }
      if let other = oneLetterShort[key], other != index {
        oneLetterShort.set(key, -1)
      } else {
        oneLetterShort.set(key, index)
      }
    }
  }

  /// The expansion of a whole-word contraction (`won't`), if the word is one.
  @inline(__always) func contraction(_ hash: UInt64) -> Int32? { contractionIndex[hash] }

  /// The expansion of a contraction suffix (`n't`, `'ll`), if known.
  @inline(__always) func suffix(_ hash: UInt64) -> Int32? { suffixIndex[hash] }
}
