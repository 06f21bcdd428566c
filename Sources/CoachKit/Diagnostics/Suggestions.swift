/// "Did you mean" suggestions for misspelt names.
public enum Suggestions {
  /// The candidate closest to `name` within an edit distance of 2 (1 for names of 4 or fewer
  /// characters), comparing case-insensitively; `nil` when none is close enough.
  public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased().unicodeScalars)
    let limit = target.count <= 4 ? 1 : 2
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
      if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// A help line: "did you mean `x`?", or the list of choices when there are five or fewer.
  public static func help(for name: String, in candidates: [String], noun: String = "one")
    -> String?
  {
    if let match = closest(to: name, in: candidates) { return "did you mean `\(match)`?" }
    if candidates.isEmpty { return nil }
    if candidates.count <= 5 {
      let list = candidates.map { "`\($0)`" }.joined(separator: ", ")
      return "expected \(candidates.count == 1 ? "" : "one of ")\(list)"
    }
    return nil
  }

  /// Damerau–Levenshtein (optimal string alignment) distance between two scalar arrays.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = Swift.min(value, previous2[j - 2] + 1)
        }
        current[j] = value
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
