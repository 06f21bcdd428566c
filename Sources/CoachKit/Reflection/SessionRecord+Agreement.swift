extension SessionRecord {
  /// The sentences of the rep's reply that offered the option the customer accepted, or `nil`
  /// when nothing was agreed (or the offer cannot be found).
  ///
  /// The offer is the rep's reply in the exchange with the last `offer ID` event at or before the
  /// `accept ID` event; only its sentences where `evaluator` finds an option, a next step or a
  /// time frame are kept (the whole reply if none).
  public func agreedOffer(evaluator: Evaluator) -> String? {
    guard let agreed else { return nil }
    var offerIndex: Int?
    for (index, exchange) in exchanges.enumerated() {
      if exchange.events.contains("offer \(agreed.id)") { offerIndex = index }
      if exchange.events.contains("accept \(agreed.id)") {
        if offerIndex == nil { offerIndex = index }
        break
      }
    }
    guard let offerIndex else { return nil }
    let reply = exchanges[offerIndex].rep
    return Self.sentences(of: reply, evaluator: evaluator, with: ["option", "next-step", "timeframe"])
      ?? FollowUpPlan.oneLine(reply)
  }

  /// The sentences of the rep's replies that commit to something with a time: a next step or a
  /// follow-up, and a time frame, in one sentence. In session order, without repeats.
  public func commitments(evaluator: Evaluator) -> [String] {
    var result: [String] = []
    for exchange in exchanges {
      let assessment = evaluator.assess(exchange.rep)
      let analysis = assessment.analysis
      for sentence in analysis.sentences {
        let span = Int(sentence.span.start)..<Int(sentence.span.end)
        func has(_ id: String) -> Bool {
          assessment.signals.contains { $0.id == id && span.overlaps($0.range) }
        }
        if (has("next-step") || has("followup")), has("timeframe") {
          let text = FollowUpPlan.oneLine(analysis.text(sentence.span))
          if !text.isEmpty, !result.contains(text) { result.append(text) }
        }
      }
    }
    return result
  }

  /// The sentences of `text` in which `evaluator` finds any of `signals`, joined; `nil` if none.
  static func sentences(of text: String, evaluator: Evaluator, with signals: Set<String>)
    -> String?
  {
    let assessment = evaluator.assess(text)
    let analysis = assessment.analysis
    var kept: [String] = []
    for sentence in analysis.sentences {
      let span = Int(sentence.span.start)..<Int(sentence.span.end)
      if assessment.signals.contains(where: { signals.contains($0.id) && span.overlaps($0.range) }) {
        kept.append(FollowUpPlan.oneLine(analysis.text(sentence.span)))
      }
    }
    return kept.isEmpty ? nil : kept.joined(separator: " ")
  }
}
