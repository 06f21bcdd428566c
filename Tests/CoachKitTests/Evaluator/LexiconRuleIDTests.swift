import Testing

@testable import CoachKit

/// Every id the reader's rules and the engine read by name must be in the lexicon, in its own
/// section: a lexicon for another language cannot silently turn a rule off.
@Suite struct LexiconRuleIDTests {
  /// The bundled lexicon's text with `edit` applied.
  func load(_ edit: (String) -> String) -> (Lexicon?, [Diagnostic], SourceFile) {
    let text = edit(String(decoding: LexiconFixture.source.bytes, as: UTF8.self))
    let source = SourceFile(path: "lexicon.en.coach.yaml", bytes: Array(text.utf8))
    let (lexicon, diagnostics) = Lexicon.load(source)
    return (lexicon, diagnostics, source)
  }

  /// The bundled lexicon with `old` replaced by `new` is refused with an error `code`: that
  /// error, as a reader sees it.
  func refusal(
    _ code: String, replacing old: String, with new: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> String {
    let (lexicon, diagnostics, source) = load { $0.replacingOccurrences(of: old, with: new) }
    #expect(lexicon == nil, sourceLocation: sourceLocation)
    let diagnostic = try #require(
      diagnostics.first { $0.code == code }, sourceLocation: sourceLocation)
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    return DiagnosticRenderer(color: false).render(diagnostic, in: source)
  }

  @Test func theBundledLexiconDefinesEveryID() {
    let lexicon = LexiconFixture.lexicon
    for id in ReaderID.allCases {
      let groups = id.isSignal ? lexicon.signals : lexicon.antipatterns
      #expect(groups.contains { $0.id == id.rawValue }, "\(id.rawValue)")
    }
  }

  @Test func aMissingRuleIDIsALocatedError() throws {
    let text = try refusal("L008", replacing: "  - id: shouting\n", with: "  - id: yelling\n")
    #expect(text.contains("error[L008]: the lexicon defines no anti-pattern `shouting`"))
    #expect(text.contains("help: add an entry with `id: shouting` to `antipatterns`"))
    #expect(text.contains("note: a rule of the reader finds `shouting`"))
  }

  @Test func anIDInTheWrongSectionIsAnError() throws {
    // Move the `check` signal's id onto an anti-pattern, and name the signal something else.
    let (lexicon, diagnostics, _) = load {
      $0.replacingOccurrences(of: "  - id: check\n", with: "  - id: checking\n")
        .replacingOccurrences(
          of: "  - id: curt\n", with: "  - id: check\n    cues: [ok]\n  - id: curt\n")
    }
    #expect(lexicon == nil)
    let l009 = try #require(diagnostics.first { $0.code == "L009" })
    #expect(l009.message == "`check` is defined in the wrong section")
  }

  @Test func yieldingToAnUnknownSignalIsALocatedError() throws {
    let text = try refusal(
      "L005", replacing: "    yields-to: [ownership]\n", with: "    yields-to: [ownershp]\n")
    #expect(text.contains("error[L005]: `yields-to` names `ownershp`, which is not a signal"))
    #expect(text.contains("ownership"))
  }

  @Test func yieldsToOnASignalIsALocatedError() throws {
    let text = try refusal(
      "L012", replacing: "  - id: invite\n", with: "  - id: invite\n    yields-to: [apology]\n")
    #expect(text.contains("error[L012]: `yields-to` on the signal `invite`"))
  }
}
