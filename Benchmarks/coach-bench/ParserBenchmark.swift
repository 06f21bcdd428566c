import CoachKit
import Foundation
import Yams

/// `coach-bench parser`: the syntax parser's throughput beside Yams 5.0.1 `compose` on the same
/// text in the same run, and parse + decode + validate of a large real scenario.
///
///     coach-bench parser                  # the benchmark
///     coach-bench parser --iterations 50  # more timed runs (the best and the median are shown)
///     coach-bench parser --robustness     # 100,000 hostile inputs through the parser, timed
enum ParserBenchmark {
  static func run(_ arguments: [String]) {
    if arguments.contains("--robustness") {
      robustness(count: value(after: "--count", in: arguments) ?? 100_000)
      return
    }
    let iterations = value(after: "--iterations", in: arguments) ?? 30
    if arguments.contains("--parse-only") {
      // For profiling: only the parser, on the synthetic script.
      let bytes = Array(syntheticScript(targetBytes: 1_000_000).utf8)
      let times = time(iterations) { _ = SyntaxParser.parse(SourceFile(path: "b", bytes: bytes)) }
      print("parse: median \(format(Double(bytes.count) / 1e6 / median(times))) MB/s")
      return
    }
    if arguments.contains("--load-only"), let scenario = scaledScenario(targetBytes: 1_000_000) {
      // For profiling: only `ScriptLoader.load`, on the scaled scenario.
      let bytes = Array(scenario.utf8)
      let times = time(iterations) { _ = ScriptLoader.load(SourceFile(path: "b", bytes: bytes)) }
      print("load: median \(format(Double(bytes.count) / 1e6 / median(times))) MB/s")
      return
    }

    let synthetic = syntheticScript(targetBytes: 1_000_000)
    report(
      "synthetic script", text: synthetic, iterations: iterations,
      ours: ("SyntaxParser.parse", { source in SyntaxParser.parse(source).diagnostics.count }))

    if let scenario = scaledScenario(targetBytes: 1_000_000) {
      report(
        "scaled bundled scenario", text: scenario, iterations: iterations,
        ours: ("SyntaxParser.parse", { source in SyntaxParser.parse(source).diagnostics.count }))
      report(
        "scaled bundled scenario", text: scenario, iterations: iterations,
        ours: (
          "ScriptLoader.load (parse + decode + validate)",
          { source in
            ScriptLoader.load(source).diagnostics.count
          }
        ))
    }
  }

  // MARK: - Timing

  private static func report(
    _ name: String, text: String, iterations: Int, ours: (String, (SourceFile) -> Int)
  ) {
    let bytes = Array(text.utf8)
    let megabytes = Double(bytes.count) / 1_000_000
    let check = SyntaxParser.parse(SourceFile(path: "bench.coach.yaml", bytes: bytes))
    if check.diagnostics.hasErrors {
      print("warning: the \(name) has syntax errors: \(check.diagnostics.first?.message ?? "")")
    }
    let oursTimes = time(iterations) {
      _ = ours.1(SourceFile(path: "bench.coach.yaml", bytes: bytes))
    }
    let yamsTimes = time(max(3, iterations / 6)) {
      _ = try? Yams.compose(yaml: text)
    }
    let oursBest = megabytes / oursTimes.min()!
    let oursMedian = megabytes / median(oursTimes)
    let yamsBest = megabytes / yamsTimes.min()!
    let yamsMedian = megabytes / median(yamsTimes)
    print(
      "\(name): \(String(format: "%.2f", megabytes)) MB, \(text.split(separator: "\n").count) lines"
    )
    print(
      "  \(ours.0): best \(format(oursBest)) MB/s, median \(format(oursMedian)) MB/s "
        + "(\(oursTimes.count) runs)")
    print(
      "  Yams 5.0.1 compose: best \(format(yamsBest)) MB/s, median \(format(yamsMedian)) MB/s "
        + "(\(yamsTimes.count) runs)")
    print("  ratio (median): \(String(format: "%.1f", oursMedian / yamsMedian))x")
  }

  private static func time(_ iterations: Int, _ work: () -> Void) -> [Double] {
    work()  // warm up
    var times: [Double] = []
    for _ in 0..<iterations {
      let start = DispatchTime.now().uptimeNanoseconds
      work()
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times
  }

  private static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
  }

  private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

  private static func value(after flag: String, in arguments: [String]) -> Int? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else {
      return nil
    }
    return Int(arguments[index + 1])
  }

  // MARK: - Inputs

  /// A realistic script of about `targetBytes`: many scenario-like mappings with lists, block
  /// scalars, quoted strings, comments and flow lists.
  static func syntheticScript(targetBytes: Int) -> String {
    var out = "# A generated script for the parser benchmark.\nscenario: benchmark\n"
    out += "title: \"The parser benchmark, with a \\\"quoted\\\" title\"\ndifficulty: 3\n"
    out += "tags: [benchmark, generated, large]\n"
    out += "customer:\n  name: Dana Okafor\n  role: owner of Okafor's Bakery\n  mood: 8\n"
    out += "  opening: |\n    This is the THIRD time your delivery is late. Third! I paid for\n"
    out += "    next-day, I have no working oven, and nobody has called me.\n"
    out += "steps:\n"
    var index = 0
    let words = ["order", "saturday", "courier", "refund", "oven", "deadline", "wedding", "sorry"]
    while out.utf8.count < targetBytes {
      let word = words[index % words.count]
      out += "  # Step \(index): \(word)\n"
      out += "  - id: step-\(index)\n"
      out += "    kind: \(index % 2 == 0 ? "Empathy" : "Understand")\n"
      out += "    asked-by: [\(word), when do you need it, \"what's \(word)\", 'the \(word)']\n"
      out += "    reveal: >-\n"
      out += "      I have a \(word) order on Saturday. Three hundred guests. The cake has to\n"
      out += "      be baked Friday night, and right now I can't bake a thing.\n"
      out += "    customer:\n"
      out += "      - text: \"Where is my \(word)?\" # the usual\n"
      out += "        mood: [7, 10]\n"
      out += "      - text: 'It''s the \(word) again.'\n"
      out += "        mood: [0, 6]\n"
      out += "    coach: |\n"
      out += "      Name the feeling before you fix the problem.\n"
      out += "      Then ask about the \(word).\n"
      out += "    rules:\n"
      out += "      - when: {says: [\(word), sorry], mood: 5}\n"
      out += "        then: Good empathy on the \(word).\n"
      index += 1
    }
    return out
  }

  /// The bundled `late-delivery` scenario with many more facts and options, each with its own
  /// id, up to about `targetBytes`.
  static func scaledScenario(targetBytes: Int) -> String? {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Scripts/scenarios/late-delivery.coach.yaml").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
      text.contains("\nfacts:\n"), let options = text.range(of: "\noptions:\n")
    else {
      print("note: the bundled late-delivery scenario was not found; skipping the decode run")
      return nil
    }
    var extraFacts = ""
    var extraOptions = ""
    var index = 0
    while text.utf8.count + extraFacts.utf8.count + extraOptions.utf8.count < targetBytes {
      extraFacts += """
          - id: detail-\(index)
            asked-by: [detail \(index), "tell me about \(index)", what else]
            reveal: >-
              Detail \(index): the order was placed on a Monday, and the tracking page has said
              "out for delivery" since then.
            required: false

        """
      extraOptions += """
          - id: gesture-\(index)
            offered-by: [gesture \(index), goodwill \(index)]
            accept: >-
              Gesture \(index)? Fine. It does not fix the oven, but it helps.

        """
      index += 1
    }
    var scaled = text
    scaled.replaceSubrange(options, with: "\noptions:\n" + extraOptions)
    if let facts = scaled.range(of: "\nfacts:\n") {
      scaled.replaceSubrange(facts, with: "\nfacts:\n" + extraFacts)
    }
    return scaled
  }

  // MARK: - Robustness

  /// Runs `count` random and mutated inputs through the parser (fixed seed) and reports the time
  /// and how many were refused. Nothing may trap or hang.
  static func robustness(count: Int) {
    var state: UInt64 = 0x5EED
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    let interesting = Array("-:#[]{},'\"|>&*!?% \t\n\\.0123abc".utf8) + [0x00, 0x1B, 0xC3, 0xFF]
    let base = Array(syntheticScript(targetBytes: 4_000).utf8)
    var refused = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for index in 0..<count {
      var bytes: [UInt8]
      if index % 10 < 3 {
        bytes = (0..<Int(next() % 200)).map { _ in UInt8(truncatingIfNeeded: next()) }
      } else {
        bytes = base
        for _ in 0..<(1 + Int(next() % 3)) {
          let at = Int(next() % UInt64(bytes.count))
          switch next() % 3 {
          case 0: bytes.remove(at: at)
          case 1: bytes.insert(interesting[Int(next() % UInt64(interesting.count))], at: at)
          default: bytes[at] = interesting[Int(next() % UInt64(interesting.count))]
          }
        }
      }
      if SyntaxParser.parse(SourceFile(path: "x", bytes: bytes)).diagnostics.hasErrors {
        refused += 1
      }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("robustness: \(count) inputs in \(String(format: "%.2f", seconds)) s, \(refused) refused")
  }
}
