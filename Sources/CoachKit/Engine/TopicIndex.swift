/// What each of a scenario's facts (or options) is about, as weighted word stems, so that the
/// content of a question (or an offer) can be matched to the one it is most about.
///
/// A fact's own words are the content words of its `asked-by` phrases and `examples` (weight 2);
/// words of the same lexicon topic group as one of those count 0.6 ("trade" for "business"), as
/// do the content words of what the customer says when it comes out: one of the fact's own words,
/// or two related ones, reach the threshold. A word shared by several
/// facts is worth less to each (its weight is divided by how many share it), so the fact a
/// question is most specifically about wins. Words that ask about nothing in particular (the
/// lexicon's `topics.open`) are left out on both sides.
struct TopicIndex: Sendable {
  /// One fact or option and its words.
  struct Item: Sendable {
    var id: String
    /// Cue phrases and examples in the rep's words.
    var own: [String]
    /// What the customer says about it.
    var related: [String]
  }

  /// The least score that says a question or offer is about an item.
  static let threshold = 1.0

  private let ids: [String]
  private let weights: [[Tokenizer.Stem: Double]]
  /// Per item, the stems of its own words and their topic groups (not what the customer says).
  private let ownStems: [Set<Tokenizer.Stem>]
  /// Stems of words that ask about nothing in particular.
  let openStems: Set<Tokenizer.Stem>

  /// The lexicon's topic groups and open words as stems, worked out once per scenario and shared
  /// by its facts' and options' indexes.
  struct Groups: Sendable {
    let open: Set<Tokenizer.Stem>
    let byStem: [Tokenizer.Stem: [Int]]
    let stems: [Set<Tokenizer.Stem>]

    init(evaluator: Evaluator) {
      let topics = evaluator.lexicon.topics
      open = evaluator.stems(of: topics.openWords)
      var byStem: [Tokenizer.Stem: [Int]] = [:]
      var stems: [Set<Tokenizer.Stem>] = []
      for name in topics.groups.keys.sorted() {
        let group = evaluator.stems(of: topics.groups[name] ?? []).subtracting(open)
        for stem in group { byStem[stem, default: []].append(stems.count) }
        stems.append(group)
      }
      self.byStem = byStem
      self.stems = stems
    }
  }

  init(_ items: [Item], groups: Groups, evaluator: Evaluator) {
    let open = groups.open
    let groupsByStem = groups.byStem
    let groupStems = groups.stems
    var weights: [[Tokenizer.Stem: Double]] = []
    var ownStems: [Set<Tokenizer.Stem>] = []
    for item in items {
      var w: [Tokenizer.Stem: Double] = [:]
      func add(_ stem: Tokenizer.Stem, _ weight: Double) { w[stem] = max(w[stem] ?? 0, weight) }
      // One analysis for all of an item's phrases: each ends a sentence of its own.
      let own = evaluator.contentStems(
        of: item.own.map { Self.words(of: $0) }.joined(separator: ". "), excluding: open)
      for stem in own {
        add(stem, 2)
        for group in groupsByStem[stem] ?? [] {
          for other in groupStems[group] { add(other, 0.6) }
        }
      }
      ownStems.append(Set(w.keys))
      for stem in evaluator.contentStems(of: item.related.joined(separator: " "), excluding: open) {
        add(stem, 0.6)
      }
      weights.append(w)
    }
    // A word several items share says less about each.
    var sharing: [Tokenizer.Stem: Int] = [:]
    for w in weights { for stem in w.keys { sharing[stem, default: 0] += 1 } }
    self.weights = weights.map { w in
      Dictionary(uniqueKeysWithValues: w.map { ($0.key, $0.value / Double(sharing[$0.key] ?? 1)) })
    }
    self.ids = items.map(\.id)
    self.ownStems = ownStems
    self.openStems = open
  }

  /// The plain words of a cue phrase: its grammar (`(a|b)`, `[opt]`, `{class}`, `*`) dropped.
  static func words(of phrase: String) -> String {
    var out = ""
    var inClass = false
    for character in phrase {
      switch character {
      case "{": inClass = true
      case "}": inClass = false
      case "(", ")", "[", "]", "|", "*": out.append(" ")
      default: if !inClass { out.append(character) }
      }
    }
    return out
  }

  /// How much the content words `stems` are about each item, best first; only items at or above
  /// ``threshold``, ties in script order.
  func ranked(
    _ stems: [Tokenizer.Stem], bonus: [String: Double] = [:], needsOwnWord: Bool = false
  ) -> [(id: String, score: Double)] {
    var result: [(id: String, score: Double)] = []
    for (index, id) in ids.enumerated() {
      // With `needsOwnWord`, an item counts only when one of the words is its own (or of its
      // own words' topic groups), not only words of what the customer says about it.
      if needsOwnWord, !stems.contains(where: ownStems[index].contains) { continue }
      let score = stems.reduce(0) { $0 + (weights[index][$1] ?? 0) } + (bonus[id] ?? 0)
      if score >= Self.threshold { result.append((id, score)) }
    }
    return result.enumerated().sorted {
      $0.element.score != $1.element.score
        ? $0.element.score > $1.element.score : $0.offset < $1.offset
    }.map(\.element)
  }
}
