import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks, before a command asks the user for anything, that what they type can be saved: the
/// data folder and its `subfolder` exist (owner-only, not links), and a file can be written
/// there now (not a read-only or full disk). Temporary files left by a save that was killed
/// halfway are removed on the way.
enum SaveCheck {
  /// Prepares `<data>/coach/<subfolder>` (or the data folder itself) and returns its path;
  /// throws with what is wrong, and the way out (`--no-save` where the command has it), when
  /// nothing could be saved there.
  static func prepare(_ subfolder: String? = nil, offersNoSave: Bool = true) throws -> String {
    let paths = XDGPaths()
    do {
      let data = try paths.dataDirectory()
      AtomicFile.removeStaleTemporaries(in: data)
      var directory = data
      if let subfolder {
        directory = try paths.ensureDirectory(data + "/" + subfolder)
        AtomicFile.removeStaleTemporaries(in: directory)
      }
      try AtomicFile.checkWritable(directory: directory)
      return directory
    } catch let error as CoachError {
      let wayOut =
        offersNoSave
        ? "use --no-save to go on without saving"
        : "every attempt is recorded: fix the folder or free some space first"
      throw CoachError(
        "\(error.description); nothing can be saved, so nothing was asked (\(wayOut))")
    }
  }
}
