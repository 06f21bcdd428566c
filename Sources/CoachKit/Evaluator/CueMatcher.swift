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
    /// Takes a word with this stem, then goes to `next`.
    case stem(UInt64, next: Int32)
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
  /// The most states any one pattern has (the size of the matching scratch space).
  private var widest = 0
  // Which cues can start at a word: by the word's stem, by its classes, or at any word.
  private var byFirstStem: [UInt64: [Int32]] = [:]
  private var byFirstClass: [(bits: UInt64, cue: Int32)] = []

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
    var builder = Builder(base: states.count, tokenizer: tokenizer)
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
    widest = max(widest, range.count)
    let cue = Int32(cues.count)
    cues.append(
      Cue(tag: tag, phrase: phrase, crossesPunctuation: crossesPunctuation, states: range))
    // Index the cue by the words it can start with.
    var firstStems = Set<UInt64>()
    var firstClasses: UInt64 = 0
    for s in closure(of: [Int32(range.lowerBound)]) {
      switch states[Int(s)] {
      case .stem(let stem, _): firstStems.insert(stem)
      case .wordClass(let bits, _): firstClasses |= bits
      default: break
      }
    }
    for stem in firstStems { byFirstStem[stem, default: []].append(cue) }
    if firstClasses != 0 { byFirstClass.append((firstClasses, cue)) }
    return true
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
  /// repeats.
  private func closure(of start: [Int32]) -> [Int32] {
    var seen = Set<Int32>()
    var stack = start
    var out: [Int32] = []
    while let s = stack.popLast() {
      guard seen.insert(s).inserted else { continue }
      out.append(s)
      switch states[Int(s)] {
      case .fork(let a, let b): stack += [b, a]
      case .jump(let a): stack.append(a)
      default: break
      }
    }
    return out
  }

  /// Appends every match in `analysis` to `matches`, in token order (then by end, then by cue).
  func matches(in analysis: TextAnalysis, into matches: inout [Match]) {
    let tokens = analysis.tokens
    guard !tokens.isEmpty, !cues.isEmpty else { return }
    var scratch = Scratch(width: widest)
    var candidates: [Int32] = []
    for i in 0..<tokens.count {
      candidates.removeAll(keepingCapacity: true)
      if let list = byFirstStem[tokens[i].stem] { candidates += list }
      for entry in byFirstClass where Self.accepts(tokens[i], entry.bits) {
        candidates.append(entry.cue)
      }
      guard !candidates.isEmpty else { continue }
      if candidates.count > 1 { candidates.sort() }
      let before = matches.count
      var last: Int32 = -1
      for cue in candidates where cue != last {
        last = cue
        run(cue, from: i, tokens, &scratch, &matches)
      }
      if matches.count - before > 1 {
        matches[before...].sort { ($0.end, $0.cue) < ($1.end, $1.cue) }
      }
    }
  }

  /// Whether a class state takes `token`: `*` (all bits set) takes any word, even one of no class.
  @inline(__always) private static func accepts(_ token: Token, _ bits: UInt64) -> Bool {
    bits == ~UInt64(0) || token.classes & bits != 0
  }

  /// Reusable sets of live states for one pattern at a time.
  private struct Scratch {
    var current: [Int32] = []
    var next: [Int32] = []
    var stack: [Int32] = []
    /// Per state (relative to the pattern's first), the step it was last added in.
    var mark: [Int32]
    var step: Int32 = 0

    init(width: Int) { mark = [Int32](repeating: -1, count: max(1, width)) }

    /// Adds `state` and every state reachable from it without taking a word (word-taking states
    /// only) to the next set, or to the current one; returns whether the accepting state was
    /// reached.
    @inline(__always) mutating func add(
      _ state: Int32, base: Int32, _ states: [State], toNext: Bool
    ) -> Bool {
      var accepted = false
      stack.append(state)
      while let s = stack.popLast() {
        let k = Int(s - base)
        guard mark[k] != step else { continue }
        mark[k] = step
        switch states[Int(s)] {
        case .fork(let a, let b):
          stack.append(b)
          stack.append(a)
        case .jump(let a): stack.append(a)
        case .accept: accepted = true
        case .stem, .wordClass:
          if toNext { next.append(s) } else { current.append(s) }
        }
      }
      return accepted
    }
  }

  /// Runs cue `cue` from token `i`, reporting each end at which it accepts.
  private func run(
    _ cue: Int32, from i: Int, _ tokens: [Token], _ scratch: inout Scratch,
    _ matches: inout [Match]
  ) {
    let c = cues[Int(cue)]
    let base = Int32(c.states.lowerBound)
    scratch.current.removeAll(keepingCapacity: true)
    scratch.step += 1
    if scratch.step == Int32.max {
      scratch.step = 1
      for k in scratch.mark.indices { scratch.mark[k] = -1 }
    }
    var accepted = scratch.add(base, base: base, states, toNext: false)
    let sentence = tokens[i].sentence
    var j = i
    while j < tokens.count, !scratch.current.isEmpty {
      let token = tokens[j]
      if j > i {
        if token.sentence != sentence { break }
        if token.has(Token.afterPunctuation), !c.crossesPunctuation { break }
      }
      scratch.step += 1
      scratch.next.removeAll(keepingCapacity: true)
      accepted = false
      for s in scratch.current {
        switch states[Int(s)] {
        case .stem(let stem, let next) where stem == token.stem:
          accepted = scratch.add(next, base: base, states, toNext: true) || accepted
        case .wordClass(let bits, let next) where Self.accepts(token, bits):
          accepted = scratch.add(next, base: base, states, toNext: true) || accepted
        default: break
        }
      }
      swap(&scratch.current, &scratch.next)
      j += 1
      if accepted { matches.append(Match(cue: cue, first: Int32(i), end: Int32(j))) }
    }
  }

  /// Compiles a pattern's parts into states (Thompson's construction, built back to front: each
  /// part is compiled knowing the state that follows it).
  private struct Builder {
    let base: Int
    let tokenizer: Tokenizer
    var states: [State] = []

    struct Failure: Error { var message: String }

    init(base: Int, tokenizer: Tokenizer) {
      self.base = base
      self.tokenizer = tokenizer
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
        var stems: [UInt64] = []
        tokenizer.appendStems(of: Array(text.utf8), to: &stems)
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
