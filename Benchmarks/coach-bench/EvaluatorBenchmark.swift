import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replies per second of the evaluator, and the time to load and compile the lexicon, in CPU time
/// of the benchmark thread (so other load on the machine disturbs the figures less).
///
///     coach-bench evaluator                 # measure (10,000 generated replies)
///     coach-bench evaluator --replies N     # another corpus size
///     coach-bench evaluator --write-jsonl   # print the corpus as JSON lines, for score-vs-vader
///     coach-bench evaluator --compiles 1 --passes 1 --replies 2000   # short run, for callgrind
enum EvaluatorBenchmark {
  static func run(_ arguments: [String]) {
    func option(_ name: String, _ fallback: Int) -> Int {
      guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count,
        let n = Int(arguments[i + 1])
      else { return fallback }
      return n
    }
    let count = option("--replies", 10_000)
    let compiles = max(1, option("--compiles", 20))
    let passes = max(1, option("--passes", 5))
    let replies = ReplyCorpus.generate(count: count)
    if arguments.contains("--write-jsonl") {
      var out = ""
      for (i, reply) in replies.enumerated() {
        out += JSONValue.object([("id", .int(i + 1)), ("text", .string(reply))]).serialized()
        out += "\n"
      }
      print(out, terminator: "")
      return
    }
    guard let path = lexiconPath() else {
      print("evaluator: cannot find Scripts/lexicon.en.coach.yaml")
      return
    }
    let bytes = readFile(path)
    let source = SourceFile(path: path, bytes: bytes)

    // Lexicon: parse + decode, then compile, best of 20 (`--compiles`).
    var loadBest = Double.infinity
    var compileBest = Double.infinity
    var evaluator: Evaluator?
    for _ in 0..<compiles {
      let t0 = now()
      let (lexicon, _) = Lexicon.load(source)
      let t1 = now()
      guard let lexicon else {
        print("evaluator: the lexicon has errors")
        return
      }
      let compiled = Evaluator(lexicon: lexicon)
      let t2 = now()
      loadBest = min(loadBest, t1 - t0)
      compileBest = min(compileBest, t2 - t1)
      evaluator = compiled
    }
    guard let evaluator else { return }

    let words = replies.reduce(0) { $0 + $1.split(separator: " ").count }
    // Warm up, then the best of 5 passes over the corpus (`--passes`).
    var checksum = 0
    if passes > 1 {
      for reply in replies.prefix(1000) { checksum &+= evaluator.assess(reply).signals.count }
    }
    var best = Double.infinity
    for _ in 0..<passes {
      let t0 = now()
      for reply in replies { checksum &+= evaluator.assess(reply).signals.count }
      best = min(best, now() - t0)
    }
    let perReply = best / Double(replies.count)
    print("evaluator: \(replies.count) replies, \(words / replies.count) words on average")
    print("  lexicon parse + decode: \(format(loadBest * 1000)) ms")
    print("  lexicon compile:        \(format(compileBest * 1000)) ms")
    print(
      "  assess:                 \(format(perReply * 1e6)) µs/reply, \(Int(1 / perReply)) replies/s (one core)"
    )
    print("  (checksum \(checksum))")
  }

  static func format(_ value: Double) -> String {
    let scaled = (value * 100).rounded() / 100
    return String(scaled)
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  static func lexiconPath() -> String? {
    var root = #filePath
    for _ in 0..<3 {
      if let slash = root.lastIndex(of: "/") { root = String(root[..<slash]) }
    }
    let path = root + "/Scripts/lexicon.en.coach.yaml"
    return access(path, R_OK) == 0 ? path : nil
  }

  static func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { return [] }
    defer { fclose(file) }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n > 0 { result.append(contentsOf: buffer[0..<n]) }
      if n < buffer.count { break }
    }
    return result
  }
}

/// A deterministic corpus of realistic customer-service replies, 20–25 words on average, built
/// from sentence templates of every kind (empathy, questions, summaries, offers, checks, and the
/// anti-patterns), with names, products and times varied.
enum ReplyCorpus {
  static let openers = [
    "I'm so sorry about this.", "That sounds really frustrating.",
    "I completely understand why you're upset.",
    "Thanks for bearing with me.", "I hear you, and you're right to be annoyed.",
    "Unfortunately we can't do that.",
    "As I said, the policy is clear.", "Calm down, it's only a small delay.",
    "I know how you feel.",
    "Hi {name}, thanks for getting in touch.", "My apologies, that's on us.", "Okay.",
    "I'm not blaming you at all.", "That's not a problem.", "I understand, but rules are rules.",
  ]
  static let middles = [
    "Can you tell me what happened when the {item} arrived?", "What's your order number?",
    "It sounds like you've been waiting since {day} and nobody called you back.",
    "So you're worried because the {item} is needed for {day}.",
    "Walk me through what you saw on the screen", "Did the engineer turn up on {day}?",
    "What I can do is send a replacement {item} by {day}, or refund you in full.",
    "I'll book a courier now and call you back within {hours} hours.",
    "We could upgrade you to the faster plan at no cost.",
    "You should have read the confirmation email.",
    "It's company policy, there's nothing I can do.",
    "Let me check the tracking for you right now.",
    "I've escalated this to my supervisor and you'll hear from us by {time}.",
    "We dropped the ball here and I'll put it right today.",
    "The {item} was delayed at the depot, which is a real problem for us too.",
  ]
  static let closers = [
    "Does that work for you?", "Is there anything else I can help with?", "How does that sound?",
    "Let me know if that works.", "Take it or leave it.", "I'll keep you posted.", "",
    "What would you prefer?", "THIS IS NOT OUR FAULT!!", "Thanks again for your patience.",
  ]
  static let names = ["Dana", "Sam", "Priya", "Tomás", "Lee", "Ngozi", "Marta", "Oskar"]
  static let items = ["parcel", "router", "oven part", "invoice", "laptop", "cake stand", "sofa"]
  static let days = ["Monday", "Thursday", "Friday", "Saturday", "tomorrow", "the weekend"]
  static let times = ["4pm", "noon", "10am", "end of day"]

  static func generate(count: Int) -> [String] {
    var state: UInt64 = 0x5EED
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    func pick(_ items: [String]) -> String { items[next() % items.count] }
    var result: [String] = []
    result.reserveCapacity(count)
    for _ in 0..<count {
      var parts = [pick(openers), pick(middles)]
      if next() % 3 == 0 { parts.append(pick(middles)) }
      parts.append(pick(closers))
      var reply = parts.filter { !$0.isEmpty }.joined(separator: " ")
      for (key, values) in [
        ("{name}", names), ("{item}", items), ("{day}", days), ("{time}", times),
        ("{hours}", ["2", "24", "48"]),
      ] {
        while let range = reply.firstRange(of: key) {
          reply.replaceSubrange(range, with: pick(values))
        }
      }
      result.append(reply)
    }
    return result
  }
}
