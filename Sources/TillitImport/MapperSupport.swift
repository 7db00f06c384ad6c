import TillitCore

extension JSONValue {
    /// The text at a dotted path or JSON Pointer, when it is non-empty.
    func string(_ path: String) -> String? {
        guard let t = at(path)?.text, !t.isEmpty else { return nil }
        return t
    }

    /// The members of an object (empty for other values).
    var members: [(String, JSONValue)] { if case .object(let m) = self { return m }; return [] }

    /// A timestamp from an epoch number (seconds or milliseconds) or any spelling `TimestampParser` reads.
    var timestamp: Timestamp? {
        switch self {
        case .number: return double.flatMap(TimestampParser.fromEpoch)
        case .string(let s): return TimestampParser.parse(s)
        default: return nil
        }
    }
}

/// Helpers shared by the format mappers.
enum MapperSupport {
    /// The lower-cased host of a URL without `www.`, or nil.
    static func host(_ url: String) -> String? {
        var s = Substring(url.trimmingASCIIWhitespace())
        guard let scheme = s.range(of: "://") else { return nil }
        s = s[scheme.upperBound...]
        if let at = s.firstIndex(of: "@"), !s[..<at].contains("/") { s = s[s.index(after: at)...] }
        if let end = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" }) { s = s[..<end] }
        var h = s.lowercased()
        if h.hasPrefix("www.") { h.removeFirst(4) }
        return h.isEmpty || !h.contains(".") ? nil : h
    }

    /// A domain hint for a linked URL (links to the platform itself are not hints).
    static func domainHint(_ url: String, ignoring own: Set<String> = []) -> TargetHint? {
        guard let h = host(url), !own.contains(h) else { return nil }
        return TargetHint(.domain, h)
    }

    /// Title and body as one text. A title that only repeats the start of the body (Trustpilot's
    /// automatic `First words…`) is dropped.
    static func join(title: String?, body: String?) -> String {
        let t = (title ?? "").trimmingASCIIWhitespace()
        let b = (body ?? "").trimmingASCIIWhitespace()
        if t.isEmpty { return b }
        if b.isEmpty { return t }
        var stem = Substring(t)
        for suffix in ["…", "...", "\u{2026}"] where stem.hasSuffix(suffix) { stem = stem.dropLast(suffix.count) }
        if !stem.isEmpty, b.hasPrefix(stem) { return b }
        return t + "\n\n" + b
    }

    /// Undoes the escaping of `&`, `<` and `>` that Twitter and Reddit apply to text (and only that:
    /// other references stay, as the author may have typed them).
    static func unescapeBasicEntities(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        return s.replacingOccurrences("&lt;", "<").replacingOccurrences("&gt;", ">").replacingOccurrences("&amp;", "&")
    }

    /// Whether the text has nothing but white space (ASCII checked byte-wise first).
    static func isBlank(_ s: String) -> Bool {
        for b in s.utf8 {
            if b == 32 || (b >= 9 && b <= 13) { continue }
            if b < 0x80 { return false }
            return s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        }
        return true
    }

    /// Adds hints once each, keeping their order.
    static func add(_ hint: TargetHint?, to hints: inout [TargetHint]) {
        guard let hint, !hint.value.isEmpty, !hints.contains(hint) else { return }
        hints.append(hint)
    }

    /// Language tags that mean "no language" in the sources (Twitter's `und`, `zxx`, `qme`, …).
    static func languageHint(_ tag: String?) -> String? {
        guard let t = tag?.trimmingASCIIWhitespace(), !t.isEmpty else { return nil }
        if t == "und" || t == "zxx" || (t.count == 3 && t.hasPrefix("q")) { return nil }
        return t
    }
}
