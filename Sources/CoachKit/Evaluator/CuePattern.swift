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
    /// `(a )?b`: a regular expression's `?`, which cue patterns do not have.
    case questionMark

    var description: String {
      switch self {
      case .unclosed(let c): "`\(c)` is never closed"
      case .unexpected(let c): "`\(c)` closes nothing"
      case .tooDeep: "groups nest more than \(CuePattern.maximumDepth) deep"
      case .tooLong: "has more than \(CuePattern.maximumParts) words: split it into several cues"
      case .empty: "can match no words at all"
      case .punctuation(let word):
        "`\(word)` is not a word: cues match words, and punctuation is never part of one"
      case .questionMark:
        "`?` makes nothing optional: put optional words in brackets, `[really]`"
      }
    }
  }

  /// The parts of `pattern`, or why it is malformed. A pattern that could match no words (`[a]`)
  /// is refused.
  static func parse(_ pattern: String) -> Result<[Part], Problem> {
    var parser = Parser(bytes: Array(pattern.utf8))
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

  /// Reads a pattern's UTF-8 bytes. Every character that shapes a pattern (brackets, `|`,
  /// spaces) is ASCII, and UTF-8 never uses an ASCII byte inside another character, so words are
  /// cut out of the bytes whole rather than built up character by character.
  private struct Parser {
    let bytes: [UInt8]
    var index = 0
    var words = 0

    /// Alternatives up to `closing` (or the end), each a sequence of parts.
    mutating func sequence(closing: UInt8?, depth: Int) throws -> [[Part]] {
      guard depth <= CuePattern.maximumDepth else { throw Problem.tooDeep }
      var alternatives: [[Part]] = []
      var current: [Part] = []
      /// Where the word being read starts, if one is.
      var wordStart: Int?
      var run = ""
      func flushWord(upTo end: Int) throws {
        guard let start = wordStart else { return }
        wordStart = nil
        words += 1
        if words > CuePattern.maximumParts { throw Problem.tooLong }
        let slice = bytes[start..<end]
        if slice.count == 1, slice.first == UInt8(ascii: "*") {
          flushRun()
          current.append(.any)
          return
        }
        // A `?` is never part of a word, so a word with one could never match ("(really )?be",
        // "refund?"); one right after a group is a regular expression's ("(really)? be").
        if slice.contains(UInt8(ascii: "?")),
          slice.count > 1
            || (start > 0 && [UInt8(ascii: ")"), UInt8(ascii: "]")].contains(bytes[start - 1]))
        {
          throw Problem.questionMark
        }
        let word = String(decoding: slice, as: UTF8.self)
        // `{name}`: only a word whose first byte is `{` can start with the character `{`.
        if slice.first == UInt8(ascii: "{"), word.count > 2, word.hasPrefix("{"),
          word.hasSuffix("}")
        {
          flushRun()
          current.append(.wordClass(String(word.dropFirst().dropLast())))
        } else if !slice.contains(where: Self.isASCIILetterOrDigit),
          !word.unicodeScalars.contains(where: {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
          })
        {
          throw Problem.punctuation(word)
        } else {
          run += run.isEmpty ? word : " " + word
        }
      }
      func flushRun() {
        guard !run.isEmpty else { return }
        current.append(.words(run))
        run = ""
      }
      while index < bytes.count {
        let c = bytes[index]
        let here = index
        index += 1
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["):
          try flushWord(upTo: here)
          flushRun()
          let inner = try sequence(
            closing: c == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]"),
            depth: depth + 1)
          current.append(.group(inner, optional: c == UInt8(ascii: "[")))
        case UInt8(ascii: ")"), UInt8(ascii: "]"):
          guard c == closing else { throw Problem.unexpected(Character(Unicode.Scalar(c))) }
          try flushWord(upTo: here)
          flushRun()
          return alternatives + [current]
        case UInt8(ascii: "|"):
          try flushWord(upTo: here)
          flushRun()
          alternatives.append(current)
          current = []
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
          try flushWord(upTo: here)
        default:
          if wordStart == nil { wordStart = here }
        }
      }
      if let closing { throw Problem.unclosed(closing == UInt8(ascii: ")") ? "(" : "[") }
      try flushWord(upTo: bytes.count)
      flushRun()
      return alternatives + [current]
    }

    private static func isASCIILetterOrDigit(_ b: UInt8) -> Bool {
      (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }
  }
}
