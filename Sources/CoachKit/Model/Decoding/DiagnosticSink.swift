/// Collects diagnostics while a script is decoded and validated.
///
/// Decoding never stops at the first problem: every check appends here and goes on, so an author
/// sees all the problems in a file at once.
public final class DiagnosticSink {
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  public func append(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

  public var hasErrors: Bool { diagnostics.hasErrors }
}
