/// The keys of a scenario script, each described once (see ``KeySpec``): the decoder reads them,
/// `coach schema` prints them and docs/AUTHORING.md tabulates them.
///
/// To add a key: describe it here and list it in its mapping's spec, read it in
/// ``ScenarioDecoder`` with the ``Fields`` accessor for its type, and store it in the model.
enum ScenarioKeys {
  static let steps = Step.allCases.map(\.rawValue)

  // MARK: - The scenario

  static let scenario = KeySpec(
    "scenario", .id, .required,
    "The scenario's id; `coach practice ID` and curricula use it. Keep it the same as the file "
      + "name.")
  static let title = KeySpec(
    "title", .text, .required, "A short title, shown in `coach list` and at the start.")
  static let difficulty = KeySpec(
    "difficulty", .number(1...5), .required,
    "How hard the call is, 1 gentle to 5 hard; curricula should rise in difficulty.")
  static let tags = KeySpec("tags", .phrases, "Words for finding the scenario in `coach list`.")
  static let situation = KeySpec(
    "situation", .text, .required, "What happened, told to the rep before the call starts.")
  static let goal = KeySpec("goal", .text, "What the rep should achieve.")
  static let customer = KeySpec(
    "customer", .mapping(Customer.spec), .required, "Who the customer is and how the call starts.")
  static let cues = KeySpec(
    "cues", .map(.phrases, keys: "signal or anti-pattern id"),
    "Extra cue phrases for the evaluator in this scenario, by signal or anti-pattern id of the "
      + "lexicon: `option: [courier, refund]`.")
  static let facts = KeySpec(
    "facts", .list(.mapping(Fact.spec)), "Hidden facts the rep uncovers by asking.")
  static let options = KeySpec(
    "options", .list(.mapping(Option.spec)), .required,
    "What the rep can offer; at least one must be accepted (or a rule must resolve the call).")
  static let lines = KeySpec(
    "lines", .mapping(Lines.spec), .required,
    "What the customer says, by situation; a situation with no lines uses the method's "
      + "`fallback-lines`.")
  static let rules = KeySpec(
    "rules", .list(.mapping(Rule.spec)),
    "When a rule's conditions all hold, the customer says something, the mood changes, the coach "
      + "notes something, a fact comes out or the call ends.")
  static let tests = KeySpec(
    "tests", .list(.oneOf([.mapping(Test.conversation), .mapping(Test.reply)])),
    "Tests `coach test` runs: conversations and single replies (see section 5).")
  static let resolveMood = KeySpec(
    "resolve-mood", .number(0...10), .defaults(.number(3)),
    "The highest mood at which a check question resolves the call.")

  static let spec = MappingSpec(
    "the scenario",
    "A practice scenario: an upset customer, what they know, what they will accept and how they "
      + "talk.",
    [
      scenario, title, difficulty, tags, situation, goal, customer, cues, facts, options, lines,
      rules, tests, resolveMood,
    ])

  // MARK: - The customer

  enum Customer {
    static let name = KeySpec("name", .text, .required, "The customer's name.")
    static let role = KeySpec("role", .text, "What they do.")
    static let company = KeySpec("company", .text, "Where they work.")
    static let backstory = KeySpec("backstory", .text, "What happened before this call.")
    static let mood = KeySpec(
      "mood", .number(0...10), .required,
      "How upset they are at the start, 0 calm to 10 furious.")
    static let patience = KeySpec(
      "patience", .number(1...20), .defaults(.number(3)),
      "How many replies that do not help they take before giving up.")
    static let opening = KeySpec("opening", .text, .required, "The first thing the customer says.")

    static let spec = MappingSpec(
      "the customer", "Who the customer is and how the call starts.",
      [name, role, company, backstory, mood, patience, opening])
  }

  // MARK: - Facts

  enum Fact {
    static let id = KeySpec(
      "id", .id, .required, "The fact's id, used by `needs-facts`, rules and tests.")
    static let askedBy = KeySpec(
      "asked-by", .phrases, .required,
      "Phrases in a question that bring this fact out (`order`, `deadline`).")
    static let reveal = KeySpec(
      "reveal", .text, .required, "What the customer says when it comes out.")
    static let required = KeySpec(
      "required", .flag, .defaults(.flag(true)),
      "Whether the rep must know it before an offer lands; an open question brings out the next "
        + "required fact by itself.")

    static let examples = KeySpec(
      "examples", .sentences,
      "Example questions in a rep's own words that should bring this fact out; `coach lint` "
        + "checks each is recognised.")

    static let spec = MappingSpec(
      "a fact", "Something the customer knows and says only when the rep asks the right question.",
      [id, askedBy, reveal, required, examples])
  }

  // MARK: - Options

  enum Option {
    static let id = KeySpec(
      "id", .id, .required, "The option's id, used by tests (`accept courier`).")
    static let offeredBy = KeySpec(
      "offered-by", .phrases, .required, "Phrases that mean the rep is offering this.")
    static let needsFacts = KeySpec(
      "needs-facts", .ids, "Facts the rep must know before this offer lands.")
    static let accept = KeySpec(
      "accept", .text, "They take it: what they say. The call can move on to Check.")
    static let counter = KeySpec(
      "counter", .text, "They push back: what they say. The rep should offer more.")
    static let refuse = KeySpec("refuse", .text, "They turn it down: what they say.")
    /// The keys of the responses, one of which an option gives.
    static let responses = [accept, counter, refuse]
    static let tooSoon = KeySpec(
      "too-soon", .text, .defaults(.described("the `leapfrog` line or the method's")),
      "What they say when it is offered before the facts it needs are known.")
    static let maxMood = KeySpec(
      "max-mood", .number(0...10), .defaults(.described("the method's `accept-at-most`")),
      "Above this mood they are too upset to accept, and say `not-yet` (`accept` options only).")
    static let notYet = KeySpec(
      "not-yet", .text, .defaults(.described("the method's line")),
      "What they say when offered while too upset.")
    static let examples = KeySpec(
      "examples", .sentences,
      "Example offers in a rep's own words; `coach lint` checks each is recognised as this "
        + "option.")

    static let spec = MappingSpec(
      "an option",
      "Something the rep can offer, and how the customer takes it: give exactly one of `accept`, "
        + "`counter` or `refuse`.",
      [id, offeredBy, needsFacts, accept, counter, refuse, tooSoon, maxMood, notYet, examples],
      exactlyOne: responses.map(\.name))
  }

  // MARK: - Lines

  enum Lines {
    /// One line, or a list of variants: text, or a mapping with `say:` and its conditions.
    static let variants = ValueType.list(.oneOf([.text, .mapping(Variant.spec)]))

    static let step = MappingSpec(
      "`lines.STEP`", "The customer's lines at this step.",
      [
        KeySpec("good", variants, "After a reply that did what this step needs."),
        KeySpec("poor", variants, "After a reply that did not."),
      ])
    /// One key per step of the method, each with `good` and `poor` lines.
    static let stepKeys = Step.allCases.map { step in
      KeySpec(
        step.rawValue, .mapping(Lines.step),
        "At the \(step.rawValue) step: `good` lines after a reply that did what the step needs, "
          + "`poor` lines after one that did not.")
    }
    static let summary = KeySpec(
      "summary", variants, "After the rep summarises what they heard.")
    static let leapfrog = KeySpec(
      "leapfrog", variants, "After an offer before the problem was understood.")
    static let loopBack = KeySpec(
      "loop-back", variants, "After a check while the customer is still upset.")
    static let offTopic = KeySpec(
      "off-topic", variants,
      "After a question about something that is none of the facts (in the customer's own words; "
        + "the method's lines otherwise).")
    static let alreadyTold = KeySpec(
      "already-told", variants,
      "After a question about only what the customer has told already.")
    static let resolved = KeySpec(
      "resolved", variants, "The last line when the call ends well.")
    static let escalated = KeySpec(
      "escalated", variants, "The last line when the customer gives up.")
    static let antipatterns = KeySpec(
      "antipatterns", .map(variants, keys: "anti-pattern id"),
      "The customer's answer to an anti-pattern in the reply, by anti-pattern id of the lexicon "
        + "(`calm-down`, `blame`, …).")

    static let spec = MappingSpec(
      "`lines`",
      "What the customer says, by situation: one line or a list of variants (one is picked at "
        + "random, never the same twice in a row).",
      stepKeys + [
        summary, leapfrog, loopBack, offTopic, alreadyTold, resolved, escalated, antipatterns,
      ])
  }

  /// A variant of a line written as a mapping.
  enum Variant {
    static let say = KeySpec("say", .text, .required, "What the customer says.")
    static let mood = KeySpec(
      "mood", .moodBand, "Said only while the mood is in this band: a mood `7` or a band `6-10`.")

    static let when = KeySpec(
      "when", .list(.lineCondition),
      "Said only when every condition holds: \(LineCondition.howWritten).")

    static let spec = MappingSpec(
      "a line", "A line said only when its conditions hold.", [say, mood, when])
  }

  // MARK: - Rules

  enum Rule {
    static let id = KeySpec("id", .id, .required, "The rule's id, used by tests (`rule ID`).")
    static let whenSays = KeySpec(
      "when-says", .phrases, "Condition: the reply says one of these phrases.")
    static let atStep = KeySpec(
      "at-step", .word(steps), "Condition: the conversation is at this step.")
    static let beforeStep = KeySpec(
      "before-step", .word(steps), "Condition: it has not reached this step yet.")
    static let moodAtLeast = KeySpec(
      "mood-at-least", .number(0...10), "Condition: the mood is at least this.")
    static let moodAtMost = KeySpec(
      "mood-at-most", .number(0...10), "Condition: the mood is at most this.")
    static let knows = KeySpec("knows", .ids, "Condition: these facts are known.")
    static let unlessKnows = KeySpec(
      "unless-knows", .ids, "Condition: these facts are not known yet.")
    static let once = KeySpec("once", .flag, .defaults(.flag(true)), "Fire at most once.")
    static let say = KeySpec("say", .text, "Effect: what the customer says.")
    static let mood = KeySpec(
      "mood", .number(-10...10), .defaults(.number(0)),
      "Effect: the mood change (negative calms).")
    static let coach = KeySpec("coach", .text, "Effect: a coach note for the rep.")
    static let reveal = KeySpec("reveal", .id, "Effect: this fact comes out.")
    static let end = KeySpec(
      "end", .word(CoachKit.Rule.Ending.allCases.map(\.rawValue)),
      "Effect: the conversation ends.")

    static let spec = MappingSpec(
      "a rule",
      "When its conditions all hold, the customer says something, the mood changes, the coach "
        + "notes something, a fact comes out or the call ends.",
      [
        id, whenSays, atStep, beforeStep, moodAtLeast, moodAtMost, knows, unlessKnows, once, say,
        mood, coach, reveal, end,
      ])
  }

  // MARK: - Tests

  enum Test {
    static let name = KeySpec("name", .text, .required, "The test's name, shown when it fails.")
    static let conversationKey = KeySpec(
      "conversation", .sentences, .required, "The rep's replies, one per turn.")
    static let replyKey = KeySpec("reply", .text, .required, "The rep's reply.")
    static let context = KeySpec("context", .text, "The customer's line the reply answers.")
    static let step = KeySpec("step", .word(steps), "The step the conversation is at.")
    static let seed = KeySpec(
      "seed", .number(0...999_999_999), .defaults(.number(1)),
      "The seed that picks the customer's variants (reply tests do not use it).")
    static let conversationExpect = KeySpec(
      "expect", .mapping(ConversationExpect.spec), .required,
      "What the conversation must produce.")
    static let replyExpect = KeySpec(
      "expect", .mapping(ReplyExpect.spec), .required, "What the evaluator must find.")

    static let conversation = MappingSpec(
      "a test", "A conversation test: the rep's replies in order, and what must come of them.",
      [name, conversationKey, seed, conversationExpect])
    static let reply = MappingSpec(
      "a test", "A reply test: one reply, and what the evaluator must find in it.",
      [name, replyKey, context, step, seed, replyExpect])
    /// What the decoder reads: either kind of test, told apart by `conversation` or `reply`.
    static let spec = MappingSpec(
      "a test", "A test.",
      [
        name, KeySpec("conversation", .sentences, conversationKey.doc),
        KeySpec("reply", .text, replyKey.doc), context, step, seed,
        KeySpec("expect", .anyMapping, .required, "What the test must find."),
      ])
  }

  enum ConversationExpect {
    static let outcome = KeySpec(
      "outcome", .word(["resolved", "escalated", "abandoned"]),
      "How it ends: resolved, escalated, or abandoned (the replies ran out first).")
    static let events = KeySpec("events", .list(.event), "Events that must happen.")
    static let noEvents = KeySpec("no-events", .list(.event), "Events that must not happen.")
    static let scores = KeySpec(
      "scores", .mapping(Scores.spec), "The lowest score (0–100) each step may get.")
    static let maxTurns = KeySpec(
      "max-turns", .number(1...200), "The most replies it may take.")
    static let moodAtMost = KeySpec(
      "mood-at-most", .number(0...10), "The highest mood at the end.")
    static let moodAtLeast = KeySpec(
      "mood-at-least", .number(0...10), "The lowest mood at the end.")
    static let overallAtMost = KeySpec(
      "overall-at-most", .number(0...100),
      "The highest overall score: a run that must not pass a mark stays below it.")
    static let overallAtLeast = KeySpec(
      "overall-at-least", .number(0...100), "The lowest overall score.")

    static let spec = MappingSpec(
      "a conversation test's `expect`", "What the conversation must produce.",
      [
        outcome, events, noEvents, scores, maxTurns, moodAtMost, moodAtLeast, overallAtMost,
        overallAtLeast,
      ])
  }

  /// The lowest score of each step (a conversation test's `scores`, a curriculum's `step-marks`).
  enum Scores {
    static let keys = Step.allCases.map { step in
      KeySpec(step.rawValue, .number(0...100), "The lowest \(step.rawValue) score.")
    }
    static let spec = MappingSpec("`scores`", "The lowest score (0–100) of each step.", keys)
  }

  enum ReplyExpect {
    static let strengths = ["none", "weak", "strong"]
    static let stepKeys = Step.allCases.map { step in
      KeySpec(step.rawValue, .word(strengths), "The exact strength of the \(step.rawValue) step.")
    }
    static let signals = KeySpec(
      "signals", .list(.lexiconID), "Signal ids of the lexicon that must be found.")
    static let noSignals = KeySpec(
      "no-signals", .list(.lexiconID), "Signal ids that must not be found.")
    static let flags = KeySpec(
      "flags", .list(.lexiconID), "Anti-pattern ids of the lexicon that must be flagged.")
    static let noFlags = KeySpec(
      "no-flags", .list(.lexiconID), "Anti-pattern ids that must not be flagged.")

    static let spec = MappingSpec(
      "a reply test's `expect`", "What the evaluator must find.",
      stepKeys + [signals, noSignals, flags, noFlags])
  }
}
