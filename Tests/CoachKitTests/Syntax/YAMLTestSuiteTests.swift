import CoachKit
import Testing

/// Cases of the YAML test suite (https://github.com/yaml/yaml-test-suite) that are valid, inside
/// the subset, and were once read wrongly or refused: each must be accepted and mean what the
/// suite's JSON says (every scalar a string here). The whole suite is measured by
/// `Benchmarks/yaml-test-suite.py`; see docs/LANGUAGE-SUBSET.md.
///
/// The inputs are copied from the suite, which carries this notice:
///
///     Copyright (c) 2016-2020 Ingy döt Net
///
///     Permission is hereby granted, free of charge, to any person obtaining a copy of this
///     software and associated documentation files (the "Software"), to deal in the Software
///     without restriction, including without limitation the rights to use, copy, modify, merge,
///     publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
///     to whom the Software is furnished to do so, subject to the following conditions:
///
///     The above copyright notice and this permission notice shall be included in all copies or
///     substantial portions of the Software.
///
///     THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
///     INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
///     PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
///     FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
///     OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
///     DEALINGS IN THE SOFTWARE.
@Suite struct YAMLTestSuiteTests {
  /// (suite id, `in.yaml`, the meaning as compact JSON with every scalar a string).
  static let cases: [(String, String, String)] = [
    // Block scalars whose last line is blank or spaces, with and without a final line break.
    ("JEF9/00", "- |+\n\n", #"["\n"]"#),
    ("JEF9/01", "- |+\n   \n", #"["\n"]"#),
    ("JEF9/02", "- |+\n   ", #"["\n"]"#),
    ("L24T/00", "foo: |\n  x\n   \n", #"{"foo":"x\n \n"}"#),
    ("L24T/01", "foo: |\n  x\n   ", #"{"foo":"x\n \n"}"#),
    // A URL (a `:` followed by text) inside a flow collection.
    ("UDM2", "- { url: http://example.org }\n", #"[{"url":"http://example.org"}]"#),
    // Tabs that separate rather than indent.
    ("6BCT", "- foo:\t bar\n- - baz\n  -\tbaz\n", #"[{"foo":"bar"},["baz","baz"]]"#),
    ("DK95/00", "foo:\n \tbar\n", #"{"foo":"bar"}"#),
    ("Q5MG", "\t{}\n", "{}"),
    ("6CA3", "\t[\n\t]\n", "[]"),
    ("DK95/02", "foo: \"bar\n  \tbaz\"\n", #"{"foo":"bar baz"}"#),
    ("DK95/03", " \t\nfoo: 1\n", #"{"foo":"1"}"#),
    ("DK95/04", "foo: 1\n\t\nbar: 2\n", #"{"foo":"1","bar":"2"}"#),
    ("DK95/05", "foo: 1\n \t\nbar: 2\n", #"{"foo":"1","bar":"2"}"#),
    // A tab after a block scalar's indentation is text.
    ("96NN/00", "foo: |-\n \tbar\n", #"{"foo":"\tbar"}"#),
    ("96NN/01", "foo: |-\n \tbar", #"{"foo":"\tbar"}"#),
    ("Y79Y/001", "foo: |\n \t\nbar: 1\n", #"{"foo":"\t\n","bar":"1"}"#),
    (
      "R4YG", "- |\n detected\n- >\n \n  \n  # detected\n- |1\n  explicit\n- >\n \t\n detected\n",
      #"["detected\n","\n\n# detected\n"," explicit\n","\t\ndetected\n"]"#
    ),
    // Inside `{ }` a key over several lines, or its `:` on a later line.
    ("4MUZ/00", "{\"foo\"\n: \"bar\"}\n", #"{"foo":"bar"}"#),
    ("4MUZ/01", "{\"foo\"\n: bar}\n", #"{"foo":"bar"}"#),
    ("4MUZ/02", "{foo\n: bar}\n", #"{"foo":"bar"}"#),
    ("5MUD", "---\n{ \"foo\"\n  :bar }\n", #"{"foo":"bar"}"#),
    ("K3WX", "---\n{ \"foo\" # comment\n  :bar }\n", #"{"foo":"bar"}"#),
    (
      "9SA2", "---\n- { \"single line\": value}\n- { \"multi\n  line\": value}\n",
      #"[{"single line":"value"},{"multi line":"value"}]"#
    ),
    (
      "NJ66", "---\n- { single line: value}\n- { multi\n  line: value}\n",
      #"[{"single line":"value"},{"multi line":"value"}]"#
    ),
    ("VJP3/01", "k: {\n k\n :\n v\n }\n", #"{"k":{"k":"v"}}"#),
  ]

  @Test(arguments: cases) func meansWhatTheSuiteSays(id: String, yaml: String, json: String) {
    let tree = SyntaxParser.parse(SourceFile(path: "\(id).yaml", text: yaml))
    let rendered = DiagnosticRenderer(color: false).render(
      tree.diagnostics, in: SourceFile(path: "\(id).yaml", text: yaml))
    #expect(tree.diagnostics.isEmpty, "\(id) refused:\n\(rendered)")
    #expect(tree.root?.json.serialized() == json, "\(id)")
  }
}
