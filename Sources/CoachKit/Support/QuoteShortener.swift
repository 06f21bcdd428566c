/// The rep's own words, kept short enough to read when a coach note or the debrief quotes them.
///
/// A quote of at most ``maxLength`` characters is kept as it is. A longer one keeps its start (the
/// words the rep led with), cut after the last whole word that fits and closed with `…` (` …` after
/// a sentence that ended), so the result, ellipsis included, is never longer than ``maxLength``
/// characters. A first word too long to fit is cut inside.
///
/// ```swift
/// QuoteShortener.shortened("I'm so sorry, that sounds really frustrating, and I completely understand")
/// // "I'm so sorry, that sounds really frustrating, and I…"
/// ```
package enum QuoteShortener {
  /// The longest quote kept whole, in characters.
  package static let maxLength = 60

  /// `text` as it is when it has at most `maxLength` characters; otherwise its start, with runs
  /// of spaces and line breaks folded into one space, cut at a word boundary and closed with `…`.
  package static func shortened(_ text: String, maxLength: Int = maxLength) -> String {
    guard text.count > maxLength else { return text }
    let words = text.split(whereSeparator: \.isWhitespace)
    let folded = words.joined(separator: " ")
    guard folded.count > maxLength else { return folded }
    var kept = ""
    for word in words {
      let next = kept.isEmpty ? String(word) : kept + " " + word
      if next.count + ellipsis(after: next).count > maxLength { break }
      kept = next
    }
    if kept.isEmpty { return String(folded.prefix(max(1, maxLength - 1))) + "…" }
    // "sorry, …" reads as a cut-off list: the punctuation before the cut goes.
    while kept.count > 1, let last = kept.last, ",;:-–—".contains(last) || last.isWhitespace {
      kept.removeLast()
    }
    return kept + ellipsis(after: kept)
  }

  /// `…` after a cut inside a sentence, ` …` after one that ended (`right. …`).
  private static func ellipsis(after kept: String) -> String {
    guard let last = kept.last, ".!?".contains(last) else { return "…" }
    return " …"
  }
}
