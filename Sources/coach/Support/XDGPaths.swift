import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `coach` keeps its files, following the XDG Base Directory specification.
///
/// - State (history): `$XDG_STATE_HOME/coach`, else `$HOME/.local/state/coach`.
/// - Data (transcripts, results): `$XDG_DATA_HOME/coach`, else `$HOME/.local/share/coach`.
///
/// A relative `XDG_*` value is ignored, as the specification says. Folders are created on demand
/// with mode 0700 (the `coach` folder itself is set to 0700 if it already exists with other modes).
/// `coach`'s own folders must be real folders: a symbolic link there is refused with a message,
/// never followed (the folders above them, such as `~/.local/share`, may be links).
struct XDGPaths {
  /// Looks up an environment variable; replaceable in tests.
  var environment: (String) -> String?

  init(environment: @escaping (String) -> String? = Platform.environment) {
    self.environment = environment
  }

  /// The state folder, created if needed.
  func stateDirectory() throws -> String {
    try ensureDirectory(stateDirectoryPath())
  }

  /// The data folder, created if needed.
  func dataDirectory() throws -> String {
    try ensureDirectory(dataDirectoryPath())
  }

  /// The state folder's path, without creating it.
  func stateDirectoryPath() throws -> String {
    try base("XDG_STATE_HOME", fallback: ".local/state") + "/coach"
  }

  /// The data folder's path, without creating it.
  func dataDirectoryPath() throws -> String {
    try base("XDG_DATA_HOME", fallback: ".local/share") + "/coach"
  }

  private func base(_ variable: String, fallback: String) throws -> String {
    if let value = environment(variable), value.hasPrefix("/") { return trimmed(value) }
    guard let home = environment("HOME"), !home.isEmpty else {
      throw CoachError(
        "cannot find a folder for coach's files: HOME is not set (set HOME or \(variable))")
    }
    guard home.hasPrefix("/") else {
      throw CoachError(
        "cannot find a folder for coach's files: HOME is not an absolute path"
          + " (`\(TerminalSafe.clean(home, keepNewlines: false))`)")
    }
    return trimmed(home) + "/" + fallback
  }

  private func trimmed(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
    return path == "/" ? "" : String(path)
  }

  /// Creates `path` and any missing parents with mode 0700, and makes `path` itself 0700.
  @discardableResult
  func ensureDirectory(_ path: String) throws -> String {
    var prefix = ""
    for component in path.split(separator: "/") {
      prefix += "/" + component
      if mkdir(prefix, 0o700) != 0, errno != EEXIST {
        throw failure(prefix)
      }
    }
    var info = stat()
    guard lstat(path, &info) == 0 else { throw failure(path) }
    if info.st_mode & S_IFMT == S_IFLNK {
      throw CoachError(
        "refusing to use `\(TerminalSafe.clean(path, keepNewlines: false))`: it is a symbolic link"
          + " (coach keeps its files in a real folder; remove the link)")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      errno = ENOTDIR
      throw failure(path)
    }
    if info.st_mode & 0o777 != 0o700, info.st_uid == getuid() {
      chmod(path, 0o700)
    }
    return path
  }

  private func failure(_ path: String) -> CoachError {
    let reason = String(cString: strerror(errno))
    return CoachError(
      "cannot create the folder `\(TerminalSafe.clean(path, keepNewlines: false))`: \(reason)")
  }
}
