/// The signal and anti-pattern ids the reader's own rules and the engine read by name.
///
/// A lexicon may define any other ids (cue groups the code never names); these are the ones a
/// rule finds (`question`, `shouting` …) or the engine looks for (`summary`, `check` …). The
/// lexicon decoder checks that each is defined, with the right kind, and reports one that is
/// missing (L008), so a lexicon for another language cannot silently turn a rule off.
package enum ReaderID: String, CaseIterable, Sendable {
  // Signals
  case question
  case questionOpen = "question.open"
  case questionClosed = "question.closed"
  case summary
  case feelingsFirst = "summary.feelings-first"
  case feeling
  case validation
  case apology
  /// Owning the failure ("that's on us"); `records` yields to it.
  case ownership
  case invite
  case option
  case check
  /// A time frame ("by Friday", "within the hour"): the engine's `time-given` line condition.
  case timeframe
  // Anti-patterns
  case cannot
  case shouting
  case rambling
  case curt
  case iYou = "i-you"
  case stuffing
  case contrast
  case blunt

  /// Whether the id names a signal (else an anti-pattern).
  package var isSignal: Bool {
    switch self {
    case .question, .questionOpen, .questionClosed, .summary, .feelingsFirst, .feeling,
      .validation, .apology, .ownership, .invite, .option, .check, .timeframe:
      true
    case .cannot, .shouting, .rambling, .curt, .iYou, .stuffing, .contrast, .blunt: false
    }
  }

  /// Whether a rule finds it, so its lexicon entry needs no cue phrases.
  package var isRuleBased: Bool {
    switch self {
    case .question, .questionOpen, .questionClosed, .feelingsFirst, .shouting, .rambling, .curt,
      .iYou, .stuffing, .contrast:
      true
    case .summary, .feeling, .validation, .apology, .ownership, .invite, .option, .check,
      .timeframe, .cannot, .blunt:
      false
    }
  }

  /// The signals that show empathy when the engine quotes a reply's empathy.
  package static let empathySignals: [ReaderID] = [
    .feeling, .apology, .ownership, .validation, .invite,
  ]
}
