import CoachKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `coach score --jsonl`: answers JSON lines from standard input as they arrive.
///
/// Each input line is `{"id": …, "text": "…", "context": "…", "step": "…"}` (`context` and
/// `step` optional). Each output line is the assessment's JSON with the same `id`, echoed as it
/// was written (byte for byte, so `1e2` stays `1e2`); a line that cannot be read gets
/// `{"line": N, "id": …, "error": "…"}` (`id` when it could be read), and the stream goes on.
/// Blank lines are skipped. Output is written after every read from the input, so a program
/// driving `coach` line by line sees each answer at once.
///
/// Memory stays bounded whatever the input: a line longer than ``maxLine`` is skipped as it
/// streams past (it is never held whole) and answered with an error, and a `text` or `context`
/// longer than ``maxReply`` is refused with an error rather than assessed.
///
/// JSON is read and written by the library's one implementation (``JSONValue``).
struct ScoreStream {
  /// The longest input line accepted, in bytes.
  static let maxLine = 1_048_576
  /// The longest reply (or customer line) assessed, in bytes of UTF-8: far more than anyone
  /// says in one turn, and the same cap as a typed line in a session.
  static let maxReply = PlainLineReader.maxLineBytes

  let evaluator: Evaluator

  func run() {
    var pending: [UInt8] = []
    var lineNumber = 0
    var skipping = false
    var buffer = [UInt8](repeating: 0, count: 65536)
    var out: [UInt8] = []
    while true {
      let n = read(0, &buffer, buffer.count)
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      var start = 0
      while let newline = buffer[start..<n].firstIndex(of: 0x0A) {
        if skipping {
          skipping = false
        } else {
          lineNumber += 1
          if pending.isEmpty {
            answer(buffer[start..<newline], line: lineNumber, into: &out)
          } else {
            pending.append(contentsOf: buffer[start..<newline])
            answer(pending[...], line: lineNumber, into: &out)
          }
        }
        pending.removeAll(keepingCapacity: pending.count <= 65536)
        start = newline + 1
      }
      if !skipping {
        pending.append(contentsOf: buffer[start..<n])
        if pending.count > Self.maxLine {
          lineNumber += 1
          error(line: lineNumber, id: nil, "the line is longer than 1 MB", into: &out)
          pending = []
          skipping = true
        }
      }
      guard Self.write(&out) else { return }
    }
    if !skipping, !pending.isEmpty {
      lineNumber += 1
      answer(pending[...], line: lineNumber, into: &out)
    }
    _ = Self.write(&out)
  }

  /// Writes `bytes` to standard output, all of them, and empties it; `false` when the output is
  /// gone.
  static func write(_ bytes: inout [UInt8]) -> Bool {
    defer { bytes.removeAll(keepingCapacity: true) }
    if bytes.isEmpty { return true }
    Platform.flush()
    return bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0, errno == EINTR { continue }
        if n <= 0 { return false }
        offset += n
      }
      return true
    }
  }

  /// Answers one input line, appending the answer to `out`.
  func answer(_ bytes: ArraySlice<UInt8>, line: Int, into out: inout [UInt8]) {
    var bytes = bytes
    if bytes.last == 0x0D { bytes = bytes.dropLast() }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
    if let bad = UTF8Check.firstInvalidByte(bytes) {
      error(line: line, id: nil, "the line is not valid UTF-8 (byte \(bad + 1))", into: &out)
      return
    }
    let members: [JSONValue.Member]
    do {
      guard let object = try JSONValue.parseObject(String(decoding: bytes, as: UTF8.self)) else {
        error(
          line: line, id: nil, "expected a JSON object {\"id\": …, \"text\": …}", into: &out)
        return
      }
      members = object
    } catch {
      self.error(line: line, id: nil, "invalid JSON: \(error.description)", into: &out)
      return
    }
    let id = members.first { $0.key == "id" }
    do {
      let (reply, context) = try request(members)
      // An answer always has an `id` (null when the line had none); an error only when given.
      let assessment = evaluator.assess(reply, context: context)
      Self.line(
        id: id ?? JSONValue.Member(key: "id", value: .null, source: "null"), assessment,
        into: &out)
    } catch {
      self.error(line: line, id: id, error.message, into: &out)
    }
  }

  /// What a line asks: the reply and its context, or what is wrong with them.
  private func request(_ members: [JSONValue.Member]) throws(Refusal) -> (String, ReplyContext) {
    func member(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
    guard let replyValue = member("text") else { throw Refusal("missing \"text\"") }
    guard case .string(let reply) = replyValue else {
      throw Refusal("\"text\" should be a string")
    }
    if reply.utf8.count > Self.maxReply {
      throw Refusal(
        "\"text\" is longer than \(Self.maxReply / 1024) KB (\(reply.utf8.count) bytes):"
          + " not assessed")
    }
    var context = ReplyContext()
    switch member("context") {
    case .string(let text)?:
      if text.utf8.count > Self.maxReply {
        throw Refusal("\"context\" is longer than \(Self.maxReply / 1024) KB: not assessed")
      }
      context.customerLine = text
    case .null?, nil: break
    default: throw Refusal("\"context\" should be a string")
    }
    switch member("step") {
    case .string(let name)?:
      guard let step = Step(rawValue: name) else {
        throw Refusal("\"step\" should be empathy, understand, offer or check")
      }
      context.step = step
    case .null?, nil: break
    default: throw Refusal("\"step\" should be a string")
    }
    return (reply, context)
  }

  /// Why a line was not assessed.
  private struct Refusal: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  /// Appends the error object `{"line": N, "id": …, "error": "…"}` (`id` when given).
  func error(line: Int, id: JSONValue.Member?, _ message: String, into out: inout [UInt8]) {
    out += #"{"line":"#.utf8
    JSONValue.int(line).appendSerialized(to: &out)
    if let id {
      out += #","id":"#.utf8
      Self.appendID(id, to: &out)
    }
    out += #","error":"#.utf8
    JSONValue.appendString(message, to: &out)
    out += "}\n".utf8
  }

  /// Appends the assessment's JSON as one line with `"id"` as its first member.
  static func line(id: JSONValue.Member, _ assessment: Assessment, into out: inout [UInt8]) {
    out += #"{"id":"#.utf8
    appendID(id, to: &out)
    out.append(UInt8(ascii: ","))
    let body = out.count
    assessment.appendJSON(to: &out)
    out.remove(at: body)  // the object's own "{": its members follow the id
    out.append(0x0A)
  }

  /// Appends the id's JSON text as the input wrote it. An id whose text holds a character that
  /// JSON output never carries raw (DEL, C1 controls, line separators, bidirectional overrides)
  /// is written by the serialiser instead, with the same value.
  private static func appendID(_ id: JSONValue.Member, to out: inout [UInt8]) {
    if id.source.unicodeScalars.contains(where: isNeverRaw) {
      id.value.appendSerialized(to: &out)
    } else {
      out += id.source.utf8
    }
  }

  /// Characters that JSON output never carries raw (``JSONValue/appendString(_:to:)`` escapes
  /// them), and the terminal boundary would not pass: an id holding one is re-serialised.
  private static func isNeverRaw(_ scalar: Unicode.Scalar) -> Bool {
    TerminalSafe.needsCleaning(scalar, keepNewlines: false) || scalar == "\u{2028}"
      || scalar == "\u{2029}"
  }
}
