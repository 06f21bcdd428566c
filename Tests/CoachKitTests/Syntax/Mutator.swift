/// Mutates valid documents into nearly valid ones: the inputs most likely to find a wrong
/// reading or a crash.
struct Mutator {
  var random: SeededGenerator

  init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  static let interesting: [UInt8] =
    Array("-:#[]{},'\"|>&*!?% \t\n\\.0123abc".utf8) + [
      0x00, 0x1B, 0x0D, 0x7F, 0xC3, 0xA9, 0xE2, 0x80, 0xA8, 0xEF, 0xBB, 0xBF, 0xFF,
    ]

  /// A mutated copy of `bytes` (one to three edits).
  mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      let count = bytes.count
      let at = count == 0 ? 0 : Int.random(in: 0..<count, using: &random)
      switch Int.random(in: 0..<7, using: &random) {
      case 0 where count > 0:
        bytes.remove(at: at)
      case 1:
        bytes.insert(Self.interesting.randomElement(using: &random) ?? 0x20, at: at)
      case 2 where count > 0:
        bytes[at] = Self.interesting.randomElement(using: &random) ?? 0x20
      case 3:
        bytes.insert(contentsOf: [0x20, 0x20], at: lineStart(bytes, at))
      case 4 where count > 0:
        let start = lineStart(bytes, at)
        if start < count, bytes[start] == 0x20 { bytes.remove(at: start) }
      case 5 where count > 0:
        let start = lineStart(bytes, at)
        var end = at
        while end < count, bytes[end] != 0x0A { end += 1 }
        let line = Array(bytes[start..<min(end + 1, count)])
        bytes.insert(contentsOf: line, at: start)
      default:
        if count > 1 {
          let other = Int.random(in: 0..<count, using: &random)
          bytes.swapAt(at, other)
        }
      }
    }
    return bytes
  }

  private func lineStart(_ bytes: [UInt8], _ index: Int) -> Int {
    var index = min(index, bytes.count)
    while index > 0, bytes[index - 1] != 0x0A { index -= 1 }
    return index
  }
}
