/// ISO 8601 durations as xAPI writes them: `PT1H2M3.25S`, `P1DT2H`.
public enum ISODuration {
  /// A duration in milliseconds as `PT…S`, with three decimals when there are milliseconds:
  /// `PT95.123S`, `PT4S`.
  public static func format(milliseconds: Int) -> String {
    let value = max(0, milliseconds)
    let fraction = value % 1000
    if fraction == 0 { return "PT\(value / 1000)S" }
    let digits = String(fraction)
    return "PT\(value / 1000).\(String(repeating: "0", count: 3 - digits.count) + digits)S"
  }

  /// The milliseconds of a duration (`P[nD][T[nH][nM][n[.n]S]]`; weeks, months and years are
  /// not used by xAPI results and are refused), or `nil` when it is not one.
  public static func milliseconds(_ text: String) -> Int? {
    var scalars = Substring(text)
    guard scalars.first == "P", scalars.count > 1 else { return nil }
    scalars.removeFirst()
    var total = 0.0
    var inTime = false
    var number = ""
    var sawComponent = false
    for character in scalars {
      switch character {
      case "T":
        guard !inTime, number.isEmpty else { return nil }
        inTime = true
      case "0"..."9", ".":
        number.append(character)
      case "D", "H", "M", "S":
        guard let value = Double(number), value >= 0 else { return nil }
        let seconds: Double
        switch (character, inTime) {
        case ("D", false): seconds = 86_400
        case ("H", true): seconds = 3_600
        case ("M", true): seconds = 60
        case ("S", true): seconds = 1
        default: return nil
        }
        total += value * seconds
        number = ""
        sawComponent = true
      default:
        return nil
      }
    }
    guard number.isEmpty, sawComponent, total < 1e12 else { return nil }
    return Int((total * 1000).rounded())
  }
}
