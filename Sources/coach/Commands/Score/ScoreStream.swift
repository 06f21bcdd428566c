import CoachKit
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `coach score --jsonl`: answers JSON lines from standard input as they arrive.
///
/// Each input line is `{"id": …, "text": "…", "context": "…", "step": "…"}` (`context` and
/// `step` optional). Each output line is the assessment's JSON with the same `id`; a line that
/// cannot be read gets `{"line": N, "id": …, "error": "…"}` (`id` when it could be read), and
/// the stream goes on. Blank lines are skipped. Output is flushed after every batch of lines
/// read, so a program driving `coach` line by line sees each answer at once.
///
/// The lines of one read (a batch: only what is already in the input buffer) are scored on two
/// threads, each its half, and written in input order.
struct ScoreStream {
  /// The longest line accepted, in bytes.
  static let maxLine = 16 * 1_048_576

  let evaluator: Evaluator

  func run() {
    var pending: [UInt8] = []
    var lineNumber = 0
    var skipping = false
    var buffer = [UInt8](repeating: 0, count: 65536)
    var out: [UInt8] = []
    var batch: [(line: Int, bytes: ArraySlice<UInt8>)] = []
    while true {
      let n = read(0, &buffer, buffer.count)
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      var start = 0
      for i in 0..<n where buffer[i] == 0x0A {
        if skipping {
          skipping = false
        } else {
          lineNumber += 1
          if pending.isEmpty {
            batch.append((lineNumber, buffer[start..<i]))
          } else {
            pending.append(contentsOf: buffer[start..<i])
            batch.append((lineNumber, pending[...]))
          }
        }
        pending = []
        start = i + 1
      }
      answer(batch, into: &out)
      batch.removeAll(keepingCapacity: true)
      if !skipping {
        pending.append(contentsOf: buffer[start..<n])
        if pending.count > Self.maxLine {
          lineNumber += 1
          out += error(line: lineNumber, id: nil, "the line is longer than 16 MB")
          pending.removeAll()
          skipping = true
        }
      }
      if !out.isEmpty {
        Self.write(out)
        out.removeAll(keepingCapacity: true)
      }
    }
    if !skipping, !pending.isEmpty {
      lineNumber += 1
      answer(pending[...], line: lineNumber, into: &out)
    }
    Self.write(out)
  }

  /// Writes bytes to standard output, all of them, at once (no stdio buffering).
  static func write(_ bytes: [UInt8]) {
    if bytes.isEmpty { return }
    Platform.flush()
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0, errno == EINTR { continue }
        if n <= 0 { break }
        offset += n
      }
    }
  }

  /// The results of two threads' halves of a batch.
  private final class Halves: @unchecked Sendable {
    var first: [UInt8] = []
    var second: [UInt8] = []
  }

  /// Answers a batch of lines in order, the two halves on two threads when it is worth it.
  func answer(_ batch: [(line: Int, bytes: ArraySlice<UInt8>)], into out: inout [UInt8]) {
    if batch.count < 8 {
      for (line, bytes) in batch { answer(bytes, line: line, into: &out) }
      return
    }
    let half = batch.count / 2
    let halves = Halves()
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      var part: [UInt8] = []
      part.reserveCapacity(half * 1024)  // an answer is about 1 KB
      for (line, bytes) in k == 0 ? batch[..<half] : batch[half...] {
        answer(bytes, line: line, into: &part)
      }
      if k == 0 { halves.first = part } else { halves.second = part }
    }
    // Written as they are, in order (after anything already waiting in `out`), rather than
    // copied together first.
    Self.write(out)
    out.removeAll(keepingCapacity: true)
    Self.write(halves.first)
    Self.write(halves.second)
  }

  func answer(_ bytes: ArraySlice<UInt8>, line: Int, into out: inout [UInt8]) {
    var bytes = bytes
    if bytes.last == 0x0D { bytes = bytes.dropLast() }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
    if let bad = UTF8Check.firstInvalidByte(bytes) {
      out += error(line: line, id: nil, "the line is not valid UTF-8 (byte \(bad + 1))")
      return
    }
    let members: [(String, JSONValue)]
    if let flat = FlatJSONLine.parse(bytes) {
      members = flat
    } else {
      let value: JSONValue
      do {
        value = try JSONValue.parse(String(decoding: bytes, as: UTF8.self))
      } catch {
        out += self.error(line: line, id: nil, "invalid JSON: \(error.description)")
        return
      }
      guard case .object(let object) = value else {
        out += error(line: line, id: nil, "expected a JSON object {\"id\": …, \"text\": …}")
        return
      }
      members = object
    }
    let id = members.first { $0.0 == "id" }?.1
    guard let replyValue = members.first(where: { $0.0 == "text" })?.1 else {
      out += error(line: line, id: id, "missing \"text\"")
      return
    }
    guard case .string(let reply) = replyValue else {
      out += error(line: line, id: id, "\"text\" should be a string")
      return
    }
    var context = ReplyContext()
    if let contextValue = members.first(where: { $0.0 == "context" })?.1 {
      switch contextValue {
      case .string(let line): context.customerLine = line
      case .null: break
      default:
        out += error(line: line, id: id, "\"context\" should be a string")
        return
      }
    }
    if let stepValue = members.first(where: { $0.0 == "step" })?.1 {
      switch stepValue {
      case .string(let name):
        guard let step = Step(rawValue: name) else {
          out += error(
            line: line, id: id, "\"step\" should be empathy, understand, offer or check")
          return
        }
        context.step = step
      case .null: break
      default:
        out += error(line: line, id: id, "\"step\" should be a string")
        return
      }
    }
    evaluator.assess(reply, context: context).writeJSONLine(id: id ?? .null, to: &out)
  }

  func error(line: Int, id: JSONValue?, _ message: String) -> [UInt8] {
    var members: [(String, JSONValue)] = [("line", .int(line))]
    if let id { members.append(("id", id)) }
    members.append(("error", .string(message)))
    return Array((JSONValue.object(members).serialized() + "\n").utf8)
  }
}
