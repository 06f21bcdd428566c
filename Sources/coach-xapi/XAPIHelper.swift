import ArgumentParser
import CoachKit

#if canImport(FoundationNetworking)
  import Foundation
  import FoundationNetworking
#else
  import Foundation
#endif

/// `coach-xapi`: the HTTP side of `coach`'s learning record store support.
///
/// `coach` starts it only when an LRS is configured, so the networking stack (Foundation's
/// URLSession and libcurl) is never loaded by a practice session that sends nothing. It reads
/// the endpoint and credentials from `COACH_LRS_ENDPOINT`, `COACH_LRS_USERNAME` and
/// `COACH_LRS_PASSWORD`, and reports on standard output in JSON lines, one per statement or
/// problem, which `coach` turns into messages.
@main
struct XAPIHelper: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coach-xapi",
    abstract: "Send xAPI statements to a learning record store, or fetch them (used by coach).",
    subcommands: [Put.self, Get.self]
  )

  struct Connection: ParsableArguments {
    @Option(help: "Seconds to wait for the LRS to answer one request.")
    var timeout: Double = 10
  }

  /// `coach-xapi put FILE`: PUT each statement of FILE (JSON lines) under its own id.
  struct Put: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "put",
      abstract: "Store each statement of FILE (one per line) under its id.",
      discussion: """
        Prints one line per statement: {"id": …, "status": "stored" | "conflict" | "rejected"},
        and {"status": "stopped", "message": …} when the LRS cannot take any more now (refused
        credentials, no xAPI endpoint, down or failing after the retries).
        """)

    @Argument(help: "A file of statements, one JSON object per line.")
    var file: String

    @OptionGroup var connection: Connection

    @Option(help: "Tries per statement when the LRS is down or fails (HTTP 5xx, 429).")
    var attempts = 3

    @Option(help: "Give up after this many seconds in all.")
    var deadline: Double = 600

    func run() async throws {
      let client = try XAPIClient(timeout: connection.timeout)
      let started = Date()
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        XAPIClient.emit([("status", "stopped"), ("message", .string("cannot read \(file)"))])
        throw ExitCode.failure
      }
      for line in text.split(separator: "\n") where !line.isEmpty {
        guard let statement = try? JSONValue.parse(String(line), maxDepth: 64),
          let id = statement["id"]?.stringValue
        else { continue }
        let remaining = deadline - Date().timeIntervalSince(started)
        let answer = await client.put(
          Data(line.utf8), id: id, attempts: max(1, attempts), deadline: remaining)
        switch answer {
        case .stored:
          XAPIClient.emit([("id", .string(id)), ("status", "stored")])
        case .conflict(let reason):
          XAPIClient.emit([
            ("id", .string(id)), ("status", "conflict"), ("message", .string(reason)),
          ])
        case .rejected(let reason):
          XAPIClient.emit([
            ("id", .string(id)), ("status", "rejected"), ("message", .string(reason)),
          ])
        case .stop(let reason):
          XAPIClient.emit([("status", "stopped"), ("message", .string(reason))])
          throw ExitCode.failure
        }
      }
    }
  }

  /// `coach-xapi get`: every statement the query finds, following `more` links.
  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "get",
      abstract: "Print the statements a query finds, one per line, following `more` links.",
      discussion: """
        Prints {"statement": …} lines, then {"status": "done", "pages": N}, or
        {"status": "stopped", "message": …} when the LRS could not be read.
        """)

    @Option(help: "Only statements since this time (ISO 8601).")
    var since: String?

    @Option(help: "Only statements about this activity or with it in their context.")
    var activity: String?

    @OptionGroup var connection: Connection

    func run() async throws {
      let client = try XAPIClient(timeout: connection.timeout)
      var query: [URLQueryItem] = []
      if let since { query.append(URLQueryItem(name: "since", value: since)) }
      if let activity {
        query.append(URLQueryItem(name: "activity", value: activity))
        query.append(URLQueryItem(name: "related_activities", value: "true"))
      }
      do {
        let pages = try await client.statements(query: query) { statement in
          XAPIClient.emit([("statement", statement)])
        }
        XAPIClient.emit([("status", "done"), ("pages", .int(pages))])
      } catch {
        XAPIClient.emit([("status", "stopped"), ("message", .string(error.message))])
        throw ExitCode.failure
      }
    }
  }
}
