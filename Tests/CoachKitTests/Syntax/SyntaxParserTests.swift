import CoachKit
import Testing

/// What every accepted construct means, and where its nodes are.
@Suite struct SyntaxParserTests {
  private func tree(_ text: String) -> SyntaxTree {
    SyntaxParser.parse(SourceFile(path: "t.coach.yaml", text: text))
  }

  /// The meaning of `text` as compact JSON, or the codes of its diagnostics.
  private func json(_ text: String) -> String {
    let tree = tree(text)
    if !tree.diagnostics.isEmpty {
      return "error " + tree.diagnostics.map(\.code).joined(separator: ",")
    }
    return tree.root?.json.serialized() ?? "nil"
  }

  @Test(arguments: [
    // Mappings, sequences, compact forms, empty values
    ("a: b\nc: d\n", #"{"a":"b","c":"d"}"#),
    ("a:\n  b: c\n", #"{"a":{"b":"c"}}"#),
    ("- a\n- b\n", #"["a","b"]"#),
    ("- a: 1\n  b: 2\n- c\n", #"[{"a":"1","b":"2"},"c"]"#),
    ("- - x\n  - y\n", #"[["x","y"]]"#),
    ("- - - x\n", #"[[["x"]]]"#),
    ("k:\n- a\n- b\nj: c\n", #"{"k":["a","b"],"j":"c"}"#),
    ("a:\nb:\n", #"{"a":"","b":""}"#),
    ("- \n-\n", #"["",""]"#),
    ("", "nil"),
    ("# only a comment\n", "nil"),
    // Plain scalars
    ("a: b:c\n", #"{"a":"b:c"}"#),
    ("a:b: c\n", #"{"a:b":"c"}"#),
    ("- -1\n", #"["-1"]"#),
    ("a: x#y\n", #"{"a":"x#y"}"#),
    ("a: value # comment\n", #"{"a":"value"}"#),
    ("a: 08\nb: yes\nc: null\nd: ~\n", #"{"a":"08","b":"yes","c":"null","d":"~"}"#),
    ("a: one\n  two\n\n  three\n", #"{"a":"one two\nthree"}"#),
    ("plain root\n", "\"plain root\""),
    // Quoted scalars
    ("a: 'it''s'\n", #"{"a":"it's"}"#),
    ("a: 'one\n  two'\n", #"{"a":"one two"}"#),
    ("a: \"x\\ty\\n\\\"\\\\\\/\"\n", #"{"a":"x\ty\n\"\\/"}"#),
    ("a: \"\\x41\\u00e9\\U0001F642\"\n", #"{"a":"Aé🙂"}"#),
    ("a: \"\\N\\_\\L\\P\"\n", "{\"a\":\"\\u0085\u{A0}\\u2028\\u2029\"}"),
    ("a: \"\\0\\a\\b\\v\\f\\r\\e\\ \\\t\"\n", #"{"a":"\u0000\u0007\b\u000b\f\r\u001b \t"}"#),
    ("a: \"one \\\n  two\"\n", #"{"a":"one two"}"#),
    ("a: \"one\\\n  two\"\n", #"{"a":"onetwo"}"#),
    ("a: \"one\n\n  two\"\n", #"{"a":"one\ntwo"}"#),
    ("\"a b\": c\n", #"{"a b":"c"}"#),
    // Block scalars
    ("a: |\n  x\n  y\n", #"{"a":"x\ny\n"}"#),
    ("a: |-\n  x\n\n", #"{"a":"x"}"#),
    ("a: |+\n  x\n\n", #"{"a":"x\n\n"}"#),
    ("a: >\n  x\n  y\n\n  z\n", #"{"a":"x y\nz\n"}"#),
    ("a: >\n  x\n    more\n  y\n", #"{"a":"x\n  more\ny\n"}"#),
    ("a: |2-\n    x\n", #"{"a":"  x"}"#),
    ("a: |-2\n    x\n", #"{"a":"  x"}"#),
    ("- |\n  x\n- y\n", #"["x\n","y"]"#),
    ("a: >\n  x\n   ", #"{"a":"x\n \n"}"#),
    ("a: |+\n  x\n  ", #"{"a":"x\n\n"}"#),
    ("a: |\n  x", #"{"a":"x"}"#),
    // `:` inside flow values, tabs that separate
    ("a: [http://x.org:80/p, b:c]\n", #"{"a":["http://x.org:80/p","b:c"]}"#),
    ("{a:b: c}\n", #"{"a:b":"c"}"#),
    ("-\tx\n-\t# note\n", #"["x",""]"#),
    ("a: b\n  \tc\n", #"{"a":"b c"}"#),
    ("a: 1\n\t# note\n\t\nb: 2\n", #"{"a":"1","b":"2"}"#),
    ("a: |\n  # text\n# comment\n", ##"{"a":"# text\n"}"##),
    // Flow collections
    ("a: [b, c,]\n", #"{"a":["b","c"]}"#),
    ("a: {b: c, d}\n", #"{"a":{"b":"c","d":""}}"#),
    ("a: [b: c, d]\n", #"{"a":[{"b":"c"},"d"]}"#),
    ("a: [\n  b,\n  [c, {d: e}]\n  ]\n", #"{"a":["b",["c",{"d":"e"}]]}"#),
    ("a: [x\n  y]\n", #"{"a":["x y"]}"#),
    ("a: {\"b\":c}\n", #"{"a":{"b":"c"}}"#),
    ("[a, b]\n", #"["a","b"]"#),
    // Documents
    ("---\na: b\n...\n", #"{"a":"b"}"#),
    ("--- # c\na: b\n", #"{"a":"b"}"#),
    ("--- text\n", "\"text\""),
    ("--- |\n  text\n", "\"text\\n\""),
    ("---\n", "\"\""),
    ("\u{FEFF}a: b\n", #"{"a":"b"}"#),
    ("a: b\r\nc: d\r\n", #"{"a":"b","c":"d"}"#),
    ("a: x\u{2028}y\n", #"{"a":"x\u2028y"}"#),
  ])
  func meaning(_ input: String, _ expected: String) {
    #expect(json(input) == expected, "\(String(reflecting: input))")
  }

  @Test(arguments: [
    ("a: &x b\n", "Y008"), ("a: *x\n", "Y009"), ("a: !t b\n", "Y010"),
    ("%YAML 1.2\n---\na: b\n", "Y011"),
    ("a: b\n---\nc: d\n", "Y012"), ("? a\n: b\n", "Y013"), ("[a]: b\n", "Y014"),
    ("a:\n    b: 1\n  c: 2\n", "Y015"), ("a: 'b'\n  c: d\n", "Y016"), ("a: b\nc\n", "Y017"),
    ("a: b: c\n", "Y018"), ("a: - b\n", "Y019"), ("a: b\n  c: d\n", "Y020"),
    ("a: [b\n  : c]\n", "Y020"),
    ("a: {b\n  :c}\n", "Y020"), ("a: \"b\n", "Y021"),
    ("a: \"\\q\"\n", "Y022"), ("a: [b\n", "Y023"), ("a: [b, , c]\n", "Y024"), ("a: |x\n", "Y025"),
    ("a: |\n      \n  b\n", "Y026"), ("a: @b\n", "Y027"), ("a: 'b'#c\n", "Y028"),
    ("a: 'b' c\n", "Y029"),
    (": b\n", "Y030"), ("a: [b:]\n", "Y031"), ("a: [b:?c]\n", "Y031"), ("a: [:b]\n", "Y031"),
    ("a: [?b]\n", "Y031"), ("a: {?b: c}\n", "Y031"), ("a: {? b: c}\n", "Y013"),
    ("a: b\n- c\n", "Y032"), ("a: [b,\nc]\n", "Y033"),
    (String(repeating: "k", count: 1_025) + ": v\n", "Y034"), ("a: b\nb: c\na: d\n", "Y007"),
    ("a:\n\tb: c\n", "Y005"), ("-\ta: b\n", "Y005"), ("a: |\n\t\nb: 1\n", "Y005"),
    ("a: \u{7}\n", "Y002"),
    ("a: b\u{FEFF}\n", "Y003"),
  ])
  func refusal(_ input: String, _ code: String) {
    #expect(tree(input).diagnostics.map(\.code) == [code], "\(String(reflecting: input))")
  }

  @Test func invalidUTF8PointsAtTheByte() {
    let source = SourceFile(path: "t", bytes: Array("a: é".utf8) + [0xFF] + Array(" b\n".utf8))
    let diagnostics = SyntaxParser.parse(source).diagnostics
    #expect(diagnostics.map(\.code) == ["Y001"])
    #expect(diagnostics.first?.span?.start == SourceLocation(offset: 5, line: 1, column: 5))
  }

  @Test func locationsSaturateBeyondThirtyTwoBits() {
    var location = SourceLocation(offset: 1 << 40, line: -3, column: 7)
    #expect(location.offset == Int(UInt32.max))
    #expect(location.line == 0)
    #expect(location.column == 7)
    location.column = 9
    #expect(!(location < SourceLocation(offset: Int.max, line: 1, column: 1)))
    #expect(location.column == 9)
    #expect(
      SourceLocation(offset: 4, line: 1, column: 5) < SourceLocation(offset: 5, line: 1, column: 1))
  }

  @Test func nestingLimitAndLineLimitAreConfigurable() {
    let limits = SyntaxParser.Limits(maxDepth: 2, maxLineLength: 10)
    let deep = SyntaxParser.parse(SourceFile(path: "t", text: "a: [[[b]]]\n"), limits: limits)
    #expect(deep.diagnostics.map(\.code) == ["Y006"])
    let long = SyntaxParser.parse(SourceFile(path: "t", text: "a: 0123456789\n"), limits: limits)
    #expect(long.diagnostics.map(\.code) == ["Y004"])
    #expect(long.diagnostics.first?.span?.start.column == 11)
  }

  @Test func spansPointAtTheSource() throws {
    let text = "name: Zoë\nfacts:\n  - id: \"wed\"\n    tags: [a, bc]\nnote: |\n  x\n"
    let root = try #require(tree(text).root)
    guard case .mapping(let mapping) = root else {
      Issue.record("expected a mapping")
      return
    }
    #expect(mapping.span.start == SourceLocation(offset: 0, line: 1, column: 1))
    let name = mapping.entries[0]
    #expect(name.key.span.description == "1:1-1:5")
    #expect(name.value.span.description == "1:7-1:10")  // `Zoë` is three scalars
    guard case .sequence(let facts) = mapping.entries[1].value,
      case .mapping(let fact) = facts.items[0],
      case .sequence(let tags) = fact.entries[1].value
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(facts.span.start.description == "3:3")
    #expect(fact.entries[0].value.span.description == "3:9-3:14")
    if case .scalar(let id) = fact.entries[0].value { #expect(id.style == .doubleQuoted) }
    #expect(tags.style == .flow)
    #expect(tags.span.description == "4:11-4:18")
    #expect(tags.items[1].span.description == "4:15-4:17")
    let note = mapping.entries[2].value
    if case .scalar(let scalar) = note { #expect(scalar.style == .literal) }
    #expect(note.span.description == "5:7-6:4")
  }

  @Test func emptyValueIsAnEmptyPlainScalarAtTheColon() throws {
    let root = try #require(tree("key:\n").root)
    guard case .mapping(let mapping) = root, case .scalar(let value) = mapping.entries[0].value
    else {
      Issue.record("expected a mapping")
      return
    }
    #expect(value.isEmptyPlain)
    #expect(value.span == SourceSpan(at: SourceLocation(offset: 4, line: 1, column: 5)))
  }

  @Test func errorsAreCollectedAcrossTheFile() {
    let text = "a: &x 1\nb: 2\nb: 3\nc: [d\ne: 'f\n"
    #expect(tree(text).diagnostics.map(\.code) == ["Y008", "Y007", "Y023", "Y021"])
  }
}
