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
    if let node = assumptions, var f = Fields(node, what: "`assumptions`", sink: sink) {
      if let classes = f.node("classes") {
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
      reflection.hedges = texts(&f, "hedges")
      reflection.denials = texts(&f, "denials")
      var seen: Set<String> = []
      for item in f.list("kinds", required: true) ?? [] {
        guard var k = Fields(item, what: "an assumption kind", sink: sink),
          let id = k.scalar("id", required: true)
        else { continue }
        if !seen.insert(id.value).inserted {
          sink.append(
            .error(
              "L010", "assumption kind `\(id.value)` is defined twice", at: id.span,
              label: "defined again here", help: "merge the two entries"))
        }
        reflection.kinds.append(
          Lexicon.AssumptionKind(
            id: id.value, title: k.string("title") ?? id.value, why: k.string("why") ?? "",
            cues: texts(&k, "cues", required: true), notWhen: texts(&k, "not-when"),
            questions: texts(&k, "questions", required: true)))
        k.finish()
      }
      if let node = f.node("plan"), var p = Fields(node, what: "`plan`", sink: sink) {
        var plan = Lexicon.PlanPhrases()
        plan.topic = p.string("topic") ?? ""
        plan.askGoals = texts(&p, "ask-goals")
        plan.askBlockers = texts(&p, "ask-blockers")
        plan.shareGoals = texts(&p, "share-goals")
        plan.shareGoalsAgreed = texts(&p, "share-goals-agreed")
        plan.shareBarriers = texts(&p, "share-barriers")
        plan.checkFact = p.string("check-fact") ?? "{fact}"
        plan.checkHypothesis = p.string("check-hypothesis") ?? "{text}"
        plan.opening = p.string("opening") ?? ""
        p.finish()
        reflection.plan = plan
      }
      f.finish()
    }
    if let node = recap, var f = Fields(node, what: "`recap`", sink: sink) {
      var seen: Set<String> = []
      for item in f.list("checks", required: true) ?? [] {
        guard var c = Fields(item, what: "a recap check", sink: sink),
          let id = c.scalar("id", required: true)
        else { continue }
        if !seen.insert(id.value).inserted {
          sink.append(
            .error(
              "L011", "recap check `\(id.value)` is defined twice", at: id.span,
              label: "defined again here", help: "merge the two entries"))
        }
        var rule = Lexicon.RecapCheckRule(id: id.value)
        rule.title = c.string("title") ?? id.value
        rule.weight = c.int("weight", in: 0...10) ?? 1
        rule.expect = c.choice("expect") ?? .present
        rule.cues = texts(&c, "cues")
        rule.notWhen = texts(&c, "not-when")
        rule.signals = texts(&c, "signals")
        rule.antipatterns = texts(&c, "antipatterns")
        rule.alsoCues = texts(&c, "also-cues")
        rule.alsoSignals = texts(&c, "also-signals")
        rule.sameSentence = c.bool("same-sentence") ?? false
        rule.sessionPhrases = c.bool("session-phrases") ?? false
        rule.needsAny = texts(&c, "needs-any")
        rule.notWithAntipatterns = texts(&c, "not-with-antipatterns")
        rule.minWords = c.int("min-words", in: 0...100_000)
        rule.maxWords = c.int("max-words", in: 1...100_000)
        rule.longWords = c.int("long-words", in: 1...100_000)
        rule.tip = c.string("tip")
        c.finish()
        reflection.recapChecks.append(rule)
      }
      if let node = f.node("draft"), var d = Fields(node, what: "`draft`", sink: sink) {
        var draft = Lexicon.DraftPhrases()
        draft.greeting = d.string("greeting") ?? ""
        draft.thanks = d.string("thanks") ?? ""
        draft.agreed = d.string("agreed") ?? "{agreed}"
        draft.noAgreement = d.string("no-agreement") ?? ""
        draft.facts = d.string("facts") ?? ""
        draft.commitments = d.string("commitments") ?? ""
        draft.noCommitments = d.string("no-commitments") ?? ""
        draft.nextContact = d.string("next-contact") ?? ""
        draft.closing = d.string("closing") ?? ""
        d.finish()
        reflection.draft = draft
      }
      f.finish()
    }
  }

  private func texts(_ fields: inout Fields, _ key: String, required: Bool = false) -> [String] {
    (fields.stringList(key, required: required) ?? []).map(\.value)
  }
}

extension Lexicon.RecapCheckRule.Expectation: CustomStringConvertible {
  public var description: String { rawValue }
}
