/// Tiny text charts for scores 0–100.
public enum Sparkline {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// One block character per value, from `▁` (0) to `█` (`maximum`).
  ///
  /// ```swift
  /// Sparkline.render([0, 50, 100])  // "▁▄█"
  /// ```
  public static func render(_ values: [Int], maximum: Int = 100) -> String {
    let maximum = max(1, maximum)
    return String(
      values.map { value in
        let clamped = min(max(value, 0), maximum)
        return blocks[clamped * (blocks.count - 1) / maximum]
      })
  }

  /// A horizontal bar `width` cells wide: `█` for the share reached, `░` for the rest, with
  /// eighth blocks for the last partial cell.
  public static func bar(_ value: Int, maximum: Int = 100, width: Int = 20) -> String {
    let maximum = max(1, maximum)
    let width = max(1, width)
    let eighths = min(max(value, 0), maximum) * width * 8 / maximum
    let partials: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var out = String(repeating: "█", count: eighths / 8)
    var used = eighths / 8
    if eighths % 8 > 0 {
      out += partials[eighths % 8]
      used += 1
    }
    return out + String(repeating: "░", count: width - used)
  }
}
