/// The keys of the lexicon script, each described once (see ``KeySpec``). Its sections
/// `assumptions` and `recap` are described in docs/REFLECT.md.
enum LexiconKeys {
  static let lexicon = KeySpec("lexicon", .text, .required, "The language (`en`).")
  static let title = KeySpec("title", .text, "The lexicon's name.")
  static let description = KeySpec("description", .text, "What it is for.")
  static let normalise = KeySpec(
    "normalise", .mapping(Normalise.spec), .required,
    "How replies are normalised before matching.")
  static let grammar = KeySpec(
    "grammar", .mapping(Grammar.spec), .required,
    "Words the rules need: negation, questions, pronouns, word classes.")
  static let thresholds = KeySpec(
    "thresholds", .mapping(Thresholds.spec), "Numbers the rules use.")
  static let quality = KeySpec(
    "quality", .mapping(Quality.spec),
    "How a reply's quality (0-100) is worked out: a base, points per step strength, points taken "
      + "per point of anti-pattern weight and for leapfrogging.")
  static let signals = KeySpec(
    "signals", .list(.mapping(Group.signal)), .required, "Good things a reply does.")
  static let antipatterns = KeySpec(
    "antipatterns", .list(.mapping(Group.antipattern)), .required, "Things a reply should avoid.")
  static let topics = KeySpec(
    "topics", .mapping(Topics.spec),
    "What questions ask about and offers name: words that name nothing in particular, and "
      + "groups of words for the same thing, for matching a reply against a scenario's facts and "
      + "options.")
  static let tips = KeySpec(
    "tips", .mapping(texts("`tips`", "General tips for the debrief.", "tip", Lexicon.TipKey.self)),
    .required, "General tips for the debrief.")
  static let evidence = KeySpec(
    "evidence",
    .mapping(
      texts(
        "`evidence`", "What the rules' evidence says.", "evidence", Lexicon.EvidenceKey.self)),
    .required, "What the rules' evidence says; `{n}`-style slots are filled in.")
  static let assumptions = KeySpec(
    "assumptions", .mapping(Assumptions.spec),
    "The left-hand column's assumption kinds, hedges and follow-up plan phrasing "
      + "(docs/REFLECT.md).")
  static let recap = KeySpec(
    "recap", .mapping(Recap.spec),
    "The written recap's checks and draft phrasing (docs/REFLECT.md).")

  static let spec = MappingSpec(
    "the lexicon",
    "The evaluator's cue lexicon for one language: normalisation, grammar words, signals, "
      + "anti-patterns and tips.",
    [
      lexicon, title, description, normalise, grammar, thresholds, quality, topics, signals,
      antipatterns, tips, evidence, assumptions, recap,
    ])

  /// A mapping with one required text per case of `Key` (`tips`, `evidence`).
  static func texts<Key: RawRepresentable & CaseIterable>(
    _ what: String, _ doc: String, _ noun: String, _ key: Key.Type
  ) -> MappingSpec where Key.RawValue == String {
    MappingSpec(
      what, doc,
      Key.allCases.map { KeySpec($0.rawValue, .text, .required, "The `\($0.rawValue)` \(noun).") })
  }

  /// A mapping of `text: replacement` lines.
  static let table = ValueType.map(.text, keys: "text")

  enum Normalise {
    static let contractions = KeySpec(
      "contractions", table, .required, "Contractions and their long forms.")
    static let suffixes = KeySpec("suffixes", table, "Word endings and their replacements.")
    static let spellings = KeySpec(
      "spellings", table, "Spelling variants and the spelling to use.")
    static let abbreviations = KeySpec(
      "abbreviations", .phrases, "Words with a full stop that do not end a sentence.")
    static let stemmer = KeySpec("stemmer", .mapping(Stemmer.spec), "Stemmer exceptions.")

    static let spec = MappingSpec(
      "`normalise`", "How replies are normalised before matching.",
      [contractions, suffixes, spellings, abbreviations, stemmer])
  }

  enum Stemmer {
    static let exceptions = KeySpec("exceptions", table, "Words and their stems.")
    static let keep = KeySpec("keep", .phrases, "Words never stemmed.")
    static let prefixes = KeySpec("prefixes", .phrases, "Prefixes kept when stemming.")
    static let spec = MappingSpec("`stemmer`", "Stemmer exceptions.", [exceptions, keep, prefixes])
  }

  enum Topics {
    static let open = KeySpec(
      "open", .phrases,
      "Words a question can be made of without asking about anything in particular "
        + "(`happen`, `tell`, `more`): such a question invites the customer's story.")
    static let groups = KeySpec(
      "groups", .map(.phrases, keys: "topic name"),
      "Groups of single words that name the same thing (`refund`, `reimburse`, `repay`).")
    static let spec = MappingSpec(
      "`topics`", "What questions ask about and offers name.", [open, groups])
  }

  enum Grammar {
    static let negators = KeySpec(
      "negators", .phrases, .required, "Words that negate (`not`, `never`).")
    static let negationWindow = KeySpec(
      "negation-window", .number(1...10), "How many words a negator reaches.")
    static let negationExceptions = KeySpec(
      "negation-exceptions", .phrases, "Phrases with a negator that are not negations.")
    static let clauseBreaks = KeySpec(
      "clause-breaks", .phrases, "Words that end a negation's reach.")
    static let contrast = KeySpec(
      "contrast", .phrases, "Words like `but` that undo what came before.")
    static let auxiliaries = KeySpec(
      "auxiliaries", .phrases, .required, "Auxiliary verbs (`can`, `will`).")
    static let questionWords = KeySpec(
      "question-words", .phrases, .required, "Words that open a question (`what`, `how`).")
    static let closedQuestionWords = KeySpec(
      "closed-question-words", .phrases, "Question words that ask closed questions.")
    static let closedAfterQuestionWord = KeySpec(
      "closed-after-question-word", .phrases, "Words after a question word that make it closed.")
    static let subjects = KeySpec(
      "subjects", .phrases, .required, "Subject words in questions (`you`, `it`).")
    static let leadIns = KeySpec(
      "lead-ins", .phrases, "Words that may come before a question word.")
    static let openRequests = KeySpec(
      "open-requests", .phrases, "Requests that count as open questions (`tell me`).")
    static let indirectQuestions = KeySpec(
      "indirect-questions", .phrases, "Phrases that make a question without `?`.")
    static let factNouns = KeySpec("fact-nouns", .phrases, "Nouns that ask about facts.")
    static let choiceWords = KeySpec(
      "choice-words", .phrases, "Words that offer a choice (`or`, `either`).")
    static let pronouns = KeySpec(
      "pronouns", .mapping(Pronouns.spec), .required, "Pronouns by person.")
    static let stopwords = KeySpec(
      "stopwords", .phrases, "Words that carry no meaning on their own.")
    static let acronyms = KeySpec("acronyms", .phrases, "Words in capitals that are not shouting.")
    static let classes = KeySpec(
      "classes", .map(.phrases, keys: "class name"), "Word classes cue phrases name in braces.")

    static let spec = MappingSpec(
      "`grammar`", "Words the rules need: negation, questions, pronouns, word classes.",
      [
        negators, negationWindow, negationExceptions, clauseBreaks, contrast, auxiliaries,
        questionWords, closedQuestionWords, closedAfterQuestionWord, subjects, leadIns,
        openRequests, indirectQuestions, factNouns, choiceWords, pronouns, stopwords, acronyms,
        classes,
      ])
  }

  enum Pronouns {
    static let i = KeySpec("i", .phrases, .required, "First person singular.")
    static let you = KeySpec("you", .phrases, .required, "Second person.")
    static let we = KeySpec("we", .phrases, .required, "First person plural.")
    static let spec = MappingSpec("`pronouns`", "Pronouns by person.", [i, you, we])
  }

  enum Thresholds {
    static let curtMaxWords = KeySpec(
      "curt-max-words", .number(0...50), "Replies this short, with nothing warm, are curt.")
    static let bluntMaxWords = KeySpec(
      "blunt-max-words", .number(0...100), "Replies this short that start with an order are blunt.")
    static let ramblingMinWords = KeySpec(
      "rambling-min-words", .number(1...10_000), "Replies this long ramble.")
    static let ramblingSentenceWords = KeySpec(
      "rambling-sentence-words", .number(1...10_000), "Sentences this long ramble.")
    static let capsMinWords = KeySpec(
      "caps-min-words", .number(1...100), "Words in capitals that count as shouting.")
    static let capsMinLetters = KeySpec(
      "caps-min-letters", .number(1...100), "Letters a capitalised word needs.")
    static let exclamationRun = KeySpec(
      "exclamation-run", .number(1...100), "Exclamation marks in a row that shout.")
    static let iYouMinCount = KeySpec(
      "i-you-min-count", .number(1...1000), "`I` and `you` words before i-you is checked.")
    static let iYouMinPercent = KeySpec(
      "i-you-min-percent", .number(0...100), "The share of `I` that flags i-you.")
    static let stuffingPercent = KeySpec(
      "stuffing-percent", .number(1...100), "The share of cue words that is stuffing.")
    static let stuffingMinCues = KeySpec(
      "stuffing-min-cues", .number(1...100), "Cues before stuffing is checked.")
    static let echoMinWords = KeySpec(
      "echo-min-words", .number(1...100), "Words a summary must echo.")
    static let echoAnyMinWords = KeySpec(
      "echo-any-min-words", .number(1...100),
      "Words any other statement must echo to reflect the customer.")
    static let restatementMinWords = KeySpec(
      "restatement-min-words", .number(1...100),
      "Words a \"So...\" statement about the customer needs to restate.")
    static let weak = Step.allCases.map {
      KeySpec(
        "\($0.rawValue)-weak", .number(1...100), "The score from which \($0.rawValue) is weak.")
    }
    static let strong = Step.allCases.map {
      KeySpec(
        "\($0.rawValue)-strong", .number(1...100), "The score from which \($0.rawValue) is strong.")
    }
    static let choiceBonus = KeySpec(
      "choice-bonus", .number(0...100), "The bonus for offering a choice.")

    static let spec = MappingSpec(
      "`thresholds`", "Numbers the rules use.",
      [
        curtMaxWords, bluntMaxWords, ramblingMinWords, ramblingSentenceWords, capsMinWords,
        capsMinLetters, exclamationRun, iYouMinCount, iYouMinPercent, stuffingPercent,
        stuffingMinCues, echoMinWords, echoAnyMinWords, restatementMinWords,
      ] + zip(weak, strong).flatMap { [$0, $1] } + [choiceBonus])
  }

  enum Quality {
    static let base = KeySpec("base", .number(0...100), "Points every reply starts with.")
    static let weak = Step.allCases.map {
      KeySpec("\($0.rawValue)-weak", .number(0...100), "Points for weak \($0.rawValue).")
    }
    static let strong = Step.allCases.map {
      KeySpec("\($0.rawValue)-strong", .number(0...100), "Points for strong \($0.rawValue).")
    }
    static let antipattern = KeySpec(
      "antipattern", .number(0...100), "Points taken per point of anti-pattern weight.")
    static let leapfrog = KeySpec(
      "leapfrog", .number(0...100), "Points taken for an offer before understanding.")

    static let spec = MappingSpec(
      "`quality`", "How a reply's quality (0-100) is worked out.",
      [base] + zip(weak, strong).flatMap { [$0, $1] } + [antipattern, leapfrog])
  }

  /// A signal or an anti-pattern.
  enum Group {
    static let id = KeySpec(
      "id", .text, .required, "The id scripts and tests use (`apology`, `calm-down`).")
    static let step = KeySpec(
      "step", .word(Step.allCases.map(\.rawValue) + ["none"]), "The step it counts for, or `none`.")
    static let weight = KeySpec(
      "weight", .number(0...10), .defaults(.number(1)), "How much one match counts.")
    static let title = KeySpec(
      "title", .text, .defaults(.described("its id")), "Its name for people.")
    static let cues = KeySpec(
      "cues", .phrases, "Phrases that find it (`{class}` for a word class, `*` for any word).")
    static let weakCues = KeySpec("weak-cues", .phrases, "Phrases that find it weakly.")
    static let notWhen = KeySpec("not-when", .phrases, "Phrases that cancel a match around it.")
    static let negatable = KeySpec(
      "negatable", .flag, .defaults(.flag(true)), "Whether a negation cancels it.")
    static let auxiliary = KeySpec(
      "auxiliary", .flag, .defaults(.flag(false)),
      "A signal that only strengthens its step when another signal of the step is found.")
    static let hostile = KeySpec(
      "hostile", .flag, .defaults(.flag(false)),
      "An anti-pattern that, with nothing to soften it, also makes the reply blunt.")
    static let overrides = KeySpec(
      "overrides", .ids, "Signals this anti-pattern cancels when both are found.")
    static let yieldsToContrast = KeySpec(
      "yields-to-contrast", .flag, .defaults(.flag(false)),
      "An anti-pattern that a contrast word takes back when the rep does something after it in "
        + "the sentence (\"the policy says 30 days, but I'm making an exception\").")
    static let yieldsToSummary = KeySpec(
      "yields-to-summary", .flag, .defaults(.flag(false)),
      "An anti-pattern taken back inside a summary the rep tells back (\"so let me check I've "
        + "got it: you never saw the bill coming\").")
    static let yieldsTo = KeySpec(
      "yields-to", .ids,
      "Signals that take this anti-pattern back when one is found in its sentence (the records "
        + "cited to own a mistake: \"our records show you paid twice, which is our error\").")
    static let tip = KeySpec(
      "tip", .text, "Advice shown when it is found (anti-patterns) or missing.")
    static let rewrite = KeySpec(
      "rewrite", .text, "A better way to say it; `{text}` is the matched words.")

    static let keys = [
      id, step, weight, title, cues, weakCues, notWhen, negatable, auxiliary, hostile, overrides,
      yieldsToContrast, yieldsToSummary, yieldsTo, tip, rewrite,
    ]
    static let doc =
      "A signal (something good a reply does) or an anti-pattern (something to avoid)."
    static let signal = MappingSpec("a signal", doc, keys)
    static let antipattern = MappingSpec("an anti-pattern", doc, keys)
  }

  // MARK: - The reflection sections (docs/REFLECT.md)

  enum Assumptions {
    static let classes = KeySpec(
      "classes", .map(.phrases, keys: "class name"),
      "Word classes the kinds' cues name in braces (`{other}`); a quoted empty item stands for "
        + "no word.")
    static let hedges = KeySpec(
      "hedges", .phrases, "Words before a match that make it a hypothesis (`maybe`).")
    static let denials = KeySpec(
      "denials", .phrases, "Phrases that cancel matches after them (`i doubt`).")
    static let kinds = KeySpec(
      "kinds", .list(.mapping(Kind.spec)), .required, "The kinds of assumption.")
    static let plan = KeySpec(
      "plan", .mapping(Plan.spec), "The phrasing of the follow-up plan.")
    static let spec = MappingSpec(
      "`assumptions`", "The left-hand column's assumption kinds, hedges and plan phrasing.",
      [classes, hedges, denials, kinds, plan])
  }

  enum Kind {
    static let id = KeySpec("id", .text, .required, "The kind's id (`mind-reading`).")
    static let title = KeySpec("title", .text, .defaults(.described("its id")), "Its name.")
    static let why = KeySpec("why", .text, "Why it is an assumption.")
    static let cues = KeySpec("cues", .phrases, .required, "Phrases that find it.")
    static let notWhen = KeySpec("not-when", .phrases, "Phrases that cancel a match they overlap.")
    static let questions = KeySpec(
      "questions", .phrases, .required,
      "Testing questions; `{text}` is the flagged words, `{sentence}` their sentence.")
    static let spec = MappingSpec(
      "an assumption kind", "A kind of assumption and how to find and test it.",
      [id, title, why, cues, notWhen, questions])
  }

  enum Plan {
    static let topic = KeySpec("topic", .text, "The plan's topic line.")
    static let askGoals = KeySpec("ask-goals", .phrases, "Questions about their goals.")
    static let askBlockers = KeySpec("ask-blockers", .phrases, "Questions about what blocks them.")
    static let shareGoals = KeySpec("share-goals", .phrases, "Ways to share your goals.")
    static let shareGoalsAgreed = KeySpec(
      "share-goals-agreed", .phrases, "Ways to share your goals with the offer they accepted.")
    static let shareBarriers = KeySpec(
      "share-barriers", .phrases, "Ways to share your barriers.")
    static let checkFact = KeySpec(
      "check-fact", .text, .defaults(.described("`{fact}`")), "How a fact to confirm is put.")
    static let checkHypothesis = KeySpec(
      "check-hypothesis", .text, .defaults(.described("`{text}`")),
      "How a hypothesis to check is put.")
    static let opening = KeySpec("opening", .text, "An opening line in \"we\" language.")
    static let spec = MappingSpec(
      "`plan`", "The phrasing of the follow-up plan.",
      [
        topic, askGoals, askBlockers, shareGoals, shareGoalsAgreed, shareBarriers, checkFact,
        checkHypothesis, opening,
      ])
  }

  enum Recap {
    static let checks = KeySpec(
      "checks", .list(.mapping(Check.spec)), .required, "The checks a recap is scored by.")
    static let draft = KeySpec("draft", .mapping(Draft.spec), "The phrasing of `--draft`.")
    static let spec = MappingSpec(
      "`recap`", "The written recap's checks and draft phrasing.", [checks, draft])
  }

  enum Check {
    static let id = KeySpec("id", .text, .required, "The check's id (`agreed`).")
    static let title = KeySpec("title", .text, .defaults(.described("its id")), "Its name.")
    static let weight = KeySpec(
      "weight", .number(0...10), .defaults(.number(1)), "How much it counts in the score.")
    static let expect = KeySpec(
      "expect",
      .word(Lexicon.RecapCheckRule.Expectation.allCases.map(\.rawValue)),
      .defaults(.word(Lexicon.RecapCheckRule.Expectation.present.rawValue)),
      "present: passes when found; absent: passes when none is found.")
    static let cues = KeySpec("cues", .phrases, "Phrases it looks for.")
    static let notWhen = KeySpec("not-when", .phrases, "Phrases that cancel a match.")
    static let signals = KeySpec("signals", .list(.lexiconID), "Signals of the lexicon that count.")
    static let antipatterns = KeySpec(
      "antipatterns", .list(.lexiconID), "Anti-patterns of the lexicon that count.")
    static let alsoCues = KeySpec(
      "also-cues", .phrases, "A second part that must be found too (half marks alone).")
    static let alsoSignals = KeySpec(
      "also-signals", .list(.lexiconID), "Signals that count as the second part.")
    static let sameSentence = KeySpec(
      "same-sentence", .flag, .defaults(.flag(false)), "Both parts must be in one sentence.")
    static let sessionPhrases = KeySpec(
      "session-phrases", .flag, .defaults(.flag(false)),
      "The session's agreed option phrases count as the second part.")
    static let needsAny = KeySpec("needs-any", .phrases, "Phrases one of which must be found.")
    static let notWithAntipatterns = KeySpec(
      "not-with-antipatterns", .list(.lexiconID), "Anti-patterns that make it fail.")
    static let minWords = KeySpec(
      "min-words", .number(0...100_000), "The fewest words for a pass.")
    static let maxWords = KeySpec(
      "max-words", .number(1...100_000), "The most words for a pass.")
    static let longWords = KeySpec(
      "long-words", .number(1...100_000), "The most words for half marks.")
    static let tip = KeySpec("tip", .text, "Advice when it does not pass.")
    static let spec = MappingSpec(
      "a recap check", "One check of a written recap.",
      [
        id, title, weight, expect, cues, notWhen, signals, antipatterns, alsoCues, alsoSignals,
        sameSentence, sessionPhrases, needsAny, notWithAntipatterns, minWords, maxWords,
        longWords, tip,
      ])
  }

  enum Draft {
    static let keys: [KeySpec] = [
      ("greeting", "The greeting."), ("thanks", "The thanks."),
      ("agreed", "The agreed solution; `{agreed}` is filled in."),
      ("no-agreement", "Said when nothing was agreed."), ("facts", "The facts they gave."),
      ("commitments", "The commitments with a time."),
      ("no-commitments", "Said when there are none."), ("next-contact", "The next contact."),
      ("closing", "The closing line."),
    ].map { KeySpec($0.0, .text, $0.1) }
    static let spec = MappingSpec("`draft`", "The phrasing of `--draft`.", keys)
  }
}
