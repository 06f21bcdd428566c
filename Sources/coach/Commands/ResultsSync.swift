import ArgumentParser
import CoachKit

extension Results {
  /// `coach results sync [--all]`: send queued results to the team's learning record store.
  struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sync",
      abstract: "Send queued results to the team's learning record store (xAPI).",
      discussion: """
        With an LRS configured, each finished session is queued as an xAPI statement and sent \
        when it ends; what could not be sent then (the LRS was down or slow) waits in the \
        outbox until this command sends it. Each statement has an id derived from its result, \
        so sending twice, or from two syncs at once, stores it once.

        Settings, from the environment or from $XDG_CONFIG_HOME/coach/config (NAME=value lines, \
        mode 0600; the environment wins):
          COACH_LRS_ENDPOINT    the LRS's xAPI base URL, e.g. https://lrs.example/xAPI/
          COACH_LRS_USERNAME    HTTP Basic user
          COACH_LRS_PASSWORD    HTTP Basic password
          COACH_LRS_HOMEPAGE    the account homePage reps are named under
          COACH_LRS_MBOX        the rep's email, to be named by it instead
          COACH_LRS_ACTIVITY_BASE  the start of scenario and curriculum activity ids
          COACH_LRS_SHARE_TEXT  yes: also send what the rep typed (default: no)
          COACH_LRS_TIMEOUT     seconds to wait for one answer (default: 10)
        Exit status: 0 when nothing is left queued, 1 otherwise.
        """
    )

    @Flag(help: "Also queue every result in results.jsonl (for results from before the LRS).")
    var all = false

    @OptionGroup var scripts: ScriptOptions

    func run() throws {
      guard let settings = try LRSSettings.load() else {
        throw CoachError(
          "no learning record store is configured: set COACH_LRS_ENDPOINT (see "
            + "`coach results sync --help`)")
      }
      let delivery = LRSDelivery(settings: settings, outbox: try LRSOutbox())
      if all {
        let catalog = ScriptCatalog(scripts)
        let records = try ResultsStore().loadReportingWarnings().records
        let statements = records.map {
          LRSDelivery.statement(for: $0, profile: settings.profile, catalog: catalog)
        }
        let queued = try delivery.outbox.enqueue(statements)
        let known = records.count - queued
        Platform.write(
          "Queued \(queued) result\(queued == 1 ? "" : "s") from results.jsonl"
            + (known > 0 ? " (\(known) already sent or queued)" : "") + ".\n")
      }
      let report = try delivery.send(.sync(settings)) {
        Platform.write("Another `coach results sync` is sending; waiting for it…\n")
      }
      let endpoint = TerminalSafe.clean(settings.endpoint, keepNewlines: false)
      for problem in report.problems {
        Platform.writeError("coach: error: \(problem)\n")
      }
      var summary = "Sent \(report.sent) statement\(report.sent == 1 ? "" : "s") to \(endpoint)"
      if report.conflicts > 0 {
        summary += " (\(report.conflicts) already there with other content, kept as they are)"
      }
      summary += report.remaining == 0 ? "; nothing is left queued.\n" : ".\n"
      Platform.write(summary)
      if report.remaining > 0 {
        Platform.write(
          "\(report.remaining) statement\(report.remaining == 1 ? " is" : "s are") still queued "
            + "in \(TerminalSafe.clean(delivery.outbox.path, keepNewlines: false)); run "
            + "`coach results sync` again once the problem above is fixed.\n")
        throw ExitCode.failure
      }
    }
  }
}
