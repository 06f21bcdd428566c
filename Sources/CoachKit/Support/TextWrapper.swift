/// Wrapping text to a width in terminal cells.
///
/// Words are separated by spaces and broken only there, except that a word wider than the line is
/// split wherever it must be (between characters). Explicit newlines are kept, including empty
/// lines. Widths are measured with ``DisplayWidth``, so wide characters count as two cells.
/// Lines never end with spaces.
///
/// ```swift
/// TextWrapper.wrap("one two three", width: 7, hangingIndent: 2)
/// // "one two\n  three"
/// ```
public enum TextWrapper {
  /// `text` wrapped to `width` cells, each line after the first of a paragraph indented by
  /// `hangingIndent` spaces (the indent is dropped if it would leave fewer than 10 cells, or less
  /// than half the width).
  public static func wrap(_ text: String, width: Int, hangingIndent: Int = 0) -> String {
    lines(text, width: width, hangingIndent: hangingIndent).joined(separator: "\n")
  }

  /// The lines of ``wrap(_:width:hangingIndent:)``, without line breaks.
  public static func lines(_ text: String, width: Int, hangingIndent: Int = 0) -> [String] {
    let width = max(1, width)
    var indent = max(0, hangingIndent)
    if width - indent < min(10, (width + 1) / 2) { indent = 0 }
    var result: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      wrapParagraph(paragraph, width: width, indent: indent, into: &result)
    }
    return result
  }

  private static func wrapParagraph(
    _ paragraph: Substring, width: Int, indent: Int, into result: inout [String]
  ) {
    let padding = String(repeating: " ", count: indent)
    var line = ""
    var lineWidth = 0
    var isFirstLine = true
    var started = false

    func finishLine() {
      result.append(line)
      isFirstLine = false
      line = padding
      lineWidth = indent
      started = false
    }

    for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
      let wordWidth = DisplayWidth.of(word)
      let space = started ? 1 : 0
      if lineWidth + space + wordWidth <= width {
        if started { line += " " }
        line += word
        lineWidth += space + wordWidth
        started = true
        continue
      }
      if started { finishLine() }
      // Now at the start of a line (maybe indented).
      if lineWidth + wordWidth <= width {
        line += word
        lineWidth += wordWidth
        started = true
        continue
      }
      // A word wider than a whole line: split it between characters.
      for character in word {
        let characterWidth = DisplayWidth.of(String(character))
        if lineWidth + characterWidth > width, started { finishLine() }
        line.append(character)
        lineWidth += characterWidth
        started = true
      }
    }
    // An empty paragraph is an empty line; otherwise the last line is still open.
    if started || isFirstLine { result.append(line) }
  }
}
