/// Parses the YAML subset scripts are written in into a ``Node`` tree.
///
/// The scenario language is a strict subset of YAML 1.2: every file the parser accepts means
/// exactly what YAML 1.2 says it means, with every scalar a string. What falls outside the subset
/// is refused with a diagnostic, never read differently.
///
/// ## Accepted
///
/// - Block mappings and sequences, including the compact forms `- key: value` and `- - item`,
///   and a sequence written at the same indentation as its key.
/// - Plain, single-quoted and double-quoted scalars, over several lines with YAML's line
///   folding; every YAML 1.2 double-quoted escape (`\0 \a \b \t \n \v \f \r \e \" \/ \\ \N \_ \L
///   \P \xXX \uXXXX \UXXXXXXXX`, an escaped space or tab, and escaped line breaks).
/// - `|` and `>` block scalars with chomping (`-`, `+`) and an indentation digit (`|2-`).
/// - Flow sequences and mappings, on one line or several, nested, with a trailing comma, and
///   single-pair mappings inside sequences (`[a: b]`).
/// - Comments wherever YAML allows them, empty values (`key:`, read as an empty string), a
///   leading `---`, a trailing `...`, a byte order mark at the very start, and a scalar or a
///   sequence as the document's root.
///
/// ## Refused, each with its own code
///
/// | code | problem |
/// | --- | --- |
/// | Y001 | invalid UTF-8 (the diagnostic points at the byte) |
/// | Y002 | NUL and other control characters (C0 but tab and line breaks, DEL, C1), U+FFFE/U+FFFF |
/// | Y003 | a byte order mark anywhere but the start |
/// | Y004 | a line longer than ``Limits/maxLineLength`` bytes |
/// | Y005 | a tab in indentation |
/// | Y006 | nesting deeper than ``Limits/maxDepth`` |
/// | Y007 | a duplicate key (with "first defined here") |
/// | Y008, Y009, Y010 | anchors `&`, aliases `*`, tags `!` |
/// | Y011 | directives `%` |
/// | Y012 | a second document, or text after `...` |
/// | Y013 | explicit keys `? ` |
/// | Y014 | a list or mapping used as a key |
/// | Y015 | a line indented less than its siblings but more than its parent |
/// | Y016 | a line indented more than anything open allows |
/// | Y017 | a line in a mapping that is not `key: value` |
/// | Y018 | `key: value` where only a value may start (`a: b: c`) |
/// | Y019 | `- ` where only a value may start (`key: - a`), or a collection on the `---` line |
/// | Y020 | a key over several lines (but in `{ }`), or a continuation line like `key: value` |
/// | Y021 | an unclosed quote |
/// | Y022 | an invalid escape |
/// | Y023 | an unclosed `[` or `{` |
/// | Y024 | an unexpected character or an empty entry inside `[ ]` or `{ }` |
/// | Y025 | an invalid `|` or `>` header (an indentation digit at the top level included) |
/// | Y026 | a blank line before a block scalar's text with more spaces than the text |
/// | Y027 | a reserved character (`@`, `` ` ``, `%`, `|`, `>`, `]` …) starting a plain value |
/// | Y028 | a comment with no space before `#` |
/// | Y029 | text after a complete value |
/// | Y030 | an empty key (`: value`) |
/// | Y031 | in `[ ]` / `{ }`, `:` before `,` `]` `}`, or `:` / `?` starting a value (`[?a]`) |
/// | Y032 | `- ` items mixed with `key:` entries |
/// | Y033 | a continuation line of a quoted or flow value indented too little |
/// | Y034 | a key longer than 1024 characters |
///
/// Locations are 1-based; **columns count Unicode scalars** and offsets are UTF-8 bytes (see
/// ``SourceLocation``).
///
/// The parser collects diagnostics rather than stopping at the first: after a problem it skips
/// to the next line at the enclosing indentation, reports at most one problem per line, and
/// stops after 20. It never traps and never recurses without checking the depth limit first.
///
/// ```swift
/// let tree = SyntaxParser.parse(SourceFile(path: "a.coach.yaml", text: "mood: 8\n"))
/// tree.root?.json  // {"mood": "8"}
/// ```
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
  ///
  /// When there are errors, `root` holds what could be read around them (the lines that were
  /// skipped are missing), or `nil`.
  public static func parse(_ source: SourceFile, limits: Limits = .default) -> SyntaxTree {
    source.bytes.withUnsafeBufferPointer { buffer in
      var diagnostics: [Diagnostic] = []
      let ascii = SourceCheck.run(buffer, source: source, limits: limits, diagnostics: &diagnostics)
      var scanner = SyntaxScanner(bytes: buffer, source: source, limits: limits, asciiLines: ascii)
      let root = scanner.parseDocument()
      diagnostics += scanner.diagnostics
      return SyntaxTree(root: root, diagnostics: diagnostics.sortedBySource())
    }
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
