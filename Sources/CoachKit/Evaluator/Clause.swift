/// One clause of a reply, and how it is said: whether it asks, who it is about, whether it is
/// negated, its modal and its time. The rules read cues against it ("I feel anxious too" is the
/// rep's own feeling, "how are you feeling?" asks about one), and each clause has one act.
///
/// Clauses end at punctuation, at clause-breaking words (`because`, `so`, `but` …) and with
/// their sentence (see ``Tokenizer``). Every word list the analysis reads is a lexicon class
/// (``ClauseClass``).
public struct Clause: Hashable, Sendable {
  /// Where the clause is in the reply, in Unicode scalar offsets.
  public var range: Range<Int>
  public var mood: ClauseMood
  public var subject: ClauseSubject
  /// A negator that negates something is in the clause ("we can't", "nothing's wrong").
  public var negated: Bool
  public var modality: ClauseModality
  public var time: ClauseTime

  /// The clause's tokens.
  var tokens: Range<Int>
  /// Its sentence's index.
  var sentence: Int32
  /// The token its subject was read from (-1 for none).
  var subjectToken: Int32 = -1
  /// The token a question starts at, after lead-ins (-1 when the clause does not ask).
  var questionStart: Int = -1
  /// Its sentence is a hostile rhetorical question: it asks nothing.
  var rhetorical = false

  /// Whether the clause asks, with or without a question mark (not a declarative question).
  var asks: Bool { mood == .question || mood == .unmarkedQuestion }
}

/// Whether a clause asks, orders or states.
public enum ClauseMood: String, CaseIterable, Hashable, Sendable {
  /// A question by its words (an inverted auxiliary, a question word, a request for an account),
  /// in a sentence ending with `?`.
  case question
  /// The same without the `?`: "Can you tell me what happened."
  case unmarkedQuestion = "unmarked-question"
  /// A statement with a `?`: "You've tried the reset?", "…, right?".
  case declarativeQuestion = "declarative-question"
  /// An order or request with no subject: "Call us back", "Don't worry".
  case imperative
  case statement
}

/// Who a clause is about: its grammatical subject.
public enum ClauseSubject: String, CaseIterable, Hashable, Sendable {
  case i
  case we
  case you
  /// `it`, `that`, `this`, `there`: the situation.
  case it
  /// Anyone else: "the driver", "your order", "they", "someone".
  case thirdParty = "third-party"
  case none
}

/// The modal verb of a clause.
public enum ClauseModality: String, CaseIterable, Hashable, Sendable {
  case can
  case could
  case will
  case would
  case should
  case might
  case must
  case none
}

/// Whether a clause speaks of the past ("you should have", "we sent", "it was") or of the
/// present or future.
public enum ClauseTime: String, CaseIterable, Hashable, Sendable {
  case past
  case present
}

/// The lexicon classes the clause analysis reads by name. A lexicon must define each (L010), so
/// a lexicon for another language cannot silently turn the analysis off.
package enum ClauseClass: String, CaseIterable, Sendable {
  case subjectI = "subject-i"
  case subjectWe = "subject-we"
  case subjectYou = "subject-you"
  case subjectIt = "subject-it"
  case subjectOther = "subject-other"
  case modalCan = "modal-can"
  case modalCould = "modal-could"
  case modalWill = "modal-will"
  case modalWould = "modal-would"
  case modalShould = "modal-should"
  case modalMight = "modal-might"
  case modalMust = "modal-must"
  /// Words that put a clause in the past: `was`, `were`, `did`, `had`, `been`.
  case pastMarker = "past-marker"
  /// Auxiliaries of the perfect: `have`, `has` (before a past form, the past).
  case perfect
  /// Verbs that, first in a clause with no subject, give an order.
  case commandVerb = "command-verb"
  /// Past forms that do not end in -ed.
  case pastForm = "past-form"
  /// Intensifiers: a clause-breaking word that is one ("so" in "I was so annoyed") breaks no
  /// clause.
  case intensifier

  /// The subject a class names, for the subject classes.
  var subject: ClauseSubject? {
    switch self {
    case .subjectI: .i
    case .subjectWe: .we
    case .subjectYou: .you
    case .subjectIt: .it
    case .subjectOther: .thirdParty
    default: nil
    }
  }

  /// The modality a class names, for the modal classes.
  var modality: ClauseModality? {
    switch self {
    case .modalCan: .can
    case .modalCould: .could
    case .modalWill: .will
    case .modalWould: .would
    case .modalShould: .should
    case .modalMight: .might
    case .modalMust: .must
    default: nil
    }
  }
}
