/// A cue written as a small grammar: alternatives in parentheses and optional words in brackets,
/// expanded into the plain phrases the matcher compiles.
///
/// ```
/// (does|would|will) (that|this) (work|help) [for you]
/// ```
/// stands for the twelve phrases "does that work", "does that work for you", … "will this help
/// for you". Inside either kind of group, `|` separates alternatives, each of any number of
/// words (an empty one is allowed: `(a|)` is the same as `[a]`), and groups nest. Words,
/// `{class}` and `*` inside are kept as they are.
enum CuePattern {
  /// The most phrases one pattern may stand for; a larger one is refused, so a typo such as a
  /// long chain of optional groups cannot blow up the lexicon.
  static let maximumExpansion = 256

  /// The phrases `pattern` stands for, in the order its alternatives are written, with runs of
  /// spaces collapsed; or a message saying why it is malformed.
  static func expand(_ pattern: String) -> Result<[String], Problem> {
    guard pattern.contains(where: { "([|])".contains($0) }) else { return .success([pattern]) }
    var parser = Parser(scalars: Array(pattern.unicodeScalars))
    do {
      let alternatives = try parser.sequence(closing: nil)
      var phrases: [String] = []
      var seen = Set<String>()
      for words in alternatives {
        let phrase = words.joined(separator: " ")
        guard !phrase.isEmpty else { continue }
        if seen.insert(phrase).inserted { phrases.append(phrase) }
      }
      guard !phrases.isEmpty else { throw Problem.empty }
      return .success(phrases)
    } catch let problem as Problem {
      return .failure(problem)
    } catch {
      return .failure(.empty)
    }
  }

  /// Why a pattern cannot be expanded.
  enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case unclosed(Character)
    case unexpected(Character)
    case tooMany(Int)
    case empty

    var description: String {
      switch self {
      case .unclosed(let c): "`\(c)` is never closed"
      case .unexpected(let c): "`\(c)` closes nothing"
      case .tooMany(let n): "stands for more than \(n) phrases: split it into several cues"
      case .empty: "stands for no words at all"
      }
    }
  }

  private struct Parser {
    let scalars: [Unicode.Scalar]
    var index = 0

    /// A sequence of words and groups up to `closing` (or the end); returns every way of reading
    /// it, each as a list of words. A `|` at this level ends one alternative and starts another.
    mutating func sequence(closing: Unicode.Scalar?) throws -> [[String]] {
      var alternatives: [[String]] = []
      var current: [[String]] = [[]]
      var word = ""
      func flushWord() {
        guard !word.isEmpty else { return }
        current = current.map { $0 + [word] }
        word = ""
      }
      while index < scalars.count {
        let c = scalars[index]
        index += 1
        switch c {
        case "(", "[":
          flushWord()
          let inner = try sequence(closing: c == "(" ? ")" : "]")
          let options = c == "[" ? inner + [[]] : inner
          var product: [[String]] = []
          for prefix in current {
            for option in options { product.append(prefix + option) }
          }
          current = product
          if current.count > CuePattern.maximumExpansion {
            throw Problem.tooMany(CuePattern.maximumExpansion)
          }
        case ")", "]":
          guard c == closing else { throw Problem.unexpected(Character(c)) }
          flushWord()
          return alternatives + current
        case "|":
          flushWord()
          alternatives += current
          current = [[]]
        case " ", "\t":
          flushWord()
        default:
          word.unicodeScalars.append(c)
        }
        if alternatives.count + current.count > CuePattern.maximumExpansion {
          throw Problem.tooMany(CuePattern.maximumExpansion)
        }
      }
      if let closing {
        throw Problem.unclosed(closing == ")" ? "(" : "[")
      }
      flushWord()
      return alternatives + current
    }
  }
}
