import CoachKit
import Testing

@Suite struct ContentHashTests {
  @Test(arguments: [
    ("", "fnv1a64:cbf29ce484222325"),
    ("a", "fnv1a64:af63dc4c8601ec8c"),
    ("foobar", "fnv1a64:85944171f73967e8"),
  ])
  func matchesPublishedFNV1a64Vectors(text: String, expected: String) {
    #expect(ContentHash.fnv1a64(Array(text.utf8)) == expected)
  }

  @Test func aOneByteChangeChangesTheHash() {
    #expect(
      ContentHash.of(SourceFile(path: "a", text: "mood: 7"))
        != ContentHash.of(SourceFile(path: "a", text: "mood: 8")))
  }
}
