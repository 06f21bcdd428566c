import Testing

@testable import CoachKit

/// Words are identified by their bytes: ids are dense and every lookup compares the bytes.
@Suite struct WordTableTests {
  @Test func idsAreDenseAndVerifiedByTheBytes() {
    var table = WordTable()
    let words = ["sorry", "sorrz", "yrros", "sorr", "sorryy", "", "café"].map { Array($0.utf8) }
    for (i, word) in words.enumerated() {
      #expect(table.insert(word) == UInt32(i))
    }
    #expect(table.count == words.count)
    for (i, word) in words.enumerated() {
      #expect(table.id(word) == UInt32(i))
      #expect(Array(table.bytes(UInt32(i))) == word)
      #expect(table.insert(word) == UInt32(i), "inserting again keeps the id")
    }
    #expect(table.id(Array("sorri".utf8)) == nil)
    #expect(table.id(Array("Sorry".utf8)) == nil)
  }

  @Test func manyWordsSurviveGrowing() {
    var table = WordTable()
    let words = (0..<5000).map { Array("w\($0)x".utf8) }
    for word in words { table.insert(word) }
    for (i, word) in words.enumerated() { #expect(table.id(word) == UInt32(i)) }
    #expect(table.id(Array("w5000x".utf8)) == nil)
  }

  @Test func mapsKeepTheLastValue() {
    var map = WordMap()
    map.set(Array("won't".utf8), 3)
    map.set(Array("wont".utf8), 4)
    map.set(Array("won't".utf8), 5)
    #expect(map[Array("won't".utf8)] == 5)
    #expect(map[Array("wont".utf8)] == 4)
    #expect(map[Array("won".utf8)] == nil)
  }

  /// A reply's word whose stem the lexicon lacks gets a stem of the reply's own, shared by the
  /// words with that stem and found again by its bytes from another text.
  @Test func unknownStemsAreTheReplysOwn() {
    let tokenizer = LexiconFixture.evaluator.tokenizer
    let reply = tokenizer.analyse("the zorbleflaxes zorbleflax")
    let customer = tokenizer.analyse("my zorbleflax quuxed")
    let stems = reply.tokens.map(\.stem)
    #expect(stems[1] & Token.localStem != 0)
    #expect(stems[1] == stems[2])
    #expect(stems[0] & Token.localStem == 0)
    #expect(customer.stem(of: customer.tokens[1], in: reply) == stems[1])
    #expect(customer.stem(of: customer.tokens[2], in: reply) == nil)
  }
}

extension WordTableTests {
  /// A scenario's phrase may have words the lexicon lacks: they are found in replies by their
  /// stems' bytes.
  @Test func scenarioPhrasesWithUnknownWordsMatch() {
    let evaluator = LexiconFixture.evaluator
    let cues = evaluator.compile(["zorbleflax quuxing", "blorptastic"])
    let found = evaluator.matches(cues, in: evaluator.assess("Your zorbleflax quuxed again."))
    #expect(found.map(\.id) == ["zorbleflax quuxing"])
    #expect(found.first?.text == "zorbleflax quuxed")
    #expect(evaluator.matches(cues, in: evaluator.assess("The zorbleflax is fine.")).isEmpty)
  }
}
