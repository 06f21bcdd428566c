/// Parses the YAML subset scripts are written in into a ``Node`` tree.
///
/// PLACEHOLDER: the real parser replaces this file. The API is fixed:
/// `SyntaxParser.parse(_:) -> SyntaxTree`, collecting diagnostics rather than throwing.
public enum SyntaxParser {
  /// Limits that keep hostile input from exhausting the machine.
  public struct Limits: Sendable {
    /// Deepest nesting of collections.
    public var maxDepth: Int
    /// Longest line, in bytes.
    public var maxLineLength: Int

    public init(maxDepth: Int = 64, maxLineLength: Int = 10_000) {
      self.maxDepth = maxDepth
      self.maxLineLength = maxLineLength
    }

    public static let `default` = Limits()
  }

  /// Parses one file. Never throws and never traps: problems become diagnostics.
  public static func parse(_ source: SourceFile, limits: Limits = .default) -> SyntaxTree {
    SyntaxTree(root: nil, diagnostics: [])
  }
}

/// The result of parsing a file: the root node (`nil` for an empty file or one too broken to
/// read) and every syntax diagnostic, in source order.
public struct SyntaxTree: Sendable {
  public var root: Node?
  public var diagnostics: [Diagnostic]

  public init(root: Node?, diagnostics: [Diagnostic]) {
    self.root = root
    self.diagnostics = diagnostics
  }
}
