import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files of the exercises after a conversation: reading a saved session (`--from`, `--last`),
/// reading text files, and saving a Markdown result under the data folder with mode 0600.
enum ExerciseFiles {
  /// The session record at `path`.
  static func record(at path: String) throws -> SessionRecord {
    guard let bytes = ScriptFiles.readBytes(path) else {
      throw CoachError(
        "cannot read the transcript `\(clean(path))`: \(ScriptFiles.errnoText())")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      return try SessionRecord(json: try JSONValue.parse(text))
    } catch let error as JSONValue.ParseError {
      throw CoachError("`\(clean(path))` is not a saved transcript (.json): \(error)")
    } catch {
      throw CoachError("`\(clean(path))` is not a saved transcript: \(error)")
    }
  }

  /// The newest `*.json` in the transcripts folder.
  static func latestTranscript() throws -> String {
    let directory = try XDGPaths().dataDirectoryPath() + "/transcripts"
    guard let dir = opendir(directory) else {
      throw CoachError(
        "no saved practice session yet (no folder `\(clean(directory))`); run `coach practice` first")
    }
    defer { closedir(dir) }
    var best: (time: Int, name: String)?
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasSuffix(".json"), !name.hasPrefix(".") else { continue }
      var info = stat()
      guard stat(directory + "/" + name, &info) == 0 else { continue }
      let time = Int(info.st_mtim.tv_sec)
      if best == nil || (time, name) > (best!.time, best!.name) { best = (time, name) }
    }
    guard let best else {
      throw CoachError("no saved practice session in `\(clean(directory))`; run `coach practice` first")
    }
    return directory + "/" + best.name
  }

  /// The session named by `--from` or `--last`, if any.
  static func session(from path: String?, last: Bool) throws -> SessionRecord? {
    if let path { return try record(at: path) }
    if last { return try record(at: try latestTranscript()) }
    return nil
  }

  /// The lines of a text file (`-` reads standard input), without line endings; trailing empty
  /// lines are dropped.
  static func lines(of path: String) throws -> [String] {
    var lines = try text(of: path).split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    return lines
  }

  /// A text file's content (`-` reads standard input).
  static func text(of path: String) throws -> String {
    let bytes = path == "-" ? Platform.readStandardInput(limit: ScriptFiles.maxFileSize) : ScriptFiles.readBytes(path)
    guard let bytes else {
      throw CoachError("cannot read `\(clean(path))`: \(ScriptFiles.errnoText())")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Saves `markdown` as `<data>/coach/<folder>/<stamp>.md` (0600) and returns the path. The
  /// file is created, never replaced: a second save in the same second, by this process or
  /// another, gets `-2`, `-3` …. If it cannot be saved, the text is printed on standard output,
  /// so what the user typed can still be kept, and the error is thrown.
  static func save(_ markdown: String, in folder: String) throws -> String {
    do {
      let paths = XDGPaths()
      let directory = try paths.ensureDirectory(try paths.dataDirectory() + "/" + folder)
      let base = directory + "/" + WallClock.fileStamp()
      return try AtomicFile.createNew([(".md", markdown)], base: base) + ".md"
    } catch {
      Platform.writeError("coach: could not save; the text follows on standard output\n")
      Platform.write(markdown)
      throw error
    }
  }

  /// Rewrites an already saved file (the partial save during a guided exercise).
  static func overwrite(_ markdown: String, at path: String) throws {
    try AtomicFile.write(markdown, to: path)
  }

  static func clean(_ text: String) -> String { TerminalSafe.clean(text, keepNewlines: false) }
}
