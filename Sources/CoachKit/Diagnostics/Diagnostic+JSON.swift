extension Diagnostic {
  /// The diagnostic as a JSON object for editors:
  /// `{"file", "severity", "code", "message", "line", "column", "endLine", "endColumn",
  /// "label", "related": [{"line", "column", "endLine", "endColumn", "message"}], "help", "notes"}`.
  /// Lines and columns are 1-based; columns count Unicode scalars. A byte of the file's name
  /// that is not UTF-8 is shown as `\xNN` (see ``FileName``).
  public func json(path: String) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("file", .string(FileName.display(path))),
      ("severity", .string(severity.rawValue)),
      ("code", .string(code)),
      ("message", .string(message)),
    ]
    if let span {
      members += Self.position(span)
    }
    if let label { members.append(("label", .string(label))) }
    if !related.isEmpty {
      members.append(
        (
          "related",
          .array(
            related.map { .object(Self.position($0.span) + [("message", .string($0.message))]) })
        ))
    }
    if let help { members.append(("help", .string(help))) }
    if !notes.isEmpty { members.append(("notes", .array(notes.map { .string($0) }))) }
    return .object(members)
  }

  private static func position(_ span: SourceSpan) -> [(String, JSONValue)] {
    [
      ("line", .int(span.start.line)), ("column", .int(span.start.column)),
      ("endLine", .int(span.end.line)), ("endColumn", .int(span.end.column)),
    ]
  }
}
