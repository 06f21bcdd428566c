import CoachKit

/// The text report of `coach score`: the reply with evidence marked, step bars, signals,
/// anti-patterns with rewrites, and tips, wrapped to the terminal width.
struct ScoreReport {
  let style: TerminalStyle
  let width: Int

  /// Signal ids not marked in the reply (they cover whole sentences).
  static let unmarked: Set<String> = ["question", "question.open", "question.closed"]

  func render(_ a: Assessment) -> String {
    var out = ""
    out += style.bold("Reply") + "\n"
    out += markedReply(a) + "\n"
    if !style.colorEnabled {
      out += style.dim("  [signal]  {anti-pattern}") + "\n"
    }
    out += "\n" + style.bold("Steps") + "\n"
    for step in Step.allCases {
      let strength = a.steps[step]
      let bar: String
      switch strength {
      case .strong: bar = style.green("██")
      case .weak: bar = style.yellow("█") + style.dim("░")
      case .none: bar = style.dim("░░")
      }
      let name = pad(step.title, 11)
      out += "  \(name) \(bar) \(strength.rawValue)\n"
    }
    if !a.signals.isEmpty {
      out += "\n" + style.bold("Signals") + "\n"
      for s in a.signals {
        out += item(style.green("+"), s.id, "\"\(clean(s.text))\"" + readable(s.cue))
      }
    }
    if !a.antipatterns.isEmpty {
      out += "\n" + style.bold("Anti-patterns") + "\n"
      for s in a.antipatterns {
        out += item(style.red("-"), s.id, "\"\(clean(s.text))\"" + readable(s.cue))
        if let rewrite = s.rewrite {
          out += wrapped("try: \(clean(rewrite))", indent: 6)
        }
      }
    }
    if !a.tips.isEmpty {
      out += "\n" + style.bold("Tips") + "\n"
      for tip in a.tips { out += wrapped("• " + clean(tip), indent: 2, hanging: 2) }
    }
    return out
  }

  private func pad(_ text: String, _ width: Int) -> String {
    let cells = DisplayWidth.of(text)
    return cells >= width ? text : text + String(repeating: " ", count: width - cells)
  }

  private func clean(_ text: String) -> String { TerminalSafe.clean(text, keepNewlines: false) }

  private func item(_ mark: String, _ id: String, _ text: String) -> String {
    let label = pad(id, 24)
    let lines = TextWrapper.lines(text, width: max(20, width - 29))
    var out = "  \(mark) \(label) \(lines.first ?? "")\n"
    for line in lines.dropFirst() { out += String(repeating: " ", count: 29) + line + "\n" }
    return out
  }

  /// The cue after the quoted words: a phrase or a rule's evidence ("by {day}", "inversion: can
  /// you") reads well; a grammar with alternatives does not, and is left to `--json`.
  private func readable(_ cue: String) -> String {
    cue.contains(where: { "([|".contains($0) }) ? "" : " — " + clean(cue)
  }

  private func wrapped(_ text: String, indent: Int, hanging: Int = 0) -> String {
    let pad = String(repeating: " ", count: indent)
    return TextWrapper.lines(text, width: max(20, width - indent), hangingIndent: hanging)
      .map { pad + $0 + "\n" }.joined()
  }

  /// The reply with signal spans in `[…]` and anti-pattern spans in `{…}` (or underlined in
  /// colour), wrapped to the width.
  func markedReply(_ a: Assessment) -> String {
    let scalars = Array(a.text.unicodeScalars)
    // 0 none, 1 signal, 2 anti-pattern (anti-patterns win where they overlap).
    var kind = [UInt8](repeating: 0, count: scalars.count)
    for s in a.signals where !Self.unmarked.contains(s.id) {
      for i in s.range.clamped(to: 0..<scalars.count) where kind[i] == 0 { kind[i] = 1 }
    }
    for s in a.antipatterns where s.range.count < scalars.count || a.antipatterns.count == 1 {
      for i in s.range.clamped(to: 0..<scalars.count) { kind[i] = 2 }
    }
    // Words: runs of non-space scalars; lines: greedy fill by display width.
    var words: [Range<Int>] = []
    var wordStart = -1
    for (i, scalar) in scalars.enumerated() {
      if scalar.properties.isWhitespace {
        if wordStart >= 0 { words.append(wordStart..<i) }
        wordStart = -1
      } else if wordStart < 0 {
        wordStart = i
      }
    }
    if wordStart >= 0 { words.append(wordStart..<scalars.count) }
    let lineWidth = max(20, width - 6)
    var lineRanges: [[Range<Int>]] = []
    var current: [Range<Int>] = []
    var cells = 0
    for word in words {
      var w = 0
      for i in word { w += DisplayWidth.of(scalars[i]) }
      if !current.isEmpty, cells + 1 + w > lineWidth {
        lineRanges.append(current)
        current = []
        cells = 0
      }
      cells += (current.isEmpty ? 0 : 1) + w
      current.append(word)
    }
    if !current.isEmpty { lineRanges.append(current) }
    func opener(_ k: UInt8) -> String {
      style.colorEnabled ? (k == 1 ? "\u{1B}[4;32m" : "\u{1B}[4;31m") : (k == 1 ? "[" : "{")
    }
    func closer(_ k: UInt8) -> String {
      style.colorEnabled ? "\u{1B}[0m" : (k == 1 ? "]" : "}")
    }
    var lines: [String] = []
    for ranges in lineRanges {
      var line = ""
      var open: UInt8 = 0
      for (n, word) in ranges.enumerated() {
        if n > 0 {
          // The gap keeps a mark open only when the words on both sides share it.
          let gapKind = kind[word.lowerBound] == open ? open : 0
          if gapKind != open {
            line += closer(open)
            open = 0
          }
          line += " "
        }
        for i in word {
          if kind[i] != open {
            if open != 0 { line += closer(open) }
            if kind[i] != 0 { line += opener(kind[i]) }
            open = kind[i]
          }
          line += TerminalSafe.clean(String(scalars[i]), keepNewlines: false)
        }
      }
      if open != 0 { line += closer(open) }
      lines.append(line)
    }
    return lines.map { "  " + $0 }.joined(separator: "\n")
  }
}
