import TillitCore
import TillitImport

/// Removes personal data from quotes: e-mail addresses, phone numbers, Swedish personnummer and Danish
/// CPR numbers, card-like numbers and street addresses become `[email]`, `[phone]`, `[id-number]`,
/// `[card]` and `[address]`. Redacting twice changes nothing.
///
/// Rules (scanning the text's Unicode scalars):
/// - e-mail: `local@domain.tld` with the usual address characters.
/// - numbers: a run of digit groups joined by single spaces, `-`, `.`, `/` or parentheses, optionally after
///   `+`. Dates (`2026-11-20`, `20.11.2026`) are left alone. 10 or 12 digits split 6+4 / 8+4 (or unsplit)
///   whose date part is a valid YYMMDD, YYYYMMDD or DDMMYY date (day + 60 for samordningsnummer) are
///   national ids; 13–19 digits are card-like; other runs of 8–15 digits are phone numbers.
/// - addresses: a street name (a word ending in a street suffix such as `gatan`, `vej`, or a street word
///   such as `street`, `allé` after a capitalised word) with a house number after it (or, English style,
///   before it), and an optional `, postcode City`. The words come from `Lexicons/<lang>/redaction.tsv`.
///
///     Redactor(streetSuffixes: ["gatan"], streetWords: []).redact("Bor på Storgatan 12, ring 070-123 45 67")
///     // "Bor på [address], ring [phone]"
public struct Redactor: Sendable {
    public var streetSuffixes: [[Unicode.Scalar]]
    public var streetWords: Set<String>

    public init(streetSuffixes: [String], streetWords: [String]) {
        self.streetSuffixes = streetSuffixes.map { Array($0.lowercased().unicodeScalars) }.sorted { $0.count > $1.count }
        self.streetWords = Set(streetWords.map { $0.lowercased() })
    }

    /// Loads `redaction.tsv` of every language directory under `lexicons` (`word<TAB>suffix|word|both`).
    public static func load(lexicons dir: String) throws -> Redactor {
        var suffixes: [String] = [], words: [String] = []
        for lang in FileBytes.list(dir) where FileBytes.isDirectory(dir + "/" + lang) {
            let path = dir + "/" + lang + "/redaction.tsv"
            guard FileBytes.exists(path) else { continue }
            let f = LexiconFile(name: lang + "/redaction.tsv", text: try FileBytes.readString(path))
            for e in f.entries where e.fields.count >= 2 {
                switch e.fields[1].trimmingASCIIWhitespace() {
                case "suffix": suffixes.append(e.key)
                case "word": words.append(e.key)
                case "both": suffixes.append(e.key); words.append(e.key)
                default: throw StoreError("\(path):\(e.line): kind must be 'suffix', 'word' or 'both'")
                }
            }
        }
        return Redactor(streetSuffixes: suffixes, streetWords: words)
    }

    public func redact(_ text: String) -> String {
        // Every rule needs an '@' or a digit: most posts have neither and are returned as they are.
        var hasAt = false, hasDigit = false
        for b in text.utf8 {
            if b == UInt8(ascii: "@") { hasAt = true } else if b >= 48 && b <= 57 { hasDigit = true }
        }
        guard hasAt || hasDigit else { return text }
        let u = Array(text.unicodeScalars)
        var spans: [(Range<Int>, String)] = []
        if hasAt { spans += emails(u) }
        if hasDigit {
            spans += addresses(u)
            spans += numbers(u)
        }
        if spans.isEmpty { return text }
        spans.sort { $0.0.lowerBound != $1.0.lowerBound ? $0.0.lowerBound < $1.0.lowerBound : $0.0.count > $1.0.count }
        var out = String.UnicodeScalarView()
        var pos = 0
        for (r, label) in spans where r.lowerBound >= pos {
            out.append(contentsOf: u[pos..<r.lowerBound])
            out.append(contentsOf: label.unicodeScalars)
            pos = r.upperBound
        }
        out.append(contentsOf: u[pos...])
        return String(out)
    }

    // MARK: e-mail

    static func isLocal(_ c: Unicode.Scalar) -> Bool {
        isASCIIAlnum(c) || "._%+-'".unicodeScalars.contains(c)
    }

    func emails(_ u: [Unicode.Scalar]) -> [(Range<Int>, String)] {
        var out: [(Range<Int>, String)] = []
        for i in u.indices where u[i] == "@" {
            var l = i
            while l > 0, Redactor.isLocal(u[l - 1]) || isLetter(u[l - 1]) { l -= 1 }
            var r = i + 1
            while r < u.count, isASCIIAlnum(u[r]) || isLetter(u[r]) || u[r] == "." || u[r] == "-" { r += 1 }
            while r > i + 1, u[r - 1] == "." || u[r - 1] == "-" { r -= 1 }
            guard l < i, r > i + 1 else { continue }
            let domain = u[(i + 1)..<r]
            guard let dot = domain.lastIndex(of: "."), dot > i + 1, r - dot > 2 else { continue }
            out.append((l..<r, "[email]"))
        }
        return out
    }

    // MARK: numbers

    func numbers(_ u: [Unicode.Scalar]) -> [(Range<Int>, String)] {
        var out: [(Range<Int>, String)] = []
        var i = 0
        while i < u.count {
            let startsHere = isDigit(u[i]) || ((u[i] == "+" || u[i] == "(") && i + 1 < u.count && isDigit(u[i + 1]))
            if !startsHere || (i > 0 && (isDigit(u[i - 1]) || isLetter(u[i - 1]))) { i += 1; continue }
            let start = i
            var groups: [Int] = []
            var seps: [Unicode.Scalar] = []
            var digits: [UInt8] = []
            var j = i
            if u[j] == "+" || u[j] == "(" { j += 1 }
            var end = j
            while j < u.count {
                var k = j
                while k < u.count, isDigit(u[k]) { digits.append(UInt8(u[k].value - 48)); k += 1 }
                groups.append(k - j)
                end = k
                if k < u.count, u[k] == ")" { k += 1; end = k }
                // one separator (a space may surround a dash or parenthesis), then digits again
                var s = k
                var sep: Unicode.Scalar = " "
                if s < u.count, u[s] == " " { s += 1 }
                if s < u.count, "-./–(".unicodeScalars.contains(u[s]) { sep = u[s]; s += 1; if s < u.count, u[s] == " " { s += 1 } }
                if s < u.count, u[s] == "(" { s += 1 }
                guard s > k, s - k <= 3, s < u.count, isDigit(u[s]) else { break }
                seps.append(sep)
                j = s
            }
            i = max(end, i + 1)
            if end < u.count, isLetter(u[end]) { continue }
            if let label = classify(digits: digits, groups: groups, seps: seps, plus: u[start] == "+") {
                out.append((start..<end, label))
            }
        }
        return out
    }

    func classify(digits d: [UInt8], groups: [Int], seps: [Unicode.Scalar], plus: Bool) -> String? {
        func num(_ a: Int, _ n: Int) -> Int { d[a..<(a + n)].reduce(0) { $0 * 10 + Int($1) } }
        func validMD(_ m: Int, _ day: Int) -> Bool { (1...12).contains(m) && ((1...31).contains(day) || (61...91).contains(day)) }
        let n = d.count
        // Dates are not personal data on their own.
        if !plus, groups == [4, 2, 2] || groups == [2, 2, 4] || (groups == [8] && n == 8) {
            if groups == [2, 2, 4], validMD(num(2, 2), num(0, 2)) { return nil }
            if groups != [2, 2, 4], validMD(num(4, 2), num(6, 2)), (1900...2100).contains(num(0, 4)) { return nil }
        }
        if !plus, (n == 10 && (groups == [6, 4] || groups == [10])) || (n == 12 && (groups == [8, 4] || groups == [12])) {
            let o = n == 12 ? 2 : 0
            let swedish = validMD(num(o + 2, 2), num(o + 4, 2))
            let danish = n == 10 && validMD(num(2, 2), num(0, 2))
            if swedish || danish { return "[id-number]" }
        }
        if (13...19).contains(n) { return "[card]" }
        if (8...15).contains(n) { return "[phone]" }
        if plus, n >= 7 { return "[phone]" }
        return nil
    }

    // MARK: addresses

    struct Word { var range: Range<Int>; var lower: [Unicode.Scalar]; var capitalized: Bool }

    func words(_ u: [Unicode.Scalar]) -> [Word] {
        var out: [Word] = []
        var i = 0
        while i < u.count {
            guard isLetter(u[i]) else { i += 1; continue }
            var j = i
            while j < u.count, isLetter(u[j]) || (u[j] == "-" && j + 1 < u.count && isLetter(u[j + 1])) { j += 1 }
            if j < u.count, u[j] == "." { j += 1 } // "St."
            var lower: [Unicode.Scalar] = []
            lower.reserveCapacity(j - i)
            for c in u[i..<j] where c != "." {
                if c.value < 128 {
                    lower.append(c.value >= 65 && c.value <= 90 ? Unicode.Scalar(c.value + 32)! : c)
                } else {
                    lower.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                }
            }
            out.append(Word(range: i..<j, lower: lower, capitalized: u[i].properties.isUppercase && (i == 0 || !isDigit(u[i - 1]))))
            i = j
        }
        return out
    }

    func isStreet(_ w: Word) -> (isSuffix: Bool, match: Bool) {
        if streetWords.contains(String(String.UnicodeScalarView(w.lower))) { return (false, true) }
        for s in streetSuffixes where w.lower.count > s.count + 1 && Array(w.lower.suffix(s.count)) == s { return (true, true) }
        return (false, false)
    }

    /// A house number at `i` (after optional spaces): digits, an optional letter; returns its end.
    func houseNumber(_ u: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < u.count, u[j] == " " { j += 1 }
        guard j > i || i == 0 || !isLetter(u[i - 1]) else { return nil }
        let s = j
        while j < u.count, isDigit(u[j]) { j += 1 }
        guard j > s, j - s <= 4 else { return nil }
        if j < u.count, isLetter(u[j]), j + 1 >= u.count || !isLetter(u[j + 1]) { j += 1 }
        if j < u.count, isDigit(u[j]) || isLetter(u[j]) { return nil }
        return j
    }

    /// `, 123 45 Stockholm` / `, 2100 København Ø` after an address.
    func postcodeAndCity(_ u: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        if j < u.count, u[j] == "," { j += 1 }
        while j < u.count, u[j] == " " { j += 1 }
        let s = j
        var digits = 0
        while j < u.count, isDigit(u[j]) || (u[j] == " " && j + 1 < u.count && isDigit(u[j + 1]) && digits == 3) {
            if isDigit(u[j]) { digits += 1 }
            j += 1
        }
        guard j > s, digits == 4 || digits == 5, j < u.count, u[j] == " ", j + 1 < u.count, u[j + 1].properties.isUppercase else { return nil }
        j += 1
        while j < u.count, isLetter(u[j]) { j += 1 }
        return j
    }

    func addresses(_ u: [Unicode.Scalar]) -> [(Range<Int>, String)] {
        guard !streetSuffixes.isEmpty || !streetWords.isEmpty else { return [] }
        var out: [(Range<Int>, String)] = []
        let ws = words(u)
        for (k, w) in ws.enumerated() {
            let (isSuffix, match) = isStreet(w)
            guard match else { continue }
            // Name before the street word: "Nørre Allé", "Baker Street".
            var start = w.range.lowerBound
            var named = isSuffix && w.capitalized
            if !isSuffix, k > 0, ws[k - 1].capitalized, ws[k - 1].range.upperBound + 1 == w.range.lowerBound {
                start = ws[k - 1].range.lowerBound
                named = true
            }
            if named, let end = houseNumber(u, at: w.range.upperBound) {
                let full = postcodeAndCity(u, at: end) ?? end
                out.append((start..<full, "[address]"))
                continue
            }
            // English order: "221B Baker Street" (a number, up to three capitalised words, the street word).
            guard !isSuffix else { continue }
            var f = k
            while f > 0, k - f < 3, ws[f - 1].capitalized, ws[f - 1].range.upperBound + 1 == ws[f].range.lowerBound { f -= 1 }
            guard f < k else { continue }
            let nameStart = ws[f].range.lowerBound
            guard nameStart >= 2, u[nameStart - 1] == " " else { continue }
            let e = nameStart - 1
            var s = e
            if s > 1, isLetter(u[s - 1]), isDigit(u[s - 2]) { s -= 1 }
            let digitEnd = s
            while s > 0, isDigit(u[s - 1]) { s -= 1 }
            guard s < digitEnd, digitEnd - s <= 4, s == 0 || (!isLetter(u[s - 1]) && !isDigit(u[s - 1])) else { continue }
            let full = postcodeAndCity(u, at: w.range.upperBound) ?? w.range.upperBound
            out.append((s..<full, "[address]"))
        }
        return out
    }
}

@inline(__always) func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
@inline(__always) func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool {
    isDigit(c) || (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
}
@inline(__always) func isLetter(_ c: Unicode.Scalar) -> Bool {
    c.value < 128 ? ((c.value | 0x20) >= 97 && (c.value | 0x20) <= 122) : c.properties.isAlphabetic
}
