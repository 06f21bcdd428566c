import CoachKit
import Foundation
import Yams

/// The bundled English lexicon, loaded once for the evaluator tests.
enum LexiconFixture {
  /// The package's `Scripts/lexicon.en.coach.yaml`.
  static let path: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Scripts/lexicon.en.coach.yaml").path
  }()

  static let source: SourceFile = {
    let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    return SourceFile(path: path, bytes: bytes)
  }()

  /// The lexicon, read with the project's own parser (or, while that cannot read it, through a
  /// reference YAML parser converted to the same tree).
  static let lexicon: Lexicon = {
    let tree = SyntaxParser.parse(source)
    let root = tree.root ?? yamsTree()
    let sink = DiagnosticSink()
    guard let root, let lexicon = Lexicon.decode(root, sink: sink), !sink.hasErrors else {
      fatalError("the bundled lexicon does not load: \(sink.diagnostics.map(\.message))")
    }
    return lexicon
  }()

  static let evaluator = Evaluator(lexicon: lexicon)

  private static func yamsTree() -> CoachKit.Node? {
    let text = String(decoding: source.bytes, as: UTF8.self)
    guard let node = try? Yams.compose(yaml: text) else { return nil }
    return convert(node)
  }

  private static let nowhere = SourceSpan(
    start: SourceLocation(offset: 0, line: 1, column: 1),
    end: SourceLocation(offset: 0, line: 1, column: 1))

  private static func convert(_ node: Yams.Node) -> CoachKit.Node {
    switch node {
    case .scalar(let scalar):
      return .scalar(CoachKit.Node.Scalar(value: scalar.string, style: .plain, span: nowhere))
    case .sequence(let sequence):
      return .sequence(
        CoachKit.Node.Sequence(items: sequence.map(convert), style: .block, span: nowhere))
    case .mapping(let mapping):
      let entries = mapping.map { pair in
        CoachKit.Node.Entry(
          key: CoachKit.Node.Scalar(value: pair.key.string ?? "", style: .plain, span: nowhere),
          value: convert(pair.value))
      }
      return .mapping(CoachKit.Node.Mapping(entries: entries, style: .block, span: nowhere))
    }
  }
}
