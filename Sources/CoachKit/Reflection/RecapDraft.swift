/// A first draft of the written recap, from a session record: the agreed option in the rep's own
/// words, the facts the customer gave, the commitments with times, the next contact.
///
/// The phrasing is the lexicon's `recap.draft` templates; the draft is meant to be edited, then
/// scored with ``RecapChecker``.
public enum RecapDraft {
  /// At most this many facts and commitments are listed, to keep the recap short.
  static let maxItems = 3

  /// The draft for `record`.
  public static func text(
    record: SessionRecord, evaluator: Evaluator, phrases: Lexicon.DraftPhrases
  ) -> String {
    let firstName = String(record.customerName.split(separator: " ").first ?? "")
    var lines: [String] = []
    func add(_ line: String) { if !line.isEmpty { lines.append(line) } }
    add(phrases.greeting.replacingPlaceholder("customer", with: FollowUpPlan.oneLine(firstName)))
    lines.append("")
    add(phrases.thanks)
    if let offer = record.agreedOffer(evaluator: evaluator) {
      add(phrases.agreed.replacingPlaceholder("agreed", with: offer))
    } else {
      add(phrases.noAgreement)
    }
    let facts = record.facts.prefix(maxItems)
    if !facts.isEmpty {
      lines.append("")
      add(phrases.facts)
      for fact in facts { lines.append("- “\(FollowUpPlan.oneLine(fact.text))”") }
    }
    let commitments = record.commitments(evaluator: evaluator).prefix(maxItems)
    lines.append("")
    if commitments.isEmpty {
      add(phrases.noCommitments)
    } else {
      add(phrases.commitments)
      for commitment in commitments { lines.append("- " + commitment) }
    }
    add(phrases.nextContact)
    lines.append("")
    add(phrases.closing)
    return lines.joined(separator: "\n") + "\n"
  }
}
