/// A place in a reply: Unicode scalar offsets (what the JSON reports) and UTF-8 byte offsets (for
/// slicing the text quickly).
struct TextSpan: Hashable, Sendable {
  var start: Int32
  var end: Int32
  var byteStart: Int32
  var byteEnd: Int32

  func union(_ other: TextSpan) -> TextSpan {
    TextSpan(
      start: min(start, other.start), end: max(end, other.end),
      byteStart: min(byteStart, other.byteStart), byteEnd: max(byteEnd, other.byteEnd))
  }

  func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
}

/// One word of a reply after normalisation. A contraction gives several tokens over one span
/// (`can't` → `can`, `not`).
struct Token: Hashable, Sendable {
  var span: TextSpan
  /// The word's stem: an id of the vocabulary's stem table, or ``localStem`` plus an id of the
  /// analysis's own ``TextAnalysis/localStems`` (a stem the lexicon does not know).
  var stem: UInt32
  var classes: UInt64
  var sentence: Int32
  var clause: Int32
  var flags: UInt8

  static let caps: UInt8 = 1 << 0
  static let number: UInt8 = 1 << 1
  static let negated: UInt8 = 1 << 2
  /// A second or later token of one written word (a contraction's expansion).
  static let continuation: UInt8 = 1 << 3
  /// Punctuation separates this token from the one before.
  static let afterPunctuation: UInt8 = 1 << 4
  /// This negator negates nothing (inside `no wonder`, `can't imagine`).
  static let inertNegator: UInt8 = 1 << 5
  /// A word written as it is, of four letters or more, ending in -ed but not -eed ("ordered",
  /// not "need"): a regular past form.
  static let regularPast: UInt8 = 1 << 6
  /// The first word inside a quotation mark.
  static let opensQuote: UInt8 = 1 << 7

  /// The bit of ``stem`` that marks an id of ``TextAnalysis/localStems``.
  static let localStem: UInt32 = 1 << 31

  @inline(__always) func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
  @inline(__always) func `is`(_ wordClass: UInt64) -> Bool { classes & wordClass != 0 }
}

/// One sentence: a run of tokens and how it ended.
struct Sentence: Hashable, Sendable {
  var tokens: Range<Int>
  var span: TextSpan
  /// It ends with a question mark.
  var endsWithQuestionMark: Bool
}

/// A reply split into tokens, clauses and sentences, with the marks the rules read.
struct TextAnalysis: Hashable, Sendable {
  var text: String
  var bytes: [UInt8]
  var tokens: [Token] = []
  var sentences: [Sentence] = []
  /// The clauses, in reply order (read by ``ClauseReader`` once per reply).
  var clauses: [Clause] = []
  /// Runs of exclamation marks at least as long as the lexicon's threshold.
  var exclamationRuns: [TextSpan] = []
  /// Written words (a contraction counts once).
  var wordCount = 0
  /// Unicode scalars in the text.
  var scalarCount = 0
  /// The stems of its words that the lexicon does not know (see ``Token/stem``).
  var localStems = WordTable()

  /// The id `token`'s stem has in `other`, an analysis of another text, if `other` has it: a
  /// lexicon stem is the same everywhere, a stem of this text's own is looked up by its bytes.
  func stem(of token: Token, in other: TextAnalysis) -> UInt32? {
    guard token.stem & Token.localStem != 0 else { return token.stem }
    return other.localStems.id(localStems.bytes(token.stem & ~Token.localStem))
      .map { $0 | Token.localStem }
  }

  /// The bytes of a stem of this text's own (``Token/localStem`` set).
  func localStemBytes(_ stem: UInt32) -> ArraySlice<UInt8> {
    localStems.bytes(stem & ~Token.localStem)
  }

  /// The original text of a span.
  func text(_ span: TextSpan) -> String {
    let lo = max(0, min(Int(span.byteStart), bytes.count))
    let hi = max(lo, min(Int(span.byteEnd), bytes.count))
    return String(decoding: bytes[lo..<hi], as: UTF8.self)
  }

  /// The span from token `first` to token `last`, inclusive.
  func span(_ first: Int, _ last: Int) -> TextSpan {
    tokens[first].span.union(tokens[last].span)
  }
}
