// coach-bench: release-build benchmarks, outside `swift test`.
//
//   swift build -c release --product coach-bench
//   .build/release/coach-bench parser      # parse + decode throughput beside Yams 5.0.1 compose
//   .build/release/coach-bench evaluator   # replies per second, lexicon compile time
//   .build/release/coach-bench engine      # session steps
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [(String, ([String]) -> Void)] = [
  ("parser", ParserBenchmark.run),
  ("evaluator", EvaluatorBenchmark.run),
  ("report", ReportBenchmark.run),
]
let selected = arguments.first
var ran = false
for (name, run) in benchmarks where selected == nil || selected == name {
  run(Array(arguments.dropFirst()))
  ran = true
}
if !ran {
  print("usage: coach-bench [\(benchmarks.map(\.0).joined(separator: "|"))]")
}
