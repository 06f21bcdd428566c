/// What the evaluator knows around a reply: the customer's last line and the current step.
public struct ReplyContext: Hashable, Sendable {
  /// The customer's last line: a summary that echoes its words counts as a reflection, and its
  /// words count as facts when checking feelings-before-facts.
  public var customerLine: String?
  /// The step the conversation is at; tips favour it, and offering before Understand is
  /// leapfrogging.
  public var step: Step?

  public init(customerLine: String? = nil, step: Step? = nil) {
    self.customerLine = customerLine
    self.step = step
  }
}
