import CoachKit
import Foundation

/// A small JSON Schema (draft-07) validator for the subset `coach schema` emits: `$ref` to
/// `#/definitions/…`, `type`, `enum`, `pattern`, `minimum`, `maximum`, `minItems`, `properties`,
/// `required`, `additionalProperties`, `items`, `anyOf`, `oneOf`, `allOf` and `if`/`then`.
/// Unknown keywords fail loudly, so the schema cannot grow past what is tested.
struct SchemaValidator {
  let root: JSONValue
  static let known: Set<String> = [
    "$schema", "title", "description", "definitions", "$ref", "type", "enum", "pattern", "minimum",
    "maximum", "minItems", "properties", "required", "additionalProperties", "items", "anyOf",
    "oneOf", "allOf", "if", "then",
  ]

  /// The problems found, as `path: message` lines (empty when valid).
  func errors(_ value: JSONValue) -> [String] {
    var errors: [String] = []
    check(value, root, path: "$", into: &errors)
    return errors
  }

  private func check(_ value: JSONValue, _ schema: JSONValue, path: String, into errors: inout [String]) {
    guard case .object(let members) = schema else {
      if case .bool(false) = schema { errors.append("\(path): not allowed") }
      return
    }
    func keyword(_ name: String) -> JSONValue? { members.first { $0.0 == name }?.1 }
    for (name, _) in members where !Self.known.contains(name) {
      errors.append("\(path): the validator does not know `\(name)`")
    }
    if let ref = keyword("$ref")?.stringValue {
      let name = String(ref.dropFirst("#/definitions/".count))
      guard let target = root["definitions"]?[name] else {
        errors.append("\(path): no definition \(ref)")
        return
      }
      check(value, target, path: path, into: &errors)
    }
    if let type = keyword("type") {
      let types = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
      if !types.contains(where: { Self.matches(value, type: $0) }) {
        errors.append("\(path): expected \(types.joined(separator: " or ")), found \(value.serialized())")
      }
    }
    if let choices = keyword("enum")?.arrayValue, !choices.contains(value) {
      errors.append("\(path): \(value.serialized()) is not one of \(JSONValue.array(choices).serialized())")
    }
    if let pattern = keyword("pattern")?.stringValue, case .string(let text) = value {
      let regex = try! Regex(pattern)
      if (try? regex.firstMatch(in: text)) == nil {
        errors.append("\(path): `\(text)` does not match \(pattern)")
      }
    }
    if case .int(let number) = value {
      if let minimum = keyword("minimum")?.intValue, number < minimum {
        errors.append("\(path): \(number) is below \(minimum)")
      }
      if let maximum = keyword("maximum")?.intValue, number > maximum {
        errors.append("\(path): \(number) is above \(maximum)")
      }
    }
    if case .array(let items) = value {
      if let minItems = keyword("minItems")?.intValue, items.count < minItems {
        errors.append("\(path): fewer than \(minItems) items")
      }
      if let itemSchema = keyword("items") {
        for (index, item) in items.enumerated() {
          check(item, itemSchema, path: "\(path)[\(index)]", into: &errors)
        }
      }
    }
    if case .object(let fields) = value {
      let properties: [(String, JSONValue)]
      if case .object(let p)? = keyword("properties") { properties = p } else { properties = [] }
      for name in keyword("required")?.arrayValue?.compactMap(\.stringValue) ?? []
      where !fields.contains(where: { $0.0 == name }) {
        errors.append("\(path): missing `\(name)`")
      }
      for (name, field) in fields {
        if let property = properties.first(where: { $0.0 == name }) {
          check(field, property.1, path: "\(path).\(name)", into: &errors)
        } else if let additional = keyword("additionalProperties") {
          if case .bool(false) = additional {
            errors.append("\(path): unknown key `\(name)`")
          } else {
            check(field, additional, path: "\(path).\(name)", into: &errors)
          }
        }
      }
    }
    if let all = keyword("allOf")?.arrayValue {
      for schema in all { check(value, schema, path: path, into: &errors) }
    }
    if let any = keyword("anyOf")?.arrayValue,
      !any.contains(where: { errorsFor(value, $0, path).isEmpty })
    {
      errors.append("\(path): matches none of the alternatives: " + any.map { errorsFor(value, $0, path).first ?? "" }.joined(separator: " / "))
    }
    if let one = keyword("oneOf")?.arrayValue {
      let passing = one.filter { errorsFor(value, $0, path).isEmpty }.count
      if passing != 1 { errors.append("\(path): matches \(passing) of the `oneOf` alternatives, not 1") }
    }
    if let condition = keyword("if"), errorsFor(value, condition, path).isEmpty,
      let then = keyword("then")
    {
      check(value, then, path: path, into: &errors)
    }
  }

  private func errorsFor(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> [String] {
    var errors: [String] = []
    check(value, schema, path: path, into: &errors)
    return errors
  }

  private static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (value, type) {
    case (.string, "string"), (.int, "integer"), (.int, "number"), (.double, "number"),
      (.bool, "boolean"), (.null, "null"), (.array, "array"), (.object, "object"):
      true
    default: false
    }
  }
}
