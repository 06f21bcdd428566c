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
  /// Its stem, after spelling variants are merged: an id of the vocabulary's stem table, or
  /// (for a reply's word whose stem the lexicon does not know) ``Token/localStem`` plus an id of
  /// the reply's own table (``TextAnalysis/localStems``).
  var stem: UInt32
  /// ``WordClass`` bits.
  var classes: UInt64
}

/// The word-level tables of a compiled lexicon: known words, stems, classes, contractions.
///
/// Words and stems are identified by their bytes (``WordTable``: dense ids, verified on every
/// lookup). A value, filled while an ``Evaluator`` is built (``remember(_:)``); copies share
/// their tables until one of them learns more words.
struct Vocabulary: Sendable {
  let stemmer: Stemmer
  /// The known words: a word's id is its index in `infos`.
  private var words = WordTable(capacity: 4096)
  private var infos: [WordInfo] = []
  /// The stems met while compiling; per stem id, what the stem stands for.
  private var stems = WordTable(capacity: 4096)
  private var stemFacts: [StemFacts] = []
  private var contractions = WordMap()
  private var suffixes = WordMap()
  /// Cue words of five letters or more, by each form with one letter left out: the value is the
  /// word's id, or -1 when two cue words share the form.
  private var oneLetterShort = LeftOutForms(capacity: 16384)
  /// The same for one letter of a double left out ("sory" for "sorry").
  private var doubledShort = LeftOutForms(capacity: 2048)
  /// Expansions of contractions and suffixes.
  private(set) var expansions: [[WordInfo]] = []
  /// Bits of the lexicon's own word classes, by class name.
  private(set) var classBits: [String: UInt64] = [:]

  /// What the vocabulary knows about one stem.
  private struct StemFacts: Sendable {
    /// The stem it stands for (itself, unless it is a spelling variant's).
    var alias: UInt32
    /// The lexicon classes its words belong to.
    var classes: UInt64 = 0
    /// Whether a known word has it.
    var known = false
  }

  init(lexicon: Lexicon) {
    let n = lexicon.normalisation
    stemmer = Stemmer(
      exceptions: n.stemExceptions, keepAfterStep1a: Set(n.stemKeep),
      regionPrefixes: n.stemPrefixes)
    // Spelling variants: the stem of the variant stands for the stem of the canonical form.
    for (variant, canonical) in n.spellings.sorted(by: { $0.key < $1.key }) {
      let from = internStem(rawStem(Self.normalizedBytes(variant)))
      let to = internStem(rawStem(Self.normalizedBytes(canonical)))
      if from != to { stemFacts[Int(from)].alias = to }
    }
    let g = lexicon.grammar
    var bit = WordClass.firstCustom
    for name in g.classes.keys.sorted() {
      let classBit: UInt64 = name == "number" ? WordClass.number : (bit < 64 ? 1 << UInt64(bit) : 0)
      if name != "number" { bit += 1 }
      classBits[name] = classBit
      for word in g.classes[name] ?? [] {
        for w in Self.words(word) { addStemClass(learn(w).stem, classBit) }
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
      contractions.set(Self.normalizedBytes(form), Int32(expansions.count))
      expansions.append(Self.words(expansion).map { learn($0) })
    }
    for (suffix, expansion) in n.suffixes.sorted(by: { $0.key < $1.key }) {
      suffixes.set(Self.normalizedBytes(suffix), Int32(expansions.count))
      expansions.append(Self.words(expansion).map { learn($0) })
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
    if let i = words.id(bytes) {
      infos[Int(i)].classes |= classBit
      stemFacts[Int(infos[Int(i)].stem)].known = true
      return
    }
    var entry = learn(bytes[...])
    entry.classes |= classBit
    words.insert(bytes)
    infos.append(entry)
    stemFacts[Int(entry.stem)].known = true
  }

  private mutating func addStemClass(_ stem: UInt32, _ classBit: UInt64) {
    stemFacts[Int(stem)].classes |= classBit
    // Known words with this stem gain the class too.
    for i in infos.indices where infos[i].stem == stem { infos[i].classes |= classBit }
  }

  /// The stem of a word, before spelling variants are merged (stemmed in place: callers pass
  /// bytes of their own).
  private func rawStem(_ bytes: consuming [UInt8]) -> [UInt8] {
    if bytes.count <= 40 { stemmer.stem(&bytes) }
    return bytes
  }

  /// The id of a stem, added to the stem table if it is new.
  private mutating func internStem(_ bytes: [UInt8]) -> UInt32 {
    let id = stems.insert(bytes)
    if Int(id) == stemFacts.count { stemFacts.append(StemFacts(alias: id)) }
    return id
  }

  /// What a word's stem gives it: the stem a spelling variant stands for, its classes, and the
  /// number class for a word written with a leading digit.
  private func info(stem raw: UInt32, first: UInt8?) -> WordInfo {
    let stem = stemFacts[Int(raw)].alias
    var classes = stemFacts[Int(stem)].classes
    if let first, first >= 0x30 && first <= 0x39 { classes |= WordClass.number }
    return WordInfo(stem: stem, classes: classes)
  }

  /// Everything known about a lowercase word, while compiling: a word not in the table is
  /// stemmed and its stem added to the stem table (the word itself is not remembered).
  mutating func learn(_ bytes: ArraySlice<UInt8>) -> WordInfo {
    if let i = words.id(bytes) { return infos[Int(i)] }
    if let raw = stemOfLearned[bytes] { return info(stem: UInt32(raw), first: bytes.first) }
    let raw = internStem(rawStem(Array(bytes)))
    stemOfLearned.set(Array(bytes), Int32(raw))
    return info(stem: raw, first: bytes.first)
  }

  /// The stem ids (before spelling variants are merged) of the words ``learn(_:)`` stemmed, so
  /// the compile stems each word once (every class word is learned, then remembered). Emptied by
  /// ``finishCompiling()``: a later ``learn(_:)`` stems again, to the same stem.
  private var stemOfLearned = WordMap(capacity: 4096)

  /// Ends a round of learning words: forgets `stemOfLearned` and stores the tables at their
  /// exact size (appending leaves up to twice the room). What a word reads as is unchanged.
  mutating func finishCompiling() {
    stemOfLearned = WordMap()
    words.trimCapacity()
    infos.trimCapacity()
    stems.trimCapacity()
    stemFacts.trimCapacity()
    oneLetterShort.settle()
    doubledShort.settle()
    expansions.trimCapacity()
    correctionLastLetters.trimCapacity()
  }

  /// Everything known about a reply's lowercase word: a word the lexicon does not know is
  /// stemmed, and read as the cue word it is a one-letter typo of, if any (``correction(of:)``).
  /// A stem the lexicon does not know is added to `locals`, the reply's own table.
  @inline(__always) func replyInfo(
    for bytes: UnsafeBufferPointer<UInt8>, locals: inout WordTable
  ) -> WordInfo {
    if let i = words.id(bytes) { return infos[Int(i)] }
    let raw = rawStem(Array(bytes))
    guard let stem = stems.id(raw) else {
      // A stem no lexicon word has: no class, no typo of a cue word unless corrected.
      if let corrected = correction(of: bytes) { return corrected }
      let first = bytes.first ?? 0
      let number = first >= 0x30 && first <= 0x39 ? WordClass.number : 0
      return WordInfo(stem: Token.localStem | locals.insert(raw), classes: number)
    }
    let info = info(stem: stem, first: bytes.first)
    // A form of a known word ("hours" of "hour") is no typo.
    if !stemFacts[Int(info.stem)].known, let corrected = correction(of: bytes) { return corrected }
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
    if let index = doubledShort[bytes], index >= 0 {
      target = index
    } else {
      guard consider(oneLetterShort[bytes]) else { return nil }
    }
    // One array for every form with a letter left out (at most 23 bytes), reused.
    var form = [UInt8](repeating: 0, count: n - 1)
    for skip in 1..<n {  // the first letter stays
      Self.leaveOut(skip, of: bytes, into: &form)
      // A letter extra: without it, the typed word is a cue word.
      if let i = words.id(form), n - 1 >= 5, isCorrectionTarget(Int32(i)) {
        guard consider(Int32(i)) else { return nil }
      }
      // A letter wrong or two swapped: both words with one letter left out meet.
      guard consider(form.withUnsafeBufferPointer { oneLetterShort[$0] }) else { return nil }
    }
    // The typed word is not itself known (``replyInfo(for:locals:)`` looked it up first).
    guard let target, correctionLastLetters[Int(target)] == bytes[n - 1] else { return nil }
    return infos[Int(target)]
  }

  /// `word` with the byte at `skip` left out, written into `form` (one byte shorter).
  private static func leaveOut<C: RandomAccessCollection<UInt8>, F: MutableCollection<UInt8>>(
    _ skip: Int, of word: C, into form: inout F
  ) where C.Index == Int, F.Index == Int {
    var k = 0
    for i in word.indices where i - word.startIndex != skip {
      form[k] = word[i]
      k += 1
    }
  }

  /// Whether a known word may be the correction of a typo (a cue word of five letters or more).
  private func isCorrectionTarget(_ index: Int32) -> Bool {
    correctionTargets.contains(index)
  }

  /// Per word of `infos`, its last letter when it is a correction target.
  private var correctionLastLetters: [UInt8] = []

  /// Indices in `infos` of the cue words that typos are corrected to.
  private var correctionTargets = Set<Int32>()

  /// Records a word (from a cue phrase) so replies skip stemming it.
  mutating func remember(_ bytes: ArraySlice<UInt8>) {
    let index: Int32
    if let i = words.id(bytes) {
      index = Int32(i)
    } else {
      let info = learn(bytes)
      index = Int32(words.insert(bytes))
      infos.append(info)
    }
    stemFacts[Int(infos[Int(index)].stem)].known = true
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
    var form = [UInt8](repeating: 0, count: word.count - 1)
    for skip in 1..<word.count {
      Self.leaveOut(skip, of: word, into: &form)
      if word[skip] == word[skip - 1] { doubledShort.claim(form, index) }
      oneLetterShort.claim(form, index)
    }
  }

  /// The expansion of a whole-word contraction (`won't`), if the word is one.
  @inline(__always) func contraction(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
    contractions[word]
  }

  /// The expansion of a contraction suffix (`n't`, `'ll`), if known.
  @inline(__always) func suffix(_ word: UnsafeBufferPointer<UInt8>) -> Int32? { suffixes[word] }
}

/// The forms of cue words with one letter left out, each with the index of the word it comes
/// from, or -1 when two words share the form (the typo tables of ``Vocabulary``).
///
/// Two layers: the forms of a finished compile (``settle()``), which copies of the vocabulary
/// share, and the forms of words remembered after it (a scenario's extra cues). Extending a
/// compiled vocabulary so adds a small table instead of copying the lexicon's, the largest the
/// vocabulary has. A form in both layers reads as one table would read it: its word if both
/// layers name the same one, -1 otherwise.
struct LeftOutForms: Sendable {
  private var settled: WordMap
  private var later = WordMap()
  private var isSettled = false

  /// Forms with room for about `capacity` before the first layer grows.
  init(capacity: Int) { settled = WordMap(capacity: capacity) }

  /// The word `form` comes from, -1 if several, `nil` if none.
  @inline(__always) subscript(form: UnsafeBufferPointer<UInt8>) -> Int32? {
    let first = settled[form]
    guard let second = later[form] else { return first }
    guard let first else { return second }
    return first == second ? first : -1
  }

  /// Records that `form` comes from word `index`.
  mutating func claim(_ form: [UInt8], _ index: Int32) {
    if isSettled {
      later.claim(form, index, clash: -1)
    } else {
      settled.claim(form, index, clash: -1)
    }
  }

  /// Ends a round of compiling: the forms so far are stored at their size and kept as they are;
  /// later forms go to the second layer.
  mutating func settle() {
    settled.trimCapacity()
    later.trimCapacity()
    isSettled = true
  }
}
