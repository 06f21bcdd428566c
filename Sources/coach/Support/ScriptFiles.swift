import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An error the user can act on, printed as `coach: error: …` with a non-zero exit code.
struct CoachError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Reading script files and finding the bundled and extra script folders.
enum ScriptFiles {
  /// Files larger than this are refused before they are read.
  static let maxFileSize = 16 * 1024 * 1024

  /// Reads a whole file as bytes.
  static func read(_ path: String) throws -> SourceFile {
    guard let bytes = readBytes(path) else {
      throw CoachError(
        "cannot read `\(TerminalSafe.clean(path, keepNewlines: false))`: \(errnoText())")
    }
    return SourceFile(path: path, bytes: bytes)
  }

  /// Calls `body` with `path` as the C string `open(2)` needs: the name's real bytes, also when
  /// they are not UTF-8 (see ``FileName``).
  static func withRawPath<Result>(
    _ path: String, _ body: (UnsafePointer<CChar>) -> Result
  ) -> Result {
    guard FileName.hasRawBytes(path) else { return path.withCString(body) }
    let bytes = FileName.bytes(path).map { CChar(bitPattern: $0) } + [0]
    return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
  }

  /// `stat(2)` on the file at `path`, or `nil` (with `errno` set).
  static func status(_ path: String) -> stat? {
    var info = stat()
    return withRawPath(path) { stat($0, &info) } == 0 ? info : nil
  }

  /// The bytes of a file, or `nil` (with `errno` set) if it cannot be read.
  static func readBytes(_ path: String, limit: Int = maxFileSize) -> [UInt8]? {
    guard let info = status(path) else { return nil }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      errno = EISDIR
      return nil
    }
    if Int(info.st_size) > limit {
      errno = EFBIG
      return nil
    }
    guard let file = withRawPath(path, { fopen($0, "rb") }) else { return nil }
    defer { fclose(file) }
    var result: [UInt8] = []
    result.reserveCapacity(Int(info.st_size))
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n > 0 { result.append(contentsOf: buffer[0..<n]) }
      if n < buffer.count {
        if ferror(file) != 0 { return nil }
        break
      }
      if result.count > limit {
        errno = EFBIG
        return nil
      }
    }
    return result
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }

  /// Whether `path` is a directory.
  static func isDirectory(_ path: String) -> Bool {
    guard let info = status(path) else { return false }
    return (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// `path` with symbolic links, `.` and `..` resolved, or `path` itself if it cannot be.
  static func canonical(_ path: String) -> String {
    guard let resolved = withRawPath(path, { realpath($0, nil) }) else { return path }
    defer { free(resolved) }
    return FileName.text(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
  }

  /// Whether `path` exists.
  static func exists(_ path: String) -> Bool {
    status(path) != nil
  }

  /// The `*.coach.yaml` files in a folder and its subfolders, sorted by path. Each real folder
  /// and file is visited once, however many links lead to it (a link loop is not walked round).
  static func scripts(in directory: String) -> [String] {
    var found: [String] = []
    var seen: Set<FileIdentity> = []
    collect(directory, depth: 0, into: &found, seen: &seen)
    return found.sorted()
  }

  /// A file or folder on disk, whatever path leads to it.
  private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  private static func collect(
    _ directory: String, depth: Int, into found: inout [String], seen: inout Set<FileIdentity>
  ) {
    guard depth < 16, let info = status(directory),
      seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted,
      let dir = withRawPath(directory, opendir)
    else { return }
    defer { closedir(dir) }
    var entries: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        FileName.text(raw.prefix(while: { $0 != 0 }))
      }
      if !name.hasPrefix(".") { entries.append(name) }
    }
    // In name order, so which path stands for a file reached twice does not depend on the disk.
    for name in entries.sorted() {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      if isDirectory(path) {
        collect(path, depth: depth + 1, into: &found, seen: &seen)
      } else if name.hasSuffix(".coach.yaml") {
        if let info = status(path),
          !seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
            .inserted
        {
          continue
        }
        found.append(path)
      }
    }
  }

  /// The bundled `Scripts` folder of the package this binary was built from, or one installed
  /// beside the binary (`../share/coach/Scripts`).
  static func bundledDirectory() -> String? {
    // The package root is known at compile time: Sources/coach/Support/ScriptFiles.swift.
    var root = #filePath
    for _ in 0..<4 {
      if let slash = root.lastIndex(of: "/") { root = String(root[..<slash]) }
    }
    let candidates = [
      root + "/Scripts", executableDirectory().map { $0 + "/../share/coach/Scripts" },
    ]
    for case let candidate? in candidates where isDirectory(candidate) {
      return candidate
    }
    return nil
  }

  /// The folder of the running executable.
  static func executableDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let slash = path.lastIndex(of: "/") else { return nil }
    return String(path[..<slash])
  }
}
