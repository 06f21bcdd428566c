/// A position in a ``SourceFile``.
///
/// Lines and columns are 1-based. **Columns count Unicode scalars** from the start of the line
/// (so `é` written as one scalar is one column, a tab is one column, and an emoji made of several
/// scalars is several). The byte offset is the exact UTF-8 offset into the file.
///
/// The three numbers are stored in 32 bits each, which keeps every node of a syntax tree small
/// (each has a span of two locations); beyond 4 GiB of source they saturate rather than wrap.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  private var storedOffset: UInt32
  private var storedLine: UInt32
  private var storedColumn: UInt32

  /// UTF-8 byte offset from the start of the file.
  public var offset: Int {
    get { Int(storedOffset) }
    set { storedOffset = UInt32(clamping: newValue) }
  }
  /// 1-based line number.
  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = UInt32(clamping: newValue) }
  }
  /// 1-based column, counted in Unicode scalars.
  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = UInt32(clamping: newValue) }
  }

  public init(offset: Int, line: Int, column: Int) {
    storedOffset = UInt32(clamping: offset)
    storedLine = UInt32(clamping: line)
    storedColumn = UInt32(clamping: column)
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    lhs.storedOffset < rhs.storedOffset
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
