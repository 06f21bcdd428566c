/// The cue lexicon of the evaluator: every word, phrase, weight, tip and threshold it uses.
///
/// A lexicon is data, decoded from a script whose first key is `lexicon:` (see
/// `Scripts/lexicon.en.coach.yaml`). The evaluator's code holds no words of any language; it
/// compiles a lexicon once into an ``Evaluator``.
public struct Lexicon: Hashable, Sendable {
  /// The language marker, `en` for the bundled lexicon.
  public var language: String
  /// How reply text is normalised before matching.
  public var normalisation: Normalisation
  /// Words and thresholds of the syntax rules: negation, contrast, questions, pronouns.
  public var grammar: Grammar
  /// Length, shouting and keyword-stuffing thresholds, and strength cut-offs.
  public var thresholds: Thresholds
  /// The cue groups that earn credit, in lexicon order.
  public var signals: [CueGroup]
  /// The cue groups that cost credit, in lexicon order.
  public var antipatterns: [CueGroup]
  /// General tips, keyed by situation (see ``TipKey``).
  public var tips: [String: String]
  /// The wording of the evidence the rules report, keyed by ``EvidenceKey``, with `{n}`-style
  /// slots: "{n} words in capitals".
  public var evidence: [String: String] = [:]
  /// How a reply's quality (0–100) is worked out from its step strengths and anti-patterns.
  public var quality: QualityWeights = .init()
  /// What questions ask about and offers name: groups of related words, for matching a reply's
  /// content against a scenario's facts and options.
  public var topics: Topics = .init()
  /// Sections read by other features (see ``Lexicon/otherSections``), as written.
  public var otherSections: [String: Node] = [:]

  public init(
    language: String, normalisation: Normalisation = .init(), grammar: Grammar = .init(),
    thresholds: Thresholds = .init(), signals: [CueGroup] = [], antipatterns: [CueGroup] = [],
    tips: [String: String] = [:]
  ) {
    self.language = language
    self.normalisation = normalisation
    self.grammar = grammar
    self.thresholds = thresholds
    self.signals = signals
    self.antipatterns = antipatterns
    self.tips = tips
  }

  /// The points of a reply's quality, under `quality:` in the lexicon: a base, points for each
  /// step's weak or strong strength, and points taken for each point of anti-pattern weight and
  /// for leapfrogging. The result is clamped to 0…100.
  public struct QualityWeights: Hashable, Sendable {
    public var base = 30
    /// Points for a weak and a strong strength, in step order.
    public var weak = [10, 10, 10, 10]
    public var strong = [25, 20, 20, 20]
    /// Points taken for each point of weight of the anti-patterns found (each counted once).
    public var antipattern = 8
    /// Points taken for an offer before any empathy or understanding, early in the call.
    public var leapfrog = 10

    public init() {}
  }

  /// What a rule's evidence says, under `evidence:` in the lexicon.
  public enum EvidenceKey: String, CaseIterable, Sendable {
    case questionMark = "question-mark"
    case inversion
    case questionWord = "question-word"
    case request
    case indirect
    case stuffing
    case contrast
    case echo
    case restatementSo = "restatement-so"
    case restatementEvents = "restatement-events"
    case feelingsFirst = "feelings-first"
    case capitals
    case exclamations
    case longReply = "long-reply"
    case longSentence = "long-sentence"
    case shortReply = "short-reply"
    case shortReplyOne = "short-reply-one"
    case unsoftened
    case bareOrder = "bare-order"
    case iYou = "i-you"
    case feelingAsked = "feeling-asked"
    case cannotClause = "cannot-clause"
    case adviceClause = "advice-clause"
    case tagCheck = "tag-check"
  }

  /// The evidence text for `key`, its `{slot}`s filled from `values`.
  func evidence(_ key: EvidenceKey, _ values: [String: String] = [:]) -> String {
    var text = evidence[key.rawValue] ?? key.rawValue
    for (slot, value) in values { text = replacing(text, "{\(slot)}", with: value) }
    return text
  }

  /// The situations a general tip can be written for, under `tips:` in the lexicon.
  public enum TipKey: String, CaseIterable, Sendable {
    case missingEmpathy = "missing-empathy"
    case missingUnderstand = "missing-understand"
    case missingOffer = "missing-offer"
    case missingCheck = "missing-check"
    case leapfrog
    case factsFirst = "facts-first"
    case closedOnly = "closed-only"
    case wellDone = "well-done"
  }

  /// Text normalisation data.
  public struct Normalisation: Hashable, Sendable {
    /// Whole-word expansions: `can't` → `can not`, `gonna` → `going to`.
    public var contractions: [String: String]
    /// Suffix expansions after an apostrophe: `n't` → `not`, `'ll` → `will`.
    public var suffixes: [String: String]
    /// Spelling variants mapped to one form before stemming: `apologise` → `apologize`.
    public var spellings: [String: String]
    /// Abbreviations whose final full stop does not end a sentence (`mr`, `e.g`).
    public var abbreviations: [String]
    /// The stemmer's exceptional words.
    public var stemExceptions: [String: String]
    /// Words the stemmer keeps as they are after its step 1a.
    public var stemKeep: [String]
    /// Prefixes after which the stemmer's region R1 starts.
    public var stemPrefixes: [String]

    public init(
      contractions: [String: String] = [:], suffixes: [String: String] = [:],
      spellings: [String: String] = [:], abbreviations: [String] = [],
      stemExceptions: [String: String] = [:], stemKeep: [String] = [], stemPrefixes: [String] = []
    ) {
      self.contractions = contractions
      self.suffixes = suffixes
      self.spellings = spellings
      self.abbreviations = abbreviations
      self.stemExceptions = stemExceptions
      self.stemKeep = stemKeep
      self.stemPrefixes = stemPrefixes
    }
  }

  /// The word lists the syntax rules need.
  public struct Grammar: Hashable, Sendable {
    /// Words that negate what follows (`not`, `never`, `no`).
    public var negators: [String] = []
    /// How many words after a negator it reaches (VADER uses 3).
    public var negationWindow: Int = 3
    /// Phrases whose negator negates nothing (`no wonder`, `not only`, `can't imagine`).
    public var negationExceptions: [String] = []
    /// Words that end a clause, and with it a negation's reach (`but`, `because`).
    public var clauseBreaks: [String] = []
    /// Words that take back what came before in the sentence (`but`, `however`).
    public var contrast: [String] = []
    /// Auxiliary and modal verbs, for questions by inversion (`do`, `can`, `would`).
    public var auxiliaries: [String] = []
    /// Question words (`what`, `how`, `when`).
    public var whWords: [String] = []
    /// Question words that ask for one fact, making the question closed (`when`, `where`).
    public var closedWhWords: [String] = []
    /// Words after `how`/`what` that ask for a fact (`many`, `long`, `time`).
    public var closedAfterWh: [String] = []
    /// Words that can follow an auxiliary as its subject in a question (`you`, `it`, `there`).
    public var subjects: [String] = []
    /// Words skipped at the start of a sentence before looking for a question (`so`, `okay`).
    public var leadIns: [String] = []
    /// Phrases that ask for an open account (`tell me`, `walk me through`).
    public var openRequests: [String] = []
    /// Phrases that ask indirectly (`i wonder`, `let me know`).
    public var indirectQuestions: [String] = []
    /// Nouns that ask for one fact when asked about (`number`, `date`, `email`).
    public var factNouns: [String] = []
    /// Words that join a choice (`or`).
    public var choiceWords: [String] = []
    /// Pronouns of the speaker alone (`i`, `me`, `my`).
    public var firstPerson: [String] = []
    /// Pronouns of the listener (`you`, `your`).
    public var secondPerson: [String] = []
    /// Pronouns of togetherness (`we`, `us`, `our`).
    public var collective: [String] = []
    /// Words with too little content to count as echoing the customer (`the`, `is`).
    public var stopwords: [String] = []
    /// Word classes cue phrases can name in braces: `within {number} {unit}`.
    public var classes: [String: [String]] = [:]
    /// Upper-case words that are not shouting (`ok`, `sla`).
    public var acronyms: [String] = []

    public init() {}
  }

  /// Numbers that tune the rules.
  public struct Thresholds: Hashable, Sendable {
    /// A reply of at most this many words, with no empathy, check, open question or warmth, is
    /// curt (once the customer has been heard, only one of fragments and bare orders).
    public var curtMaxWords = 3
    /// A reply of at most this many words with a bare order in it, and nothing to soften it,
    /// is blunt.
    public var bluntMaxWords = 12
    /// A reply of at least this many words rambles.
    public var ramblingMinWords = 90
    /// A sentence of at least this many words rambles.
    public var ramblingSentenceWords = 45
    /// Upper-case words needed in a row to count as shouting.
    public var capsMinWords = 2
    /// Letters an upper-case word needs to count.
    public var capsMinLetters = 2
    /// Exclamation marks in a row that count as shouting.
    public var exclamationRun = 2
    /// I/you pronouns needed, with no "we", for the I/you-heavy anti-pattern.
    public var iYouMinCount = 5
    /// Share of words, in percent, that I/you pronouns need for the I/you-heavy anti-pattern.
    public var iYouMinPercent = 15
    /// Share of words, in percent, covered by cues above which a reply is keyword-stuffed.
    public var stuffingPercent = 70
    /// Cue matches needed before stuffing is considered.
    public var stuffingMinCues = 3
    /// Content words shared with the customer's line for a reply to echo it.
    public var echoMinWords = 2
    /// Content words of the customer's line that any other statement must share to reflect it.
    public var echoAnyMinWords = 3
    /// Words a "So…" statement about the customer's side needs to count as a restatement.
    public var restatementMinWords = 8
    /// Score from which each step is weak, in step order (fitted by
    /// `Evaluation/fit_thresholds.py`).
    public var weak = [1, 1, 1, 1]
    /// Score from which each step is strong, in step order.
    public var strong = [3, 3, 3, 3]
    /// Extra score for two or more distinct options (a real choice).
    public var choiceBonus = 1

    public init() {}
  }
}

/// One signal or anti-pattern of the lexicon: its cue phrases and what it means.
public struct CueGroup: Hashable, Sendable {
  /// The id shown in evidence (`apology`, `cannot`).
  public var id: String
  /// The step whose score it changes; `nil` for none.
  public var step: Step?
  /// How much a match adds (signal) or takes away (anti-pattern).
  public var weight: Int
  /// A short name for people: "Apology and ownership".
  public var title: String
  /// Phrases that match with the group's weight.
  public var cues: [String]
  /// Phrases that match with weight 1.
  public var weakCues: [String]
  /// Phrases that veto a match they overlap (`as far as i am concerned` for `concerned`).
  public var notWhen: [String]
  /// Whether a negator before a match cancels it (default `true`).
  public var negatable: Bool
  /// A signal that only strengthens its step when another signal of the step was found, and
  /// never raises the step on its own (a time frame, "we"). Default `false`.
  public var auxiliary: Bool
  /// An anti-pattern that, said with nothing to soften it (no softener, no empathy), also
  /// makes the reply blunt (blame, "calm down", a policy wall). Default `false`.
  public var hostile: Bool
  /// Signal ids whose matches this group cancels where they overlap (an anti-pattern only).
  public var overrides: [String]
  /// An anti-pattern that a contrast word takes back when the rep does something after it in
  /// the sentence ("the policy says 30 days, but I'm making an exception"). Default `false`.
  public var yieldsToContrast = false
  /// An anti-pattern taken back inside a summary the rep tells back: the customer's story in the
  /// customer's terms ("so let me check I've got it: you never saw the bill coming"). Default
  /// `false`.
  public var yieldsToSummary = false
  /// Signal ids that take this anti-pattern back when one is found in its sentence (an
  /// anti-pattern only): the records cited to own a mistake ("our records show you paid twice,
  /// which is our error").
  public var yieldsTo: [String] = []
  /// A coaching tip shown when the group matches (anti-pattern) or is missing (signal).
  public var tip: String?
  /// The standard rewrite of an anti-pattern; `{text}` stands for the matched words.
  public var rewrite: String?

  public init(
    id: String, step: Step? = nil, weight: Int = 1, title: String = "", cues: [String] = [],
    weakCues: [String] = [], notWhen: [String] = [], negatable: Bool = true,
    auxiliary: Bool = false, hostile: Bool = false, overrides: [String] = [],
    tip: String? = nil,
    rewrite: String? = nil
  ) {
    self.id = id
    self.step = step
    self.weight = weight
    self.title = title
    self.cues = cues
    self.weakCues = weakCues
    self.notWhen = notWhen
    self.negatable = negatable
    self.auxiliary = auxiliary
    self.hostile = hostile
    self.overrides = overrides
    self.tip = tip
    self.rewrite = rewrite
  }
}

extension Lexicon {
  /// The word class of named days and months (`friday`, `june`, `noon`): lint's W022 reads it.
  package static let calendarClass = "calendar"

  /// The word classes `coach` reads by name; the lexicon decoder checks each is defined (L010).
  package static let classesReadByName =
    ClauseClass.allCases.map(\.rawValue) + [calendarClass]
}

extension Lexicon {
  /// The `topics:` section: words that name no topic of their own, and groups of words that name
  /// the same thing ("refund", "money back", "reimburse").
  public struct Topics: Hashable, Sendable {
    /// Words a question can be made of without asking about anything in particular ("what
    /// happened?", "tell me more"): such a question invites the customer to tell their story.
    public var openWords: [String] = []
    /// Groups of words that name the same topic, by group name.
    public var groups: [String: [String]] = [:]

    public init(openWords: [String] = [], groups: [String: [String]] = [:]) {
      self.openWords = openWords
      self.groups = groups
    }
  }
}
