/// One problem found in a script: where it is, what is wrong, and how to fix it.
///
/// Diagnostics are data. They are collected (never thrown) by the parser and the validators and
/// turned into text by ``DiagnosticRenderer`` or into JSON by ``Diagnostic/json``.
public struct Diagnostic: Hashable, Sendable {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable, Comparable {
    case error
    case warning
    case note

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }
  }

  /// A secondary place in the source, with a short label ("first defined here").
  public struct Label: Hashable, Sendable {
    public var span: SourceSpan
    public var message: String

    public init(_ span: SourceSpan, _ message: String) {
      self.span = span
      self.message = message
    }
  }

  public var severity: Severity
  /// A stable code such as `Y012` (syntax) or `S003` (scenario schema).
  public var code: String
  /// A lowercase message that stands on its own, with source text in backticks.
  public var message: String
  /// The primary place; `nil` only for problems with the file as a whole.
  public var span: SourceSpan?
  /// The label printed under the primary underline ("expected 6 spaces, found 5").
  public var label: String?
  /// Related places, such as where a block started or a key was first defined.
  public var related: [Label]
  /// The fix, or a did-you-mean.
  public var help: String?
  /// Why the rule exists, or other context.
  public var notes: [String]

  public init(
    _ severity: Severity, code: String, message: String, span: SourceSpan?,
    label: String? = nil, related: [Label] = [], help: String? = nil, notes: [String] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.span = span
    self.label = label
    self.related = related
    self.help = help
    self.notes = notes
  }

  /// An error diagnostic.
  public static func error(
    _ code: String, _ message: String, at span: SourceSpan?, label: String? = nil,
    related: [Label] = [], help: String? = nil, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(
      .error, code: code, message: message, span: span, label: label, related: related,
      help: help, notes: notes)
  }

  /// A warning diagnostic.
  public static func warning(
    _ code: String, _ message: String, at span: SourceSpan?, label: String? = nil,
    related: [Label] = [], help: String? = nil, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(
      .warning, code: code, message: message, span: span, label: label, related: related,
      help: help, notes: notes)
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics in source order (those without a location first), stable for equal places.
  public func sortedBySource() -> [Diagnostic] {
    enumerated().sorted { lhs, rhs in
      let l = lhs.element.span?.start.offset ?? -1
      let r = rhs.element.span?.start.offset ?? -1
      return l != r ? l < r : lhs.offset < rhs.offset
    }.map(\.element)
  }
}
