/// ANSI styling for the terminal, or nothing at all when colour is off.
///
/// Build it with ``standardOutput(disabled:)`` (colour only on a terminal, never with `NO_COLOR`),
/// or with an explicit flag in tests. Every helper returns its text unchanged when colour is off,
/// so output reads the same in a pipe, just plain.
struct TerminalStyle: Sendable {
  /// Whether escape codes are written.
  let colorEnabled: Bool

  init(colorEnabled: Bool) { self.colorEnabled = colorEnabled }

  /// Styling for standard output: colour only on a terminal, without `NO_COLOR`, and not
  /// `disabled` (the `--no-color` flag).
  static func standardOutput(disabled: Bool = false) -> TerminalStyle {
    TerminalStyle(colorEnabled: Platform.useColor(on: 1, disabled: disabled))
  }

  func bold(_ text: String) -> String { wrap(text, "1") }
  func dim(_ text: String) -> String { wrap(text, "2") }
  func italic(_ text: String) -> String { wrap(text, "3") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func green(_ text: String) -> String { wrap(text, "32") }
  func yellow(_ text: String) -> String { wrap(text, "33") }
  func blue(_ text: String) -> String { wrap(text, "34") }
  func magenta(_ text: String) -> String { wrap(text, "35") }
  func cyan(_ text: String) -> String { wrap(text, "36") }

  /// A compact meter of how upset the customer is (their mood), such as `upset 7/10 ███████░░░`:
  /// one block per point, filled for the mood, shaded for the rest. With colour, the filled part is green when calm (0–3), yellow in
  /// between (4–6) and red when upset (7 and up), scaled to `maximum`. `mood` is clamped to
  /// `0...maximum`.
  func moodMeter(_ mood: Int, maximum: Int = 10) -> String {
    let maximum = max(1, maximum)
    let mood = min(max(mood, 0), maximum)
    let filled = String(repeating: "█", count: mood)
    let empty = String(repeating: "░", count: maximum - mood)
    let share = Double(mood) / Double(maximum)
    let bar: String
    if share >= 0.7 {
      bar = red(filled)
    } else if share >= 0.4 {
      bar = yellow(filled)
    } else {
      bar = green(filled)
    }
    return "upset \(mood)/\(maximum) " + bar + dim(empty)
  }

  private func wrap(_ text: String, _ code: String) -> String {
    guard colorEnabled, !text.isEmpty else { return text }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
