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
  /// Per cue, its place among the phrases: phrases ending at one trie node are kept in this
  /// order, so phrases added later (``Evaluator/adding(extraCues:)``) match as if compiled in.
  private var orders: [Int64] = []
  private(set) var cues: [Cue] = []

  // A trie over the phrases' words: edges by (node, stem) in one hash index, class and `*`
  // edges in a short linked list per node, and the phrases that end at each node in another
  // (flat arrays, so matching touches no nested array).
  private var edges = HashIndex(capacity: 4096)
  private var classHead: [Int32] = [-1]
  private var classEdges: [(bits: UInt64, child: Int32, next: Int32)] = []
  private var terminalHead: [Int32] = [-1]
  private var terminals: [(cue: Int32, next: Int32)] = []

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
    classHead.append(-1)
    terminalHead.append(-1)
    return Int32(terminalHead.count - 1)
  }

  private mutating func insert(_ elements: Range<Int>, cue: Int32, order: Int64) {
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
        var k = classHead[Int(node)]
        var last: Int32 = -1
        while k >= 0, classEdges[Int(k)].bits != bits {
          last = k
          k = classEdges[Int(k)].next
        }
        if k >= 0 {
          node = classEdges[Int(k)].child
        } else {
          let child = newNode()
          let index = Int32(classEdges.count)
          classEdges.append((bits, child, -1))
          if last >= 0 { classEdges[Int(last)].next = index } else { classHead[Int(node)] = index }
          node = child
        }
      }
    }
    // Kept in order: before the first phrase with a later place.
    var k = terminalHead[Int(node)]
    var last: Int32 = -1
    while k >= 0, orders[Int(terminals[Int(k)].cue)] <= order {
      last = k
      k = terminals[Int(k)].next
    }
    let index = Int32(terminals.count)
    terminals.append((cue, k))
    if last >= 0 { terminals[Int(last)].next = index } else { terminalHead[Int(node)] = index }
  }

  /// Adds a phrase; returns `false` (and records a problem) if it cannot be compiled.
  @discardableResult
  mutating func add(
    _ phrase: String, tag: Int32, tokenizer: Tokenizer, crossesPunctuation: Bool = false,
    order: Int64? = nil
  ) -> Bool {
    let start = kinds.count
    let vocabulary = tokenizer.vocabulary
    // Runs of plain words are tokenized together (contractions may span a run).
    var pending: [UInt8] = []
    var stems: [UInt64] = []
    func flush() {
      guard !pending.isEmpty else { return }
      stems.removeAll(keepingCapacity: true)
      tokenizer.appendStems(of: pending, to: &stems)
      for stem in stems {
        kinds.append(.stem)
        values.append(stem)
      }
      pending.removeAll(keepingCapacity: true)
    }
    for part in Self.parts(of: phrase) {
      switch part {
      case .any:
        flush()
        kinds.append(.any)
        values.append(0)
      case .wordClass(let name):
        flush()
        guard let bits = vocabulary.classBits[name] else {
          problems.append((phrase, "no word class `\(name)`"))
          kinds.removeSubrange(start...)
          values.removeSubrange(start...)
          return false
        }
        kinds.append(.wordClass)
        values.append(bits)
      case .words(let bytes):
        if !pending.isEmpty { pending.append(0x20) }
        pending.append(contentsOf: bytes)
      }
    }
    flush()
    guard kinds.count > start else {
      problems.append((phrase, "the phrase has no words"))
      return false
    }
    let cueIndex = Int32(cues.count)
    let order = order ?? Int64(cues.count)
    orders.append(order)
    crosses.append(crossesPunctuation)
    cues.append(
      Cue(
        elements: start..<kinds.count, tag: tag, phrase: phrase,
        crossesPunctuation: crossesPunctuation))
    insert(start..<kinds.count, cue: cueIndex, order: order)
    return true
  }

  /// One whitespace-separated part of a phrase.
  private enum Part {
    case any
    case wordClass(String)
    case words(ArraySlice<UInt8>)
  }

  /// The parts of a phrase, split on spaces, tabs and line breaks. Plain ASCII (nearly every
  /// phrase) is split byte by byte; other text by characters.
  private static func parts(of phrase: String) -> [Part] {
    var text = phrase
    let ascii = text.withUTF8 { p -> [Part]? in
      var parts: [Part] = []
      var i = 0
      let n = p.count
      for b in p where b >= 0x80 || b == 0x0D { return nil }
      let bytes = Array(p)
      while i < n {
        while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A { i += 1 }
        let s = i
        while i < n, !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A) { i += 1 }
        guard i > s else { break }
        let part = bytes[s..<i]
        if part.count == 1, part.first == 0x2A {
          parts.append(.any)
        } else if part.count > 2, part.first == 0x7B, part.last == 0x7D {
          parts.append(.wordClass(String(decoding: part.dropFirst().dropLast(), as: UTF8.self)))
        } else {
          parts.append(.words(part))
        }
      }
      return parts
    }
    if let ascii { return ascii }
    return phrase.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { part in
      if part == "*" { return .any }
      if part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2 {
        return .wordClass(String(part.dropFirst().dropLast()))
      }
      return .words(Array(part.utf8)[...])
    }
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
      var k = classHead[Int(node)]
      while k >= 0 {
        let edge = classEdges[Int(k)]
        if Self.accepts(token, edge.bits) {
          branch(edge.child, from: i, next: j + 1, crossed: crossed, tokens, &matches)
        }
        k = edge.next
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
    var k = classHead[Int(node)]
    while k >= 0 {
      let edge = classEdges[Int(k)]
      if Self.accepts(token, edge.bits) {
        branch(edge.child, from: i, next: j + 1, crossed: crossed, tokens, &matches)
      }
      k = edge.next
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
    var k = terminalHead[Int(node)]
    while k >= 0 {
      let (c, next) = terminals[Int(k)]
      if !crossed || crosses[Int(c)] {
        matches.append(Match(cue: c, first: Int32(i), end: Int32(end)))
      }
      k = next
    }
  }
}
