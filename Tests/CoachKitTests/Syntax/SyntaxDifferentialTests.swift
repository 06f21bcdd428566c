import CoachKit
import Foundation
import Testing

/// Our reading against libyaml's (Yams 5.0.1 `compose`), on hand-written and generated documents
/// inside the subset.
///
/// libyaml implements YAML 1.1. The generated documents avoid the places where 1.1 and 1.2
/// differ: U+2028 / U+2029 (line breaks in 1.1, ordinary characters in 1.2) and NEL (refused by
/// the subset as a C1 control character).
@Suite struct SyntaxDifferentialTests {
  @Test func handWrittenDocumentsMeanTheSame() {
    #expect(DifferentialCorpus.documents.count >= 200)
    for document in DifferentialCorpus.documents {
      compare(document)
    }
  }

  @Test func generatedDocumentsMeanTheSame() {
    let seed = UInt64(ProcessInfo.processInfo.environment["SYNTAX_SEED"] ?? "") ?? 0xC0AC4
    var generator = DocumentGenerator(seed: seed)
    var failures = 0
    for _ in 0..<10_000 where failures < 5 {
      let document = generator.document()
      if !compare(document) { failures += 1 }
    }
  }

  @discardableResult
  private func compare(_ document: String) -> Bool {
    let ours = OurReading.json(document)
    let reference = YamsReference.json(document)
    guard ours.accepted else {
      let message = ours.diagnostics.map {
        "\($0.code) \($0.span?.description ?? "") \($0.message)"
      }
      Issue.record("refused: \(String(reflecting: document))\n\(message.joined(separator: "\n"))")
      return false
    }
    switch reference {
    case .failure(let error):
      Issue.record("reference refused: \(String(reflecting: document)): \(error)")
      return false
    case .success(let json):
      if json != ours.json {
        Issue.record(
          """
          different meaning: \(String(reflecting: document))
            ours: \(ours.json?.serialized() ?? "nil")
            yams: \(json?.serialized() ?? "nil")
          """)
        return false
      }
    }
    return true
  }
}
