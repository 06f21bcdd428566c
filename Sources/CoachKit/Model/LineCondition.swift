/// A condition under which the customer may say a line (a variant's `when:`), so that a line
/// that presupposes something (an offer made, a feeling named, a fact told, a time given) is
/// said only when it holds. A variant with conditions is said only when every one holds.
///
/// Written `knows FACT`, `offered OPTION`, `offered`, `accepted`, `summary`, `feeling-named` or
/// `time-given`, each optionally after `not ` (`not knows occasion`).
public struct LineCondition: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// The rep knows this fact (it has come out).
    case knows(String)
    /// This option has been offered; with no id, any option has.
    case offered(String?)
    /// An option was accepted.
    case accepted
    /// The rep has given a summary.
    case summary
    /// The reply being answered named a feeling.
    case feelingNamed
    /// The reply being answered gave a time or a day.
    case timeGiven
  }

  public var kind: Kind
  /// Written with `not `: the line is said only when the condition does not hold.
  public var negated: Bool
  public var span: SourceSpan

  public init(_ kind: Kind, negated: Bool = false, span: SourceSpan) {
    self.kind = kind
    self.negated = negated
    self.span = span
  }

  /// The words a condition starts with (after an optional `not`), each with the id it takes:
  /// `knows` must name a fact, `offered` may name an option.
  static let words: [(word: String, id: IDArgument)] = [
    ("knows", .required("FACT")), ("offered", .optional("OPTION")), ("accepted", .none),
    ("summary", .none), ("feeling-named", .none), ("time-given", .none),
  ]

  enum IDArgument: Equatable {
    case none
    case optional(String)
    case required(String)
  }

  /// Every way a condition is written (`knows FACT`, `offered OPTION`, `offered`, …).
  static let forms: [String] = words.flatMap { word, id in
    switch id {
    case .none: [word]
    case .optional(let noun): ["\(word) \(noun)", word]
    case .required(let noun): ["\(word) \(noun)"]
    }
  }

  /// How conditions are written, in one line for people.
  static let howWritten =
    forms.dropLast().map { "`\($0)`" }.joined(separator: ", ") + " or `\(forms.last!)`, "
    + "each optionally after `not`"

  /// A regular expression for the conditions (for the schema).
  static let pattern: String = {
    let id = "[a-z][a-z0-9-]*"
    let alternatives = words.map { word, argument in
      switch argument {
      case .none: word
      case .optional: "\(word)( \(id))?"
      case .required: "\(word) \(id)"
      }
    }
    return "^(not )?(\(alternatives.joined(separator: "|")))$"
  }()

  /// Reads one condition; reports what is wrong with it (with a did-you-mean for an unknown
  /// word) and returns `nil` then.
  static func parse(_ phrase: Phrase, sink: DiagnosticSink) -> LineCondition? {
    var words = phrase.text.split(separator: " ").map(String.init)
    let negated = words.first == "not"
    if negated { words.removeFirst() }
    guard let word = words.first else {
      sink.append(LineConditionMessage.empty(phrase))
      return nil
    }
    guard let (_, argument) = Self.words.first(where: { $0.word == word }) else {
      sink.append(LineConditionMessage.unknownWord(phrase, word: word))
      return nil
    }
    let id = words.count > 1 ? words[1] : nil
    guard words.count <= 2, argument != .none || id == nil else {
      sink.append(LineConditionMessage.extraWords(phrase, word: word, takes: argument))
      return nil
    }
    if case .required(let noun) = argument, id == nil {
      sink.append(LineConditionMessage.missingID(phrase, word: word, noun: noun))
      return nil
    }
    if let id, !IDs.isValid(id) {
      let scalar = Node.Scalar(value: id, style: .plain, span: phrase.span)
      sink.append(SchemaMessage.invalidID(scalar, what: word == "knows" ? "fact" : "option"))
      return nil
    }
    let kind: Kind =
      switch word {
      case "knows": .knows(id!)
      case "offered": .offered(id)
      case "accepted": .accepted
      case "summary": .summary
      case "feeling-named": .feelingNamed
      default: .timeGiven
      }
    return LineCondition(kind, negated: negated, span: phrase.span)
  }
}

/// The diagnostics of a line's `when:` conditions (code `S024`).
enum LineConditionMessage {
  static let help = "a condition is " + LineCondition.howWritten

  static func empty(_ phrase: Phrase) -> Diagnostic {
    .error(
      "S024", "`\(phrase.text)` is not a line condition", at: phrase.span,
      label: "no condition after `not`", help: help)
  }

  static func unknownWord(_ phrase: Phrase, word: String) -> Diagnostic {
    .error(
      "S024", "`\(phrase.text)` is not a line condition", at: phrase.span,
      label: "unknown condition `\(word)`",
      help: Suggestions.closest(to: word, in: LineCondition.words.map(\.word) + ["not"])
        .map { "did you mean `\($0)`?" } ?? help)
  }

  static func extraWords(_ phrase: Phrase, word: String, takes argument: LineCondition.IDArgument)
    -> Diagnostic
  {
    let noun: String? =
      switch argument {
      case .none: nil
      case .optional(let noun), .required(let noun): noun
      }
    return .error(
      "S024", "`\(phrase.text)` is not a line condition", at: phrase.span,
      label: noun == nil ? "`\(word)` takes no id" : "`\(word)` takes one id",
      help: "write one condition per item: `when: [\(word)\(noun.map { " " + $0 } ?? ""), …]`")
  }

  static func missingID(_ phrase: Phrase, word: String, noun: String) -> Diagnostic {
    .error(
      "S024", "`\(phrase.text)` needs a \(noun.lowercased()) id", at: phrase.span,
      label: "`\(word)` names a \(noun.lowercased()) of this script",
      help: "write `\(word) \(noun)`, with the id of one of the script's \(noun.lowercased())s")
  }
}
