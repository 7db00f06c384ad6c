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

/// Minimal, deterministic JSON building (fixed key order, fixed number format).
public struct JSONBuilder {
    public private(set) var out: String = ""
    public init() { out.reserveCapacity(512) }

    public mutating func raw(_ s: String) { out += s }
    public mutating func string(_ s: String) { JSONBuilder.appendEscaped(s, to: &out) }
    public mutating func number(_ v: Double, digits: Int = 4) { out += formatNumber(v, digits) }
    public mutating func key(_ k: String) { JSONBuilder.appendEscaped(k, to: &out); out += ":" }

    /// Appends `s` as a JSON string literal (escapes quotes, backslash, control characters, U+2028/9).
    public static func appendEscaped(_ s: String, to out: inout String) {
        out += "\""
        var needs = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { needs = true; break }
        if !needs { out += s; out += "\""; return }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
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
