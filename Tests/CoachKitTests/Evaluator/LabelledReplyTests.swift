import CoachKit
import Testing

/// One labelled reply and what it must (and must not) produce.
struct LabelledReply: CustomTestStringConvertible, Sendable {
  enum Label: Sendable {
    case signal(String, text: String?)
    case noSignal(String)
    case antipattern(String, text: String?)
    case noAntipattern(String)
    case question, open, closed, noQuestion
    case strength(Step, Strength)
  }

  var line: Int
  var reply: String
  var context: String?
  var labels: [Label]

  var testDescription: String { "line \(line): \(reply)" }

  static let all: [LabelledReply] = {
    var result: [LabelledReply] = []
    for (index, raw) in LabelledReplies.text.split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .enumerated() {
      let line = raw.trimmingPrefix(while: { $0 == " " })
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: " :: ", omittingEmptySubsequences: false).map(String.init)
      precondition(parts.count >= 2, "bad labelled line \(index + 1): \(line)")
      result.append(
        LabelledReply(
          line: index + 1, reply: parts[1], context: parts.count > 2 ? parts[2] : nil,
          labels: parseLabels(parts[0])))
    }
    return result
  }()

  static func parseLabels(_ text: String) -> [Label] {
    var labels: [Label] = []
    var rest = Substring(text)
    while !rest.isEmpty {
      rest = rest.drop { $0 == " " }
      guard !rest.isEmpty else { break }
      var token = ""
      var quoted: String?
      while let c = rest.first, c != " " {
        if c == "=" {
          rest = rest.dropFirst(2)  // ="
          let close = rest.firstIndex(of: "\"")!
          quoted = String(rest[..<close])
          rest = rest[rest.index(after: close)...]
          break
        }
        token.append(c)
        rest = rest.dropFirst()
      }
      let body = String(token.dropFirst())
      switch token.first {
      case "+": labels.append(.signal(body, text: quoted))
      case "-": labels.append(.noSignal(body))
      case "!": labels.append(.antipattern(body, text: quoted))
      case "~": labels.append(.noAntipattern(body))
      default:
        switch token {
        case "Q": labels.append(.question)
        case "open": labels.append(.open)
        case "closed": labels.append(.closed)
        case "noQ": labels.append(.noQuestion)
        default:
          let pair = token.split(separator: ":")
          let steps: [Character: Step] = [
            "E": .empathy, "U": .understand, "O": .offer, "C": .check,
          ]
          guard pair.count == 2, let step = steps[pair[0].first!],
            let strength = Strength(rawValue: String(pair[1]))
          else { preconditionFailure("bad label `\(token)`") }
          labels.append(.strength(step, strength))
        }
      }
    }
    return labels
  }
}

@Suite struct EvaluatorLabelledReplyTests {
  @Test func thereAreAtLeastThreeHundredLabelledReplies() {
    #expect(LabelledReply.all.count >= 300)
  }

  @Test(arguments: LabelledReply.all)
  func labelledReply(_ case_: LabelledReply) {
    let a = LexiconFixture.evaluator.assess(
      case_.reply, context: ReplyContext(customerLine: case_.context))
    let found =
      "signals \(a.signals.map { "\($0.id)=\($0.text)" }) anti \(a.antipatterns.map { "\($0.id)=\($0.text)" }) steps \(a.steps)"
    for label in case_.labels {
      switch label {
      case .signal(let id, let text):
        let hits = a.signals.filter { $0.id == id }
        #expect(!hits.isEmpty, "expected signal \(id); \(found)")
        if let text {
          #expect(hits.contains { $0.text == text }, "expected \(id) on \"\(text)\"; \(found)")
        }
      case .noSignal(let id):
        #expect(!a.has(signal: id), "unexpected signal \(id); \(found)")
      case .antipattern(let id, let text):
        let hits = a.antipatterns.filter { $0.id == id }
        #expect(!hits.isEmpty, "expected anti-pattern \(id); \(found)")
        if let text {
          #expect(hits.contains { $0.text == text }, "expected \(id) on \"\(text)\"; \(found)")
        }
      case .noAntipattern(let id):
        #expect(!a.has(antipattern: id), "unexpected anti-pattern \(id); \(found)")
      case .question: #expect(a.isQuestion, "expected a question; \(found)")
      case .open: #expect(a.isOpenQuestion, "expected an open question; \(found)")
      case .closed:
        #expect(a.isQuestion && !a.isOpenQuestion, "expected a closed question; \(found)")
      case .noQuestion: #expect(!a.isQuestion, "expected no question; \(found)")
      case .strength(let step, let strength):
        #expect(a.steps[step] == strength, "expected \(step) \(strength); \(found)")
      }
    }
    // Every piece of evidence points at its own words.
    let scalars = Array(case_.reply.unicodeScalars)
    for e in a.signals + a.antipatterns {
      #expect(e.range.lowerBound >= 0 && e.range.upperBound <= scalars.count)
      #expect(String(String.UnicodeScalarView(scalars[e.range])) == e.text)
    }
  }
}
