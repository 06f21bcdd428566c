/// A position in a ``SourceFile``.
///
/// Lines and columns are 1-based. **Columns count Unicode scalars** from the start of the line
/// (so `é` written as one scalar is one column, a tab is one column, and an emoji made of several
/// scalars is several). The byte offset is the exact UTF-8 offset into the file.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// UTF-8 byte offset from the start of the file.
  public var offset: Int
  /// 1-based line number.
  public var line: Int
  /// 1-based column, counted in Unicode scalars.
  public var column: Int

  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    lhs.offset < rhs.offset
  }

  public var description: String { "\(line):\(column)" }
}

/// A half-open range of source text: from `start` up to, not including, `end`.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
  public var start: SourceLocation
  public var end: SourceLocation

  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }

  /// An empty span at one location.
  public init(at location: SourceLocation) {
    self.init(start: location, end: location)
  }

  /// Whether the span covers no text.
  public var isEmpty: Bool { start.offset >= end.offset }

  public var description: String { "\(start)-\(end)" }
}
