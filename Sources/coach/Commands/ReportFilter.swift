import CoachKit

/// Which sessions `coach report` counts: `--since`, `--rep`, `--curriculum`.
struct ReportFilter {
  /// Sessions started at or after this time (`YYYY-MM-DDTHH:MM:SSZ`).
  var since: String?
  /// Only these reps' sessions (all when empty).
  var reps: [String]
  /// Only sessions of this curriculum's drill.
  var curriculum: String?

  /// The sessions of `records` that pass the filter, in order.
  func apply(_ records: [ResultRecord]) -> [ResultRecord] {
    records.filter { record in
      if let since, record.started < since { return false }
      if !reps.isEmpty, !reps.contains(record.rep) { return false }
      if let curriculum, record.drill?.curriculum != curriculum { return false }
      return true
    }
  }

  /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` as the latter; `nil` for anything else.
  static func time(_ text: String) -> String? {
    let digits = "0123456789"
    let dateShape = "dddd-dd-dd"
    let timeShape = "dddd-dd-ddTdd:dd:ddZ"
    func matches(_ shape: String) -> Bool {
      text.count == shape.count
        && zip(text, shape).allSatisfy { $1 == "d" ? digits.contains($0) : $0 == $1 }
    }
    if matches(dateShape) { return text + "T00:00:00Z" }
    if matches(timeShape) { return text }
    return nil
  }
}
