/// Something the rep can offer, how to recognise it in a reply, and how the customer takes it.
extension Scenario {
  public struct Option: Sendable {
    /// How the customer answers an offer.
    public enum Response: String, CaseIterable, Hashable, Sendable {
      /// They take it: the conversation can move on to checking.
      case accept
      /// They push back with a condition or a different ask; the rep should offer something more.
      case counter
      /// They turn it down.
      case refuse
    }

    public var id: String
    /// Phrases that mean the rep is offering this ("courier", "same day").
    public var offeredBy: [Phrase]
    /// Facts the rep must know before this offer lands.
    public var needsFacts: [Phrase]
    public var response: Response
    /// What the customer says in response.
    public var says: String
    /// What the customer says when it is offered before the needed facts are known.
    public var tooSoon: String?
    /// Above this mood the customer is too upset to accept and counters instead.
    public var maxMood: Int?
    /// What the customer says when offered while too upset.
    public var notYet: String?
    /// Example offers in a rep's own words that should be recognised as this option.
    public var examples: [Phrase]
    public var span: SourceSpan

    public init(
      id: String, offeredBy: [Phrase], needsFacts: [Phrase], response: Response, says: String,
      tooSoon: String?, maxMood: Int?, notYet: String?, examples: [Phrase] = [], span: SourceSpan
    ) {
      self.id = id
      self.offeredBy = offeredBy
      self.needsFacts = needsFacts
      self.response = response
      self.says = says
      self.tooSoon = tooSoon
      self.maxMood = maxMood
      self.notYet = notYet
      self.examples = examples
      self.span = span
    }
  }
}
