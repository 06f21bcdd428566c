/// Fills in the scenario skeleton that `coach new ID` writes.
///
/// The skeleton's text is data (`Scripts/templates/scenario.coach.yaml.template`), with `{{id}}`
/// and `{{title}}` placeholders; this type checks the id and fills them in.
///
/// ```swift
/// let text = try ScenarioTemplate.fill(template, id: "broken-lamp")
/// // "scenario: broken-lamp", "title: Broken lamp", …
/// ```
public enum ScenarioTemplate {
  /// Why an id cannot name a scenario.
  public struct InvalidID: Error, Sendable, CustomStringConvertible {
    /// What is wrong, with a suggested id.
    public var description: String
  }

  /// The template's file name inside the bundled `Scripts` folder.
  public static let path = "templates/scenario.coach.yaml.template"

  /// Checks `id` with the rules every script id follows (lowercase letters, digits and `-`,
  /// starting with a letter).
  public static func check(id: String) throws(InvalidID) {
    guard !IDs.isValid(id) else { return }
    let shown = TerminalSafe.clean(id, keepNewlines: false)
    throw InvalidID(
      description: "`\(shown)` is not a valid scenario id: ids use lowercase letters, digits and "
        + "`-`, starting with a letter (for example `\(IDs.suggest(from: id))`)")
  }

  /// A title made from an id: `broken-lamp` → `Broken lamp`.
  public static func title(for id: String) -> String {
    let words = id.split(separator: "-").joined(separator: " ")
    guard let first = words.first else { return id }
    return first.uppercased() + words.dropFirst()
  }

  /// The template with `{{id}}` and `{{title}}` filled in.
  public static func fill(_ template: String, id: String) throws(InvalidID) -> String {
    try check(id: id)
    return template.replacingAll("{{id}}", with: id)
      .replacingAll("{{title}}", with: title(for: id))
  }
}
