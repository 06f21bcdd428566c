import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sending results to the team's learning record store: queue first, then send.
///
/// A finished session's statement is appended to the ``LRSOutbox`` before anything goes over
/// the network, then sent with a short timeout. If the LRS is down or slow the session still
/// ends at once; the statement waits in the outbox for `coach results sync`.
struct LRSDelivery {
  let settings: LRSSettings
  let outbox: LRSOutbox

  /// How hard one sending run tries.
  struct Effort {
    var timeout: Double
    var attempts: Int
    var deadline: Double
    /// Whether to wait for another process that is sending.
    var waitForOthers: Bool

    /// Right after a session: one quick try; never wait.
    static func afterSession(_ settings: LRSSettings) -> Effort {
      Effort(timeout: min(settings.timeout, 2), attempts: 1, deadline: 3, waitForOthers: false)
    }

    /// `coach results sync`: retries with backoff, within the configured timeout per request.
    static func sync(_ settings: LRSSettings) -> Effort {
      Effort(timeout: settings.timeout, attempts: 3, deadline: 600, waitForOthers: true)
    }
  }

  /// What a sending run did.
  struct Report {
    var sent = 0
    /// Statements the LRS already held under the same id with other content.
    var conflicts = 0
    /// Statements still queued afterwards.
    var remaining = 0
    /// One line per problem, for the user.
    var problems: [String] = []
    /// Set when another process was sending and this run did not wait.
    var busy = false
  }

  /// The statement for `record`, with the scenario's difficulty and the curriculum's title
  /// when the catalog has them.
  static func statement(
    for record: ResultRecord, profile: XAPIProfile, catalog: ScriptCatalog?,
    transcript: [(rep: String, customer: String)] = []
  ) -> JSONValue {
    var difficulty: Int?
    var curriculumTitle: String?
    if let catalog {
      for script in catalog.scripts(of: .scenario) {
        if let scenario = script.scenario, scenario.id == record.scenario {
          difficulty = scenario.difficulty
          break
        }
      }
      if let drill = record.drill {
        for script in catalog.scripts(of: .curriculum) {
          if case .curriculum(let curriculum)? = script.content, curriculum.id == drill.curriculum {
            curriculumTitle = curriculum.title
            break
          }
        }
      }
    }
    return XAPIStatement.make(
      record, profile: profile, scenario: .init(difficulty: difficulty),
      curriculumTitle: curriculumTitle, transcript: transcript)
  }

  /// Sends what the outbox holds.
  func send(_ effort: Effort, waiting: () -> Void = {}) throws -> Report {
    let report = try outbox.whileSending(wait: effort.waitForOthers, waiting: waiting) {
      try sendLocked(effort)
    }
    guard let report else {
      return Report(remaining: try outbox.contents().pending.count, busy: true)
    }
    return report
  }

  private func sendLocked(_ effort: Effort) throws -> Report {
    var report = Report()
    let pending = try outbox.contents().pending
    guard !pending.isEmpty else { return report }
    let batch = outbox.path + ".sending-\(getpid())"
    try AtomicFile.write(pending.map { $0.statement.serialized() + "\n" }.joined(), to: batch)
    defer { unlink(batch) }
    let sessions = Dictionary(
      pending.map { ($0.id, Self.describe($0.statement)) }, uniquingKeysWith: { first, _ in first })
    var markError: Error?
    var stopped = false
    try XAPIHelperProcess.run(
      [
        "put", batch, "--timeout", String(effort.timeout), "--attempts", String(effort.attempts),
        "--deadline", String(effort.deadline),
      ], settings: settings, limit: effort.deadline + effort.timeout + 5
    ) { line in
      let id = line["id"]?.stringValue ?? ""
      let message = TerminalSafe.clean(line["message"]?.stringValue ?? "", keepNewlines: false)
      switch line["status"]?.stringValue {
      case "stored", "conflict":
        do {
          try outbox.markSent([id])
          report.sent += 1
        } catch {
          markError = error
        }
        if line["status"]?.stringValue == "conflict" {
          report.conflicts += 1
          report.problems.append("\(sessions[id] ?? id): \(message)")
        }
      case "rejected":
        report.problems.append("\(sessions[id] ?? id): \(message)")
      case "stopped":
        stopped = true
        report.problems.append(message)
      default:
        break
      }
    }
    if let markError { throw markError }
    if !stopped, report.sent + report.problems.count < pending.count {
      report.problems.append("\(XAPIHelperProcess.programName) stopped before it was done")
    }
    try outbox.compact()
    report.remaining = try outbox.contents().pending.count
    return report
  }

  /// A statement's session in a few words: `ana, late-delivery, 2026-11-24T08:30:00Z`.
  static func describe(_ statement: JSONValue) -> String {
    let record = try? XAPIStatement.record(from: statement)
    guard let record else { return statement["id"]?.stringValue ?? "a statement" }
    return TerminalSafe.clean(
      "\(record.rep), \(record.scenario), \(record.started)", keepNewlines: false)
  }

  // MARK: - After a session

  /// Queues and sends the statement of a session that was just recorded, and says in one line
  /// what became of it. Never throws and never takes long: problems become that line.
  static func afterSession(
    _ record: ResultRecord, transcript: [(rep: String, customer: String)], catalog: ScriptCatalog
  ) {
    let settings: LRSSettings
    do {
      guard let loaded = try LRSSettings.load() else { return }
      settings = loaded
    } catch {
      Platform.writeError(
        "coach: warning: the result was not sent to the learning record store: \(error)\n"
          + "coach: note: it is kept in results.jsonl; `coach results sync --all` sends it once "
          + "the settings are fixed\n")
      return
    }
    do {
      let delivery = LRSDelivery(settings: settings, outbox: try LRSOutbox())
      let statement = statement(
        for: record, profile: settings.profile, catalog: catalog, transcript: transcript)
      try delivery.outbox.enqueue([statement])
      let report = try delivery.send(.afterSession(settings))
      if report.remaining == 0 {
        Platform.write("Result sent to the team's learning record store.\n")
      } else {
        let reason =
          report.busy ? "another `coach results sync` is sending" : report.problems.last ?? ""
        Platform.write(
          "Result queued for the team's learning record store (\(reason)); "
            + "`coach results sync` sends it.\n")
      }
    } catch {
      Platform.writeError(
        "coach: warning: the result could not be queued for the learning record store: "
          + "\(error)\ncoach: note: it is kept in results.jsonl; `coach results sync --all` "
          + "sends it\n")
    }
  }
}
