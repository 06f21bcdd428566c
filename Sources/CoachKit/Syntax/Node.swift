/// A node of the syntax tree of a script: what the YAML subset means, with every node's place in
/// the source.
///
/// Every scalar is a string: the schema decides later whether a scalar is read as a number or a
/// boolean. Mapping keys are scalars; mapping entries keep document order.
public enum Node: Hashable, Sendable {
  case scalar(Scalar)
  case sequence(Sequence)
  case mapping(Mapping)

  /// The whole source range of the node.
  public var span: SourceSpan {
    switch self {
    case .scalar(let scalar): scalar.span
    case .sequence(let sequence): sequence.span
    case .mapping(let mapping): mapping.span
    }
  }

  /// How a scalar was written.
  public enum ScalarStyle: String, Hashable, Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    /// A `|` block scalar.
    case literal
    /// A `>` block scalar.
    case folded
  }

  /// Whether a collection was written in block style (indentation) or flow style (`[…]`, `{…}`).
  public enum CollectionStyle: String, Hashable, Sendable {
    case block
    case flow
  }

  /// A scalar: its value after YAML's quoting, escaping and folding rules, as a string.
  public struct Scalar: Hashable, Sendable {
    public var value: String
    public var style: ScalarStyle
    public var span: SourceSpan

    public init(value: String, style: ScalarStyle, span: SourceSpan) {
      self.value = value
      self.style = style
      self.span = span
    }

    /// Whether the scalar is an empty plain scalar: a key written with no value (`key:`), which
    /// YAML reads as null.
    public var isEmptyPlain: Bool { style == .plain && value.isEmpty }
  }

  /// A sequence of nodes.
  public struct Sequence: Hashable, Sendable {
    public var items: [Node]
    public var style: CollectionStyle
    public var span: SourceSpan

    public init(items: [Node], style: CollectionStyle, span: SourceSpan) {
      self.items = items
      self.style = style
      self.span = span
    }
  }

  /// A mapping from scalar keys to nodes, in document order, with no duplicate keys.
  public struct Mapping: Hashable, Sendable {
    public var entries: [Entry]
    public var style: CollectionStyle
    public var span: SourceSpan

    public init(entries: [Entry], style: CollectionStyle, span: SourceSpan) {
      self.entries = entries
      self.style = style
      self.span = span
    }

    /// The value for `key`, if present.
    public subscript(key: String) -> Node? {
      entries.first { $0.key.value == key }?.value
    }
  }

  /// One `key: value` entry of a mapping.
  public struct Entry: Hashable, Sendable {
    public var key: Scalar
    public var value: Node

    public init(key: Scalar, value: Node) {
      self.key = key
      self.value = value
    }
  }
}

extension Node {
  /// What the node means as JSON: mappings become objects in document order, sequences arrays,
  /// and every scalar a string (an empty value is the empty string).
  public var json: JSONValue {
    switch self {
    case .scalar(let scalar): .string(scalar.value)
    case .sequence(let sequence): .array(sequence.items.map(\.json))
    case .mapping(let mapping): .object(mapping.entries.map { ($0.key.value, $0.value.json) })
    }
  }

  /// A word for the kind of node, for messages: "a mapping", "a list", "text".
  public var kindDescription: String {
    switch self {
    case .scalar(let scalar): scalar.isEmptyPlain ? "nothing" : "text"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }
}
