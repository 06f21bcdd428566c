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
  private var crosses: [Bool] = []
  private(set) var cues: [Cue] = []

  // A trie over the phrases' words: edges by (node, stem) in one hash index, class and `*`
  // edges in a short list per node, and the phrases that end at each node.
  private var edges = HashIndex(capacity: 4096)
  private var classEdges: [[(bits: UInt64, child: Int32)]] = [[]]
  private var terminals: [[Int32]] = [[]]

  /// Problems found while compiling phrases: an unknown `{class}`, an empty phrase.
  private(set) var problems: [(phrase: String, message: String)] = []

  static func == (lhs: CueMatcher, rhs: CueMatcher) -> Bool { lhs.cues == rhs.cues }
  func hash(into hasher: inout Hasher) { hasher.combine(cues) }

  init() {}

  @inline(__always) private static func edgeKey(_ node: Int32, _ stem: UInt64) -> UInt64 {
    let k = (stem ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)) &+ 1
    return k == 0 ? 1 : k
  }

  private mutating func newNode() -> Int32 {
    classEdges.append([])
    terminals.append([])
    return Int32(terminals.count - 1)
  }

  private mutating func insert(_ elements: Range<Int>, cue: Int32) {
    var node: Int32 = 0
    for e in elements {
      switch kinds[e] {
      case .stem:
        let key = Self.edgeKey(node, values[e])
        if let child = edges[key] {
          node = child
        } else {
          let child = newNode()
          edges.set(key, child)
          node = child
        }
      case .wordClass, .any:
        let bits = kinds[e] == .any ? ~UInt64(0) : values[e]
        if let edge = classEdges[Int(node)].first(where: { $0.bits == bits }) {
          node = edge.child
        } else {
          let child = newNode()
          classEdges[Int(node)].append((bits, child))
          node = child
        }
      }
    }
    terminals[Int(node)].append(cue)
  }

  /// Adds a phrase; returns `false` (and records a problem) if it cannot be compiled.
  @discardableResult
  mutating func add(
    _ phrase: String, tag: Int32, tokenizer: Tokenizer, crossesPunctuation: Bool = false
  ) -> Bool {
    let start = kinds.count
    let vocabulary = tokenizer.vocabulary
    // Runs of plain words are tokenized together (contractions may span a run).
    var pending = ""
    func flush() {
      guard !pending.isEmpty else { return }
      for token in tokenizer.analyse(pending).tokens {
        kinds.append(.stem)
        values.append(token.stem)
      }
      pending = ""
    }
    for part in phrase.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      if part == "*" || (part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2) { flush() }
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
        pending += pending.isEmpty ? part : " " + part
        continue
      }
    }
    flush()
    guard kinds.count > start else {
      problems.append((phrase, "the phrase has no words"))
      return false
    }
    let cueIndex = Int32(cues.count)
    crosses.append(crossesPunctuation)
    cues.append(
      Cue(
        elements: start..<kinds.count, tag: tag, phrase: phrase,
        crossesPunctuation: crossesPunctuation))
    insert(start..<kinds.count, cue: cueIndex)
    return true
  }

  /// Appends every match in `analysis` to `matches`, in token order.
  func matches(in analysis: TextAnalysis, into matches: inout [Match]) {
    analysis.tokens.withUnsafeBufferPointer { tokens in
      for i in 0..<tokens.count { walk(from: i, tokens, &matches) }
    }
  }

  /// Follows the trie from token `i`, reporting every phrase that ends on the way.
  @inline(__always) private func walk(
    from i: Int, _ tokens: UnsafeBufferPointer<Token>, _ matches: inout [Match]
  ) {
    // Fast path: no class edges at this node, one stem edge at a time.
    var node: Int32 = 0
    var j = i
    var crossed = false
    let sentence = tokens[i].sentence
    while j < tokens.count {
      let token = tokens[j]
      if j > i {
        if token.sentence != sentence { return }
        if token.has(Token.afterPunctuation) { crossed = true }
      }
      let classes = classEdges[Int(node)]
      if !classes.isEmpty {
        for edge in classes where Self.accepts(token, edge.bits) {
          branch(edge.child, from: i, next: j + 1, crossed: crossed, tokens, &matches)
        }
      }
      guard let child = edges[Self.edgeKey(node, token.stem)] else { return }
      node = child
      j += 1
      report(node, from: i, end: j, crossed: crossed, &matches)
    }
  }

  /// The slow path after a class or `*` edge: recursive, since paths may branch.
  private func branch(
    _ node: Int32, from i: Int, next j: Int, crossed: Bool, _ tokens: UnsafeBufferPointer<Token>,
    _ matches: inout [Match]
  ) {
    report(node, from: i, end: j, crossed: crossed, &matches)
    guard j < tokens.count else { return }
    let token = tokens[j]
    if token.sentence != tokens[i].sentence { return }
    let crossed = crossed || token.has(Token.afterPunctuation)
    for edge in classEdges[Int(node)] where Self.accepts(token, edge.bits) {
      branch(edge.child, from: i, next: j + 1, crossed: crossed, tokens, &matches)
    }
    if let child = edges[Self.edgeKey(node, token.stem)] {
      branch(child, from: i, next: j + 1, crossed: crossed, tokens, &matches)
    }
  }

  /// Whether a class edge takes `token`: `*` (all bits set) takes any word, even one of no class.
  @inline(__always) private static func accepts(_ token: Token, _ bits: UInt64) -> Bool {
    bits == ~UInt64(0) || token.classes & bits != 0
  }

  @inline(__always) private func report(
    _ node: Int32, from i: Int, end: Int, crossed: Bool, _ matches: inout [Match]
  ) {
    let ends = terminals[Int(node)]
    if ends.isEmpty { return }
    for c in ends where !crossed || crosses[Int(c)] {
      matches.append(Match(cue: c, first: Int32(i), end: Int32(end)))
    }
  }
}
