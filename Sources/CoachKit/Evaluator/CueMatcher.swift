/// Finds cue phrases in a tokenized reply: a hash index from the stem of a phrase's first word to
/// the phrases that start with it, then a check of the following words.
///
/// A phrase matches inside one sentence and does not reach across punctuation. Its words match on
/// stems (`apologise` matches `apologies`); `{name}` matches any word of the lexicon class `name`
/// and `*` any one word.
struct CueMatcher: Hashable, Sendable {
  /// One compiled phrase.
  struct Cue: Hashable, Sendable {
    var elements: Range<Int>
    /// What the caller attached: a group, a veto, a question rule.
    var tag: Int32
    /// The phrase as written.
    var phrase: String
    /// Whether the phrase may reach across punctuation (vetoes: "sorry, could you repeat").
    var crossesPunctuation: Bool
  }

  /// A match of cue `cue` over tokens `first ..< end`.
  struct Match: Hashable, Sendable {
    var cue: Int32
    var first: Int32
    var end: Int32
  }

  private enum Kind: UInt8, Hashable, Sendable { case stem, wordClass, any }

  private var kinds: [Kind] = []
  private var values: [UInt64] = []
  private(set) var cues: [Cue] = []
  private var index = HashIndex()
  private var buckets: [[Int32]] = []
  private var anyStart: [Int32] = []

  /// Problems found while compiling phrases: an unknown `{class}`, an empty phrase.
  private(set) var problems: [(phrase: String, message: String)] = []

  static func == (lhs: CueMatcher, rhs: CueMatcher) -> Bool { lhs.cues == rhs.cues }
  func hash(into hasher: inout Hasher) { hasher.combine(cues) }

  init() {}

  /// Adds a phrase; returns `false` (and records a problem) if it cannot be compiled.
  @discardableResult
  mutating func add(
    _ phrase: String, tag: Int32, tokenizer: Tokenizer, crossesPunctuation: Bool = false
  ) -> Bool {
    let start = kinds.count
    let vocabulary = tokenizer.vocabulary
    for part in phrase.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      if part == "*" {
        kinds.append(.any)
        values.append(0)
      } else if part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2 {
        let name = String(part.dropFirst().dropLast())
        guard let bits = vocabulary.classBits[name] else {
          problems.append((phrase, "no word class `\(name)`"))
          kinds.removeSubrange(start...)
          values.removeSubrange(start...)
          return false
        }
        kinds.append(.wordClass)
        values.append(bits)
      } else {
        let analysis = tokenizer.analyse(String(part))
        for token in analysis.tokens {
          kinds.append(.stem)
          values.append(token.stem)
        }
      }
    }
    guard kinds.count > start else {
      problems.append((phrase, "the phrase has no words"))
      return false
    }
    let cueIndex = Int32(cues.count)
    cues.append(
      Cue(
        elements: start..<kinds.count, tag: tag, phrase: phrase,
        crossesPunctuation: crossesPunctuation))
    if kinds[start] == .stem {
      if let b = index[values[start]] {
        buckets[Int(b)].append(cueIndex)
      } else {
        index.set(values[start], Int32(buckets.count))
        buckets.append([cueIndex])
      }
    } else {
      anyStart.append(cueIndex)
    }
    return true
  }

  /// Appends every match in `analysis` to `matches`, in token order.
  func matches(in analysis: TextAnalysis, into matches: inout [Match]) {
    let tokens = analysis.tokens
    let count = tokens.count
    for i in 0..<count {
      if let b = index[tokens[i].stem] {
        for c in buckets[Int(b)] { check(c, at: i, tokens, &matches) }
      }
      for c in anyStart { check(c, at: i, tokens, &matches) }
    }
  }

  @inline(__always) private func check(
    _ c: Int32, at i: Int, _ tokens: [Token], _ matches: inout [Match]
  ) {
    let cue = cues[Int(c)]
    let length = cue.elements.count
    guard i + length <= tokens.count else { return }
    let sentence = tokens[i].sentence
    var k = 0
    for e in cue.elements {
      let token = tokens[i + k]
      if k > 0
        && (token.sentence != sentence
          || (token.has(Token.afterPunctuation) && !cue.crossesPunctuation))
      {
        return
      }
      switch kinds[e] {
      case .stem: if token.stem != values[e] { return }
      case .wordClass:
        if token.classes & values[e] == 0 { return }
      case .any: break
      }
      k += 1
    }
    matches.append(Match(cue: c, first: Int32(i), end: Int32(i + length)))
  }
}
