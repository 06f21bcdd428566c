import CoachKit

/// The guided, step-by-step left-hand-column exercise at a terminal (or on piped lines).
///
/// Every answer is kept as it is typed: end of input or Ctrl-C on an empty line stops the
/// exercise and returns what there is, with `stoppedAt` saying where. Ctrl-C on a partly typed
/// line discards only that line and asks again.
struct ReflectGuide {
  struct Answers {
    var column: LeftHandColumn
    var theirThoughts: [String] = []
    var goals: [String] = []
    var barriers: [String] = []
    /// Where the exercise stopped early, or `nil` when it was finished.
    var stoppedAt: String?
  }

  var reader: any LineReader
  let view: ExerciseView
  let labels: LeftHandColumn.Labels
  /// Shows the two columns and the assumptions once the thoughts are in.
  var showAnalysis: (LeftHandColumn) -> Void = { _ in }

  private var style: TerminalStyle { view.style }

  /// One answer; `nil` when the input ended or Ctrl-C was pressed on an empty line.
  private mutating func ask(_ prompt: String) -> String? {
    while true {
      switch reader.readLine(prompt: style.bold(style.cyan(prompt))) {
      case .line(let line): return line.trimmingWhitespace
      case .endOfInput:
        return nil
      case .interrupted(let lineWasEmpty):
        if lineWasEmpty {
          view.say("")
          return nil
        }
      }
    }
  }

  mutating func run(column: LeftHandColumn, fromTranscript: Bool) -> Answers {
    var answers = Answers(column: column)
    view.say("")
    view.say(style.bold("The left-hand column"))
    view.note(
      "First let the emotion settle: this works best once you are calm, minutes or a day after "
        + "the call. Be honest; nothing you type leaves this machine. Ctrl-D stops and keeps "
        + "what you typed.")

    // Part one, the right-hand column.
    if !fromTranscript {
      view.heading("Right-hand column: what was said")
      view.note(
        "As well as you remember, exchange by exchange: the customer's line, then yours. "
          + "An empty customer line ends this part.")
      var exchanges: [LeftHandColumn.Exchange] = []
      while true {
        guard let customer = ask("\(labels.customer)> ") else {
          answers.column = LeftHandColumn(exchanges: exchanges)
          answers.stoppedAt = "stopped while typing what was said (exchange \(exchanges.count + 1))"
          return answers
        }
        if customer.isEmpty { break }
        guard let rep = ask("\(labels.rep)> ") else {
          exchanges.append(.init(customer: customer))
          answers.column = LeftHandColumn(exchanges: exchanges)
          answers.stoppedAt = "stopped while typing what was said (exchange \(exchanges.count))"
          return answers
        }
        exchanges.append(.init(customer: customer, rep: rep))
      }
      answers.column = LeftHandColumn(exchanges: exchanges)
    }

    // Part one, the left-hand column.
    view.heading("Left-hand column: what you thought but did not say")
    view.note("For each exchange. Don't censor it, and don't act on it. Enter skips one.")
    let count = answers.column.exchanges.count
    if count == 0 {
      view.note("No exchanges: type your thoughts one per line, and an empty line to finish.")
      var thoughts: [String] = []
      while true {
        guard let thought = ask("thought> ") else {
          answers.column.setThoughts(thoughts)
          answers.stoppedAt = "stopped while typing thoughts (thought \(thoughts.count + 1))"
          return answers
        }
        if thought.isEmpty { break }
        thoughts.append(thought)
      }
      answers.column.setThoughts(thoughts)
    }
    for index in 0..<count {
      let exchange = answers.column.exchanges[index]
      view.say("")
      view.say(style.dim("Exchange \(index + 1) of \(count)"))
      if let customer = exchange.customer, !customer.isEmpty {
        view.say(view.wrapped(customer, lead: style.bold(labels.customer + ": ")))
      }
      if let rep = exchange.rep, !rep.isEmpty {
        view.say(view.wrapped(rep, lead: style.bold(labels.rep + ": ")))
      }
      guard let thought = ask("thought> ") else {
        answers.stoppedAt = "stopped in the left-hand column (exchange \(index + 1) of \(count))"
        return answers
      }
      answers.column.exchanges[index].thought = thought
    }

    // Part two.
    showAnalysis(answers.column)
    view.heading("The customer's left-hand column")
    view.note(
      "They have one too, and it is just as inaccurate as yours. What might they have thought "
        + "but not said? One per line; an empty line when done.")
    while true {
      guard let thought = ask("they thought> ") else {
        answers.stoppedAt = "stopped while imagining the customer's left-hand column"
        return answers
      }
      if thought.isEmpty { break }
      answers.theirThoughts.append(thought)
    }
    view.heading("Your side of the follow-up conversation")
    view.note("Whatever caused it, you are part of it: what do you want, and what is in your way?")
    guard let goal = ask("your goal> ") else {
      answers.stoppedAt = "stopped while writing your goal"
      return answers
    }
    if !goal.isEmpty { answers.goals.append(goal) }
    guard let barrier = ask("your barrier> ") else {
      answers.stoppedAt = "stopped while writing your barrier"
      return answers
    }
    if !barrier.isEmpty { answers.barriers.append(barrier) }
    return answers
  }
}
