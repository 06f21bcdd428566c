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

  static let rubric = KeySpec(
    "rubric", .mapping(Rubric.spec), .required,
    "How a session is scored: points for what went right, and what each mistake costs.")
  static let reasons = KeySpec(
    "reasons", .mapping(Reasons.spec), .required,
    "Why the mood moved, for `/why` and the transcript; `{quote}`, `{id}`, `{fact}`, `{option}` "
      + "and `{step}` are filled in.")

  static let spec = MappingSpec(
    "the method",
    "The coaching method as data: what each step asks, how replies move the mood, the coach's "
      + "notes, the customer's fallback lines and how a session is scored.",
    [method, title, steps, mood, notes, fallbackLines, rubric, reasons])

  enum Rubric {
    static let points = 0...100
    static func key(_ name: String, _ doc: String) -> KeySpec {
      KeySpec(name, .number(points), .required, doc)
    }
    enum Empathy {
      static let strong = key("strong", "The strongest empathy shown was strong.")
      static let weak = key("weak", "The strongest empathy shown was weak.")
      static let noneFirstCap = key(
        "none-first-cap", "The most Empathy scores when the first reply showed none.")
      static let perDismissal = key(
        "per-dismissal", "Taken off for each reply with a dismissive anti-pattern.")
      static let spec = MappingSpec(
        "`rubric.empathy`", "How Empathy is scored.", [strong, weak, noneFirstCap, perDismissal])
    }
    enum Understand {
      static let facts = key("facts", "For uncovering every required fact (a share for some).")
      static let openQuestion = key("open-question", "For an open question.")
      static let summary = key("summary", "For a summary the customer confirmed.")
      static let perLeapfrog = key(
        "per-leapfrog", "Taken off for each offer before the problem was understood.")
      static let spec = MappingSpec(
        "`rubric.understand`", "How Understand is scored.",
        [facts, openQuestion, summary, perLeapfrog])
    }
    enum Offer {
      static let accepted = key("accepted", "An option the customer accepted.")
      static let choice = key("choice", "Added for two or more options offered.")
      static let strong = key("strong", "Added for a strong offer (a next step, a time frame).")
      static let answered = key(
        "answered", "Options answered (countered, refused, not yet) but none accepted.")
      static let tooSoon = key("too-soon", "Only offers made before the problem was understood.")
      static let perCannot = key("per-cannot", "Taken off for each reply with a can't-do.")
      static let spec = MappingSpec(
        "`rubric.offer`", "How Offer is scored; no option offered scores 0.",
        [accepted, choice, strong, answered, tooSoon, perCannot])
    }
    enum Check {
      static let resolved = key("resolved", "A check question that resolved the call.")
      static let loopBack = key("loop-back", "A check that found upset left.")
      static let early = key("early", "Only checks before anything was agreed.")
      static let earlyPenalty = key(
        "early-penalty", "Taken off a higher score when a check also came too early.")
      static let spec = MappingSpec(
        "`rubric.check`", "How Check is scored.", [resolved, loopBack, early, earlyPenalty])
    }
    enum Overall {
      static let perMoodRise = key(
        "per-mood-rise", "Taken off for each reply after which the customer was more upset.")
      static let seriousCap = key(
        "serious-cap", "The most a call with a serious anti-pattern scores.")
      static let escalatedCap = key("escalated-cap", "The most an escalated call scores.")
      static let spec = MappingSpec(
        "`rubric.overall`", "The mean of the steps, less what the whole call costs.",
        [perMoodRise, seriousCap, escalatedCap])
    }
    static let empathy = KeySpec(
      "empathy", .mapping(Empathy.spec), .required, "How Empathy is scored.")
    static let understand = KeySpec(
      "understand", .mapping(Understand.spec), .required, "How Understand is scored.")
    static let offer = KeySpec("offer", .mapping(Offer.spec), .required, "How Offer is scored.")
    static let check = KeySpec("check", .mapping(Check.spec), .required, "How Check is scored.")
    static let overall = KeySpec(
      "overall", .mapping(Overall.spec), .required, "How the overall score is worked out.")
    static let dismissive = KeySpec(
      "dismissive", .phrases, .required, "Anti-pattern ids that cost Empathy.")
    static let cannot = KeySpec("cannot", .phrases, .required, "Anti-pattern ids that cost Offer.")
    static let serious = KeySpec(
      "serious", .phrases, .required, "Anti-pattern ids that cap the overall score.")
    static let spec = MappingSpec(
      "`rubric`", "How a session is scored.",
      [empathy, understand, offer, check, overall, dismissive, cannot, serious])
  }

  enum Reasons {
    static let keys = Method.ReasonKey.allCases.map {
      KeySpec($0.rawValue, .text, .required, "Why the mood moved: `\($0.rawValue)`.")
    }
    static let spec = MappingSpec("`reasons`", "Why the mood moved.", keys)
  }

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
