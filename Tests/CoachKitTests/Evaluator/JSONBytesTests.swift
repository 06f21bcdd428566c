import Testing

@testable import CoachKit

/// The byte-level JSON writer of `coach score --jsonl` against `JSONValue`'s serialisation.
@Suite struct JSONBytesTests {
  @Test func jsonStringsEqualTheJSONValueSerialisation() {
    let pieces = [
      "a", "plain text ", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1B}",
      "\u{7F}", "é", "\u{85}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2030}", "😀", "—",
    ]
    var random = SeededRandom(seed: 12)
    for _ in 0..<5_000 {
      let text = (0..<Int(random.next() % 24)).map { _ in
        pieces[Int(random.next() % UInt64(pieces.count))]
      }.joined()
      var writer = JSONBytes(capacity: 4)  // small, so that it grows
      writer.string(text)
      var bytes: [UInt8] = []
      writer.appendBytes(to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == JSONValue.string(text).serialized())
    }
  }
}
