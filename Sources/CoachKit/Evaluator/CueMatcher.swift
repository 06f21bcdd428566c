/// Finds cue patterns (see ``CuePattern``) in a tokenized reply.
///
/// Each pattern is compiled into a small automaton over words (Thompson's construction): a state
/// takes one word by its stem, by a lexicon class (`{name}`) or any word (`*`), and groups become
/// forks. Matching starts only at words a pattern can start with (an index from first stems and
/// classes), and runs every live state in step, so alternatives and optional words cost no more
/// than the states they add, never a phrase per combination.
///
/// A match stays inside one sentence and does not reach across punctuation, unless the cue was
/// added with `crossesPunctuation` (vetoes: "sorry, could you repeat").
struct CueMatcher: Hashable, Sendable {
  /// One compiled pattern.
  struct Cue: Hashable, Sendable {
    /// What the caller attached: a group, a veto, a question rule.
    var tag: Int32
    /// The pattern as written.
    var phrase: String
    /// Whether a match may reach across punctuation.
    var crossesPunctuation: Bool
    /// The pattern's states: `states[states.lowerBound]` is its start.
    var states: Range<Int>
  }

  /// A match of cue `cue` over tokens `first ..< end`.
  struct Match: Hashable, Sendable {
    var cue: Int32
    var first: Int32
    var end: Int32
  }

  /// One state of a pattern's automaton.
  private enum State: Hashable, Sendable {
    /// Takes a word with this stem (an id of the vocabulary's stem table, or ``extraStem`` plus
    /// an id of `extraStems`), then goes to `next`.
    case stem(UInt32, next: Int32)
    /// Takes a word of any of these classes (all bits: any word), then goes to `next`.
    case wordClass(UInt64, next: Int32)
    /// Goes on to both states without taking a word.
    case fork(Int32, Int32)
    /// Goes on without taking a word.
    case jump(Int32)
    /// The pattern has matched.
    case accept
  }

  private var states: [State] = []
  private(set) var cues: [Cue] = []
  /// The stems of the runs of words compiled so far, so a run shared by many patterns is
  /// tokenized once.
  private var stemMemo: [String: [UInt32]] = [:]
  /// Stems of the patterns' words that the vocabulary does not have (a scenario's own phrases):
  /// a reply's word with such a stem is found by its bytes.
  private var extraStems = WordTable()
  /// The bit of a state's stem that marks an id of `extraStems`.
  static let extraStem: UInt32 = 1 << 30
  /// Per state, the cue it belongs to, whether that cue's matches may reach across punctuation,
  /// and the classes the state takes a word by (0 for a state that takes none by class).
  private var cueOf: [Int32] = []
  private var crossesAt: [Bool] = []
  private var classBits: [UInt64] = []
  /// Per word-taking state, what its successor reaches without taking a word: the word-taking
  /// states `follows[start ..< end]`, in the order a depth-first walk meets them, and whether the
  /// pattern accepts. Computed once per pattern, so matching walks no forks.
  private var followOf: [Follow] = []
  private var follows: [Successor] = []

  /// A word-taking state as a successor list holds it: the state with the word it takes, so
  /// matching reads one list in order instead of looking each state up among all the states.
  private struct Successor: Sendable {
    var state: Int32
    /// The stem it takes, or ``byClasses``: it takes a word by its classes (`classBits`).
    var stem: UInt32
    /// Never a stem: the vocabulary's ids and the extra stems' (below ``CueMatcher/extraStem``
    /// twice over) stay far below it.
    static let byClasses = UInt32.max
  }

  private struct Follow: Sendable {
    var start: Int32 = 0
    var end: Int32 = 0
    var accepts = false
  }
  // Which cues can start at a word: by the word's stem, by its classes, or at any word.
  // Start states by the word they take: by a pair of words (the start and the next), by one
  // word (when the next is a class, any word, or the end), and by class.
  // The indexes start small and grow with the patterns: a scenario's phrase lists hold a few
  // dozen patterns, the lexicon thousands.
  private var pairSlot = HashIndex()
  private var byPair: [[Int32]] = []
  private var stemSlot = HashIndex()
  private var byStem: [[Int32]] = []
  /// Start states that take a word of one class, by the class's bit.
  private var byBit = [[Int32]](repeating: [], count: 64)
  /// Start states that take a word of any of several classes (or any word, `*`).
  private var byClasses: [(bits: UInt64, state: Int32)] = []
  /// Start states that take any word (`*`) and go on only by given words: by each of those
  /// words' stems, so they are tried where the next word fits, not at every word.
  private var anySlot = HashIndex()
  private var anyBySecond: [[Int32]] = []

  /// The index key of a pair of stems: both ids, exactly (never 0, since a pattern's stems are
  /// below `1 << 31`).
  @inline(__always) private static func pairKey(_ first: UInt32, _ second: UInt32) -> UInt64 {
    (UInt64(first) << 32 | UInt64(second)) &+ 1
  }

  /// The index key of one stem.
  @inline(__always) private static func stemKey(_ stem: UInt32) -> UInt64 { UInt64(stem) + 1 }

  private static func append(
    _ state: Int32, to lists: inout [[Int32]], at slots: inout HashIndex, key: UInt64
  ) {
    if let slot = slots[key] {
      lists[Int(slot)].append(state)
    } else {
      slots.set(key, Int32(lists.count))
      lists.append([state])
    }
  }

  /// Problems found while compiling patterns: an unknown `{class}`, a malformed pattern.
  private(set) var problems: [(phrase: String, message: String)] = []

  static func == (lhs: CueMatcher, rhs: CueMatcher) -> Bool { lhs.cues == rhs.cues }
  func hash(into hasher: inout Hasher) { hasher.combine(cues) }

  init() {}

  /// Adds a pattern; returns `false` (and records a problem) if it cannot be compiled.
  @discardableResult
  mutating func add(
    _ phrase: String, tag: Int32, tokenizer: Tokenizer, crossesPunctuation: Bool = false
  ) -> Bool {
    let parts: [CuePattern.Part]
    switch CuePattern.parse(phrase) {
    case .success(let p): parts = p
    case .failure(let problem):
      problems.append((phrase, problem.description))
      return false
    }
    // The memo moves into the builder and back, so it is never copied.
    var builder = Builder(base: states.count, tokenizer: tokenizer, stems: [:])
    swap(&builder.stems, &stemMemo)
    swap(&builder.extraStems, &extraStems)
    defer {
      swap(&builder.stems, &stemMemo)
      swap(&builder.extraStems, &extraStems)
    }
    let start: Int32
    do {
      let accept = builder.append(.accept)
      start = try builder.compile(parts, then: accept)
    } catch let error as Builder.Failure {
      problems.append((phrase, error.message))
      return false
    } catch {
      return false
    }
    // The start state first, so a cue's range begins with it.
    let base = Int32(states.count)
    var compiled = builder.states
    let startIndex = Int(start - base)
    if startIndex != 0 {
      // Put a jump to the real start in front (states refer to each other by absolute index).
      compiled = builder.states
      states.append(.jump(start + 1))
      for state in compiled { states.append(Self.shifted(state, by: 1)) }
    } else {
      states += compiled
    }
    let range = Int(base)..<states.count
    let cue = Int32(cues.count)
    cueOf += [Int32](repeating: cue, count: range.count)
    crossesAt += [Bool](repeating: crossesPunctuation, count: range.count)
    for state in states[range] {
      if case .wordClass(let bits, _) = state {
        classBits.append(bits)
      } else {
        classBits.append(0)
      }
    }
    cues.append(
      Cue(tag: tag, phrase: phrase, crossesPunctuation: crossesPunctuation, states: range))
    // What each word-taking state goes on to (the alternatives of a group share their successor,
    // so each successor is walked once).
    followOf += [Follow](repeating: Follow(), count: range.count)
    var walked: [Int32: Follow] = [:]
    var seen = [Bool](repeating: false, count: range.count)
    for s in range {
      let successor: Int32
      switch states[s] {
      case .stem(_, let n), .wordClass(_, let n): successor = n
      default: continue
      }
      if let known = walked[successor] {
        followOf[s] = known
        continue
      }
      var follow = Follow(start: Int32(follows.count))
      for t in closure(of: successor, in: range, seen: &seen) {
        switch states[Int(t)] {
        case .stem(let stem, _): follows.append(Successor(state: t, stem: stem))
        case .wordClass: follows.append(Successor(state: t, stem: Successor.byClasses))
        case .accept: follow.accepts = true
        default: break
        }
      }
      follow.end = Int32(follows.count)
      walked[successor] = follow
      followOf[s] = follow
    }
    // The stems of the words a start state can go on with, and whether it can also go on with a
    // class, any word, or nothing (accept).
    func nextWords(_ s: Int32) -> (stems: Set<UInt32>, loose: Bool) {
      var seconds = Set<UInt32>()
      let follow = followOf[Int(s)]
      var loose = follow.accepts
      for t in follows[Int(follow.start)..<Int(follow.end)] {
        if t.stem != Successor.byClasses { seconds.insert(t.stem) } else { loose = true }
      }
      return (seconds, loose)
    }
    // Index the pattern's start states by the word they take and, where the next word is a
    // given one, by that pair (a `*` that goes on only by given words, by the next word alone):
    // from a word, only the states that can go on are tried.
    for s in closure(of: Int32(range.lowerBound), in: range, seen: &seen) {
      switch states[Int(s)] {
      case .stem(let stem, _):
        let (seconds, loose) = nextWords(s)
        if loose { Self.append(s, to: &byStem, at: &stemSlot, key: Self.stemKey(stem)) }
        for second in seconds {
          Self.append(s, to: &byPair, at: &pairSlot, key: Self.pairKey(stem, second))
        }
      case .wordClass(let bits, _):
        let (seconds, loose) = bits == ~UInt64(0) ? nextWords(s) : ([], true)
        if !loose {
          for second in seconds {
            Self.append(s, to: &anyBySecond, at: &anySlot, key: Self.stemKey(second))
          }
        } else if bits.nonzeroBitCount == 1 {
          byBit[bits.trailingZeroBitCount].append(s)
        } else {
          byClasses.append((bits, s))
        }
      default: break
      }
    }
    return true
  }

  /// Ends a round of compiling: forgets the memo of runs of words (only compiling reads it; a
  /// later round tokenizes its runs again, to the same stems) and stores the tables at their exact
  /// size (appending leaves up to twice the room). Matching is unchanged.
  mutating func finishCompiling() {
    stemMemo = [:]
    states.trimCapacity()
    cues.trimCapacity()
    crossesAt.trimCapacity()
    classBits.trimCapacity()
    cueOf.trimCapacity()
    followOf.trimCapacity()
    follows.trimCapacity()
    byPair.trimCapacity()
    byStem.trimCapacity()
    byClasses.trimCapacity()
    anyBySecond.trimCapacity()
    extraStems.trimCapacity()
  }

  /// Makes room for `phrases` before they are added. Adding to a copy of a compiled matcher (a
  /// scenario's extra cues on the lexicon's) copies its tables once, at about the size they will
  /// have, rather than at twice their size. A pattern compiles to about one state per byte at
  /// most, plus its start and accept states; more is still added, only with a second copy.
  mutating func reserveCapacity(for phrases: [String]) {
    let newStates = phrases.reduce(0) { $0 + $1.utf8.count + 2 }
    states.reserveCapacity(states.count + newStates)
    cueOf.reserveCapacity(cueOf.count + newStates)
    followOf.reserveCapacity(followOf.count + newStates)
    follows.reserveCapacity(follows.count + newStates)
    cues.reserveCapacity(cues.count + phrases.count)
    crossesAt.reserveCapacity(crossesAt.count + newStates)
    classBits.reserveCapacity(classBits.count + newStates)
  }

  /// A state with every reference moved by `offset`.
  private static func shifted(_ state: State, by offset: Int32) -> State {
    switch state {
    case .stem(let s, let next): .stem(s, next: next + offset)
    case .wordClass(let b, let next): .wordClass(b, next: next + offset)
    case .fork(let a, let b): .fork(a + offset, b + offset)
    case .jump(let a): .jump(a + offset)
    case .accept: .accept
    }
  }

  /// The states reachable from `start` without taking a word (including `start`), without
  /// repeats, in depth-first order. `start` is a state of the pattern whose states are `range`
  /// (a pattern's states refer only to each other); `seen` is scratch space, one flag per state of
  /// `range`, all false before and after.
  private func closure(of start: Int32, in range: Range<Int>, seen: inout [Bool]) -> [Int32] {
    var stack = [start]
    var out: [Int32] = []
    while let s = stack.popLast() {
      let k = Int(s) - range.lowerBound
      guard !seen[k] else { continue }
      seen[k] = true
      out.append(s)
      switch states[Int(s)] {
      case .fork(let a, let b):
        stack.append(b)
        stack.append(a)
      case .jump(let a): stack.append(a)
      default: break
      }
    }
    for s in out { seen[Int(s) - range.lowerBound] = false }
    return out
  }

  /// Appends every match in `analysis` to `matches`, in token order (then by end, then by cue).
  ///
  /// From each word, the patterns that can start there run together: a small set of live
  /// states, each knowing its pattern, steps word by word until it is empty, the sentence ends,
  /// or (for a pattern that may not) punctuation comes between two words.
  func matches(in analysis: TextAnalysis, into matches: inout [Match]) {
    let tokens = analysis.tokens
    guard !tokens.isEmpty, !cues.isEmpty else { return }
    let words = Words(analysis, extraStems: extraStems)
    var live = StateSet()
    var next = StateSet()
    for i in 0..<words.count {
      let before = matches.count
      // The first word: the start states that take it (and can go on to the next word).
      live.removeAll()
      let first = words.stems[i]
      let second = words.next(after: i)
      func start(_ s: Int32) {
        follow(s, into: &live, first: i, end: i + 1, then: second, words, &matches)
      }
      if first & Token.localStem == 0 {
        if let slot = stemSlot[Self.stemKey(first)] { for s in byStem[Int(slot)] { start(s) } }
        if second >= 0, let slot = pairSlot[Self.pairKey(first, words.stems[second])] {
          for s in byPair[Int(slot)] { start(s) }
        }
      }
      // Each class of the word once: a state of one class sits in one list.
      var classes = words.classes[i]
      while classes != 0 {
        for s in byBit[classes.trailingZeroBitCount] { start(s) }
        classes &= classes - 1
      }
      for entry in byClasses where Self.accepts(words.classes[i], entry.bits) {
        start(entry.state)
      }
      if second >= 0, !anyBySecond.isEmpty, let slot = anySlot[Self.stemKey(words.stems[second])] {
        for s in anyBySecond[Int(slot)] { start(s) }
      }
      guard !live.isEmpty || matches.count > before else { continue }
      // Further words, all candidates in step (`follow` kept only the states that take the
      // next word of the sentence, so `live` is empty at its end).
      var j = i + 1
      while !live.isEmpty {
        let following = words.next(after: j)
        let punctuated = words.afterPunctuation[j]
        next.removeAll()
        for k in 0..<live.count {
          let s = live[k]
          if punctuated, !crossesAt[Int(s)] { continue }
          follow(s, into: &next, first: i, end: j + 1, then: following, words, &matches)
        }
        swap(&live, &next)
        j += 1
      }
      if matches.count - before > 1 {
        // One match per cue and end; in order of end, then cue. The few matches from one word
        // (all with the same first word) are put in order in place, an insertion sort that drops
        // a repeat where it would go.
        var kept = before + 1
        for k in (before + 1)..<matches.count {
          let m = matches[k]
          var at = kept
          while at > before, (m.end, m.cue) < (matches[at - 1].end, matches[at - 1].cue) { at -= 1 }
          if at > before, matches[at - 1] == m { continue }
          var s = kept
          while s > at {
            matches[s] = matches[s - 1]
            s -= 1
          }
          matches[at] = m
          kept += 1
        }
        matches.removeLast(matches.count - kept)
      }
    }
  }

  /// What matching reads of a reply's words, one array each: a word's stem as the patterns know
  /// it (a stem of the reply's own, one the vocabulary does not have, may be one of the
  /// patterns' extra stems), its classes, whether punctuation comes before it, and the next word
  /// of its sentence.
  private struct Words {
    var stems: [UInt32]
    var classes: [UInt64]
    var afterPunctuation: [Bool]
    /// Per word, the index of the next word of its sentence, or -1 at a sentence's end.
    var nextInSentence: [Int32]
    var count: Int { stems.count }

    init(_ analysis: TextAnalysis, extraStems: WordTable) {
      let tokens = analysis.tokens
      let resolve = !extraStems.isEmpty
      stems = tokens.map { token in
        let t = token.stem
        guard resolve, t & Token.localStem != 0 else { return t }
        return extraStems.id(analysis.localStemBytes(t)).map { $0 | CueMatcher.extraStem } ?? t
      }
      classes = tokens.map(\.classes)
      afterPunctuation = tokens.map { $0.has(Token.afterPunctuation) }
      nextInSentence = tokens.indices.map { j in
        j + 1 < tokens.count && tokens[j + 1].sentence == tokens[j].sentence ? Int32(j + 1) : -1
      }
    }

    /// The word after `j` in its sentence, or -1.
    @inline(__always) func next(after j: Int) -> Int { Int(nextInSentence[j]) }
  }

  /// After state `s` took a word: adds the word-taking states reachable from its successor that
  /// take word `next` (the following word of the sentence, -1 at its end) to `set` (once each),
  /// and reports a match of the state's cue over `first ..< end` if it accepts. Keeping only the
  /// states that take the next word keeps the set small when a pattern goes on with many
  /// alternatives.
  @inline(__always) private func follow(
    _ s: Int32, into set: inout StateSet, first: Int, end: Int, then next: Int, _ words: Words,
    _ matches: inout [Match]
  ) {
    let f = followOf[Int(s)]
    if next >= 0 {
      let stem = words.stems[next]
      for k in Int(f.start)..<Int(f.end) {
        let t = follows[k]
        if t.stem == stem
          || (t.stem == Successor.byClasses
            && Self.accepts(words.classes[next], classBits[Int(t.state)]))
        {
          set.insert(t.state)
        }
      }
    }
    if f.accepts { matches.append(Match(cue: cueOf[Int(s)], first: Int32(first), end: Int32(end))) }
  }

  /// The live states of one step, each once, in the order they came: the first `count` of
  /// `slots`, which are kept (and overwritten) from step to step rather than freed.
  private struct StateSet {
    private var slots = [Int32](repeating: 0, count: 32)
    private(set) var count = 0
    /// Bit `s % 64` for each state `s` in the set: a state whose bit is clear is not in it, so
    /// most insertions need no scan of the list.
    private var summary: UInt64 = 0

    var isEmpty: Bool { count == 0 }

    @inline(__always) subscript(index: Int) -> Int32 { slots[index] }

    @inline(__always) mutating func insert(_ state: Int32) {
      let bit: UInt64 = 1 << UInt64(UInt32(bitPattern: state) & 63)
      if summary & bit != 0, slots[..<count].contains(state) { return }
      summary |= bit
      if count == slots.count { slots.append(state) } else { slots[count] = state }
      count += 1
    }

    @inline(__always) mutating func removeAll() {
      count = 0
      summary = 0
    }
  }

  /// Whether a class state takes `token`: `*` (all bits set) takes any word, even one of no class.
  @inline(__always) private static func accepts(_ classes: UInt64, _ bits: UInt64) -> Bool {
    bits == ~UInt64(0) || classes & bits != 0
  }

  /// Compiles a pattern's parts into states (Thompson's construction, built back to front: each
  /// part is compiled knowing the state that follows it).
  private struct Builder {
    let base: Int
    let tokenizer: Tokenizer
    var stems: [String: [UInt32]]
    var extraStems = WordTable()
    var states: [State] = []

    struct Failure: Error { var message: String }

    init(base: Int, tokenizer: Tokenizer, stems: [String: [UInt32]]) {
      self.base = base
      self.tokenizer = tokenizer
      self.stems = stems
    }

    mutating func append(_ state: State) -> Int32 {
      states.append(state)
      return Int32(base + states.count - 1)
    }

    /// The first state of `parts`, followed by `next`.
    mutating func compile(_ parts: [CuePattern.Part], then next: Int32) throws -> Int32 {
      var follow = next
      for part in parts.reversed() {
        follow = try compile(part, then: follow)
      }
      return follow
    }

    mutating func compile(_ part: CuePattern.Part, then next: Int32) throws -> Int32 {
      switch part {
      case .words(let text):
        var stems = self.stems[text] ?? []
        if stems.isEmpty {
          for stem in tokenizer.stems(of: Array(text.utf8)) {
            switch stem {
            case .known(let id): stems.append(id)
            case .unknown(let bytes): stems.append(CueMatcher.extraStem | extraStems.insert(bytes))
            }
          }
          self.stems[text] = stems
        }
        guard !stems.isEmpty else { throw Failure(message: "`\(text)` has no words") }
        var follow = next
        for stem in stems.reversed() { follow = append(.stem(stem, next: follow)) }
        return follow
      case .any:
        return append(.wordClass(~UInt64(0), next: next))
      case .wordClass(let name):
        guard let bits = tokenizer.vocabulary.classBits[name] else {
          throw Failure(message: "no word class `\(name)`")
        }
        return append(.wordClass(bits, next: next))
      case .group(let alternatives, let optional):
        var entries: [Int32] = []
        for alternative in alternatives {
          entries.append(alternative.isEmpty ? next : try compile(alternative, then: next))
        }
        if optional { entries.append(next) }
        // A chain of forks, one per alternative after the first.
        var entry = entries[entries.count - 1]
        for e in entries.dropLast().reversed() { entry = append(.fork(e, entry)) }
        return entry
      }
    }
  }
}
