import Testing

@testable import CoachKit

/// The clause analysis: each clause's mood, subject, polarity, modality and time, one act per
/// clause, and the cues read against their clause.
@Suite struct ClauseTests {
  let e = LexiconFixture.evaluator

  /// The clauses of `reply` as (text, clause) pairs.
  func clauses(_ reply: String) -> [(String, Clause)] {
    let scalars = Array(reply.unicodeScalars)
    return e.assess(reply).clauses.map {
      (String(String.UnicodeScalarView(scalars[$0.range])), $0)
    }
  }

  /// The only clause of a one-clause reply.
  func clause(_ reply: String) throws -> Clause {
    let all = clauses(reply)
    #expect(all.count == 1, "\(reply): \(all.map(\.0))")
    return try #require(all.first?.1)
  }

  @Test func clausesEndAtPunctuationAndClauseBreaksAndKeepTheSentencesMark() {
    let all = clauses("We couldn't find your booking, so can you send me the reference?")
    #expect(all.map(\.0) == ["We couldn't find your booking", "so can you send me the reference?"])
  }

  @Test func soAsAnIntensifierBreaksNoClause() {
    #expect(clauses("I was so annoyed when it broke.").count == 1)
    #expect(clauses("It broke so we sent another.").count == 2)
    #expect(
      clauses("I'm sorry, that sounds so frustrating.").map(\.0)
        == ["I'm sorry", "that sounds so frustrating."])
  }

  @Test func moods() throws {
    #expect(try clause("How are you feeling?").mood == .question)
    #expect(try clause("Can you tell me what happened.").mood == .unmarkedQuestion)
    #expect(try clause("You've tried the reset?").mood == .declarativeQuestion)
    #expect(try clause("Call us back tomorrow.").mood == .imperative)
    #expect(try clause("Don't worry.").mood == .imperative)
    #expect(try clause("Please send the photo.").mood == .imperative)
    #expect(try clause("The parcel arrived.").mood == .statement)
    #expect(try clause("Have a nice day.").mood == .statement)
    // Only the clause that asks is a question; a "?" after a question marks no other clause.
    let all = clauses("I'm sorry, what happened?")
    #expect(all.map(\.1.mood) == [.statement, .question])
    // A "?" on a sentence where no clause asks marks its last clause.
    #expect(
      clauses("I've noted it, you said Tuesday?").map(\.1.mood)
        == [.statement, .declarativeQuestion])
  }

  @Test func subjects() throws {
    #expect(try clause("I feel anxious too.").subject == .i)
    #expect(try clause("We sent it on Monday.").subject == .we)
    #expect(try clause("You should have read the email.").subject == .you)
    #expect(try clause("That must be awful.").subject == .it)
    #expect(try clause("Nothing's wrong on our side.").subject == .it)
    #expect(try clause("The driver left it at the door.").subject == .thirdParty)
    #expect(try clause("Your reservation could not be made.").subject == .thirdParty)
    #expect(try clause("They said it was delivered.").subject == .thirdParty)
    #expect(try clause("Did you get the email?").subject == .you)
    #expect(try clause("What did they tell you?").subject == .thirdParty)
    #expect(try clause("Call us back.").subject == ClauseSubject.none)
    #expect(try clause("Unfortunately we can't.").subject == .we)
  }

  @Test func polarityFollowsNegationButNotItsExceptions() throws {
    #expect(try clause("We can't refund it.").negated)
    #expect(try clause("Nothing's wrong on our side.").negated)
    #expect(try !clause("We can refund it.").negated)
    #expect(try !clause("No wonder you're upset.").negated)
  }

  @Test func modality() throws {
    let cases: [(String, ClauseModality)] = [
      ("We can send it.", .can), ("We couldn't find it.", .could), ("I'll call you.", .will),
      ("I'd be upset too.", .would), ("You should have called.", .should),
      ("It might help to restart.", .might), ("You must be tired.", .must),
      ("It arrived.", ClauseModality.none), ("We won't charge you.", .will),
    ]
    for (reply, modality) in cases {
      #expect(try clause(reply).modality == modality, "\(reply)")
    }
  }

  @Test func time() throws {
    let past = [
      "You should have read the email.", "We sent it on Monday.", "It was delivered.",
      "Did you get it?", "We've sent a new one.", "You ordered the blue one.",
      "The driver left it at the door.", "It's been a nightmare.",
    ]
    for reply in past { #expect(try clause(reply).time == .past, "\(reply)") }
    let present = [
      "You could have it by Friday.", "You could try restarting it.", "I'm worried.",
      "We will send it.", "I need your order number.", "You could have a refund.",
    ]
    for reply in present { #expect(try clause(reply).time == .present, "\(reply)") }
  }

  @Test func oneActPerClauseByPriority() {
    let a = e.assess("Don't worry, I'll send a replacement by Friday. Does that work for you?")
    #expect(a.acts.map(\.act) == [.statement, .offer, .check])
    #expect(a.acts.map(\.range) == a.clauses.map(\.range))
    // An offer asked as a question is an offer; a question after it is a question.
    let b = e.assess("Shall I send a courier, or would you rather collect it?")
    #expect(b.acts.first?.act == .offer)
    // A hostile rhetorical question asks nothing.
    let c = e.assess("What do you want me to do about it?")
    #expect(c.acts.map(\.act) == [.statement])
    #expect(c.clauses.first?.mood == .question)
  }

  // MARK: - Cues read against their clause

  @Test func theRepsOwnFeelingIsNotEmpathy() {
    for reply in [
      "I feel anxious too.", "I was so annoyed when it happened to me.",
      "We were really worried as well.", "I get so angry when this happens.",
    ] {
      #expect(!e.assess(reply).has(signal: "feeling"), "\(reply)")
    }
    for reply in [
      "I can see you're frustrated.", "I'd be worried too.", "That must be so stressful.",
      "I'm sorry you're feeling let down.", "I feel for you.",
    ] {
      #expect(e.assess(reply).has(signal: "feeling"), "\(reply)")
    }
  }

  @Test func aFeelingAskedAboutIsAnInvitationNotANamedFeeling() throws {
    let a = e.assess("How are you feeling about it all?")
    #expect(!a.has(signal: "feeling"))
    let invite = try #require(a.signals.first { $0.id == "invite" })
    #expect(invite.cue == "a feeling asked about: feeling")
    #expect(a.has(signal: "question.open"))
    #expect(!e.assess("Is anything else worrying you?").has(signal: "feeling"))
    // A feeling beside the question, in a clause of its own, is named.
    #expect(e.assess("That sounds worrying, is that right?").has(signal: "feeling"))
  }

  @Test func aReflectionsWordsInsideAQuestionAreNoSummary() {
    #expect(!e.assess("How does that make you feel?").has(signal: "summary"))
    // A reflection that is the question, and a declarative question, still reflect.
    #expect(e.assess("Have I got that right?").has(signal: "summary"))
    #expect(e.assess("So it sounds like you were charged twice?").has(signal: "summary"))
  }

  @Test func whatTheRepsSideCannotDoIsACantDo() throws {
    let a = e.assess("We couldn't find your booking.")
    let cannot = try #require(a.antipatterns.first { $0.id == "cannot" })
    #expect(cannot.text == "We couldn't")
    #expect(cannot.cue.hasPrefix("we + could + not"))
    #expect(e.assess("I can't get the refund through today.").has(antipattern: "cannot"))
    for reply in [
      "I can't thank you enough for waiting.", "What I can't see is the form itself.",
      "Can't we try the other card?", "You can't return it after 30 days.",
    ] {
      #expect(!e.assess(reply).antipatterns.contains { $0.cue.contains("+ not") }, "\(reply)")
    }
  }

  @Test func youAndAModalInThePresentIsAdvice() throws {
    let a = e.assess("You can collect it from the depot.")
    let advice = try #require(a.signals.first { $0.id == "option" })
    #expect(advice.text == "You can")
    #expect(a.acts.map(\.act) == [.offer])
    for reply in [
      "So you can drive.", "You could have told us sooner.", "If you could send a photo.",
      "You might be charged twice.", "You can't return it.",
    ] {
      #expect(!e.assess(reply).signals.contains { $0.cue.contains("advice") }, "\(reply)")
    }
  }

  @Test func aQuestionWordsInversionAsksForADetailAndOffersNothing() {
    for reply in ["What city should I look in?", "When would you like to come in?"] {
      let a = e.assess(reply)
      #expect(a.acts.map(\.act) == [.question], "\(reply)")
      #expect(!a.has(signal: "option"), "\(reply)")
    }
    // The options it names still offer, and so does an inverted offer with no question word.
    #expect(e.assess("Which would you prefer, a refund or a replacement?").has(signal: "option"))
    #expect(e.assess("Would you like me to send a new one?").acts.map(\.act) == [.offer])
  }

  @Test func aTagAfterAnOfferChecksItSuits() throws {
    let a = e.assess("I'll ring you back on Monday, okay?")
    let check = try #require(a.signals.first { $0.id == "check" })
    #expect(check.text == "okay")
    #expect(check.cue.hasPrefix("a tag after an offer"))
    #expect(a.acts.map(\.act) == [.offer, .check])
    #expect(e.assess("I'll refund the fee today. Fair enough?").has(signal: "check"))
    for reply in [
      // A tag that confirms a detail, a tag with no offer before it, a tag that is not alone.
      "I'll ring you back on Monday, right?", "You ordered it last week, okay?",
      "Okay? Now listen.", "I'll ring you on Monday, okay with the time being so late?",
    ] {
      #expect(!e.assess(reply).signals.contains { $0.cue.hasPrefix("a tag") }, "\(reply)")
    }
  }

  @Test func blameAndDefensiveCuesAgreeWithTheClause() throws {
    // "You should have…" is blame: its clause is about `you`, with `should`, in the past.
    let a = e.assess("You should have read the email.")
    #expect(a.has(antipattern: "blame"))
    let clause = try #require(a.clauses.first)
    #expect(clause.subject == .you && clause.modality == .should && clause.time == .past)
    // "Nothing's wrong on our side" is defensive: a negated clause about the situation.
    let b = e.assess("Nothing's wrong on our side.")
    #expect(b.has(antipattern: "defensive"))
    #expect(b.clauses.first?.negated == true && b.clauses.first?.subject == .it)
  }

  // MARK: - The lexicon

  @Test func aMissingClauseClassIsALocatedError() throws {
    let text = String(decoding: LexiconFixture.source.bytes, as: UTF8.self)
      .replacingOccurrences(of: "    modal-might: [", with: "    modal-maybe: [")
    let source = SourceFile(path: "lexicon.en.coach.yaml", bytes: Array(text.utf8))
    let (lexicon, diagnostics) = Lexicon.load(source)
    #expect(lexicon == nil)
    let l010 = try #require(diagnostics.first { $0.code == "L010" })
    let rendered = DiagnosticRenderer(color: false).render(l010, in: source)
    #expect(rendered.contains("error[L010]: the lexicon defines no word class `modal-might`"))
    #expect(rendered.contains("help: add `modal-might: [word, …]` to `grammar` → `classes`"))
  }
}
