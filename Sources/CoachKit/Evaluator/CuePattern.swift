/// A cue written as a small grammar over words: alternatives in parentheses, optional parts in
/// brackets, word classes in braces and `*` for any one word.
///
/// ```
/// (does|would|will) (that|this) [plan] (work|help) [for you]
/// (that|this) (sounds|must be) [{intensifier}] {affect}
/// ```
/// Inside either kind of group `|` separates alternatives of any number of words (an empty one
/// is allowed: `(a|)` is the same as `[a]`), and groups nest. ``CueMatcher`` compiles a pattern
/// into a small automaton, so a pattern with many alternatives costs no more than its parts.
enum CuePattern {
  /// How deeply groups may nest; deeper is refused (scripts are untrusted input).
  static let maximumDepth = 8
  /// How many words a pattern may have in all, counting every alternative.
  static let maximumParts = 400

  /// One part of a pattern.
  indirect enum Part: Hashable, Sendable {
    /// Plain words, matched on their stems (`does that work`).
    case words(String)
    /// `{name}`: any word of a lexicon class.
    case wordClass(String)
    /// `*`: any one word.
    case any
    /// `(a|b)` or, optional, `[a|b]`: one of the alternatives, each a sequence of parts.
    case group([[Part]], optional: Bool)
  }

  /// Why a pattern cannot be compiled.
  enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case unclosed(Character)
    case unexpected(Character)
    case tooDeep
    case tooLong
    case empty
    case punctuation(String)

    var description: String {
      switch self {
      case .unclosed(let c): "`\(c)` is never closed"
      case .unexpected(let c): "`\(c)` closes nothing"
      case .tooDeep: "groups nest more than \(CuePattern.maximumDepth) deep"
      case .tooLong: "has more than \(CuePattern.maximumParts) words: split it into several cues"
      case .empty: "can match no words at all"
      case .punctuation(let word):
        "`\(word)` is not a word: cues match words, and punctuation is never part of one"
      }
    }
  }

  /// The parts of `pattern`, or why it is malformed. A pattern that could match no words (`[a]`)
  /// is refused.
  static func parse(_ pattern: String) -> Result<[Part], Problem> {
    var parser = Parser(scalars: Array(pattern.unicodeScalars))
    do {
      let alternatives = try parser.sequence(closing: nil, depth: 0)
      let parts =
        alternatives.count == 1 ? alternatives[0] : [Part.group(alternatives, optional: false)]
      return canBeEmpty(parts) ? .failure(.empty) : .success(parts)
    } catch let problem as Problem {
      return .failure(problem)
    } catch {
      return .failure(.empty)
    }
  }

  /// Whether a sequence of parts can match no word.
  static func canBeEmpty(_ parts: [Part]) -> Bool {
    parts.allSatisfy { part in
      switch part {
      case .words(let w): w.isEmpty
      case .wordClass, .any: false
      case .group(let alternatives, let optional):
        optional || alternatives.contains(where: canBeEmpty)
      }
    }
  }

  private struct Parser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var words = 0

    /// Alternatives up to `closing` (or the end), each a sequence of parts.
    mutating func sequence(closing: Unicode.Scalar?, depth: Int) throws -> [[Part]] {
      guard depth <= CuePattern.maximumDepth else { throw Problem.tooDeep }
      var alternatives: [[Part]] = []
      var current: [Part] = []
      var word = ""
      var run = ""
      func flushWord() throws {
        guard !word.isEmpty else { return }
        words += 1
        if words > CuePattern.maximumParts { throw Problem.tooLong }
        if word == "*" {
          flushRun()
          current.append(.any)
        } else if word.count > 2, word.hasPrefix("{"), word.hasSuffix("}") {
          flushRun()
          current.append(.wordClass(String(word.dropFirst().dropLast())))
        } else if !word.unicodeScalars.contains(where: {
          $0.properties.isAlphabetic || $0.properties.numericType != nil
        }) {
          throw Problem.punctuation(word)
        } else {
          run += run.isEmpty ? word : " " + word
        }
        word = ""
      }
      func flushRun() {
        guard !run.isEmpty else { return }
        current.append(.words(run))
        run = ""
      }
      while index < scalars.count {
        let c = scalars[index]
        index += 1
        switch c {
        case "(", "[":
          try flushWord()
          flushRun()
          let inner = try sequence(closing: c == "(" ? ")" : "]", depth: depth + 1)
          current.append(.group(inner, optional: c == "["))
        case ")", "]":
          guard c == closing else { throw Problem.unexpected(Character(c)) }
          try flushWord()
          flushRun()
          return alternatives + [current]
        case "|":
          try flushWord()
          flushRun()
          alternatives.append(current)
          current = []
        case " ", "\t", "\n", "\r":
          try flushWord()
        default:
          word.unicodeScalars.append(c)
        }
      }
      if let closing { throw Problem.unclosed(closing == ")" ? "(" : "[") }
      try flushWord()
      flushRun()
      return alternatives + [current]
    }
  }
}
