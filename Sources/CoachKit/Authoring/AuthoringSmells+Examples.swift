/// Smells about what the engine will make of a script's own examples and lines: an example
/// question that brings out no fact or another one (`W020`), an example offer that offers no option
/// or another one (`W021`), and a customer line that names a specific (a day, a time, an amount)
/// the customer could only know if the rep had said it, with no `when:` to say so (`W022`).
extension AuthoringSmells {
  func checkExamples(into out: inout [Diagnostic]) {
    for fact in scenario.facts {
      for example in fact.examples {
        let reading = reading(of: example, at: .understand)
        guard reading.factsAsked[fact.id] == nil else { continue }
        let label: String
        if !reading.isQuestion {
          label = "a rep's reply like this is not read as a question"
        } else if let other = reading.factsAskedInOrder.first {
          label = "read as asking about fact `\(other)`"
        } else if reading.askedAboutOther {
          label = "read as asking about something that is none of the facts"
        } else {
          label = "read as asking about nothing in particular"
        }
        out.append(
          .warning(
            "W020", "example question would not bring out fact `\(fact.id)`", at: example.span,
            label: label,
            help:
              "add the words a rep would ask with to the fact's `asked-by`, or reword the example"
          ))
      }
    }
    for option in scenario.options {
      for example in option.examples {
        let reading = reading(of: example, at: .offer)
        guard reading.optionsOffered[option.id] == nil else { continue }
        let label =
          reading.optionsOffered.keys.sorted().first.map { "read as offering option `\($0)`" }
          ?? "not read as offering any option"
        out.append(
          .warning(
            "W021", "example offer would not offer option `\(option.id)`", at: example.span,
            label: label,
            help:
              "add the words a rep would offer it with to the option's `offered-by`, or word the example as an offer (\"I can…\")"
          ))
      }
    }
  }

  /// How the engine reads an example, as a reply to the customer's opening line.
  private func reading(of example: Phrase, at step: Step) -> Reading {
    judge.read(example.text, customerLine: scenario.customer.opening, step: step).reading
  }

  /// W022: a line answering an offer, a check or the end of the call that names a day, a time or
  /// an amount that neither the customer's own story nor the offer it answers holds, said with no
  /// `when:` condition.
  func checkSpecifics(into out: inout [Diagnostic]) {
    let customer = scenario.customer
    let story =
      [scenario.situation, customer.opening, customer.backstory ?? ""]
      + scenario.facts.map(\.reveal)
    let days = Set(judge.evaluator.lexicon.grammar.classes[Lexicon.calendarClass] ?? [])
    func specifics(_ text: String) -> [String] { Self.specifics(in: text, days: days) }
    let known = Set(story.flatMap(specifics))
    func check(_ text: String, span: SourceSpan, also: [String] = []) {
      let allowed = known.union(also.flatMap(specifics))
      guard let specific = specifics(text).first(where: { !allowed.contains($0) }) else {
        return
      }
      out.append(
        .warning(
          "W022", "the customer names “\(specific)”, which only the rep could have said",
          at: span, label: "said whether or not the rep gave it",
          help:
            "say it only when it holds, with `when: time-given` or `when: offered OPTION`, or leave the specific out"
        ))
    }
    // Lines that answer what the rep offered or agreed: the customer's own asides while venting
    // or explaining ("and it's only Tuesday") are theirs to make.
    for (situation, variants) in scenario.lines.variants {
      switch situation {
      case .good(.offer), .poor(.offer), .good(.check), .poor(.check), .resolved, .loopBack:
        for variant in variants where variant.when.isEmpty {
          check(variant.text, span: variant.span)
        }
      default:
        continue
      }
    }
    for option in scenario.options {
      let offer = (option.offeredBy + option.examples).map(\.text)
      check(option.says, span: option.span, also: offer)
    }
  }

  /// The specifics of a text, lowercased: words of the lexicon's `calendar` class (`friday`,
  /// `june`, `noon`), and numbers, times and amounts written in digits (`3pm`, `£450`).
  static func specifics(in text: String, days: Set<String>) -> [String] {
    let words = text.lowercased().split { !($0.isLetter || $0.isNumber || "£$€:".contains($0)) }
    var found: [String] = []
    for word in words.map(String.init) {
      let trimmed = word.trimmingCharacters(in: "£$€:")
      if days.contains(trimmed) || trimmed.contains(where: \.isNumber) {
        found.append(trimmed)
      }
    }
    return found
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let first = s.first, set.contains(first) { s.removeFirst() }
    while let last = s.last, set.contains(last) { s.removeLast() }
    return String(s)
  }
}
