import CoachKit

#if canImport(FoundationNetworking)
  import Foundation
  import FoundationNetworking
#else
  import Foundation
#endif

/// An xAPI client over URLSession: PUT statements with retries and backoff, GET them page by
/// page. Every failure becomes a sentence a trainer can act on.
struct XAPIClient {
  /// What became of one statement.
  enum PutAnswer {
    /// The LRS has it now (204), or had exactly this statement already.
    case stored
    /// The LRS already has a different statement under this id (409): it is not sent again.
    case conflict(String)
    /// The LRS refused this statement (400, 413, 422…): the others may still go.
    case rejected(String)
    /// Nothing more can be sent now: credentials refused, no xAPI endpoint, the LRS down,
    /// hanging or failing after the retries.
    case stop(String)
  }

  /// A read that could not be completed.
  struct Failure: Error {
    var message: String
  }

  let endpoint: URL
  let session: URLSession
  let authorization: String?
  let timeout: Double

  init(timeout: Double) throws {
    let environment = ProcessInfo.processInfo.environment
    let text = environment["COACH_LRS_ENDPOINT"] ?? ""
    guard let url = URL(string: text.hasSuffix("/") ? text : text + "/"),
      let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
      url.host != nil
    else {
      Self.emit([
        ("status", "stopped"),
        ("message", .string("COACH_LRS_ENDPOINT `\(text)` is not an http:// or https:// URL")),
      ])
      throw ExitCodeFailure()
    }
    endpoint = url
    if let user = environment["COACH_LRS_USERNAME"], !user.isEmpty {
      let pair = user + ":" + (environment["COACH_LRS_PASSWORD"] ?? "")
      authorization = "Basic " + Data(pair.utf8).base64EncodedString()
    } else {
      authorization = nil
    }
    self.timeout = timeout
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout * 3
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.httpShouldSetCookies = false
    session = URLSession(configuration: configuration)
  }

  struct ExitCodeFailure: Error {}

  // MARK: - Sending

  /// PUTs one statement, trying again with growing pauses (0.5 s, 1 s, 2 s…) while the LRS is
  /// unreachable, times out or answers 5xx or 429.
  func put(_ body: Data, id: String, attempts: Int, deadline: Double) async -> PutAnswer {
    var components = URLComponents(
      url: endpoint.appendingPathComponent("statements"), resolvingAgainstBaseURL: false)!
    components.queryItems = [URLQueryItem(name: "statementId", value: id)]
    var request = makeRequest(components.url!)
    request.httpMethod = "PUT"
    request.httpBody = body
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    let started = Date()
    var pause = 0.5
    var last = ""
    for attempt in 1...attempts {
      switch await exchange(request) {
      case .answer(let status, let data):
        switch status {
        case 200..<300:
          return .stored
        case 409:
          return .conflict(
            "the LRS already has a different statement with this id (HTTP 409"
              + Self.detail(data) + "); it is kept there as it is")
        case 401, 403:
          return .stop(
            "the LRS refused the credentials (HTTP \(status)\(Self.detail(data))): check "
              + "COACH_LRS_USERNAME and COACH_LRS_PASSWORD")
        case 404, 405:
          return .stop(
            "\(endpoint.absoluteString) has no xAPI statements resource (HTTP \(status)): "
              + "COACH_LRS_ENDPOINT should be the LRS's xAPI base, such as https://lrs.example/xAPI/"
          )
        case 429, 500...:
          last = "the LRS failed (HTTP \(status)\(Self.detail(data)))"
        default:
          return .rejected("the LRS rejected it (HTTP \(status)\(Self.detail(data)))")
        }
      case .transport(let reason, let permanent):
        if permanent { return .stop(reason) }
        last = reason
      }
      let elapsed = Date().timeIntervalSince(started)
      if attempt == attempts || elapsed + pause >= deadline { break }
      try? await Task.sleep(nanoseconds: UInt64(pause * 1e9))
      pause = min(pause * 2, 8)
    }
    let tries = attempts == 1 ? "" : " (tried \(attempts) times)"
    return .stop(last + tries)
  }

  // MARK: - Reading

  /// Calls `each` with every statement the query finds, following `more` links, and returns
  /// the number of pages read.
  func statements(query: [URLQueryItem], each: (JSONValue) -> Void) async throws(Failure) -> Int {
    var components = URLComponents(
      url: endpoint.appendingPathComponent("statements"), resolvingAgainstBaseURL: false)!
    components.queryItems = query.isEmpty ? nil : query
    var next: URL? = components.url
    var seen: Set<String> = []
    var pages = 0
    while let url = next {
      guard seen.insert(url.absoluteString).inserted else {
        throw Failure(message: "the LRS sent the same `more` link twice (\(url.absoluteString))")
      }
      pages += 1
      let data: Data
      switch await exchange(makeRequest(url)) {
      case .answer(let status, let body):
        switch status {
        case 200..<300: data = body
        case 401, 403:
          throw Failure(
            message: "the LRS refused the credentials (HTTP \(status)\(Self.detail(body))): "
              + "check COACH_LRS_USERNAME and COACH_LRS_PASSWORD (they need read access)")
        case 404, 405:
          throw Failure(
            message: "\(endpoint.absoluteString) has no xAPI statements resource "
              + "(HTTP \(status)): COACH_LRS_ENDPOINT should be the LRS's xAPI base")
        default:
          throw Failure(message: "the LRS failed (HTTP \(status)\(Self.detail(body)))")
        }
      case .transport(let reason, _):
        throw Failure(message: reason)
      }
      let text = String(decoding: data, as: UTF8.self)
      guard let page = try? JSONValue.parse(text, maxDepth: 64),
        let statements = page["statements"]?.arrayValue
      else {
        throw Failure(message: "the LRS's answer is not a statement result (page \(pages))")
      }
      for statement in statements { each(statement) }
      next = nil
      if let more = page["more"]?.stringValue, !more.isEmpty {
        guard let moreURL = URL(string: more, relativeTo: endpoint)?.absoluteURL else {
          throw Failure(message: "the LRS's `more` link is not a URL: \(more)")
        }
        next = moreURL
      }
    }
    return pages
  }

  // MARK: - HTTP

  private enum Exchange {
    case answer(Int, Data)
    /// No answer; `permanent` when trying again cannot help (a bad URL, an unknown host).
    case transport(String, permanent: Bool)
  }

  private func makeRequest(_ url: URL) -> URLRequest {
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
    return request
  }

  private func exchange(_ request: URLRequest) async -> Exchange {
    do {
      let (data, response) = try await session.data(for: request)
      guard let http = response as? HTTPURLResponse else {
        return .transport("the LRS's answer is not HTTP", permanent: true)
      }
      return .answer(http.statusCode, data)
    } catch let error as URLError {
      let host = request.url?.host ?? "the LRS"
      let port = request.url?.port.map { ":\($0)" } ?? ""
      switch error.code {
      case .timedOut:
        return .transport(
          "the LRS at \(host)\(port) did not answer within \(Self.seconds(timeout))",
          permanent: false)
      case .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet:
        return .transport(
          "cannot connect to the LRS at \(host)\(port) (\(error.localizedDescription))",
          permanent: false)
      case .cannotFindHost, .dnsLookupFailed:
        return .transport("cannot find the LRS's host `\(host)`", permanent: true)
      case .unsupportedURL, .badURL:
        return .transport("the LRS endpoint is not a valid URL", permanent: true)
      case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
        .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
        return .transport(
          "the TLS connection to \(host) failed (\(error.localizedDescription))", permanent: true)
      default:
        return .transport(
          "the request to \(host)\(port) failed (\(error.localizedDescription))", permanent: false)
      }
    } catch {
      return .transport("the request failed (\(error))", permanent: false)
    }
  }

  /// The reason in an error body (`{"detail": …}`, `{"message": …}`, or the text itself),
  /// shortened, as `: reason`; empty when there is none.
  static func detail(_ data: Data) -> String {
    let text = String(decoding: data.prefix(65_536), as: UTF8.self)
    var reason = text
    if let json = try? JSONValue.parse(text, maxDepth: 32) {
      if let detail = json["detail"]?.stringValue ?? json["message"]?.stringValue
        ?? json["error"]?.stringValue
      {
        reason = detail
      } else if let items = json["detail"]?.arrayValue {
        // FastAPI-style validation errors: [{"loc": [...], "msg": "..."}]
        reason = items.prefix(3).compactMap { item -> String? in
          guard let message = item["msg"]?.stringValue else { return nil }
          let location = (item["loc"]?.arrayValue ?? []).compactMap {
            $0.stringValue ?? $0.intValue.map(String.init)
          }.joined(separator: ".")
          return location.isEmpty ? message : "\(location): \(message)"
        }.joined(separator: "; ")
        if items.count > 3 { reason += "; and \(items.count - 3) more" }
      }
    }
    reason = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    if reason.count > 300 { reason = String(reason.prefix(300)) + "…" }
    return reason.isEmpty ? "" : ": " + reason
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }

  /// Prints one report line.
  static func emit(_ members: [(String, JSONValue)]) {
    print(JSONValue.object(members).serialized())
  }
}
