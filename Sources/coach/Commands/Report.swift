import ArgumentParser
import CoachKit

/// `coach report FILES…`: a trainer's report over many reps' exports.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "A trainer's report over many reps' result exports.",
    discussion: """
      Reads exports (`coach results export`) and raw results files, drops sessions that appear \
      in more than one file, and reports completion and pass rates per scenario and per rep, \
      per-step averages, the most common anti-patterns and who needs help with what. For every \
      drill played whose curriculum is on the script search path, it shows where each rep \
      stands: finished, on which scenario, locked out, and the attempts at each scenario, with \
      the command that grants a locked-out rep more attempts.
        coach report team/*.jsonl --format html --output report.html
      With --lrs it reads the same results from the team's learning record store instead \
      (see `coach results sync --help` for the settings):
        coach report --lrs --since 2026-11-01 --format html --output report.html
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case md, csv, json, html
  }

  @Argument(help: "Exports or results files (`-` for standard input).")
  var files: [String] = []

  @Flag(help: "Read the results from the team's learning record store instead of files.")
  var lrs = false

  @Option(
    help: "Only sessions started on or after this date (YYYY-MM-DD, or an ISO 8601 UTC time).")
  var since: String?

  @Option(help: "Only this rep's sessions (repeat for several reps).")
  var rep: [String] = []

  @Option(help: "Only sessions played in this curriculum's drill.")
  var curriculum: String?

  @Option(help: "Output format: md, csv, json or html.")
  var format: Format = .md

  @Option(
    name: .customLong("pass-mark"), help: "The pass mark for sessions played outside a drill.")
  var passMark = 60

  @Option(name: .customLong("help-mark"), help: "Flag reps whose mean for a step is below this.")
  var helpMark = 50

  @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
  var output: String?

  @OptionGroup var scripts: ScriptOptions

  func validate() throws {
    if files.isEmpty && !lrs {
      throw ValidationError("give at least one export or results file, or --lrs")
    }
    if !files.isEmpty && lrs { throw ValidationError("give either files or --lrs, not both") }
    if let since, ReportFilter.time(since) == nil {
      throw ValidationError("--since must be a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM:SSZ)")
    }
    if !(0...100).contains(passMark) { throw ValidationError("--pass-mark must be from 0 to 100") }
    if !(0...100).contains(helpMark) { throw ValidationError("--help-mark must be from 0 to 100") }
  }

  func run() throws {
    let filter = ReportFilter(
      since: since.flatMap(ReportFilter.time), reps: rep, curriculum: curriculum)
    if lrs {
      guard let settings = try LRSSettings.load() else {
        throw CoachError(
          "no learning record store is configured: set COACH_LRS_ENDPOINT (see "
            + "`coach results sync --help`)")
      }
      let read = try LRSReader.records(settings: settings, since: filter.since)
      try write(records: filter.apply(read.records), grants: [])
      return
    }
    var logs: [ResultsLog] = []
    var unreadable = 0
    for file in files {
      let bytes =
        file == "-"
        ? Platform.readStandardInput(limit: 1 << 30) : ScriptFiles.readBytes(file, limit: 1 << 30)
      guard let bytes else {
        unreadable += 1
        Platform.writeError(
          "coach: error: cannot read `\(TerminalSafe.clean(file, keepNewlines: false))`: "
            + "\(ScriptFiles.errnoText())\n")
        continue
      }
      let log = ResultsLog(bytes: bytes)
      ResultsStore.report(log.warnings, in: file == "-" ? "<stdin>" : file)
      if log.records.isEmpty, log.header == nil, !bytes.isEmpty {
        Platform.writeError(
          "coach: warning: `\(TerminalSafe.clean(file, keepNewlines: false))` has no results\n")
      }
      logs.append(log)
    }
    if unreadable > 0 && logs.isEmpty { throw ExitCode.failure }
    let (records, duplicates) = ResultsLog.merged(logs)
    if duplicates > 0 {
      Platform.writeError(
        "coach: note: \(duplicates) session\(duplicates == 1 ? "" : "s") appeared in more than one"
          + " file and \(duplicates == 1 ? "was" : "were") counted once\n")
    }
    try write(records: filter.apply(records), grants: ResultsLog.mergedGrants(logs))
    if unreadable > 0 { throw ExitCode.failure }
  }

  /// Writes the report on `records` (and the extra attempts `grants`) in the chosen format.
  private func write(records: [ResultRecord], grants: [AttemptGrant]) throws {
    let played = Set(records.compactMap { $0.drill?.curriculum })
    let curricula = ScriptCatalog(scripts).scripts(of: .curriculum).compactMap(\.curriculum)
      .filter { played.contains($0.id) }
    var seen: Set<String> = []
    let report = TrainerReport(
      records: records, generated: WallClock.iso8601(), passMark: passMark, helpMark: helpMark,
      curricula: curricula.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id },
      grants: grants)
    for id in report.unknownCurricula {
      Platform.writeError(
        "coach: warning: no curriculum `\(TerminalSafe.clean(id, keepNewlines: false))` on the"
          + " script search path; where its reps stand is left out (add --scripts DIR)\n")
    }
    let text: String
    switch format {
    case .md: text = report.markdown()
    case .csv: text = report.csv(records: records)
    case .json: text = report.jsonValue.serialized(pretty: true) + "\n"
    case .html: text = report.html()
    }
    if let output {
      try AtomicFile.write(text, to: output)
    } else {
      Platform.write(text)
    }
  }
}
