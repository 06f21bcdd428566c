// coach-fuzz: a libFuzzer target for the syntax parser.
//
//   swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --product coach-fuzz
//   SWIFT_BACKTRACE=enable=no .build/release/coach-fuzz -max_total_time=120 fuzz-corpus/
//
// Every input is parsed and its diagnostics rendered; the target checks that each diagnostic
// points inside the file and that the rendered text holds no raw escape character.
import CoachKit

func check(_ bytes: [UInt8]) {
  let source = SourceFile(path: "fuzz.coach.yaml", bytes: bytes)
  let tree = SyntaxParser.parse(source)
  for diagnostic in tree.diagnostics {
    if let span = diagnostic.span {
      precondition(span.start.offset <= bytes.count && span.end.offset <= bytes.count)
      precondition(span.start.offset <= span.end.offset && span.start.line >= 1)
    }
  }
  if tree.diagnostics.hasErrors {
    let text = DiagnosticRenderer(color: false).render(tree.diagnostics, in: source)
    precondition(!text.utf8.contains(0x1B), "raw escape character in a diagnostic")
  } else if let root = tree.root {
    _ = root.json.serialized()
  }
}

// libFuzzer supplies `main` and calls this for every input. A fuzzer build compiles this file as
// a library, so it has no top-level statements; a normal `swift build` links it into a program
// that does nothing. To replay a crash, pass the file to the fuzzer binary: `coach-fuzz crash-…`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else {
    check([])
    return 0
  }
  check(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
