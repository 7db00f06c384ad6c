import TillitCore

/// Finds what the lexicons say about each token, trying in order: the exact form, elongation folding
/// ("sååå" → "så"), compound splitting with linking -s-/-e- (head carries the meaning; intensifier
/// prefixes such as "skit|bra" boost it), and last a Snowball stem. Aspect cues are matched on exact
/// words and on compound heads with inflection endings. Results are cached per distinct form.
///
/// One resolver per thread and language (it owns a stemmer and a cache).
public final class WordResolver {
    public let lexicon: LanguageLexicon
    let emoji: EmojiLexicon
    let stemmer: Stemmer?
    /// Stem → (valence, entry) for single-word valence entries, for the stemming fallback.
    let stems: [[UInt8]: (Double, String)]
    private var cacheKeys = TermTable(capacity: 65_536)
    private var cacheValues: [ResolvedToken] = []
    /// Distinct forms kept before the cache is cleared (bounds memory).
    public static let cacheLimit = 200_000
    static let minimumHead = 3
    /// A head without an intensifier prefix must be this long ("igen|nem" is no compound).
    static let minimumPlainHead = 4
    static let minimumPrefix = 3
    static let minimumStemmedWord = 5
    static let maximumEntryEnding = 3

    public init(lexicon: LanguageLexicon, emoji: EmojiLexicon, stems: [[UInt8]: (Double, String)], stemmer: Stemmer?) {
        self.lexicon = lexicon; self.emoji = emoji; self.stems = stems; self.stemmer = stemmer
    }

    /// Builds the stem table of a lexicon (once per language, shared by all threads).
    public static func stemTable(for lexicon: LanguageLexicon, stemmer: Stemmer?) -> [[UInt8]: (Double, String)] {
        guard let st = stemmer else { return [:] }
        var table: [[UInt8]: (Double, String)] = [:]
        for id in 0..<Int32(lexicon.terms.count) {
            guard let v = lexicon.info[Int(id)].valence else { continue }
            let key = Array(lexicon.terms.key(id))
            guard key.count >= 4 else { continue }
            let s = key.withUnsafeBufferPointer { st.stem($0) }
            if table[s] == nil { table[s] = (v, lexicon.terms.string(id)) }
        }
        return table
    }

    public func resolve(_ text: AnalyzedText) -> [ResolvedToken] {
        var out: [ResolvedToken] = []
        out.reserveCapacity(text.tokens.count)
        for i in text.tokens.indices { out.append(resolve(text, i)) }
        return out
    }

    public func resolve(_ text: AnalyzedText, _ i: Int) -> ResolvedToken {
        let tok = text.tokens[i]
        switch tok.kind {
        case .word, .abbreviation:
            return text.withNormalized(i) { norm in
                if let c = cacheKeys.lookup(norm) { return cacheValues[Int(c)] }
                let r = resolveWord(norm)
                if cacheValues.count >= WordResolver.cacheLimit { cacheKeys = TermTable(capacity: 65_536); cacheValues.removeAll(keepingCapacity: true) }
                cacheKeys.insert(Array(norm)); cacheValues.append(r)
                return r
            }
        case .emoji, .emoticon:
            var r = ResolvedToken()
            if let (v, id) = text.withNormalized(i, { emoji.lookupID($0) }) { r.valence = v; r.match = "emoji"; r.source = id }
            return r
        default:
            var r = ResolvedToken()
            r.term = text.withNormalized(i) { lexicon.terms.lookup($0) } ?? -1
            if r.term >= 0 { r.roles = lexicon.info(r.term).roles }
            return r
        }
    }

    func resolveWord(_ norm: UnsafeBufferPointer<UInt8>) -> ResolvedToken {
        var r = ResolvedToken()
        if let id = lexicon.terms.lookup(norm) {
            r.term = id
            let info = lexicon.info(id)
            r.roles = info.roles
            r.booster = info.booster
            if let v = info.valence { r.valence = v; r.match = "exact"; r.source = id }
            if let cues = lexicon.wordCues[id] { r.cueList = cues }
        }
        if r.cueList < 0 { r.cueList = headCues(norm) }
        if r.valence != nil || r.term >= 0 && (!r.roles.isEmpty || r.booster != 0) { return r }
        if lexicon.frequentForms.lookup(norm) != nil { return r }
        // Elongation: runs of 3+ identical letters folded to two, then to one.
        if let folded2 = fold(norm, keep: 2) {
            for form in [folded2, fold(norm, keep: 1)!] {
                if let id = form.withUnsafeBufferPointer({ lexicon.terms.lookup($0) }) {
                    let info = lexicon.info(id)
                    r.term = id; r.roles = info.roles; r.booster = info.booster
                    if let v = info.valence { r.valence = v; r.match = "elongation"; r.source = id }
                    if r.cueList < 0, let cues = lexicon.wordCues[id] { r.cueList = cues }
                    return r
                }
            }
        }
        if lexicon.compounds, let c = compound(norm) {
            r.valence = c.valence; r.prefixBoost = c.boost; r.match = "compound"; r.source = c.head; r.split = Int16(c.split)
            return r
        }
        if let st = stemmer, norm.count >= WordResolver.minimumStemmedWord {
            // Only inflections: the word is stem + a listed ending, and the entry is at most a short
            // ending away from the same stem ("dåligaste" → "dålig"; not "service" → "serviceable").
            let s = st.stem(norm)
            if s.count < norm.count, Array(norm[0..<s.count]) == s, let (v, entry) = stems[s],
               entry.utf8.count - s.count <= WordResolver.maximumEntryEnding,
               lexicon.endings.isEmpty || lexicon.endings.contains(Array(norm[s.count...])) {
                r.valence = v; r.match = "stem"; r.source = lexicon.terms.lookup(entry) ?? -1; r.split = Int16(s.count)
            }
        }
        return r
    }

    /// Tries compound splits prefix|head (and prefix+s|head, prefix+e|head), longest head first.
    /// Returns the head's valence, the prefix boost, the head's term id and the split position.
    func compound(_ w: UnsafeBufferPointer<UInt8>) -> (valence: Double, boost: Double, head: Int32, split: Int)? {
        let n = w.count
        guard n >= WordResolver.minimumPrefix + WordResolver.minimumHead else { return nil }
        var p = WordResolver.minimumPrefix
        while p <= n - WordResolver.minimumHead {
            if w[p] & 0xC0 == 0x80 { p += 1; continue } // not at a character boundary
            let head = UnsafeBufferPointer(rebasing: w[p..<n])
            let prefix = UnsafeBufferPointer(rebasing: w[0..<p])
            let headID = lexicon.terms.lookup(head)
            let headValence = headID.flatMap { lexicon.info($0).valence }
            if let pid = prefixTerm(prefix) {
                let pinfo = lexicon.info(pid.id)
                if let hv = headValence, let hid = headID {
                    if pinfo.roles.contains(.intensifierPrefix) { return (hv, pinfo.prefixValue, hid, p) }
                    if n - p >= WordResolver.minimumPlainHead, lexicon.frequentForms.lookup(head) == nil || n - p >= 5 {
                        return (hv, 0, hid, p)
                    }
                }
                if let pv = pinfo.prefixValence, n - p >= 4, let hid = headID {
                    return (pv, 0, hid, -p)
                }
            }
            p += 1
        }
        return nil
    }

    /// A known prefix, possibly ending in a linking element.
    func prefixTerm(_ prefix: UnsafeBufferPointer<UInt8>) -> (id: Int32, linked: Bool)? {
        if let id = lexicon.terms.lookup(prefix) { return (id, false) }
        for link in lexicon.linking where prefix.count > link.count + 2 {
            let cut = prefix.count - link.count
            if Array(prefix[cut...]) == link, let id = lexicon.terms.lookup(UnsafeBufferPointer(rebasing: prefix[0..<cut])) { return (id, true) }
        }
        return nil
    }

    /// Aspect cues whose head ends this word (with an optional inflection ending), as a cue-list index.
    func headCues(_ w: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard lexicon.headCues.count > 0 else { return -1 }
        let n = w.count
        var p = 0
        while p <= n - 3 {
            if w[p] & 0xC0 != 0x80 {
                let tail = UnsafeBufferPointer(rebasing: w[p..<n])
                if let id = lexicon.headCues.lookup(tail) { return lexicon.headCueList[Int(id)] }
                for e in lexicon.endings where e.count < tail.count - 2 {
                    let cut = tail.count - e.count
                    guard Array(tail[cut...]) == e else { continue }
                    let base = Array(tail[0..<cut])
                    // Nouns in -a/-e drop the vowel before an ending (läcka → läckor, läckan).
                    for candidate in [base, base + [0x61], base + [0x65]] {
                        if let id = lexicon.headCues.lookup(candidate) { return lexicon.headCueList[Int(id)] }
                    }
                }
            }
            p += 1
        }
        return -1
    }

    /// Describes how a token was matched, for `--explain` (built only when asked).
    public func describe(_ r: ResolvedToken) -> String {
        switch r.match {
        case "emoji": return r.source >= 0 ? emoji.values[Int(r.source)].1 : ""
        case "exact": return r.source >= 0 ? lexicon.info(r.source).valenceSource?.description ?? "" : ""
        case "elongation": return r.source >= 0 ? "folded to '\(lexicon.terms.string(r.source))'" : ""
        case "compound":
            guard r.source >= 0 else { return "" }
            let head = lexicon.terms.string(r.source)
            let src = lexicon.info(r.source).valenceSource?.description ?? ""
            return r.split < 0 ? "prefix|'\(head)' (valenced prefix)" : "…|\(head) (\(r.prefixBoost != 0 ? "intensifier + head" : "head") \(src))"
        case "stem":
            guard r.source >= 0 else { return "" }
            let entry = lexicon.terms.string(r.source)
            let stem = String(decoding: Array(entry.utf8.prefix(Int(r.split))), as: UTF8.self)
            return "stem '\(stem)' of '\(entry)'"
        default: return ""
        }
    }

    /// Folds runs of three or more identical bytes to `keep`; nil when there is no such run.
    func fold(_ w: UnsafeBufferPointer<UInt8>, keep: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(w.count)
        var changed = false
        var i = 0
        // Work on scalars: compare multi-byte sequences as units.
        while i < w.count {
            let (_, l) = decodeScalar(w, i)
            var j = i + l, run = 1
            while j + l <= w.count, Array(w[j..<(j + l)]) == Array(w[i..<(i + l)]) { j += l; run += 1 }
            let times = run >= 3 ? keep : run
            if run >= 3 { changed = true }
            for _ in 0..<times { out.append(contentsOf: w[i..<(i + l)]) }
            i = j
        }
        return changed ? out : nil
    }
}

/// The shared emoji and emoticon valences (`Lexicons/emoji.tsv`), keyed by normalised form.
public struct EmojiLexicon: Sendable {
    public var terms = TermTable(capacity: 1024)
    public var values: [(Double, String)] = []
    public init() {}

    public mutating func add(_ key: [UInt8], _ v: Double, source: String) {
        let id = terms.insert(key)
        if Int(id) < values.count { values[Int(id)] = (v, source) } else { values.append((v, source)) }
    }

    /// Exact form, then without skin-tone modifiers (U+1F3FB–1F3FF: F0 9F 8F BB–BF).
    public func lookup(_ key: UnsafeBufferPointer<UInt8>) -> (Double, String)? {
        lookupID(key).map { (values[Int($0.1)].0, values[Int($0.1)].1) }
    }

    /// Valence and entry id.
    public func lookupID(_ key: UnsafeBufferPointer<UInt8>) -> (Double, Int32)? {
        if let id = terms.lookup(key) { return (values[Int(id)].0, id) }
        var stripped: [UInt8] = []
        var i = 0
        while i < key.count {
            if i + 3 < key.count, key[i] == 0xF0, key[i + 1] == 0x9F, key[i + 2] == 0x8F, key[i + 3] >= 0xBB, key[i + 3] <= 0xBF { i += 4; continue }
            stripped.append(key[i]); i += 1
        }
        if stripped.count != key.count, let id = terms.lookup(stripped) { return (values[Int(id)].0, id) }
        // A sequence of several emoji: sum of the known ones (capped by count).
        return nil
    }
}
