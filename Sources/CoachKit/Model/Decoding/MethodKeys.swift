/// The keys of a method script, each described once (see ``KeySpec``).
enum MethodKeys {
  static let method = KeySpec(
    "method", .id, .required, "The method's id (its language, like `en`).")
  static let title = KeySpec("title", .text, .required, "The method's name.")
  static let steps = KeySpec(
    "steps", .mapping(Steps.spec), .required, "What each step asks of the rep.")
  static let mood = KeySpec(
    "mood", .mapping(Mood.spec), .required,
    "How replies move the customer's mood: negative numbers calm, positive anger.")
  static let notes = KeySpec(
    "notes", .mapping(Notes.spec), .required,
    "The coach's notes; `{quote}`, `{fact}`, `{option}`, `{step}`, `{hint}` and `{tip}` are "
      + "filled in.")
  static let fallbackLines = KeySpec(
    "fallback-lines", .mapping(FallbackLines.spec), .required,
    "Customer lines for situations a scenario has no lines of its own for.")

  static let spec = MappingSpec(
    "the method",
    "The coaching method as data: what each step asks, how replies move the mood, the coach's "
      + "notes and the customer's fallback lines.",
    [method, title, steps, mood, notes, fallbackLines])

  enum Steps {
    static let guide = MappingSpec(
      "step `STEP`", "One step of the method.",
      [
        KeySpec("goal", .text, .required, "One line: what the step is for."),
        KeySpec("hint", .text, .required, "What to try now (`/hint`)."),
        KeySpec("practise", .text, .required, "Advice for the debrief when this step was weak."),
      ])
    static let keys = Step.allCases.map { step in
      KeySpec(step.rawValue, .mapping(guide), .required, "The \(step.rawValue) step.")
    }
    static let spec = MappingSpec("`steps`", "What each step asks of the rep.", keys)
  }

  enum Mood {
    static let change = -5...5
    static let empathyStrong = KeySpec(
      "empathy-strong", .number(change), .required, "A reply that clearly showed empathy.")
    static let empathyWeak = KeySpec("empathy-weak", .number(change), .required, "Some empathy.")
    static let factRevealed = KeySpec(
      "fact-revealed", .number(change), .required,
      "A question let them explain something that matters.")
    static let summary = KeySpec(
      "summary", .number(change), .required, "The rep summarised what they heard.")
    static let accepted = KeySpec(
      "accepted", .number(change), .required, "The customer accepted an offer.")
    static let leapfrog = KeySpec(
      "leapfrog", .number(change), .required, "An offer before the problem was understood.")
    static let poorReply = KeySpec(
      "poor-reply", .number(change), .required, "A reply that did nothing for the current step.")
    static let loopBack = KeySpec(
      "loop-back", .number(change), .required, "A check while upset remained.")
    static let antipattern = KeySpec(
      "antipattern", .number(change), .required,
      "Each anti-pattern not listed under `antipatterns`.")
    static let antipatterns = KeySpec(
      "antipatterns", .map(.number(change), keys: "anti-pattern id"),
      "Mood change per anti-pattern id.")
    static let acceptAtMost = KeySpec(
      "accept-at-most", .number(0...10), .required, "Above this mood an offer is not accepted yet.")
    static let empathyCredit = KeySpec(
      "empathy-credit", .number(1...6), .required, "Empathy needed to move on (strong 2, weak 1).")

    static let spec = MappingSpec(
      "`mood`", "How replies move the customer's mood: negative numbers calm, positive anger.",
      [
        empathyStrong, empathyWeak, factRevealed, summary, accepted, leapfrog, poorReply, loopBack,
        antipattern, antipatterns, acceptAtMost, empathyCredit,
      ])
  }

  enum Notes {
    static let keys = Method.noteNames.map { KeySpec($0, .text, .required, "The `\($0)` note.") }
    static let spec = MappingSpec("`notes`", "The coach's notes.", keys)
  }

  enum FallbackLines {
    static let keys = Method.fallbackNames.map {
      KeySpec($0, .sentences, .required, "Lines for `\($0)`.")
    }
    static let spec = MappingSpec(
      "`fallback-lines`", "Customer lines for situations a scenario has no lines of its own for.",
      keys)
  }
}
