import CoachKit
import Foundation

/// Loading scripts for tests.
public enum TestScripts {
  /// The package's `Scripts` folder.
  public static var scriptsDirectory: String {
    CoachProcess.packageRoot.appendingPathComponent("Scripts").path
  }

  /// Loads a script from text, failing loudly (with the rendered diagnostics) on errors.
  public static func load(_ text: String, path: String = "test.coach.yaml") -> Script {
    ScriptLoader.load(SourceFile(path: path, text: text))
  }

  /// A scenario from text; traps with the diagnostics if it has errors.
  public static func scenario(_ text: String) -> Scenario {
    let script = load(text)
    guard let scenario = script.scenario else {
      fatalError(DiagnosticRenderer().render(script.diagnostics, in: script.source))
    }
    return scenario
  }

  /// The bundled method.
  public static var method: Method {
    let path = scriptsDirectory + "/method.en.coach.yaml"
    let script = ScriptLoader.load(SourceFile(path: path, bytes: readFile(path)))
    guard let method = script.method else {
      fatalError(DiagnosticRenderer().render(script.diagnostics, in: script.source))
    }
    return method
  }

  /// The bytes of a file (traps if missing: tests only).
  public static func readFile(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      fatalError("missing \(path)")
    }
    return [UInt8](data)
  }
}
