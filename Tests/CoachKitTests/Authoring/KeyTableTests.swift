import Foundation
import Testing

@testable import CoachKit

/// The key tables of docs/AUTHORING.md are made from the key descriptions the decoders read:
/// this fails when a table is stale. `RECORD_SNAPSHOTS=1` rewrites the guide's tables.
@Suite struct KeyTableTests {
  static let guide = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/AUTHORING.md")

  @Test func theGuidesTablesAreCurrent() throws {
    let text = try String(contentsOf: Self.guide, encoding: .utf8)
    let updated = try KeyTables.updated(text)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(updated.utf8).write(to: Self.guide)
      return
    }
    #expect(
      updated == text,
      "docs/AUTHORING.md has stale key tables; run `RECORD_SNAPSHOTS=1 swift test --filter KeyTableTests`"
    )
  }

  @Test func theGuideShowsEveryTable() throws {
    let text = try String(contentsOf: Self.guide, encoding: .utf8)
    for (name, _) in KeyTables.specs {
      #expect(text.contains(KeyTables.start + name + " -->"), "no table `\(name)` in the guide")
    }
  }

  @Test func aTableListsEveryKeyWithItsTypeDefaultAndLine() {
    let table = KeyTables.table(ScenarioKeys.Customer.spec)
    let rows = table.split(separator: "\n")
    #expect(rows.count == 2 + ScenarioKeys.Customer.spec.keys.count)
    #expect(
      rows.contains(
        "| `patience` | number 1–20 | `3` | How many replies that do not help they take before giving up. |"
      ))
    #expect(rows.contains("| `name` | text | required | The customer's name. |"))
    #expect(rows.contains("| `role` | text | none | What they do. |"))
  }

  @Test func aStaleTableIsRewrittenAndTheProseKept() throws {
    let document = """
      Intro prose.

      <!-- key table: line -->
      | key | type | default | meaning |
      | `old` | text | none | gone |
      <!-- end of key table -->

      More prose.
      """
    let updated = try KeyTables.updated(document)
    #expect(updated.hasPrefix("Intro prose.\n\n<!-- key table: line -->\n| key |"))
    #expect(updated.hasSuffix("<!-- end of key table -->\n\nMore prose."))
    #expect(!updated.contains("`old`"))
    #expect(updated.contains("| `say` | text | required |"))
    #expect(try KeyTables.updated(updated) == updated)
  }

  @Test func anUnknownOrUnclosedTableIsAnError() {
    #expect(throws: KeyTableError.unknownTable("nope")) {
      try KeyTables.updated("<!-- key table: nope -->\n<!-- end of key table -->")
    }
    #expect(throws: KeyTableError.notClosed("fact")) {
      try KeyTables.updated("<!-- key table: fact -->\n| a |")
    }
  }
}
