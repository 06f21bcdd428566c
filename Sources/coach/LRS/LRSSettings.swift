import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The team's learning record store: where it is, how to sign in, how reps are named there.
///
/// Each setting comes from the environment (`COACH_LRS_ENDPOINT`, …) or, when the environment
/// does not set it, from `$XDG_CONFIG_HOME/coach/config` (else `~/.config/coach/config`): lines
/// of `NAME=value` with the same names, `#` comments and blank lines. The file holds a password,
/// so it must be readable by its owner only (mode 0600) or it is refused. Without an endpoint
/// nothing is sent anywhere.
struct LRSSettings {
  /// The settings, by the name used in the environment and in the file.
  enum Name: String, CaseIterable {
    case endpoint = "COACH_LRS_ENDPOINT"
    case username = "COACH_LRS_USERNAME"
    case password = "COACH_LRS_PASSWORD"
    case homePage = "COACH_LRS_HOMEPAGE"
    case mbox = "COACH_LRS_MBOX"
    case activityBase = "COACH_LRS_ACTIVITY_BASE"
    case shareText = "COACH_LRS_SHARE_TEXT"
    case timeout = "COACH_LRS_TIMEOUT"
  }

  /// The xAPI base URL, ending in `/` (`https://lrs.example/xAPI/`).
  var endpoint: String
  var username: String?
  var password: String?
  /// How statements name reps and activities.
  var profile: XAPIProfile
  /// Seconds to wait for the LRS to answer one request in `coach results sync`.
  var timeout: Double

  /// The default for ``timeout``.
  static let defaultTimeout = 10.0

  /// The settings, or `nil` when no endpoint is configured.
  ///
  /// - Throws: ``CoachError`` when the file is readable by others, cannot be read or has a bad
  ///   line, or a value is not valid; the message names the file and line or the variable.
  static func load(environment: (String) -> String? = Platform.environment) throws -> LRSSettings? {
    var values: [Name: (value: String, origin: String)] = [:]
    if let path = configPath(environment: environment) {
      for (name, entry) in try readFile(path) { values[name] = entry }
    }
    for name in Name.allCases {
      if let value = environment(name.rawValue), !value.isEmpty {
        values[name] = (value, "")
      }
    }
    guard let endpoint = values[.endpoint] else { return nil }
    func valid(_ name: Name, _ check: (String) -> Bool, _ expected: String) throws -> String? {
      guard let entry = values[name] else { return nil }
      guard check(entry.value) else {
        let origin = entry.origin.isEmpty ? "" : entry.origin + ": "
        throw CoachError(
          "\(origin)\(name.rawValue) `\(clean(entry.value))` is not \(expected)")
      }
      return entry.value
    }
    let url = try valid(.endpoint, isHTTPURL, "an http:// or https:// URL")!
    let homePage = try valid(
      .homePage, isAbsoluteIRI, "an absolute IRI such as https://sso.acme.example")
    let activityBase = try valid(
      .activityBase, isAbsoluteIRI, "an absolute IRI such as https://training.acme.example/coach/")
    let mbox = try valid(
      .mbox, { $0.contains("@") && !$0.contains(" ") }, "an email address (mailto:ana@acme.example)"
    )
    let share = try valid(.shareText, { yesNo($0) != nil }, "yes or no")
    let timeout = try valid(
      .timeout, { Double($0).map { $0 > 0 && $0 <= 600 } ?? false }, "a number of seconds (0–600)")
    _ = endpoint
    return LRSSettings(
      endpoint: url.hasSuffix("/") ? url : url + "/", username: values[.username]?.value,
      password: values[.password]?.value,
      profile: XAPIProfile(
        homePage: homePage ?? XAPIProfile.defaultHomePage, mbox: mbox,
        activityBase: activityBase ?? XAPIProfile.defaultActivityBase,
        coachVersion: CoachVersion.string, shareText: share.flatMap(yesNo) ?? false),
      timeout: timeout.flatMap(Double.init) ?? defaultTimeout)
  }

  /// `$XDG_CONFIG_HOME/coach/config`, else `$HOME/.config/coach/config`; `nil` without either.
  static func configPath(environment: (String) -> String? = Platform.environment) -> String? {
    if let base = environment("XDG_CONFIG_HOME"), base.hasPrefix("/") {
      return base + "/coach/config"
    }
    guard let home = environment("HOME"), home.hasPrefix("/") else { return nil }
    return home + "/.config/coach/config"
  }

  /// The `NAME=value` lines of the config file (none when it does not exist).
  static func readFile(_ path: String) throws -> [Name: (value: String, origin: String)] {
    let shown = clean(path)
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { return [:] }
      throw CoachError("cannot read the config file `\(shown)`: \(ScriptFiles.errnoText())")
    }
    if info.st_mode & 0o077 != 0 {
      let mode = String(info.st_mode & 0o777, radix: 8)
      throw CoachError(
        "the config file `\(shown)` can be read by others (mode \(mode)) and may hold the LRS "
          + "password, so it is not used: run `chmod 600 \(shown)`")
    }
    if info.st_uid != getuid() {
      throw CoachError("the config file `\(shown)` belongs to another user, so it is not used")
    }
    guard let bytes = ScriptFiles.readBytes(path, limit: 1 << 20) else {
      throw CoachError("cannot read the config file `\(shown)`: \(ScriptFiles.errnoText())")
    }
    var values: [Name: (value: String, origin: String)] = [:]
    let lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    for (index, raw) in lines.enumerated() {
      let origin = "\(shown):\(index + 1)"
      let line = String(raw).trimmingWhitespace
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw CoachError("\(origin): expected NAME=value, such as COACH_LRS_ENDPOINT=https://…")
      }
      let key = String(line[..<equals]).trimmingWhitespace
      guard let name = Name(rawValue: key) else {
        var message = "\(origin): unknown setting `\(clean(key))`"
        if let match = Suggestions.closest(to: key, in: Name.allCases.map(\.rawValue)) {
          message += "; did you mean \(match)?"
        }
        throw CoachError(message)
      }
      var value = String(line[line.index(after: equals)...]).trimmingWhitespace
      if value.count >= 2, let first = value.first, first == "\"" || first == "'",
        value.last == first
      {
        value = String(value.dropFirst().dropLast())
      }
      values[name] = (value, origin)
    }
    return values
  }

  private static func yesNo(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "yes", "true", "1", "on": true
    case "no", "false", "0", "off": false
    default: nil
    }
  }

  private static func isHTTPURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
      let rest = text.dropFirst(scheme.count)
      let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      return !host.isEmpty && !text.contains(where: { $0 == " " || $0.isNewline })
        && !text.contains("?") && !text.contains("#")
    }
    return false
  }

  private static func isAbsoluteIRI(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
    let scheme = text[..<colon]
    return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
      && scheme.first!.isLetter && !text.contains(where: { $0 == " " || $0.isNewline })
      && text.index(after: colon) != text.endIndex
  }

  private static func clean(_ text: String) -> String {
    TerminalSafe.clean(text, keepNewlines: false)
  }
}
