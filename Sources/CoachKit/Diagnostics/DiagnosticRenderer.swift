/// Turns diagnostics into the text a person reads.
///
/// The format follows rustc and Elm:
///
/// ```
/// Scripts/late.coach.yaml:9:11: error[S012]: unknown step `Understnad`
///    |
///  9 |     step: Understnad
///    |           ^^^^^^^^^^ not a step of the method
///    |
///    = help: did you mean `understand`?
/// ```
///
/// The first line is what editors and `grep` read. Source lines are shown with control
/// characters neutralised, so a hostile script cannot reach the terminal with escape codes.
/// Colour is optional and the output is complete without it.
public struct DiagnosticRenderer: Sendable {
  /// Whether to use ANSI colours.
  public var color: Bool

  public init(color: Bool = false) {
    self.color = color
  }

  /// Renders one diagnostic against its source file.
  public func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
    var out = ""
    let place = diagnostic.span.map { "\($0.start.line):\($0.start.column)" } ?? "1:1"
    let head =
      "\(diagnostic.severity.rawValue)[\(diagnostic.code)]"
    out += style(TerminalSafe.clean(source.path, keepNewlines: false) + ":" + place + ":", .bold)
    out += " " + style(head, diagnostic.severity == .error ? .red : .yellow) + ": "
    out += style(TerminalSafe.clean(diagnostic.message, keepNewlines: false), .bold) + "\n"

    // Lines to show: the primary one and each related label, in line order.
    struct Mark {
      var span: SourceSpan
      var message: String?
      var primary: Bool
    }
    var marks: [Mark] = []
    if let span = diagnostic.span, span.start.line <= source.lineCount {
      marks.append(Mark(span: span, message: diagnostic.label, primary: true))
    }
    for label in diagnostic.related where label.span.start.line <= source.lineCount {
      marks.append(Mark(span: label.span, message: label.message, primary: false))
    }
    marks.sort {
      ($0.span.start.line, $0.primary ? 1 : 0) < ($1.span.start.line, $1.primary ? 1 : 0)
    }
    let width = String(marks.map(\.span.start.line).max() ?? 1).count
    let pad = String(repeating: " ", count: width)
    let bar = style("|", .blue)

    if !marks.isEmpty {
      out += "\(pad) \(bar)\n"
      var previousLine = 0
      var excerpt: LineExcerpt?
      for mark in marks {
        let lineNumber = mark.span.start.line
        if previousLine != 0, lineNumber > previousLine + 1 {
          out += style("...", .blue) + "\n"
        }
        if lineNumber != previousLine {
          // A very long line is shown as a window around the first mark on it.
          let shown = LineExcerpt(source: source, line: lineNumber, focus: mark.span.start.column)
          excerpt = shown
          let number = String(lineNumber)
          let gutter = String(repeating: " ", count: width - number.count) + number
          out += style(gutter, .blue) + " \(bar) " + displayLine(shown) + "\n"
        }
        previousLine = lineNumber
        out += "\(pad) \(bar) " + underline(mark, excerpt!) + "\n"
      }
    }
    var footer: [String] = []
    if let help = diagnostic.help {
      footer.append("= " + style("help", .bold) + ": " + TerminalSafe.clean(help))
    }
    for note in diagnostic.notes {
      footer.append("= " + style("note", .bold) + ": " + TerminalSafe.clean(note))
    }
    if !footer.isEmpty {
      if !marks.isEmpty { out += "\(pad) \(bar)\n" }
      for line in footer { out += "\(pad) \(line)\n" }
    }
    return out

    func underline(_ mark: Mark, _ excerpt: LineExcerpt) -> String {
      let lineText = excerpt.scalars
      let first = excerpt.firstColumn
      let startColumn = max(first, mark.span.start.column)
      var endColumn: Int
      if mark.span.end.line == mark.span.start.line {
        endColumn = max(startColumn + 1, mark.span.end.column)
      } else {
        endColumn = max(startColumn + 1, first + lineText.count)
      }
      if excerpt.cutEnd { endColumn = min(endColumn, first + lineText.count) }
      // Leading whitespace reuses the line's own characters, so tabs line up.
      var lead = excerpt.cutStart ? " " : ""
      var index = 0
      while index < startColumn - first {
        if index < lineText.count {
          let scalar = lineText[index]
          if scalar == "\t" {
            lead += " "
          } else {
            lead += String(repeating: " ", count: cellWidth(scalar))
          }
        } else {
          lead += " "
        }
        index += 1
      }
      var cells = 0
      while index < endColumn - first {
        cells += index < lineText.count ? max(1, cellWidth(lineText[index])) : 1
        index += 1
      }
      let marker = String(repeating: mark.primary ? "^" : "-", count: max(1, cells))
      var text = style(
        marker, mark.primary ? (diagnostic.severity == .error ? .red : .yellow) : .blue)
      if let message = mark.message, !message.isEmpty {
        text +=
          " "
          + style(TerminalSafe.clean(message, keepNewlines: false), mark.primary ? .bold : .none)
      }
      return lead + text
    }
  }

  /// Renders many diagnostics for one file, in source order, up to `limit`, followed by a summary
  /// line such as `2 errors, 1 warning in Scripts/x.coach.yaml`.
  public func render(_ diagnostics: [Diagnostic], in source: SourceFile, limit: Int = 20) -> String
  {
    let sorted = diagnostics.sortedBySource()
    var out = ""
    for diagnostic in sorted.prefix(limit) {
      out += render(diagnostic, in: source) + "\n"
    }
    if sorted.count > limit {
      out += "... and \(sorted.count - limit) more not shown\n"
    }
    out += Self.summary(diagnostics, path: source.path) + "\n"
    return out
  }

  /// A summary line such as `2 errors, 1 warning in path`, or `no problems in path`.
  public static func summary(_ diagnostics: [Diagnostic], path: String) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    var parts: [String] = []
    if errors > 0 { parts.append(count(errors, "error")) }
    if warnings > 0 { parts.append(count(warnings, "warning")) }
    let what = parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    return "\(what) in \(TerminalSafe.clean(path, keepNewlines: false))"
  }

  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  // MARK: - Helpers

  private func displayLine(_ excerpt: LineExcerpt) -> String {
    var text = excerpt.cutStart ? "…" : ""
    for scalar in excerpt.scalars {
      if scalar == "\t" {
        text += " "
      } else if TerminalSafe.needsCleaning(scalar, keepNewlines: false) {
        text += "\u{FFFD}"
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return excerpt.cutEnd ? text + "…" : text
  }

  /// Cells a source scalar takes in ``displayLine`` (control characters become one U+FFFD).
  private func cellWidth(_ scalar: Unicode.Scalar) -> Int {
    if TerminalSafe.needsCleaning(scalar, keepNewlines: false) { return 1 }
    return DisplayWidth.of(scalar)
  }

  enum Style { case none, bold, red, yellow, blue }

  func style(_ text: String, _ style: Style) -> String {
    guard color, style != .none, !text.isEmpty else { return text }
    let code: String
    switch style {
    case .none: return text
    case .bold: code = "1"
    case .red: code = "1;31"
    case .yellow: code = "1;33"
    case .blue: code = "1;34"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}

/// The part of a source line a diagnostic shows: all of it, or a window of
/// ``LineExcerpt/maxScalars`` characters around the focus when the line is longer, so a 10 MB
/// line gives a short message. Only the window is decoded.
struct LineExcerpt {
  static let maxScalars = 120

  /// The characters shown.
  var scalars: [Unicode.Scalar]
  /// The 1-based column of `scalars[0]`.
  var firstColumn: Int
  /// Whether text before (after) the window was left out.
  var cutStart: Bool
  var cutEnd: Bool

  init(source: SourceFile, line: Int, focus: Int) {
    let range = source.byteRange(ofLine: line)
    let bytes = source.bytes
    var total = 0
    for index in range where bytes[index] & 0xC0 != 0x80 { total += 1 }
    guard total > Self.maxScalars else {
      scalars = Array(source.line(line).unicodeScalars)
      firstColumn = 1
      cutStart = false
      cutEnd = false
      return
    }
    let from = max(1, min(focus - 40, total - Self.maxScalars + 1))
    let to = from + Self.maxScalars
    var column = 0
    var start = range.lowerBound
    var end = range.upperBound
    for index in range where bytes[index] & 0xC0 != 0x80 {
      column += 1
      if column == from { start = index }
      if column == to {
        end = index
        break
      }
    }
    scalars = Array(String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
    firstColumn = from
    cutStart = from > 1
    cutEnd = to <= total
  }
}
