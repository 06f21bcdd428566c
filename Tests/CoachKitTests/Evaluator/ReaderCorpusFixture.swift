import Foundation

/// The labelled reply corpus's files (Fixtures/ReaderCorpus, see its README), one JSON object a
/// line, decoded.
enum ReaderCorpusFixture {
  /// The file's lines that are not empty (each must decode: compare with what ``lines(_:as:)``
  /// gives, so a line that stops decoding is noticed rather than dropped).
  static func lineCount(_ name: String) -> Int { rawLines(name).count }

  static func lines<Item: Decodable>(_ name: String, as _: Item.Type = Item.self) -> [Item] {
    rawLines(name).compactMap { try? JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
  }

  private static func rawLines(_ name: String) -> [Substring] {
    guard
      let url = Bundle.module.url(
        forResource: "Fixtures/ReaderCorpus/\(name)", withExtension: "jsonl"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    return text.split(separator: "\n")
  }
}
