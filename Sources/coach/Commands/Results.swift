import ArgumentParser
import CoachKit

/// `coach results`: the results file, and a portable export of it for a trainer.
struct Results: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "results",
    abstract: "Your session results: export them for a trainer.",
    discussion: """
      Every finished session is recorded in results.jsonl in the coach data folder \
      ($XDG_DATA_HOME/coach, else ~/.local/share/coach). With a learning record store \
      configured, each is also sent there; `coach results sync` sends what is still queued.
      """,
    subcommands: [Export.self, Path.self, Sync.self]
  )

  /// `coach results export --rep NAME`: a portable file on standard output.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write a rep's results as a portable file to standard output.",
      discussion: """
        The export is JSON lines: a header line ("format": "coach-results-export"), then one \
        result per line. Send it to your trainer; `coach report` reads it.
          coach results export --rep ana > ana.coach-results.jsonl
        """
    )

    @Option(help: "Whose results (default: $USER, else `me`).")
    var rep: String?

    @Flag(help: "Export every rep's results in the file, not one rep's.")
    var all = false

    func run() throws {
      let log = try ResultsStore().loadReportingWarnings()
      let records = log.records
      let rep = ResultsStore.repName(rep)
      let chosen = all ? records : records.filter { $0.rep == rep }
      let grants = all ? log.grants : log.grants.filter { $0.rep == rep }
      if chosen.isEmpty {
        Platform.writeError(
          "coach: warning: no results for `\(TerminalSafe.clean(rep, keepNewlines: false))`"
            + " (the export has only its header)\n")
      }
      Platform.write(
        ResultsLog.export(
          chosen, grants: grants, rep: all ? nil : rep, exported: WallClock.iso8601()))
    }
  }

  /// `coach results path`: where the results file is.
  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "path", abstract: "Print the results file's path.")

    func run() throws {
      Platform.write(try ResultsStore().path + "\n")
    }
  }
}
