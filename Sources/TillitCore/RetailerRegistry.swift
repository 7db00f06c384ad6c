/// A retailer the registry knows.
public struct Retailer: Sendable, Equatable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var handles: [String]
    public var domains: [String]
    public var sector: String
    public var countries: [String]
    /// An alias is also an ordinary word ("netto", "power", "target"): text mentions need support.
    public var ambiguous: Bool
    public var context: [String]
    public var negativeContext: [String]
    public var source: EntrySource

    public init(id: String, name: String, aliases: [String], handles: [String] = [], domains: [String] = [], sector: String = "",
                countries: [String] = [], ambiguous: Bool = false, context: [String] = [], negativeContext: [String] = [],
                source: EntrySource = EntrySource(file: "-", line: 0)) {
        self.id = id; self.name = name; self.aliases = aliases; self.handles = handles; self.domains = domains
        self.sector = sector; self.countries = countries; self.ambiguous = ambiguous; self.context = context
        self.negativeContext = negativeContext; self.source = source
    }
}

/// A retailer attributed to a post, with the reason.
public struct RetailerMention: Sendable, Equatable {
    public var id: String
    public var name: String
    /// `metadata:business_name`, `handle:@ica`, `domain:ica.se`, `name:ICA`, `name+context:Power(tv)`, …
    public var reason: String
    public var tokens: Range<Int>?
}

/// The retailer registry compiled for matching: aliases as token sequences, handles, domains, context.
public struct RetailerRegistry: Sendable {
    public private(set) var retailers: [Retailer] = []
    public private(set) var terms = TermTable(capacity: 1024)
    var aliasPhrases: [Int32: [(terms: [Int32], retailer: Int)]] = [:]
    var contextSeqs: [[[Int32]]] = []
    var negativeSeqs: [[[Int32]]] = []
    var handleIndex: [String: Int] = [:]
    var domainIndex: [String: Int] = [:]
    var idIndex: [String: Int] = [:]

    /// First bytes of every registry term (a cheap filter before looking tokens up).
    var firstBytes = [Bool](repeating: false, count: 256)

    public init() {}

    /// Whether a token starting with byte `b` can be a registry term.
    @inline(__always) public func mayStart(_ b: UInt8) -> Bool { firstBytes[Int(b)] }

    /// Adds (or replaces, by id) a retailer. `tokenize` turns an alias into normalised token strings
    /// exactly as the analyser tokenizes text, so "h&m" becomes ["h", "&", "m"].
    public mutating func add(_ r: Retailer, tokenize: (String) -> [String]) {
        let index: Int
        if let existing = idIndex[r.id] { index = existing; retailers[index] = r } else {
            index = retailers.count; retailers.append(r); contextSeqs.append([]); negativeSeqs.append([])
        }
        idIndex[r.id] = index
        for a in r.aliases {
            let seq = tokenize(a).map { terms.insert($0) }
            guard let first = seq.first else { continue }
            aliasPhrases[first, default: []].removeAll { $0.terms == seq }
            aliasPhrases[first, default: []].append((seq, index))
        }
        contextSeqs[index] = r.context.map { tokenize($0).map { terms.insert($0) } }.filter { !$0.isEmpty }
        negativeSeqs[index] = r.negativeContext.map { tokenize($0).map { terms.insert($0) } }.filter { !$0.isEmpty }
        for id in 0..<Int32(terms.count) { if let b = terms.key(id).first { firstBytes[Int(b)] = true } }
        for h in r.handles { handleIndex[h.lowercased()] = index }
        for d in r.domains { domainIndex[d.lowercased()] = index }
    }

    public func retailer(id: String) -> Retailer? { idIndex[id].map { retailers[$0] } }

    public func byHandle(_ h: String) -> Int? {
        var k = h.lowercased()
        if k.hasPrefix("@") { k.removeFirst() }
        return handleIndex[k]
    }

    /// Matches a host name or URL against registry domains (subdomains included).
    public func byDomain(_ raw: String) -> Int? {
        var host = raw.lowercased()
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) { host = String(host.dropFirst(scheme.count)) }
        if host.hasPrefix("www.") { host = String(host.dropFirst(4)) }
        if let slash = host.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { host = String(host[..<slash]) }
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        var h = Substring(host)
        while true {
            if let i = domainIndex[String(h)] { return i }
            guard let dot = h.firstIndex(of: ".") else { return nil }
            h = h[h.index(after: dot)...]
            if !h.contains(".") { return nil }
        }
    }

    /// Matches a business or page name given by the source: the whole name or a leading alias phrase.
    public func byName(_ name: String, tokenize: (String) -> [String]) -> Int? {
        let seq = tokenize(name).map { terms.lookup($0) ?? -1 }
        for start in seq.indices {
            guard seq[start] >= 0, let cands = aliasPhrases[seq[start]] else { continue }
            var best: (Int, Int)?
            for c in cands where c.terms.count <= seq.count - start && Array(seq[start..<(start + c.terms.count)]) == c.terms {
                if best == nil || c.terms.count > best!.1 { best = (c.retailer, c.terms.count) }
            }
            if let b = best { return b.0 }
        }
        return nil
    }

    func matches(_ seq: [Int32], in ids: [Int32]) -> Bool {
        guard let f = seq.first, seq.count <= ids.count else { return false }
        var i = 0
        while i + seq.count <= ids.count {
            if ids[i] == f, Array(ids[i..<(i + seq.count)]) == seq { return true }
            i += 1
        }
        return false
    }

    /// Attributes retailers from metadata first, then from handles, domains and names in the text.
    /// `ids` are the registry term ids of the text's tokens (-1 when unknown).
    public func attribute(post: Post, text: AnalyzedText, ids: [Int32], clauses: ClauseMap,
                          tokenize: (String) -> [String]) -> [RetailerMention] {
        var out: [RetailerMention] = []
        var seen = Set<Int>()
        func add(_ i: Int, _ reason: String, _ r: Range<Int>?) {
            guard seen.insert(i).inserted else { return }
            out.append(RetailerMention(id: retailers[i].id, name: retailers[i].name, reason: reason, tokens: r))
        }
        for h in post.hints {
            switch h.kind {
            case .retailer: if let i = idIndex[h.value.lowercased()] { add(i, "metadata:retailer", nil) }
            case .businessName: if let i = byName(h.value, tokenize: tokenize) { add(i, "metadata:business_name", nil) }
            case .businessID: if let i = idIndex[h.value.lowercased()] ?? byHandle(h.value) { add(i, "metadata:business_id", nil) }
            case .handle: if let i = byHandle(h.value) { add(i, "metadata:handle", nil) }
            case .domain: if let i = byDomain(h.value) { add(i, "metadata:domain", nil) }
            }
        }
        let n = text.tokens.count
        let allLower = !text.tokens.contains { $0.kind == .word && $0.flags.contains(.capitalized) }
        var i = 0
        while i < n {
            let tok = text.tokens[i]
            switch tok.kind {
            case .mention:
                if let r = byHandle(text.normalized(i)) { add(r, "handle:" + text.surface(i), i..<(i + 1)) }
                i += 1; continue
            case .url:
                if let r = byDomain(text.normalized(i)) { add(r, "domain:" + text.normalized(i), i..<(i + 1)) }
                i += 1; continue
            default: break
            }
            let t = ids[i]
            guard t >= 0, let cands = aliasPhrases[t] else { i += 1; continue }
            var best: (terms: [Int32], retailer: Int)?
            for c in cands where c.terms.count <= n - i && Array(ids[i..<(i + c.terms.count)]) == c.terms {
                if best == nil || c.terms.count > best!.terms.count { best = c }
            }
            guard let b = best else { i += 1; continue }
            let range = i..<(i + b.terms.count)
            let r = retailers[b.retailer]
            if negativeSeqs[b.retailer].contains(where: { matches($0, in: ids) }) { i = range.upperBound; continue }
            let surface = span(text, range)
            if !r.ambiguous {
                add(b.retailer, "name:" + surface, range)
            } else if let ctx = contextSeqs[b.retailer].first(where: { matches($0, in: ids) }) {
                add(b.retailer, "name+context:" + surface + "(" + ctx.map { terms.string($0) }.joined(separator: " ") + ")", range)
            } else if !allLower, tok.flags.contains(.capitalized) || tok.flags.contains(.allCaps),
                      !isSentenceInitial(i, text: text, clauses: clauses) {
                add(b.retailer, "name.capitalized:" + surface, range)
            }
            i = range.upperBound
        }
        return out
    }

    func isSentenceInitial(_ i: Int, text: AnalyzedText, clauses: ClauseMap) -> Bool {
        var j = i - 1
        while j >= 0 {
            if clauses.sentence[j] != clauses.sentence[i] { return true }
            if text.tokens[j].isWordLike || text.tokens[j].kind == .number { return false }
            j -= 1
        }
        return true
    }
}
