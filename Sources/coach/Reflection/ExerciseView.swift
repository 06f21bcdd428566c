import CoachKit

/// Printing for the exercises: wrapped, cleaned text with optional style.
struct ExerciseView {
  let style: TerminalStyle
  let width: Int

  func say(_ text: String = "") {
    Platform.write(text + "\n")
    Platform.flush()
  }

  /// Untrusted or long text wrapped after `lead` (whose visible width is measured).
  func wrapped(_ text: String, lead: String = "", indent: Int? = nil) -> String {
    let leadWidth = DisplayWidth.of(lead.strippingANSI)
    let body = TerminalSafe.clean(text.foldingLineBreaks.trimmingWhitespace, keepNewlines: false)
    let lines = TextWrapper.lines(body, width: max(20, width - leadWidth))
    let pad = String(repeating: " ", count: indent ?? leadWidth)
    return lines.enumerated().map { $0.offset == 0 ? lead + $0.element : pad + $0.element }
      .joined(separator: "\n")
  }

  func heading(_ text: String) {
    say("")
    say(style.bold(text))
  }

  func note(_ text: String) { say(style.dim(wrapped(text))) }

  /// The analysis of a left-hand column: assumptions with evidence and questions, hypotheses.
  func assumptions(_ report: ReflectionReport) {
    heading("Assumptions in your left-hand column")
    if report.assumptions.isEmpty {
      note(
        "None found by the cue list. Read your thoughts again: which of them are guesses about "
          + "the customer's intent?")
    }
    for (index, assumption) in report.assumptions.enumerated() {
      let lead = "[\(index + 1)] "
      say(wrapped("\(assumption.title): “\(assumption.text)” (exchange \(assumption.exchange))", lead: style.bold(lead)))
      if !assumption.why.isEmpty { say(style.dim(wrapped(assumption.why, lead: "    "))) }
      say(wrapped(assumption.question, lead: "    → "))
    }
    if !report.hypotheses.isEmpty {
      heading("Held open already (check them, don't act on them)")
      for assumption in report.hypotheses {
        say(wrapped("“\(assumption.text)” (\(assumption.title.lowercased()), hedged by “\(assumption.hedge ?? "")”)", lead: "  - "))
      }
    }
  }

  /// The follow-up plan.
  func plan(_ plan: FollowUpPlan) {
    heading("Your follow-up conversation plan")
    note("Not a place to read out either left-hand column: replace assumptions with facts.")
    for (title, items) in [
      ("Ask about their goals", plan.askGoals), ("Ask what blocks them", plan.askBlockers),
      ("Share your goals", plan.shareGoals), ("Share your barriers", plan.shareBarriers),
      ("Facts to check", plan.factsToCheck),
    ] where !items.isEmpty {
      say("")
      say(style.bold(title))
      for item in items { say(wrapped(item, lead: "  - ")) }
    }
    if !plan.opening.isEmpty {
      say("")
      say(style.bold("Open with"))
      say(wrapped("“" + plan.opening + "”", lead: "  "))
    }
  }
}
