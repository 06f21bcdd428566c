/// Splits a reply into tokens and sentences in one pass over its UTF-8 bytes.
///
/// Offsets point into the original reply. The tokenizer folds typography (``TextNormalizer``),
/// lowercases, expands contractions, stems every word and looks up its word classes; it splits
/// sentences on `.`, `!`, `?` followed by a space or the end (not inside quotes, not after an
/// abbreviation, not in `2.5` or `example.com`) and on line breaks, and clauses on punctuation and
/// clause-breaking words.
struct Tokenizer {
  let vocabulary: Vocabulary
  let exclamationRun: Int
  let capsMinLetters: Int

  init(vocabulary: Vocabulary, exclamationRun: Int = 2, capsMinLetters: Int = 2) {
    self.vocabulary = vocabulary
    self.exclamationRun = max(1, exclamationRun)
    self.capsMinLetters = max(1, capsMinLetters)
  }

  func analyse(_ text: String) -> TextAnalysis {
    var state = State(text: text)
    let bytes = state.analysis.bytes
    bytes.withUnsafeBufferPointer { p in
      state.p = p
      state.run(self)
      state.p = UnsafeBufferPointer(start: nil, count: 0)
    }
    state.word.deallocate()
    return state.analysis
  }

  /// The stems of the words of `bytes` (valid UTF-8): what ``analyse(_:)`` gives as token
  /// stems, without building a `String` (compiling cue phrases). A stem the lexicon does not
  /// know comes as its bytes.
  func stems(of bytes: [UInt8]) -> [Stem] {
    var state = State(bytes: bytes)
    bytes.withUnsafeBufferPointer { p in
      state.p = p
      state.run(self)
      state.p = UnsafeBufferPointer(start: nil, count: 0)
    }
    state.word.deallocate()
    let analysis = state.analysis
    return analysis.tokens.map { token in
      token.stem & Token.localStem == 0
        ? .known(token.stem) : .unknown(Array(analysis.localStemBytes(token.stem)))
    }
  }

  /// A stem of a cue phrase's word.
  enum Stem: Hashable, Sendable {
    /// An id of the vocabulary's stem table.
    case known(UInt32)
    /// A stem the vocabulary does not have.
    case unknown([UInt8])
  }

  /// One pass's working state. The tokenizer is passed to the methods that read it rather than
  /// stored: a stored copy of its vocabulary (a dozen tables) is retained and released whole on
  /// every reply.
  private struct State {
    var analysis: TextAnalysis
    let n: Int
    /// The current word's bytes, `wordCount` of them: a buffer emptied by its count (an array's
    /// `removeAll(keepingCapacity:)` costs more than a short word). Freed after ``run()``.
    var word = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
    var wordCount = 0
    var wordCapacity = 32
    var wordStart = TextSpan(start: 0, end: 0, byteStart: 0, byteEnd: 0)
    var upper = 0
    var lower = 0
    var digits = 0
    var hasApostrophe = false
    var clause: Int32 = 0
    var pendingBreak = false
    /// The next word opens a quotation.
    var pendingQuote = false
    /// The next word is an amount of money.
    var pendingCurrency = false
    var sentenceFirstToken = 0
    var inQuote = false
    /// The reply's bytes, valid while ``run()`` runs.
    var p = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    init(text: String) {
      analysis = TextAnalysis(text: text, bytes: Array(text.utf8))
      n = analysis.bytes.count
      analysis.tokens.reserveCapacity(n / 4 + 4)
      // One allocation for the sentences of most replies, not three as the array grows.
      analysis.sentences.reserveCapacity(n / 40 + 4)
    }

    init(bytes: [UInt8]) {
      analysis = TextAnalysis(text: "", bytes: bytes)
      n = bytes.count
      analysis.tokens.reserveCapacity(n / 4 + 4)
    }

    @inline(__always) mutating func appendByte(_ b: UInt8) {
      if wordCount == wordCapacity {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: wordCapacity * 2)
        bigger.update(from: word, count: wordCount)
        word.deallocate()
        word = bigger
        wordCapacity *= 2
      }
      word[wordCount] = b
      wordCount += 1
    }

    /// Decodes the scalar at byte `i`: its value and length. The text is valid UTF-8.
    @inline(__always) func decode(_ i: Int) -> (UInt32, Int) {
      let b0 = p[i]
      if b0 < 0x80 { return (UInt32(b0), 1) }
      let bytes = p
      if b0 < 0xE0, i + 1 < n {
        return ((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F), 2)
      }
      if b0 < 0xF0, i + 2 < n {
        return (
          (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6)
            | UInt32(bytes[i + 2] & 0x3F), 3
        )
      }
      if i + 3 < n {
        return (
          (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
            | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F), 4
        )
      }
      return (0xFFFD, 1)
    }

    /// The folded character at byte `i` (a space past the end).
    @inline(__always) func peek(_ i: Int) -> TextNormalizer.Folded {
      if i >= n { return .ascii(0x20) }
      var j = i
      while j < n {
        let (value, length) = decode(j)
        let folded = TextNormalizer.fold(value)
        if folded != .skip { return folded }
        j += length
      }
      return .ascii(0x20)
    }

    @inline(__always) static func isAlnum(_ f: TextNormalizer.Folded) -> Bool {
      switch f {
      case .ascii(let b): isLetter(b) || (b >= 0x30 && b <= 0x39)
      case .pair, .letter: true
      case .skip, .other: false
      }
    }

    /// `$`, `£`, `€`, `¥`.
    @inline(__always) static func isCurrency(_ value: UInt32) -> Bool {
      value == 0x24 || value == 0xA3 || value == 0x20AC || value == 0xA5
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
      (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    mutating func run(_ tokenizer: Tokenizer) {
      var i = 0
      var s: Int32 = 0
      while i < n {
        // Fast path: ASCII letters, digits and spaces (what `fold` leaves as they are).
        let b0 = p[i]
        if b0 < 0x80 {
          if Self.isLetter(b0) || (b0 >= 0x30 && b0 <= 0x39) {
            // The whole run of ASCII letters and digits: each byte counted and copied, the word's
            // span extended once.
            startWord(
              at: TextSpan(start: s, end: s + 1, byteStart: Int32(i), byteEnd: Int32(i + 1)))
            var j = i
            while j < n, Self.isLetter(p[j]) || (p[j] >= 0x30 && p[j] <= 0x39) {
              take(p[j])
              j += 1
            }
            s += Int32(j - i)
            i = j
            wordStart.end = s
            wordStart.byteEnd = Int32(i)
            continue
          }
          if b0 == 0x20 {
            endWord(tokenizer)
            i += 1
            s += 1
            continue
          }
        }
        let (value, length) = decode(i)
        let here = TextSpan(start: s, end: s + 1, byteStart: Int32(i), byteEnd: Int32(i + length))
        let next = i + length
        if Self.isCurrency(value) {
          // "at £1,650" is a price, not a time: the amount is no `{number}`.
          endWord(tokenizer)
          pendingCurrency = true
          i = next
          s += 1
          continue
        }
        switch TextNormalizer.fold(value) {
        case .skip:
          break
        case .pair(let a, let b):
          letter(a, here)
          letter(b, here)
        case .letter:
          startWord(at: here)
          let lowered = Unicode.Scalar(value).map { String($0.properties.lowercaseMapping) } ?? ""
          for b in lowered.utf8 { appendByte(b) }
          lower += 1
          wordStart.end = here.end
          wordStart.byteEnd = here.byteEnd
        case .other:
          endWord(tokenizer)
        case .ascii(let b):
          switch b {
          case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
            letter(b, here)
          case 0x27:  // apostrophe
            if wordCount != 0, case .ascii(let c) = peek(next), Self.isLetter(c) {
              appendByte(0x27)
              hasApostrophe = true
            } else {
              endWord(tokenizer)
            }
          case 0x2E, 0x21, 0x3F:  // . ! ?
            if b == 0x2E, wordCount != 0, Self.isAlnum(peek(next)) {
              appendByte(0x2E)
            } else {
              endWord(tokenizer)
              let (runEnd, runEndScalar) = terminators(from: i, scalar: s, tokenizer)
              s = runEndScalar
              i = runEnd
              continue
            }
          case 0x2D:  // hyphen
            let joined = wordCount != 0 && Self.isAlnum(peek(next))
            endWord(tokenizer)
            if !joined { pendingBreak = true }
          case 0x0A:
            endWord(tokenizer)
            endSentence(questionMark: false, end: nil)
            inQuote = false
          case 0x20, 0x09, 0x0D, 0x0B, 0x0C:
            endWord(tokenizer)
          case 0x22:
            endWord(tokenizer)
            pendingBreak = true
            inQuote.toggle()
            pendingQuote = inQuote
          case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D:
            endWord(tokenizer)
            pendingBreak = true
          default:
            endWord(tokenizer)
          }
        }
        i = next
        s += 1
      }
      endWord(tokenizer)
      endSentence(questionMark: false, end: nil)
      analysis.scalarCount = Int(s)
    }

    @inline(__always) mutating func letter(_ b: UInt8, _ here: TextSpan) {
      startWord(at: here)
      take(b)
      wordStart.end = here.end
      wordStart.byteEnd = here.byteEnd
    }

    /// Starts a word at `here` unless one is being read.
    @inline(__always) mutating func startWord(at here: TextSpan) {
      if wordCount == 0 {
        wordStart = here
        upper = 0
        lower = 0
        digits = 0
        hasApostrophe = false
      }
    }

    /// Counts an ASCII letter or digit of the word and appends it, lowercased.
    @inline(__always) mutating func take(_ b: UInt8) {
      if b >= 0x41 && b <= 0x5A {
        upper += 1
        appendByte(b | 0x20)
      } else {
        if b >= 0x30 && b <= 0x39 { digits += 1 } else { lower += 1 }
        appendByte(b)
      }
    }

    /// Reads a run of `.`, `!`, `?` starting at byte `i`; ends the sentence if the run does.
    /// Returns the byte and scalar offsets after the run.
    mutating func terminators(from start: Int, scalar: Int32, _ tokenizer: Tokenizer) -> (
      Int, Int32
    ) {
      var i = start
      var s = scalar
      var questions = 0
      var bangs = 0
      var maxBangs = 0
      var dots = 0
      var runStart = TextSpan(start: s, end: s, byteStart: Int32(i), byteEnd: Int32(i))
      var bangStart = runStart
      while i < n {
        let (value, length) = decode(i)
        let folded = TextNormalizer.fold(value)
        guard case .ascii(let b) = folded, b == 0x2E || b == 0x21 || b == 0x3F else {
          if folded == .skip {
            i += length
            s += 1
            continue
          }
          break
        }
        if b == 0x21 {
          if bangs == 0 { bangStart = TextSpan(start: s, end: s, byteStart: Int32(i), byteEnd: 0) }
          bangs += 1
          if bangs >= tokenizer.exclamationRun, bangs > maxBangs {
            maxBangs = bangs
            bangStart.end = s + 1
            bangStart.byteEnd = Int32(i + length)
            if bangs == tokenizer.exclamationRun {
              analysis.exclamationRuns.append(bangStart)
            } else {
              analysis.exclamationRuns[analysis.exclamationRuns.count - 1] = bangStart
            }
          }
        } else {
          bangs = 0
          if b == 0x3F { questions += 1 } else { dots += 1 }
        }
        i += length
        s += 1
      }
      runStart.end = s
      runStart.byteEnd = Int32(i)
      // A run ends a sentence when followed by a space, a line break, a closing bracket or quote,
      // or the end; not inside quotes, and a lone full stop not after an abbreviation.
      var boundary: Bool
      switch peek(i) {
      case .ascii(let c):
        boundary =
          c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x22 || c == 0x29
          || c == 0x27 || c == 0x5D
      case .skip, .other: boundary = true
      case .pair, .letter: boundary = false
      }
      if inQuote { boundary = false }
      if boundary, questions == 0, maxBangs == 0, bangs == 0, dots == 1,
        let last = analysis.tokens.last, last.is(WordClass.abbreviation),
        analysis.tokens.count > sentenceFirstToken
      {
        boundary = false
      }
      if boundary {
        endSentence(questionMark: questions > 0, end: runStart)
      } else {
        pendingBreak = true
      }
      return (i, s)
    }

    mutating func endSentence(questionMark: Bool, end: TextSpan?) {
      let count = analysis.tokens.count
      guard count > sentenceFirstToken else { return }
      var span = analysis.tokens[sentenceFirstToken].span.union(analysis.tokens[count - 1].span)
      if let end { span = span.union(end) }
      analysis.sentences.append(
        Sentence(tokens: sentenceFirstToken..<count, span: span, endsWithQuestionMark: questionMark)
      )
      sentenceFirstToken = count
      clause += 1
      pendingBreak = false
    }

    mutating func endWord(_ tokenizer: Tokenizer) {
      guard wordCount != 0 else { return }
      defer {
        wordCount = 0
        upper = 0
        lower = 0
        digits = 0
        hasApostrophe = false
      }
      var flags: UInt8 = 0
      let letters = upper + lower
      if upper >= tokenizer.capsMinLetters && lower == 0 { flags |= Token.caps }
      if digits > 0 && letters == 0 { flags |= Token.number }
      analysis.wordCount += 1
      let vocabulary = tokenizer.vocabulary
      let word = UnsafeBufferPointer(start: self.word, count: wordCount)
      if let e = vocabulary.contraction(word) {
        emitExpansion(Int(e), flags: flags, first: true, tokenizer)
        return
      }
      if hasApostrophe, let p = word.lastIndex(of: 0x27) {
        var cut = p
        if p + 2 == word.count, word[p + 1] == 0x74, p > 0, word[p - 1] == 0x6E { cut = p - 1 }
        if let e = vocabulary.suffix(UnsafeBufferPointer(rebasing: word[cut...])), cut > 0 {
          let base = UnsafeBufferPointer(rebasing: word[..<cut])
          emit(vocabulary.replyInfo(for: base, locals: &analysis.localStems), flags: flags)
          emitExpansion(Int(e), flags: flags, first: false, tokenizer)
          return
        }
      }
      // A regular past: "-ed", not "-eed" ("ordered", not "need").
      let n = wordCount
      if n >= 4, !hasApostrophe, word[n - 1] == 0x64, word[n - 2] == 0x65, word[n - 3] != 0x65 {
        flags |= Token.regularPast
      }
      emit(vocabulary.replyInfo(for: word, locals: &analysis.localStems), flags: flags)
    }

    mutating func emitExpansion(
      _ index: Int, flags: UInt8, first: Bool, _ tokenizer: Tokenizer
    ) {
      let words = tokenizer.vocabulary.expansions[index]
      for (k, info) in words.enumerated() {
        var f = flags
        if k > 0 || !first { f |= Token.continuation }
        emit(info, flags: f)
      }
    }

    @inline(__always) mutating func emit(_ info: WordInfo, flags: UInt8) {
      var flags = flags
      if info.classes & WordClass.clauseBreak != 0 { clause += 1 }
      if pendingBreak {
        if analysis.tokens.count > sentenceFirstToken {
          clause += 1
          flags |= Token.afterPunctuation
        }
        pendingBreak = false
      }
      if pendingQuote {
        flags |= Token.opensQuote
        pendingQuote = false
      }
      var classes = info.classes
      if pendingCurrency {
        classes &= ~WordClass.number
        pendingCurrency = false
      }
      analysis.tokens.append(
        Token(
          span: wordStart, stem: info.stem, classes: classes,
          sentence: Int32(analysis.sentences.count), clause: clause, flags: flags))
    }
  }
}
