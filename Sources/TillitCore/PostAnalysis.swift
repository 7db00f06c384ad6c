/// Everything Tillit concludes about one post.
public struct PostAnalysis: Sendable {
    public var post: Post
    public var language: LanguageGuess
    public var sentiment: DocumentSentiment
    public var aspects: [Aspect: AspectResult]
    public var retailers: [RetailerMention]
    /// Author as written to output: a keyed pseudonym, or nil.
    public var author: String?
    public var text: AnalyzedText?
    public var resolved: [ResolvedToken]?
    /// With `--explain`: how each token's valence was matched, and its aspect cues.
    public var matchDetails: [String] = []
    public var tokenCues: [[AspectCue]] = []

    public func describe(_ i: Int) -> String { i < matchDetails.count ? matchDetails[i] : "" }
    public func cues(_ i: Int) -> [AspectCue] { i < tokenCues.count ? tokenCues[i] : [] }

    public init(post: Post, language: LanguageGuess, sentiment: DocumentSentiment, aspects: [Aspect: AspectResult],
                retailers: [RetailerMention], author: String?, text: AnalyzedText? = nil, resolved: [ResolvedToken]? = nil) {
        self.post = post; self.language = language; self.sentiment = sentiment; self.aspects = aspects
        self.retailers = retailers; self.author = author; self.text = text; self.resolved = resolved
    }
}

/// Minimal, deterministic JSON building (fixed key order, fixed number format), into a byte buffer.
public struct JSONBuilder {
    public private(set) var bytes: [UInt8] = []
    public init() { bytes.reserveCapacity(768) }

    /// The JSON text built so far.
    public var out: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
    public mutating func string(_ s: String) { JSONBuilder.appendEscaped(s, to: &bytes) }
    public mutating func number(_ v: Double, digits: Int = 4) { bytes.append(contentsOf: formatNumber(v, digits).utf8) }
    public mutating func key(_ k: String) { JSONBuilder.appendEscaped(k, to: &bytes); bytes.append(UInt8(ascii: ":")) }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string literal (escapes quotes, backslash, control characters, U+2028/9).
    public static func appendEscaped(_ s: String, to out: inout String) {
        var b: [UInt8] = []
        appendEscaped(s, to: &b)
        out += String(decoding: b, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal to a byte buffer.
    public static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        let u = s.utf8
        var needs = false
        for b in u where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { needs = true; break }
        if !needs { out.append(contentsOf: u); out.append(0x22); return }
        var it = u.makeIterator()
        var pending: [UInt8] = []
        while let b = it.next() {
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0xE2:
                // U+2028 / U+2029 are E2 80 A8 / E2 80 A9: escape them; any other E2 sequence passes.
                pending = [b]
                if let b1 = it.next() {
                    pending.append(b1)
                    if b1 == 0x80, let b2 = it.next() {
                        if b2 == 0xA8 || b2 == 0xA9 {
                            out.append(contentsOf: Array("\\u202".utf8)); out.append(b2 == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                            pending = []
                            continue
                        }
                        pending.append(b2)
                    }
                }
                out.append(contentsOf: pending)
            default:
                if b < 0x20 {
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hexDigits[Int(b >> 4)]); out.append(hexDigits[Int(b & 0xF)])
                } else {
                    out.append(b)
                }
            }
        }
        out.append(0x22)
    }
}

/// A number with at most `digits` decimals and no trailing zeros (`0.5`, `-0.125`, `3`).
public func formatNumber(_ v: Double, _ digits: Int) -> String {
    var s = formatFixed(v, digits)
    if s.contains(".") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
}
