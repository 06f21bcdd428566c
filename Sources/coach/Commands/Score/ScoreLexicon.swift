import ArgumentParser
import CoachKit

/// Loading the lexicon for `coach score`: the bundled one or `--lexicon PATH`.
enum ScoreLexicon {
  /// The bundled English lexicon's file name inside `Scripts/`.
  static let bundledName = "lexicon.en.coach.yaml"

  /// Loads and compiles the lexicon; prints its diagnostics and exits 1 if it has errors.
  static func evaluator(path: String?, noColor: Bool) throws -> Evaluator {
    let file: String
    if let path {
      file = path
    } else {
      guard let directory = ScriptFiles.bundledDirectory() else {
        throw CoachError("cannot find the bundled Scripts folder; give --lexicon PATH")
      }
      file = directory + "/" + bundledName
    }
    let source = try ScriptFiles.read(file)
    let (lexicon, diagnostics) = Lexicon.load(source)
    if !diagnostics.isEmpty {
      let renderer = DiagnosticRenderer(color: Platform.useColor(on: 2, disabled: noColor))
      Platform.writeError(renderer.render(diagnostics, in: source))
    }
    guard let lexicon else { throw ExitCode.failure }
    return Evaluator(lexicon: lexicon)
  }
}

/// Finding the first byte that breaks UTF-8.
enum UTF8Check {
  /// The offset of the first invalid byte, or `nil` when `bytes` is valid UTF-8.
  static func firstInvalidByte(_ bytes: some Collection<UInt8>) -> Int? {
    // Most lines are ASCII: eight bytes at a time, no decoding.
    if bytes.withContiguousStorageIfAvailable(isASCII) == true { return nil }
    var decoder = UTF8()
    var counting = CountingIterator(base: bytes.makeIterator(), count: 0)
    while true {
      let start = counting.count
      switch decoder.decode(&counting) {
      case .scalarValue: continue
      case .emptyInput: return nil
      case .error: return start
      }
    }
  }

  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    if let base = bytes.baseAddress {
      while index + 8 <= bytes.count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { return false }
        index += 8
      }
    }
    while index < bytes.count {
      if bytes[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }

  private struct CountingIterator<Base: IteratorProtocol<UInt8>>: IteratorProtocol {
    var base: Base
    var count: Int
    mutating func next() -> UInt8? {
      guard let byte = base.next() else { return nil }
      count += 1
      return byte
    }
  }
}
