/// The lexicon's data for the exercises after a conversation: the assumption kinds of the
/// left-hand column, the follow-up plan's phrasing, and the written recap's checks.
///
/// Decoded from the lexicon script's top-level `assumptions:` and `recap:` sections; both are
/// optional, so a lexicon for another language can leave them out (the exercises then find
/// nothing and score nothing). No English lives in the Swift code that uses them.
extension Lexicon {
  /// `assumptions:` and `recap:` of the lexicon script.
  public struct Reflection: Hashable, Sendable {
    /// Word classes used in braces in assumption cues (`{other}`), expanded before compiling.
    public var classes: [String: [String]] = [:]
    /// Phrases that hold a thought open ("maybe", "I wonder if").
    public var hedges: [String] = []
    /// Phrases that deny what follows in their sentence ("I don't believe").
    public var denials: [String] = []
    /// The kinds of assumption, in lexicon order.
    public var kinds: [AssumptionKind] = []
    /// Phrasing templates of the follow-up conversation plan.
    public var plan: PlanPhrases = .init()
    /// The recap checks, in lexicon order.
    public var recapChecks: [RecapCheckRule] = []
    /// Phrasing templates of a recap draft.
    public var draft: DraftPhrases = .init()

    public init() {}
  }

  /// One kind of assumption: its cues, why it is one, and the questions that test it.
  public struct AssumptionKind: Hashable, Sendable {
    /// `mind-reading`, `absolute`, `label`, `catastrophe`, `blame`.
    public var id: String
    public var title: String
    /// Why a match is an assumption ("reads the customer's intent …").
    public var why: String
    public var cues: [String]
    /// Phrases that cancel a cue they overlap.
    public var notWhen: [String]
    /// Questions that test it; `{text}` is the flagged words.
    public var questions: [String]

    public init(
      id: String, title: String = "", why: String = "", cues: [String] = [],
      notWhen: [String] = [], questions: [String] = []
    ) {
      self.id = id
      self.title = title
      self.why = why
      self.cues = cues
      self.notWhen = notWhen
      self.questions = questions
    }
  }

  /// Templates of the follow-up plan (`{topic}`, `{agreed}`, `{fact}`, `{text}`).
  public struct PlanPhrases: Hashable, Sendable {
    public var topic = ""
    public var askGoals: [String] = []
    public var askBlockers: [String] = []
    public var shareGoals: [String] = []
    public var shareGoalsAgreed: [String] = []
    public var shareBarriers: [String] = []
    public var checkFact = ""
    public var checkHypothesis = ""
    public var opening = ""

    public init() {}
  }

  /// One recap check: what it looks for and how much it counts.
  public struct RecapCheckRule: Hashable, Sendable {
    public enum Expectation: String, Hashable, Sendable, CaseIterable {
      /// Passes when the cues or signals are found.
      case present
      /// Passes when none of the cues or anti-patterns is found.
      case absent
    }

    public var id: String
    public var title: String
    public var weight: Int
    public var expect: Expectation
    public var cues: [String]
    public var notWhen: [String]
    public var signals: [String]
    public var antipatterns: [String]
    /// The second part of a two-part check (who + when; "agreed" + the solution).
    public var alsoCues: [String]
    public var alsoSignals: [String]
    /// Both parts must be in one sentence.
    public var sameSentence: Bool
    /// The session's agreed option phrases count as `alsoCues`.
    public var sessionPhrases: Bool
    /// An absent check gets 0.5 when none of these checks found anything (nothing to judge).
    public var needsAny: [String] = []
    /// Evidence in a sentence with one of these evaluator anti-patterns does not count.
    public var notWithAntipatterns: [String] = []
    /// A length check: fewer words fail, up to `maxWords` pass, up to `longWords` half pass.
    public var minWords: Int?
    public var maxWords: Int?
    public var longWords: Int?
    public var tip: String?

    public init(
      id: String, title: String = "", weight: Int = 1, expect: Expectation = .present,
      cues: [String] = [], notWhen: [String] = [], signals: [String] = [],
      antipatterns: [String] = [], alsoCues: [String] = [], alsoSignals: [String] = [],
      sameSentence: Bool = false, sessionPhrases: Bool = false, minWords: Int? = nil,
      maxWords: Int? = nil, longWords: Int? = nil, tip: String? = nil
    ) {
      self.id = id
      self.title = title
      self.weight = weight
      self.expect = expect
      self.cues = cues
      self.notWhen = notWhen
      self.signals = signals
      self.antipatterns = antipatterns
      self.alsoCues = alsoCues
      self.alsoSignals = alsoSignals
      self.sameSentence = sameSentence
      self.sessionPhrases = sessionPhrases
      self.minWords = minWords
      self.maxWords = maxWords
      self.longWords = longWords
      self.tip = tip
    }

    /// Whether this is a length check.
    public var isLength: Bool { maxWords != nil }
  }

  /// Templates of a recap draft (`{customer}`, `{agreed}`).
  public struct DraftPhrases: Hashable, Sendable {
    public var greeting = ""
    public var thanks = ""
    public var agreed = ""
    public var noAgreement = ""
    public var facts = ""
    public var commitments = ""
    public var noCommitments = ""
    public var nextContact = ""
    public var closing = ""

    public init() {}
  }
}

extension Lexicon {
  /// The `assumptions:` and `recap:` sections, decoded; problems are reported to `sink`.
  ///
  /// The sections are kept as written in ``otherSections`` when the lexicon is decoded, and read
  /// here by the exercises that use them.
  public func reflection(sink: DiagnosticSink = DiagnosticSink()) -> Reflection {
    var reflection = Reflection()
    ReflectionDecoder(sink: sink).decode(
      assumptions: otherSections["assumptions"], recap: otherSections["recap"],
      into: &reflection)
    return reflection
  }
}

/// Decodes the lexicon's `assumptions:` and `recap:` sections.
struct ReflectionDecoder {
  let sink: DiagnosticSink

  func decode(assumptions: Node?, recap: Node?, into reflection: inout Lexicon.Reflection) {
    typealias Assumptions = LexiconKeys.Assumptions
    if let node = assumptions, var f = Fields(node, Assumptions.spec, sink: sink) {
      if let classes = f.node(Assumptions.classes) {
        if case .mapping(let mapping) = classes {
          for entry in mapping.entries {
            // A quoted empty item ('') stands for no word at all.
            var items: [String] = []
            if case .sequence(let sequence) = entry.value {
              for item in sequence.items {
                if case .scalar(let scalar) = item { items.append(scalar.value) }
              }
            }
            _ = Fields.stringList(entry.value, for: entry.key.value, sink: sink)
            reflection.classes[entry.key.value] = items
          }
        } else {
          sink.append(
            SchemaMessage.wrongType(classes, expected: "a mapping of class names", for: "classes"))
        }
      }
      reflection.hedges = texts(&f, Assumptions.hedges)
      reflection.denials = texts(&f, Assumptions.denials)
      var seen: Set<String> = []
      typealias Kind = LexiconKeys.Kind
      for item in f.list(Assumptions.kinds) ?? [] {
        guard var k = Fields(item, Kind.spec, sink: sink), let id = k.scalar(Kind.id) else {
          continue
        }
        if !seen.insert(id.value).inserted {
          sink.append(
            .error(
              "L010", "assumption kind `\(id.value)` is defined twice", at: id.span,
              label: "defined again here", help: "merge the two entries"))
        }
        reflection.kinds.append(
          Lexicon.AssumptionKind(
            id: id.value, title: k.string(Kind.title) ?? id.value, why: k.string(Kind.why) ?? "",
            cues: texts(&k, Kind.cues), notWhen: texts(&k, Kind.notWhen),
            questions: texts(&k, Kind.questions)))
        k.finish()
      }
      typealias Plan = LexiconKeys.Plan
      if let node = f.node(Assumptions.plan), var p = Fields(node, Plan.spec, sink: sink) {
        var plan = Lexicon.PlanPhrases()
        plan.topic = p.string(Plan.topic) ?? ""
        plan.askGoals = texts(&p, Plan.askGoals)
        plan.askBlockers = texts(&p, Plan.askBlockers)
        plan.shareGoals = texts(&p, Plan.shareGoals)
        plan.shareGoalsAgreed = texts(&p, Plan.shareGoalsAgreed)
        plan.shareBarriers = texts(&p, Plan.shareBarriers)
        plan.checkFact = p.string(Plan.checkFact) ?? "{fact}"
        plan.checkHypothesis = p.string(Plan.checkHypothesis) ?? "{text}"
        plan.opening = p.string(Plan.opening) ?? ""
        p.finish()
        reflection.plan = plan
      }
      f.finish()
    }
    typealias Recap = LexiconKeys.Recap
    typealias Check = LexiconKeys.Check
    if let node = recap, var f = Fields(node, Recap.spec, sink: sink) {
      var seen: Set<String> = []
      for item in f.list(Recap.checks) ?? [] {
        guard var c = Fields(item, Check.spec, sink: sink), let id = c.scalar(Check.id) else {
          continue
        }
        if !seen.insert(id.value).inserted {
          sink.append(
            .error(
              "L011", "recap check `\(id.value)` is defined twice", at: id.span,
              label: "defined again here", help: "merge the two entries"))
        }
        var rule = Lexicon.RecapCheckRule(id: id.value)
        rule.title = c.string(Check.title) ?? id.value
        rule.weight = c.int(orDefault: Check.weight)
        rule.expect = c.choice(orDefault: Check.expect)
        rule.cues = texts(&c, Check.cues)
        rule.notWhen = texts(&c, Check.notWhen)
        rule.signals = texts(&c, Check.signals)
        rule.antipatterns = texts(&c, Check.antipatterns)
        rule.alsoCues = texts(&c, Check.alsoCues)
        rule.alsoSignals = texts(&c, Check.alsoSignals)
        rule.sameSentence = c.bool(orDefault: Check.sameSentence)
        rule.sessionPhrases = c.bool(orDefault: Check.sessionPhrases)
        rule.needsAny = texts(&c, Check.needsAny)
        rule.notWithAntipatterns = texts(&c, Check.notWithAntipatterns)
        rule.minWords = c.int(Check.minWords)
        rule.maxWords = c.int(Check.maxWords)
        rule.longWords = c.int(Check.longWords)
        rule.tip = c.string(Check.tip)
        c.finish()
        reflection.recapChecks.append(rule)
      }
      if let node = f.node(Recap.draft), var d = Fields(node, LexiconKeys.Draft.spec, sink: sink) {
        let keys = LexiconKeys.Draft.spec
        var draft = Lexicon.DraftPhrases()
        draft.greeting = d.string(keys["greeting"]) ?? ""
        draft.thanks = d.string(keys["thanks"]) ?? ""
        draft.agreed = d.string(keys["agreed"]) ?? "{agreed}"
        draft.noAgreement = d.string(keys["no-agreement"]) ?? ""
        draft.facts = d.string(keys["facts"]) ?? ""
        draft.commitments = d.string(keys["commitments"]) ?? ""
        draft.noCommitments = d.string(keys["no-commitments"]) ?? ""
        draft.nextContact = d.string(keys["next-contact"]) ?? ""
        draft.closing = d.string(keys["closing"]) ?? ""
        d.finish()
        reflection.draft = draft
      }
      f.finish()
    }
  }

  private func texts(_ fields: inout Fields, _ key: KeySpec) -> [String] {
    (fields.stringList(key) ?? []).map(\.value)
  }
}

extension Lexicon.RecapCheckRule.Expectation: CustomStringConvertible {
  public var description: String { rawValue }
}
