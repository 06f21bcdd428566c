import ArgumentParser
import CoachKit

/// `coach score`: assess one reply (or a stream of them) and show the evidence.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Assess a reply against Empathy, Understand, Offer, Check, with the evidence.",
    discussion: """
      Reads the reply from TEXT, or from standard input when TEXT is absent. Prints the reply \
      with the matched words marked, a strength for each step, the signals and anti-patterns \
      found with the words that matched, rewrites, and tips.

      --json prints one JSON object. --jsonl reads JSON lines {"id": …, "text": …, \
      "context": …, "step": …} on standard input and writes one JSON object per line, carrying \
      the same id, echoed as written; a line that cannot be read gets {"line": N, "error": "…"} \
      and the others are still answered. A reply longer than 64 KB is refused, not assessed. \
      The shapes are documented in docs/EVALUATOR.md.
      """
  )

  @Argument(help: "The reply to assess (read from standard input when absent).")
  var text: String?

  @Option(help: "The customer's last line.")
  var context: String?

  @Option(help: "The current step: empathy, understand, offer or check.")
  var step: String?

  @Flag(help: "Print one JSON object.")
  var json = false

  @Flag(help: "Read JSON lines on standard input; write one JSON object per line.")
  var jsonl = false

  @Option(help: "The lexicon script to use (default: the bundled English lexicon).")
  var lexicon: String?

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  func validate() throws {
    if json && jsonl { throw ValidationError("--json and --jsonl cannot be used together") }
    if jsonl && text != nil {
      throw ValidationError("--jsonl reads replies from standard input; drop the TEXT argument")
    }
    if jsonl && (context != nil || step != nil) {
      throw ValidationError("with --jsonl, give `context` and `step` in each JSON line")
    }
    if let step, Step(rawValue: step) == nil {
      throw ValidationError(
        "unknown step `\(TerminalSafe.clean(step, keepNewlines: false))`; use empathy, understand, offer or check"
      )
    }
  }

  func run() throws {
    let evaluator = try ScoreLexicon.evaluator(path: lexicon, noColor: noColor)
    if jsonl {
      ScoreStream(evaluator: evaluator).run()
      return
    }
    let reply: String
    if let text {
      reply = text
    } else {
      guard let bytes = Platform.readStandardInput(limit: ScoreStream.maxReply + 2) else {
        throw CoachError(
          "the reply is longer than \(ScoreStream.maxReply / 1024) KB: not assessed")
      }
      if let bad = UTF8Check.firstInvalidByte(bytes) {
        throw CoachError("standard input is not valid UTF-8 (byte \(bad + 1))")
      }
      var decoded = String(decoding: bytes, as: UTF8.self)
      while decoded.hasSuffix("\n") || decoded.hasSuffix("\r") { decoded.removeLast() }
      reply = decoded
    }
    if reply.utf8.count > ScoreStream.maxReply {
      throw CoachError("the reply is longer than \(ScoreStream.maxReply / 1024) KB: not assessed")
    }
    if reply.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
      throw ValidationError("the reply is empty: give TEXT, or pipe the reply on standard input")
    }
    let assessment = evaluator.assess(
      reply, context: ReplyContext(customerLine: context, step: step.flatMap(Step.init(rawValue:))))
    if json {
      Platform.write(assessment.json().serialized(pretty: true) + "\n")
    } else {
      let style = TerminalStyle.standardOutput(disabled: noColor)
      let width = min(max(Platform.terminalWidth(), 40), 120)
      Platform.write(ScoreReport(style: style, width: width).render(assessment))
    }
  }
}
