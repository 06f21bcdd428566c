/// The two columns of Fred Kofman's exercise: on the right what was said, exchange by exchange;
/// on the left what the rep thought but did not say.
///
/// An exchange is what the customer said and what the rep said back (either may be missing: a
/// thought typed with no transcript has neither). Rendered side by side at a terminal width with
/// ``render(width:labels:assumptions:)``, and as a Markdown table with ``markdown(labels:assumptions:)``.
public struct LeftHandColumn: Hashable, Sendable {
  /// One exchange: the customer's line, the rep's reply, and the rep's unsaid thought.
  public struct Exchange: Hashable, Sendable {
    public var customer: String?
    public var rep: String?
    public var thought: String

    public init(customer: String? = nil, rep: String? = nil, thought: String = "") {
      self.customer = customer
      self.rep = rep
      self.thought = thought
    }
  }

  /// What the column headings and speakers are called (from the caller, not the library).
  public struct Labels: Hashable, Sendable {
    public var left: String
    public var right: String
    public var customer: String
    public var rep: String

    public init(
      left: String = "What I thought", right: String = "What was said",
      customer: String = "Customer", rep: String = "You"
    ) {
      self.left = left
      self.right = right
      self.customer = customer
      self.rep = rep
    }
  }

  public var exchanges: [Exchange]

  public init(exchanges: [Exchange] = []) {
    self.exchanges = exchanges
  }

  /// The exchanges of a saved session: the opening and the rep's first reply, then each customer
  /// answer and the next reply, and the customer's last line on its own.
  public init(record: SessionRecord) {
    var exchanges: [Exchange] = []
    var customer: String? = record.opening
    for exchange in record.exchanges {
      exchanges.append(Exchange(customer: customer, rep: exchange.rep))
      customer = exchange.customer
    }
    if let customer, !customer.isEmpty { exchanges.append(Exchange(customer: customer)) }
    self.exchanges = exchanges
  }

  /// Sets the thoughts in order: the first thought goes with the first exchange, and so on.
  /// Thoughts beyond the last exchange get an exchange of their own with nothing said.
  public mutating func setThoughts(_ thoughts: [String]) {
    for (index, thought) in thoughts.enumerated() {
      if index < exchanges.count {
        exchanges[index].thought = thought
      } else {
        exchanges.append(Exchange(thought: thought))
      }
    }
  }

  /// The thoughts, one per exchange ("" where none was written).
  public var thoughts: [String] { exchanges.map(\.thought) }

  // MARK: - Side by side

  /// Both columns side by side in `width` terminal cells: thoughts on the left, what was said on
  /// the right, a rule between exchanges. Assumptions are marked in the left column with `[n]`
  /// after their words, numbered in the order of `assumptions`.
  ///
  /// Text is cleaned of control characters and wrapped by display width (wide characters count
  /// two cells); no line is wider than `width` (at least 24) or ends in spaces.
  public func render(
    width: Int, labels: Labels = Labels(), assumptions: [Assumption] = []
  ) -> String {
    let width = max(24, width)
    let gutter = " │ "
    let leftWidth = (width - 3) / 2
    let rightWidth = width - 3 - leftWidth
    var out: [String] = []
    func row(_ left: String, _ right: String) {
      let pad = String(repeating: " ", count: max(0, leftWidth - DisplayWidth.of(left)))
      out.append(Self.trimmedRight(left + pad + gutter + right))
    }
    func rule() {
      out.append(
        String(repeating: "─", count: leftWidth + 1) + "┼"
          + String(repeating: "─", count: rightWidth + 1))
    }
    let leftHead = TextWrapper.lines(Self.clean(labels.left), width: leftWidth)
    let rightHead = TextWrapper.lines(Self.clean(labels.right), width: rightWidth)
    for i in 0..<max(leftHead.count, rightHead.count) {
      row(i < leftHead.count ? leftHead[i] : "", i < rightHead.count ? rightHead[i] : "")
    }
    let markers = Self.markers(assumptions)
    for (index, exchange) in exchanges.enumerated() {
      rule()
      let thought = Self.marked(exchange.thought, markers[index + 1] ?? [])
      let left =
        thought.isEmpty
        ? [] : TextWrapper.lines(Self.breakingLongWords(Self.clean(thought), leftWidth), width: leftWidth)
      var right: [String] = []
      for (speaker, line) in [(labels.customer, exchange.customer), (labels.rep, exchange.rep)] {
        guard let line, !line.isEmpty else { continue }
        let lead = Self.clean(speaker) + ": "
        let indent = DisplayWidth.of(lead)
        let body = Self.breakingLongWords(Self.clean(line), max(1, rightWidth - indent))
        right += TextWrapper.lines(lead + body, width: rightWidth, hangingIndent: indent)
      }
      for i in 0..<max(1, left.count, right.count) {
        row(i < left.count ? left[i] : "", i < right.count ? right[i] : "")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Markdown

  /// Both columns as a Markdown table, thoughts on the left, with assumptions marked `[n]`.
  public func markdown(labels: Labels = Labels(), assumptions: [Assumption] = []) -> String {
    var out = "| # | \(Self.cell(labels.left)) | \(Self.cell(labels.right)) |\n"
    out += "| ---: | --- | --- |\n"
    let markers = Self.markers(assumptions)
    for (index, exchange) in exchanges.enumerated() {
      var said: [String] = []
      if let customer = exchange.customer, !customer.isEmpty {
        said.append("**\(Self.cell(labels.customer)):** \(Self.cell(customer))")
      }
      if let rep = exchange.rep, !rep.isEmpty {
        said.append("**\(Self.cell(labels.rep)):** \(Self.cell(rep))")
      }
      let thought = Self.marked(exchange.thought, markers[index + 1] ?? [])
      out += "| \(index + 1) | \(Self.cell(thought)) | \(said.joined(separator: "<br>")) |\n"
    }
    return out
  }

  // MARK: - Helpers

  /// For each exchange, the end offsets of its assumptions' words and their numbers.
  static func markers(_ assumptions: [Assumption]) -> [Int: [(end: Int, number: Int)]] {
    var result: [Int: [(end: Int, number: Int)]] = [:]
    for (index, assumption) in assumptions.enumerated() {
      result[assumption.exchange, default: []].append((assumption.range.upperBound, index + 1))
    }
    return result
  }

  /// `thought` with `[n]` inserted after each marked span.
  static func marked(_ thought: String, _ marks: [(end: Int, number: Int)]) -> String {
    guard !marks.isEmpty else { return thought }
    var result = String.UnicodeScalarView()
    let sorted = marks.sorted { ($0.end, $0.number) < ($1.end, $1.number) }
    var next = 0
    var offset = 0
    for scalar in thought.unicodeScalars {
      result.append(scalar)
      offset += 1
      while next < sorted.count, sorted[next].end == offset {
        result.append(contentsOf: "[\(sorted[next].number)]".unicodeScalars)
        next += 1
      }
    }
    while next < sorted.count {
      result.append(contentsOf: "[\(sorted[next].number)]".unicodeScalars)
      next += 1
    }
    return String(result)
  }

  /// Text safe for the terminal, on one line.
  static func clean(_ text: String) -> String {
    let folded = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    return TerminalSafe.clean(folded, keepNewlines: false)
  }

  /// Text safe for one Markdown table cell: one line, pipes escaped.
  public static func cell(_ text: String) -> String {
    var out = ""
    for character in clean(text) {
      switch character {
      case "|": out += "\\|"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(character)
      }
    }
    return out
  }

  /// `text` with every word wider than `width` cells cut into pieces of at most `width` cells,
  /// so text without spaces (Chinese, Japanese, a long URL) starts on the speaker's line.
  static func breakingLongWords(_ text: String, _ width: Int) -> String {
    guard width > 0, DisplayWidth.of(text) > width else { return text }
    var words: [String] = []
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      guard DisplayWidth.of(word) > width else {
        words.append(String(word))
        continue
      }
      var piece = ""
      var pieceWidth = 0
      for character in word {
        let w = DisplayWidth.of(String(character))
        if pieceWidth + w > width, !piece.isEmpty {
          words.append(piece)
          piece = ""
          pieceWidth = 0
        }
        piece.append(character)
        pieceWidth += w
      }
      if !piece.isEmpty { words.append(piece) }
    }
    return words.joined(separator: " ")
  }

  static func trimmedRight(_ line: String) -> String {
    var line = Substring(line)
    while line.last == " " { line = line.dropLast() }
    return String(line)
  }
}
