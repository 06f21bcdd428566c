enum EvaluatorBenchmark { static func run(_ arguments: [String]) { print("evaluator: not yet") } }
