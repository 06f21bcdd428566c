enum ParserBenchmark { static func run(_ arguments: [String]) { print("parser: not yet") } }
