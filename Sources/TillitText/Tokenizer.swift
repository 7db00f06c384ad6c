import TillitCore

/// Language data the tokenizer protects from ICU's word break: emoticons and abbreviations.
public struct TokenizerRules: Sendable {
    /// Emoticons, ASCII-lowercased (":d", "<3", ":-(").
    public var emoticons = TermTable(capacity: 256)
    public var maxEmoticonLength = 0
    /// Bytes that can start / end an emoticon (a cheap filter before any lookup).
    var emoticonFirst = [Bool](repeating: false, count: 256)
    var emoticonLast = [Bool](repeating: false, count: 256)
    /// Abbreviations with internal periods, lower case ("p.g.a.", "e.g.").
    public var abbreviations = TermTable(capacity: 256)

    public init() {}

    public mutating func addEmoticon(_ s: String) {
        let b = Array(s.utf8).map(asciiLower)
        guard let f = b.first, let l = b.last else { return }
        emoticons.insert(b)
        maxEmoticonLength = max(maxEmoticonLength, b.count)
        for x in [f, asciiUpper(f)] { emoticonFirst[Int(x)] = true }
        for x in [l, asciiUpper(l)] { emoticonLast[Int(x)] = true }
    }
    public mutating func addAbbreviation(_ s: String) { abbreviations.insert(Array(s.utf8).map(asciiLower)) }
}

@inline(__always) func asciiLower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
@inline(__always) func asciiUpper(_ b: UInt8) -> UInt8 { b >= 97 && b <= 122 ? b & ~0x20 : b }

/// Splits text into tokens on ICU's word break rules, keeping what carries sentiment and topic:
/// words, numbers, emoji (ZWJ sequences and skin tones whole), emoticons, runs of `!`/`?`, hashtags
/// (and their words), @mentions, URLs and abbreviations from the lexicons.
///
///     Tokenizer().tokenize("Sååå bra!!! 👍🏽 #dataläcka").tokens.count  // 6: Sååå bra !!! 👍🏽 #dataläcka dataläcka
///
/// Tokens are byte ranges; normalised forms (NFKC_Casefold, `’` → `'`) go to one arena.
public final class Tokenizer {
    public let rules: TokenizerRules
    private let breaker = WordBreaker()
    private var key: [UInt8] = []

    public init(rules: TokenizerRules = TokenizerRules()) { self.rules = rules }

    public func tokenize(_ text: String) -> AnalyzedText {
        var out = AnalyzedText()
        out.bytes = Array(text.utf8)
        tokenize(into: &out)
        return out
    }

    /// Tokenizes `out.bytes`, replacing `out.tokens` and `out.arena` (their capacity is reused).
    public func tokenize(into out: inout AnalyzedText) {
        out.tokens.removeAll(keepingCapacity: true)
        out.arena.removeAll(keepingCapacity: true)
        let bytes = out.bytes
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            var newline = false
            while i < n {
                // Skip whitespace (ASCII, NBSP, Unicode spaces), remembering line breaks.
                let w = spaceLength(p, i)
                if w > 0 {
                    if p[i] == 10 || p[i] == 13 || (w == 3 && p[i] == 0xE2 && p[i + 2] == 0xA8) { newline = true }
                    i += w
                    continue
                }
                var e = i
                while e < n, spaceLength(p, e) == 0 { e += 1 }
                let first = out.tokens.count
                chunk(p, i, e, &out)
                if newline, first < out.tokens.count { out.tokens[first].flags.insert(.afterNewline) }
                newline = false
                i = e
            }
        }
    }

    @inline(__always)
    func spaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        if b == 32 || (b >= 9 && b <= 13) { return 1 }
        if b == 0xC2, i + 1 < p.count, p[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80 {
            let c = p[i + 2]
            if (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF { return 3 }
        }
        if b == 0xE3, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0x80 { return 3 }
        return 0
    }

    // MARK: chunks

    func chunk(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ out: inout AnalyzedText) {
        let len = e - s
        // URLs.
        if hasPrefixCI(p, s, e, "http://") || hasPrefixCI(p, s, e, "https://") || hasPrefixCI(p, s, e, "www.") {
            var end = e
            while end > s + 4, isTrailingURLPunct(p[end - 1]) { end -= 1 }
            emit(p, s, end, .url, &out)
            if end < e { icuChunk(p, end, e, &out) }
            return
        }
        // Mentions and hashtags.
        if len > 1, p[s] == UInt8(ascii: "@") || p[s] == UInt8(ascii: "#") {
            var end = s + 1
            while end < e {
                let (c, l) = decodeScalar(p, end)
                if c == UInt32(UInt8(ascii: "_")) || CodePoint.isAlphabetic(c) || CodePoint.isDigit(c) || (c >= 0x300 && c <= 0x36F) || (p[s] == UInt8(ascii: "@") && c == 46 && end + 1 < e && p[end + 1] != 46) { end += l } else { break }
            }
            if p[s] == UInt8(ascii: "@"), end > s + 1, p[end - 1] == 46 { end -= 1 }
            if end > s + 1 {
                if p[s] == UInt8(ascii: "@") {
                    emit(p, s, end, .mention, &out)
                } else {
                    emit(p, s, end, .hashtag, &out)
                    hashtagWords(p, s + 1, end, &out)
                }
                if end < e { chunk(p, end, e, &out) }
                return
            }
        }
        // Whole-chunk emoticons and abbreviations.
        if len <= rules.maxEmoticonLength, rules.emoticonFirst[Int(p[s])], matches(p, s, e, rules.emoticons) { emit(p, s, e, .emoticon, &out); return }
        if len >= 3, p[e - 1] == 46 || containsInternalPeriod(p, s, e) {
            var end = e
            while end > s, p[end - 1] == UInt8(ascii: ",") || p[end - 1] == UInt8(ascii: ")") || p[end - 1] == UInt8(ascii: ":") { end -= 1 }
            if matches(p, s, end, rules.abbreviations) {
                emit(p, s, end, .abbreviation, &out)
                if end < e { icuChunk(p, end, e, &out) }
                return
            }
        }
        // Emoticon glued before a hashtag, mention or punctuation (":)#cykel", ":D!!").
        if rules.maxEmoticonLength > 0, len > 2, rules.emoticonFirst[Int(p[s])] {
            let maxL = min(rules.maxEmoticonLength, len - 1)
            if maxL >= 2 {
                for l in stride(from: maxL, through: 2, by: -1) {
                    let next = p[s + l]
                    if !isASCIILetter(next), !(next >= 48 && next <= 57), next < 0x80, matches(p, s, s + l, rules.emoticons) {
                        emit(p, s, s + l, .emoticon, &out)
                        chunk(p, s + l, e, &out)
                        return
                    }
                }
            }
        }
        // Emoticon glued to the end of a word ("bra:)").
        if rules.maxEmoticonLength > 0, len > 2, rules.emoticonLast[Int(p[e - 1])] {
            let maxL = min(rules.maxEmoticonLength, len - 1)
            if maxL >= 2 {
                for l in stride(from: maxL, through: 2, by: -1) where matches(p, e - l, e, rules.emoticons) && isASCIILetter(p[e - l - 1]) {
                    chunk(p, s, e - l, &out)
                    emit(p, e - l, e, .emoticon, &out)
                    return
                }
            }
        }
        // Fast path: letters and digits only (ASCII or two-byte Latin letters) → one token, as ICU would.
        var k = s, letters = 0, digits = 0, simple = true
        while k < e {
            let b = p[k]
            if b < 0x80 {
                if isASCIILetter(b) { letters += 1 } else if b >= 48 && b <= 57 { digits += 1 } else { simple = false; break }
                k += 1
            } else if b == 0xC3, k + 1 < e, p[k + 1] >= 0x80, p[k + 1] <= 0xBF, p[k + 1] != 0x97, p[k + 1] != 0xB7 {
                letters += 1; k += 2
            } else { simple = false; break }
        }
        if simple {
            emit(p, s, e, letters == 0 ? .number : .word, &out)
            return
        }
        icuChunk(p, s, e, &out)
    }

    /// Segments a chunk with ICU's word break, merging punctuation runs and classifying emoji.
    func icuChunk(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ out: inout AnalyzedText) {
        let sub = UnsafeBufferPointer(rebasing: p[s..<e])
        var pendingStart = -1, pendingEnd = -1
        func flush(_ out: inout AnalyzedText) {
            if pendingStart >= 0 { emit(p, pendingStart, pendingEnd, .punctuation, &out); pendingStart = -1 }
        }
        breaker.segments(sub) { a, b, status in
            let ss = s + a, ee = s + b
            if status >= 100 {
                flush(&out)
                let kind: TokenKind = status < 200 ? .number : .word
                self.emit(p, ss, ee, kind, &out)
                return
            }
            let (c, _) = decodeScalar(p, ss)
            if c < 0x80, c == 33 || c == 63 || c == 46, ee - ss == 1 {
                // Runs of ! ? . become one token ("!!!", "?!", "...").
                if pendingStart >= 0, pendingEnd == ss { pendingEnd = ee } else { flush(&out); pendingStart = ss; pendingEnd = ee }
                return
            }
            flush(&out)
            if CodePoint.isPictographic(c) || (ee - ss > 1 && isKeycap(p, ss, ee)) {
                self.emit(p, ss, ee, .emoji, &out)
            } else if c < 0x80 {
                self.emit(p, ss, ee, isASCIIPunct(UInt8(c)) ? .punctuation : .symbol, &out)
            } else if CodePoint.isAlphabetic(c) {
                self.emit(p, ss, ee, .word, &out)
            } else if c == 0xFE0F || c == 0x200D || CodePoint.isEmojiModifier(c) {
                // A stray selector or modifier: attach to the previous emoji when adjacent.
                if let last = out.tokens.last, last.kind == .emoji, Int(last.end) == ss {
                    out.tokens.removeLast()
                    out.arena.removeLast(Int(last.normEnd - last.normStart))
                    self.emit(p, Int(last.start), ee, .emoji, &out)
                }
            } else {
                self.emit(p, ss, ee, isUnicodePunct(c) ? .punctuation : .symbol, &out)
            }
        }
        flush(&out)
    }

    /// Splits a hashtag body into words: at case changes (#PrivacyMatters), digits and underscores.
    func hashtagWords(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ out: inout AnalyzedText) {
        var start = s, i = s
        var prevLower = false
        while i < e {
            let (c, l) = decodeScalar(p, i)
            if c == 95 { // _
                if i > start { emit(p, start, i, .word, &out, extra: .inHashtag) }
                start = i + l
                prevLower = false
            } else if CodePoint.isUppercase(c), prevLower, i > start {
                emit(p, start, i, .word, &out, extra: .inHashtag)
                start = i
                prevLower = false
            } else {
                prevLower = CodePoint.isLowercase(c) || CodePoint.isDigit(c)
            }
            i += l
        }
        if e > start { emit(p, start, e, .word, &out, extra: .inHashtag) }
    }

    // MARK: emitting

    func emit(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ kind: TokenKind, _ out: inout AnalyzedText, extra: TokenFlags = []) {
        guard e > s else { return }
        let normStart = Int32(out.arena.count)
        var flags = extra
        var ascii = true
        for k in s..<e where p[k] >= 0x80 { ascii = false; break }
        if ascii {
            var upper = 0, lower = 0
            for k in s..<e {
                let b = p[k]
                if b >= 65 && b <= 90 { upper += 1; out.arena.append(b | 0x20) } else {
                    if b >= 97 && b <= 122 { lower += 1 }
                    out.arena.append(b)
                }
            }
            if kind == .word || kind == .abbreviation {
                if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
                if upper > 0, p[s] >= 65, p[s] <= 90 { flags.insert(.capitalized) }
            }
        } else {
            if kind == .word || kind == .abbreviation {
                var upper = 0, lower = 0, k = s, firstLetter = true
                while k < e {
                    let (c, l) = decodeScalar(p, k)
                    if CodePoint.isUppercase(c) { upper += 1; if firstLetter { flags.insert(.capitalized) } } else if CodePoint.isLowercase(c) { lower += 1 }
                    if CodePoint.isAlphabetic(c) { firstLetter = false }
                    k += l
                }
                if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
            }
            ICUNormalizer.appendCasefolded(UnsafeBufferPointer(rebasing: p[s..<e]), to: &out.arena)
            foldApostrophes(&out.arena, from: Int(normStart))
        }
        if kind == .word, isElongated(p, s, e) { flags.insert(.elongated) }
        out.tokens.append(Token(start: Int32(s), end: Int32(e), normStart: normStart, normEnd: Int32(out.arena.count), kind: kind, flags: flags))
    }

    /// ’ (U+2019) and ‘ (U+2018) → ' in the normalised form.
    func foldApostrophes(_ a: inout [UInt8], from start: Int) {
        var k = start
        var w = start
        while k < a.count {
            if k + 2 < a.count, a[k] == 0xE2, a[k + 1] == 0x80, a[k + 2] == 0x99 || a[k + 2] == 0x98 {
                a[w] = 39; w += 1; k += 3
            } else {
                a[w] = a[k]; w += 1; k += 1
            }
        }
        a.removeLast(a.count - w)
    }

    func isElongated(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var run = 1, k = s
        var prev: UInt32 = 0
        while k < e {
            let (c, l) = decodeScalar(p, k)
            if c == prev, CodePoint.isAlphabetic(c) { run += 1; if run >= 3 { return true } } else { run = 1 }
            prev = c
            k += l
        }
        return false
    }

    // MARK: byte predicates

    func hasPrefixCI(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard e - s > n else { return false }
        let q = prefix.utf8Start
        for k in 0..<n where asciiLower(p[s + k]) != q[k] { return false }
        return true
    }

    func matches(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ table: TermTable) -> Bool {
        guard e > s, table.count > 0 else { return false }
        key.removeAll(keepingCapacity: true)
        for k in s..<e { key.append(asciiLower(p[k])) }
        return key.withUnsafeBufferPointer { table.lookup($0) } != nil
    }

    func containsInternalPeriod(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s + 1
        while k < e - 1 { if p[k] == 46 { return true }; k += 1 }
        return false
    }

    func isTrailingURLPunct(_ b: UInt8) -> Bool {
        b == 46 || b == 44 || b == 33 || b == 63 || b == 59 || b == 58 || b == 41 || b == 34 || b == 39 || b == 93
    }

    func isKeycap(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        // digit/#/* + (FE0F) + U+20E3
        guard e - s >= 4 else { return false }
        return p[e - 3] == 0xE2 && p[e - 2] == 0x83 && p[e - 1] == 0xA3
    }
}

@inline(__always) func isASCIIPunct(_ b: UInt8) -> Bool {
    (b >= 33 && b <= 47) || (b >= 58 && b <= 64) || (b >= 91 && b <= 96) || (b >= 123 && b <= 126)
}

func isUnicodePunct(_ c: UInt32) -> Bool {
    (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || c == 0xA1 || c == 0xBF || c == 0xAB || c == 0xBB || (c >= 0x3000 && c <= 0x303F)
}
