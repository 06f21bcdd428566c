/// A JSON Schema (draft-07) of the script formats, for editors: with a YAML language server, an
/// editor validates `*.coach.yaml` files and completes and documents their keys as you type.
///
/// Every key has a description (shown on hover), fixed words are enums, numbers have their
/// ranges. A script's scalars are strings to `coach`, but an editor's YAML parser reads `7` as a
/// number and `true` as a boolean, so numbers and booleans accept both spellings, and free text
/// accepts anything a YAML scalar can be. The combined schema (``Kind/all``) tells the kinds
/// apart by their first key with `if`/`then`.
///
/// A test keeps the schema and the decoders from drifting apart: every mapping the schema
/// closes must have exactly the keys the decoder reads.
public enum ScriptSchema {
  /// Which script kinds the schema describes.
  public enum Kind: String, CaseIterable, Sendable {
    case scenario, curriculum, lexicon, method, all
  }

  /// The schema for `kind`, as a standalone draft-07 document.
  public static func schema(_ kind: Kind) -> JSONValue {
    let header: [(String, JSONValue)] = [
      ("$schema", "http://json-schema.org/draft-07/schema#"),
      ("title", .string(kind == .all ? "coach script" : "coach \(kind.rawValue) script")),
    ]
    let body: [(String, JSONValue)]
    switch kind {
    case .scenario: body = members(scenario)
    case .curriculum: body = members(curriculum)
    case .lexicon: body = members(lexicon)
    case .method: body = members(method)
    case .all:
      let kinds: [(String, JSONValue)] = [
        ("scenario", scenario), ("curriculum", curriculum), ("lexicon", lexicon),
        ("method", method),
      ]
      body = [
        (
          "description",
          .string(
            "A coach script. Its first key says what it is: `scenario:`, `curriculum:`, "
              + "`lexicon:` or `method:`.")
        ),
        ("type", "object"),
        (
          "anyOf",
          .array(kinds.map { .object([("required", .array([.string($0.0)]))]) })
        ),
        (
          "allOf",
          .array(
            kinds.map {
              .object([
                ("if", .object([("required", .array([.string($0.0)]))])),
                ("then", .object([("$ref", .string("#/definitions/\($0.0)"))])),
              ])
            })
        ),
        ("definitions", .object(kinds)),
      ]
    }
    return .object(header + body)
  }

  private static func members(_ value: JSONValue) -> [(String, JSONValue)] {
    if case .object(let members) = value { return members }
    return []
  }

  // MARK: - Building blocks

  /// Free text: any YAML scalar (an editor reads `2024` as a number, `coach` as text).
  static func text(_ description: String) -> JSONValue {
    .object([("description", .string(description)), ("type", ["string", "number", "boolean"])])
  }

  /// An id: lowercase letters, digits and `-`, starting with a letter.
  static func id(_ description: String) -> JSONValue {
    .object([
      ("description", .string(description)), ("type", "string"),
      ("pattern", "^[a-z][a-z0-9-]*$"),
    ])
  }

  /// A whole number within `range`, as a number or as digits.
  static func int(_ range: ClosedRange<Int>, _ description: String) -> JSONValue {
    .object([
      ("description", .string("\(description) (\(range.lowerBound) to \(range.upperBound))")),
      (
        "anyOf",
        [
          .object([
            ("type", "integer"), ("minimum", .int(range.lowerBound)),
            ("maximum", .int(range.upperBound)),
          ]),
          .object([("type", "string"), ("pattern", .string(pattern(for: range)))]),
        ]
      ),
    ])
  }

  /// A regular expression for the decimal spellings of the numbers in `range` (every value for
  /// small ranges; any 1–9 digits for large ones).
  static func pattern(for range: ClosedRange<Int>) -> String {
    guard range.count <= 250 else { return "^[+-]?[0-9]{1,9}$" }
    let positive = range.filter { $0 >= 0 }.map(String.init)
    let negative = range.filter { $0 < 0 }.map { String(-$0) }
    var parts: [String] = []
    if !positive.isEmpty { parts.append("\\+?(\(positive.joined(separator: "|")))") }
    if !negative.isEmpty { parts.append("-(\(negative.joined(separator: "|")))") }
    return "^(\(parts.joined(separator: "|")))$"
  }

  /// `true` or `false` (YAML 1.2 core spellings). `yes` and `no` are refused as text; an editor
  /// that reads YAML 1.1 turns them into booleans before the schema sees them, which no schema
  /// can tell apart, so the description says it too.
  static func bool(_ description: String) -> JSONValue {
    .object([
      ("description", .string("\(description) (`true` or `false`; not `yes` or `no`)")),
      (
        "anyOf",
        [
          .object([("type", "boolean")]),
          .object([("enum", ["true", "false", "True", "False", "TRUE", "FALSE"])]),
        ]
      ),
    ])
  }

  /// One of a fixed set of words.
  static func choice(_ words: [String], _ description: String) -> JSONValue {
    .object([("description", .string(description)), ("enum", .array(words.map { .string($0) }))])
  }

  /// An empty value (`key:` with nothing after it).
  static let empty: JSONValue = .object([("enum", [.null, ""])])

  /// A list of `item`s; one item alone counts as a list of one, and an empty value as none.
  static func list(_ item: JSONValue, _ description: String) -> JSONValue {
    .object([
      ("description", .string(description)),
      ("anyOf", [.object([("type", "array"), ("items", item)]), item, empty]),
    ])
  }

  /// A list of text phrases.
  static func phrases(_ description: String) -> JSONValue {
    list(text("A phrase."), description)
  }

  /// A list of signal or anti-pattern ids of the lexicon (`question.open`).
  static func lexiconIDs(_ description: String) -> JSONValue {
    list(
      .object([
        ("description", "A signal or anti-pattern id."), ("type", "string"),
        ("pattern", "^[a-z][a-z0-9.-]*$"),
      ]), description)
  }

  /// A list of ids.
  static func ids(_ description: String) -> JSONValue {
    list(id("An id."), description)
  }

  /// A mapping with exactly these keys.
  static func object(
    _ description: String, _ properties: [(String, JSONValue)], required: [String] = [],
    extra: [(String, JSONValue)] = []
  ) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("description", .string(description)), ("type", "object"),
      ("properties", .object(properties)), ("additionalProperties", false),
    ]
    if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
    return .object(members + extra)
  }

  /// A mapping from names the author chooses to `value`s.
  static func map(_ description: String, _ value: JSONValue) -> JSONValue {
    .object([
      ("description", .string(description)), ("type", "object"), ("additionalProperties", value),
    ])
  }

  static let steps = Step.allCases.map(\.rawValue)

  // MARK: - Scenario

  static let moodBand: JSONValue = .object([
    ("description", "A mood (0 calm to 10 furious) or an inclusive range like `6-10`."),
    (
      "anyOf",
      [
        .object([("type", "integer"), ("minimum", 0), ("maximum", 10)]),
        .object([
          ("type", "string"), ("pattern", "^ *(10|[0-9]) *([-–] *(10|[0-9]) *)?$"),
        ]),
      ]
    ),
  ])

  static let variants: JSONValue = list(
    .object([
      (
        "anyOf",
        [
          text("One way of saying the line."),
          object(
            "A line said only while the mood is in a band.",
            [
              ("say", text("What the customer says.")),
              ("mood", moodBand),
            ], required: ["say"]),
        ]
      )
    ]),
    "What the customer says: one line or a list of variants (one is picked at random, never "
      + "the same twice in a row). A variant with a `mood:` band is used only in that band.")

  static let stepLines: JSONValue = object(
    "The customer's lines at this step.",
    [
      ("good", variants.described("After a reply that did what this step needs.")),
      ("poor", variants.described("After a reply that did not.")),
    ])

  static let event: JSONValue = .object([
    (
      "description",
      .string(
        "An event: `reveal FACT`, `offer|accept|counter|refuse|too-soon|not-yet OPTION`, "
          + "`rule RULE`, or one of \(SessionEvent.bareNames.joined(separator: ", ")).")
    ),
    ("type", "string"),
    (
      "pattern",
      .string(
        "^((reveal|offer|accept|counter|refuse|too-soon|not-yet|rule) [a-z][a-z0-9-]*|"
          + "\(SessionEvent.bareNames.joined(separator: "|")))$")
    ),
  ])

  static let conversationTest: JSONValue = object(
    "A conversation test: the rep's replies in order, and what must come of them.",
    [
      ("name", text("The test's name, shown when it fails.")),
      ("conversation", phrases("The rep's replies, one per turn.")),
      ("seed", int(0...999_999_999, "The seed that picks the customer's variants (default 1)")),
      (
        "expect",
        object(
          "What the conversation must produce.",
          [
            (
              "outcome",
              choice(
                ["resolved", "escalated", "abandoned"],
                "How it ends: resolved, escalated, or abandoned (the replies ran out first).")
            ),
            ("events", list(event, "Events that must happen.")),
            ("no-events", list(event, "Events that must not happen.")),
            (
              "scores",
              object(
                "The lowest score (0–100) each step may get.",
                steps.map { ($0, int(0...100, "The lowest \($0) score")) })
            ),
            ("max-turns", int(1...200, "The most replies it may take")),
            ("mood-at-most", int(0...10, "The highest mood at the end")),
            ("mood-at-least", int(0...10, "The lowest mood at the end")),
          ])
      ),
    ], required: ["name", "conversation", "expect"])

  static let replyTest: JSONValue = object(
    "A reply test: one reply, and what the evaluator must find in it.",
    [
      ("name", text("The test's name, shown when it fails.")),
      ("reply", text("The rep's reply.")),
      ("context", text("The customer's line the reply answers (optional).")),
      ("step", choice(steps, "The step the conversation is at.")),
      ("seed", int(0...999_999_999, "Not used by reply tests; accepted for symmetry")),
      (
        "expect",
        object(
          "What the evaluator must find.",
          steps.map {
            ($0, choice(["none", "weak", "strong"], "The exact strength of the \($0) step."))
          } + [
            ("signals", lexiconIDs("Signal ids of the lexicon that must be found.")),
            ("no-signals", lexiconIDs("Signal ids that must not be found.")),
            ("flags", lexiconIDs("Anti-pattern ids of the lexicon that must be flagged.")),
            ("no-flags", lexiconIDs("Anti-pattern ids that must not be flagged.")),
          ])
      ),
    ], required: ["name", "reply", "expect"])

  static let scenario: JSONValue = object(
    "A practice scenario: an upset customer, what they know, what they will accept and how "
      + "they talk.",
    [
      ("scenario", id("The scenario's id; `coach practice ID` and curricula use it.")),
      ("title", text("A short title, shown in `coach list` and at the start.")),
      ("difficulty", int(1...5, "How hard the call is, 1 gentle to 5 hard")),
      ("tags", phrases("Words for finding the scenario in `coach list`.")),
      ("situation", text("What happened, told to the rep before the conversation starts.")),
      ("goal", text("What the rep should achieve (optional).")),
      (
        "customer",
        object(
          "Who the customer is and how the call starts.",
          [
            ("name", text("The customer's name.")),
            ("role", text("What they do (optional).")),
            ("company", text("Where they work (optional).")),
            ("backstory", text("What happened before this call (optional).")),
            ("mood", int(0...10, "How upset they are at the start, 0 calm to 10 furious")),
            (
              "patience",
              int(
                1...20, "How many replies that do not help they take before giving up (default 3)")
            ),
            ("opening", text("The first thing the customer says.")),
          ], required: ["name", "mood", "opening"])
      ),
      (
        "cues",
        map(
          "Extra cue phrases for the evaluator in this scenario, by signal or anti-pattern id "
            + "of the lexicon (`option: [courier, refund]`).",
          phrases("Phrases that count as this signal."))
      ),
      (
        "facts",
        list(
          object(
            "Something the customer knows and says only when the rep asks the right question.",
            [
              ("id", id("The fact's id, used by `needs-facts`, rules and tests.")),
              (
                "asked-by",
                phrases("Phrases in a question that bring this fact out (`order`, `deadline`).")
              ),
              ("reveal", text("What the customer says when it comes out.")),
              (
                "required",
                bool(
                  "Whether the rep must know it before an offer lands (default true). An open "
                    + "question brings out the next required fact by itself.")
              ),
            ], required: ["id", "asked-by", "reveal"]),
          "Hidden facts the rep uncovers by asking.")
      ),
      (
        "options",
        list(
          object(
            "Something the rep can offer, and how the customer takes it: give exactly one of "
              + "`accept`, `counter` or `refuse`.",
            [
              ("id", id("The option's id, used by tests (`accept courier`).")),
              ("offered-by", phrases("Phrases that mean the rep is offering this.")),
              ("needs-facts", ids("Facts the rep must know before this offer lands.")),
              ("accept", text("They take it: what they say. The call can move on to Check.")),
              ("counter", text("They push back: what they say. The rep should offer more.")),
              ("refuse", text("They turn it down: what they say.")),
              ("too-soon", text("What they say when it is offered before the needed facts.")),
              (
                "max-mood",
                int(0...10, "Above this mood they are too upset to accept, and say `not-yet`")
              ),
              ("not-yet", text("What they say when offered while too upset.")),
            ], required: ["id", "offered-by"],
            extra: [
              (
                "oneOf",
                [
                  .object([("required", ["accept"])]), .object([("required", ["counter"])]),
                  .object([("required", ["refuse"])]),
                ]
              )
            ]),
          "What the rep can offer.")
      ),
      (
        "lines",
        object(
          "What the customer says, by situation. Missing situations use the method's fallback "
            + "lines.",
          steps.map { ($0, stepLines) } + [
            ("summary", variants.described("After the rep summarises what they heard.")),
            ("leapfrog", variants.described("After an offer before the problem was understood.")),
            ("loop-back", variants.described("After a check while the customer is still upset.")),
            ("resolved", variants.described("The last line when the call ends well.")),
            ("escalated", variants.described("The last line when the customer gives up.")),
            (
              "antipatterns",
              map(
                "The customer's answer to an anti-pattern in the reply, by anti-pattern id of "
                  + "the lexicon (`calm-down`, `blame`, …).", variants)
            ),
          ])
      ),
      (
        "rules",
        list(
          object(
            "When its conditions all hold, the customer says something, the mood changes, the "
              + "coach notes something, a fact comes out or the call ends.",
            [
              ("id", id("The rule's id, used by tests (`rule ID`).")),
              ("when-says", phrases("Condition: the reply says one of these phrases.")),
              ("at-step", choice(steps, "Condition: the conversation is at this step.")),
              ("before-step", choice(steps, "Condition: it has not reached this step yet.")),
              ("mood-at-least", int(0...10, "Condition: the mood is at least this")),
              ("mood-at-most", int(0...10, "Condition: the mood is at most this")),
              ("knows", ids("Condition: these facts are known.")),
              ("unless-knows", ids("Condition: these facts are not known yet.")),
              ("once", bool("Fire at most once (default true).")),
              ("say", text("Effect: what the customer says.")),
              ("mood", int(-10...10, "Effect: the mood change (negative calms)")),
              ("coach", text("Effect: a coach note for the rep.")),
              ("reveal", id("Effect: this fact comes out.")),
              ("end", choice(["resolved", "escalated"], "Effect: the conversation ends.")),
            ], required: ["id"]),
          "Scenario rules.")
      ),
      (
        "tests",
        list(
          .object([("oneOf", [conversationTest, replyTest])]),
          "Tests `coach test` runs: conversations and single replies.")
      ),
      (
        "resolve-mood",
        int(0...10, "The highest mood at which a check question resolves the call (default 3)")
      ),
    ], required: ["scenario", "title", "difficulty", "situation", "customer", "options", "lines"])

  // MARK: - Curriculum

  static let stepMarks: JSONValue = object(
    "The lowest score (0–100) for individual steps of the method.",
    steps.map { ($0, int(0...100, "The lowest \($0) score")) })

  static let curriculumMode = choice(
    ["practice", "exam"], "practice: coaching notes after every reply; exam: none.")

  static let curriculum: JSONValue = object(
    "An onboarding drill: scenarios in order, each with a pass mark, attempts and unlock rules.",
    [
      ("curriculum", id("The curriculum's id; `coach drill ID` uses it.")),
      ("title", text("The drill's title.")),
      ("description", text("What the drill is about (optional).")),
      ("mode", curriculumMode.described("The default mode of every scenario.")),
      ("pass-mark", int(0...100, "The default overall score that passes a scenario (default 60)")),
      ("step-marks", stepMarks),
      ("max-attempts", int(1...99, "The default number of sessions a rep may play")),
      ("must-resolve", bool("Whether a pass also needs the call resolved (default false).")),
      ("overall-mark", int(0...100, "The mean of the best scores needed to pass the whole drill")),
      (
        "scenarios",
        list(
          .object([
            (
              "anyOf",
              [
                id("A scenario id, with the curriculum's defaults."),
                object(
                  "A scenario with its own marks and unlock rules.",
                  [
                    ("scenario", id("The scenario's id.")),
                    ("pass-mark", int(0...100, "The overall score that passes")),
                    ("step-marks", stepMarks),
                    ("mode", curriculumMode),
                    ("max-attempts", int(1...99, "How many sessions a rep may play")),
                    ("must-resolve", bool("Whether a pass also needs the call resolved.")),
                    (
                      "after",
                      ids("Entries that must be passed first (default: the entry before).")
                    ),
                  ], required: ["scenario"]),
              ]
            )
          ]), "The scenarios, easiest first.")
      ),
    ], required: ["curriculum", "title", "scenarios"])

  // MARK: - Method

  static let method: JSONValue = object(
    "The coaching method as data: what each step asks, how replies move the mood, the coach's "
      + "notes and the customer's fallback lines.",
    [
      ("method", id("The method's id (its language, like `en`).")),
      ("title", text("The method's name.")),
      (
        "steps",
        object(
          "What each step asks of the rep.",
          steps.map {
            (
              $0,
              object(
                "The \($0) step.",
                [
                  ("goal", text("One line: what the step is for.")),
                  ("hint", text("What to try now (`/hint`).")),
                  ("practise", text("Advice for the debrief when this step was weak.")),
                ], required: ["goal", "hint", "practise"])
            )
          }, required: steps)
      ),
      (
        "mood",
        object(
          "How replies move the customer's mood: negative numbers calm, positive anger.",
          [
            ("empathy-strong", int(-5...5, "A reply that clearly showed empathy")),
            ("empathy-weak", int(-5...5, "Some empathy")),
            ("fact-revealed", int(-5...5, "A question let them explain something that matters")),
            ("summary", int(-5...5, "The rep summarised what they heard")),
            ("accepted", int(-5...5, "The customer accepted an offer")),
            ("leapfrog", int(-5...5, "An offer before the problem was understood")),
            ("poor-reply", int(-5...5, "A reply that did nothing for the current step")),
            ("loop-back", int(-5...5, "A check while upset remained")),
            ("antipattern", int(-5...5, "Each anti-pattern not listed under `antipatterns`")),
            (
              "antipatterns",
              map("Mood change per anti-pattern id.", int(-5...5, "The mood change"))
            ),
            ("accept-at-most", int(0...10, "Above this mood an offer is not accepted yet")),
            ("empathy-credit", int(1...6, "Empathy needed to move on (strong 2, weak 1)")),
          ],
          required: [
            "empathy-strong", "empathy-weak", "fact-revealed", "summary", "accepted", "leapfrog",
            "poor-reply", "loop-back", "antipattern", "accept-at-most", "empathy-credit",
          ])
      ),
      (
        "notes",
        object(
          "The coach's notes; `{quote}`, `{fact}`, `{option}`, `{step}`, `{hint}` and `{tip}` "
            + "are filled in.",
          Method.noteNames.map { ($0, text("The `\($0)` note.")) }, required: Method.noteNames)
      ),
      (
        "fallback-lines",
        object(
          "Customer lines for situations a scenario has no lines of its own for.",
          Method.fallbackNames.map { ($0, phrases("Lines for `\($0)`.")) },
          required: Method.fallbackNames)
      ),
    ], required: ["method", "title", "steps", "mood", "notes", "fallback-lines"])

  // MARK: - Lexicon

  static let table = map("A table of `text: replacement` lines.", text("The replacement."))

  static let group: JSONValue = object(
    "A signal (something good a reply does) or an anti-pattern (something to avoid).",
    [
      ("id", text("The id scripts and tests use (`apology`, `calm-down`).")),
      ("step", choice(steps + ["none"], "The step it counts for, or `none`.")),
      ("weight", int(0...10, "How much one match counts (default 1)")),
      ("title", text("Its name for people.")),
      ("cues", phrases("Phrases that find it (`{class}` for a word class, `*` for any word).")),
      ("weak-cues", phrases("Phrases that find it weakly.")),
      ("not-when", phrases("Phrases that cancel a match around it.")),
      ("negatable", bool("Whether a negation cancels it (default true).")),
      (
        "hostile",
        bool(
          "An anti-pattern that, with nothing to soften it, also makes the reply blunt "
            + "(default false).")
      ),
      (
        "auxiliary",
        bool(
          "A signal that only strengthens its step when another signal of the step is found "
            + "(default false).")
      ),
      ("overrides", ids("Signals this anti-pattern cancels when both are found.")),
      ("tip", text("Advice shown when it is found (anti-patterns) or missing.")),
      ("rewrite", text("A better way to say it; `{text}` is the matched words.")),
    ], required: ["id"])

  static let lexicon: JSONValue = object(
    "The evaluator's cue lexicon for one language: normalisation, grammar words, signals, "
      + "anti-patterns and tips.",
    [
      ("lexicon", text("The language (`en`).")),
      ("title", text("The lexicon's name.")),
      ("description", text("What it is for.")),
      (
        "normalise",
        object(
          "How replies are normalised before matching.",
          [
            ("contractions", table.described("Contractions and their long forms.")),
            ("suffixes", table.described("Word endings and their replacements.")),
            ("spellings", table.described("Spelling variants and the spelling to use.")),
            ("abbreviations", phrases("Words with a full stop that do not end a sentence.")),
            (
              "stemmer",
              object(
                "Stemmer exceptions.",
                [
                  ("exceptions", table.described("Words and their stems.")),
                  ("keep", phrases("Words never stemmed.")),
                  ("prefixes", phrases("Prefixes kept when stemming.")),
                ])
            ),
          ], required: ["contractions"])
      ),
      (
        "grammar",
        object(
          "Words the rules need: negation, questions, pronouns, word classes.",
          [
            ("negators", phrases("Words that negate (`not`, `never`).")),
            ("negation-window", int(1...10, "How many words a negator reaches")),
            ("negation-exceptions", phrases("Phrases with a negator that are not negations.")),
            ("clause-breaks", phrases("Words that end a negation's reach.")),
            ("contrast", phrases("Words like `but` that undo what came before.")),
            ("auxiliaries", phrases("Auxiliary verbs (`can`, `will`).")),
            ("question-words", phrases("Words that open a question (`what`, `how`).")),
            ("closed-question-words", phrases("Question words that ask closed questions.")),
            (
              "closed-after-question-word",
              phrases("Words after a question word that make it closed.")
            ),
            ("subjects", phrases("Subject words in questions (`you`, `it`).")),
            ("lead-ins", phrases("Words that may come before a question word.")),
            ("open-requests", phrases("Requests that count as open questions (`tell me`).")),
            ("indirect-questions", phrases("Phrases that make a question without `?`.")),
            ("fact-nouns", phrases("Nouns that ask about facts.")),
            ("choice-words", phrases("Words that offer a choice (`or`, `either`).")),
            (
              "pronouns",
              object(
                "Pronouns by person.",
                [
                  ("i", phrases("First person singular.")),
                  ("you", phrases("Second person.")),
                  ("we", phrases("First person plural.")),
                ], required: ["i", "you", "we"])
            ),
            ("stopwords", phrases("Words that carry no meaning on their own.")),
            ("acronyms", phrases("Words in capitals that are not shouting.")),
            ("classes", map("Word classes cue phrases name in braces.", phrases("The words."))),
          ], required: ["negators", "auxiliaries", "question-words", "subjects", "pronouns"])
      ),
      (
        "thresholds",
        object(
          "Numbers the rules use.",
          [
            ("curt-max-words", int(0...50, "Replies this short are curt")),
            ("rambling-min-words", int(1...10_000, "Replies this long ramble")),
            ("rambling-sentence-words", int(1...10_000, "Sentences this long ramble")),
            ("caps-min-words", int(1...100, "Words in capitals that count as shouting")),
            ("caps-min-letters", int(1...100, "Letters a capitalised word needs")),
            ("exclamation-run", int(1...100, "Exclamation marks in a row that shout")),
            ("i-you-min-count", int(1...1000, "`I` and `you` words before i-you is checked")),
            ("i-you-min-percent", int(0...100, "The share of `I` that flags i-you")),
            ("stuffing-percent", int(1...100, "The share of cue words that is stuffing")),
            ("stuffing-min-cues", int(1...100, "Cues before stuffing is checked")),
            ("echo-min-words", int(1...100, "Words a summary must echo")),
            (
              "echo-any-min-words",
              int(1...100, "Words any other statement must echo to reflect the customer")
            ),
            (
              "restatement-min-words",
              int(1...100, "Words a \"So...\" statement about the customer needs to restate")
            ),
            ("weak", int(1...100, "The score for a weak step")),
            ("strong", int(1...100, "The score for a strong step")),
            ("choice-bonus", int(0...100, "The bonus for offering a choice")),
          ])
      ),
      (
        "quality",
        object(
          "How a reply's quality (0-100) is worked out: a base, points per step strength, "
            + "points taken per point of anti-pattern weight and for leapfrogging.",
          [("base", int(0...100, "Points every reply starts with"))]
            + Step.allCases.flatMap { step in
              [
                ("\(step.rawValue)-weak", int(0...100, "Points for weak \(step.rawValue)")),
                ("\(step.rawValue)-strong", int(0...100, "Points for strong \(step.rawValue)")),
              ]
            } + [
              ("antipattern", int(0...100, "Points taken per point of anti-pattern weight")),
              ("leapfrog", int(0...100, "Points taken for an offer before understanding")),
            ])
      ),
      ("signals", list(group, "Good things a reply does.")),
      ("antipatterns", list(group, "Things a reply should avoid.")),
      (
        "tips",
        object(
          "General tips for the debrief.",
          Lexicon.TipKey.allCases.map { ($0.rawValue, text("The `\($0.rawValue)` tip.")) },
          required: Lexicon.TipKey.allCases.map(\.rawValue))
      ),
      (
        "evidence",
        object(
          "What the rules' evidence says; `{n}`-style slots are filled in.",
          Lexicon.EvidenceKey.allCases.map {
            ($0.rawValue, text("The `\($0.rawValue)` evidence."))
          },
          required: Lexicon.EvidenceKey.allCases.map(\.rawValue))
      ),
      (
        "assumptions",
        .object([
          (
            "description",
            .string(
              "The left-hand column's assumption kinds, hedges and follow-up plan phrasing "
                + "(docs/REFLECT.md).")
          ),
          ("type", "object"),
        ])
      ),
      (
        "recap",
        .object([
          ("description", "The written recap's checks and draft phrasing (docs/REFLECT.md)."),
          ("type", "object"),
        ])
      ),
    ], required: ["lexicon", "normalise", "grammar", "signals", "antipatterns", "tips", "evidence"])
}

extension JSONValue {
  /// The same schema with its `description` replaced (or added).
  func described(_ description: String) -> JSONValue {
    guard case .object(var members) = self else { return self }
    members.removeAll { $0.0 == "description" }
    return .object([("description", .string(description))] + members)
  }
}
