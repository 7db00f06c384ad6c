/// One sentiment-bearing unit (a word, an emoji, a compound or a multi-word expression) and its
/// valence after the rules.
public struct SentimentItem: Sendable, Equatable {
    public var tokens: Range<Int>
    public var base: Double
    public var value: Double
    public var clause: Int
    public var sentence: Int
    public var isEmoji: Bool
    public var evidence: [Evidence]
}

/// The overall sentiment of a text and the reasoning behind it.
public struct DocumentSentiment: Sendable, Equatable {
    public var sentiment: Sentiment
    /// Sum of item valences before normalisation.
    public var raw: Double
    public var items: [SentimentItem]
    /// Text-level rules (exclamation emphasis, normalisation).
    public var evidence: [Evidence]
}

/// VADER-family sentiment rules for any language whose knowledge is in a `LanguageLexicon`.
///
/// Each rule is named in the evidence it leaves. Constants are VADER's (Hutto & Gilbert 2014) unless
/// stated; Tillit's changes: negation is looked for on both sides of the word within its clause (V2
/// languages put the negator after the verb), contrast and irrealis work per sentence and clause, and
/// compound-internal intensifiers ("skitbra") count as boosters.
public struct SentimentScorer: Sendable {
    /// Multiplier for a negated valence (VADER's N_SCALAR).
    public static let negationScalar = -0.74
    /// Emphasis added for an ALL-CAPS word in mixed-case text (VADER's C_INCR).
    public static let capsIncrement = 0.733
    /// Emphasis per exclamation mark, at most four (VADER).
    public static let exclamationIncrement = 0.292
    /// Emphasis for an elongated word ("goooood").
    public static let elongationIncrement = 0.293
    /// Weight of the clause before / after a "but" contrast (VADER: 0.5 / 1.5).
    public static let beforeContrast = 0.5
    public static let afterContrast = 1.5
    /// Weight of a clause introduced by "although"/"även om" (Tillit).
    public static let concessive = 0.5
    /// Damping of items in an irrealis clause (Tillit; "skulle ha varit bra").
    public static let irrealisDamping = 0.5
    /// Damping of items in a question (Tillit; rhetorical complaints keep most of their force).
    public static let questionDamping = 0.8
    /// Booster decay by distance 1, 2, 3 tokens (VADER: 1, 0.95, 0.9).
    static let boosterDecay = [1.0, 0.95, 0.9]

    public init() {}

    /// Scores a text. With `explain` false no evidence is built (the fast path); `describe` renders a
    /// token's lexicon match for the evidence.
    public func score(text: AnalyzedText, resolved: [ResolvedToken], clauses: ClauseMap,
                      phrases: [PhraseMatch], explain: Bool = true, describe: (Int) -> String = { _ in "" }) -> DocumentSentiment {
        let n = text.tokens.count
        // Which tokens are covered by a valence phrase, and role overrides from phrases.
        var covered = Array(repeating: false, count: n)
        var roles = resolved.map(\.roles)
        var boosters = resolved.map(\.booster)
        var items: [SentimentItem] = []
        for m in phrases {
            switch m.phrase.meaning {
            case .valence(let v):
                for k in m.range { covered[k] = true }
                items.append(SentimentItem(tokens: m.range, base: v, value: v, clause: Int(clauses.clause[m.range.lowerBound]),
                                           sentence: Int(clauses.sentence[m.range.lowerBound]), isEmoji: false,
                                           evidence: explain ? [Evidence(rule: "lexicon.phrase", tokens: m.range, text: span(text, m.range), delta: v,
                                                               detail: m.phrase.source.description)] : []))
            case .role(let r, let b):
                roles[m.range.lowerBound].formUnion(r)
                if b != 0 { boosters[m.range.lowerBound] = b }
                for k in m.range.dropFirst() { covered[k] = true; roles[k] = [] ; boosters[k] = 0 }
            default: break
            }
        }
        let mixedCase = !isMostlyCaps(text)
        for i in 0..<n where !covered[i] {
            guard let v = resolved[i].valence else { continue }
            // A word that is both a booster and a valence word ("sjukt bra", "grymt gott") boosts the
            // next word instead of counting on its own.
            if boosters[i] != 0, i + 1 < n, clauses.clause[i + 1] == clauses.clause[i], resolved[i + 1].valence != nil || covered[i + 1] { continue }
            let kind = text.tokens[i].kind
            let isEmoji = kind == .emoji || kind == .emoticon
            var ev: [Evidence] = explain ? [Evidence(rule: isEmoji ? "emoji" : "lexicon." + (resolved[i].neighbour == nil ? resolved[i].match : "neighbour"), tokens: i..<(i + 1),
                                                     text: text.surface(i), delta: v, detail: describe(i))] : []
            var value = v
            if !isEmoji {
                if resolved[i].prefixBoost != 0 {
                    let d = sign(v) * resolved[i].prefixBoost
                    value += d
                    if explain { ev.append(Evidence(rule: "compound.intensifier", tokens: i..<(i + 1), text: text.surface(i), delta: d)) }
                }
                if mixedCase, text.tokens[i].flags.contains(.allCaps) {
                    let d = sign(v) * SentimentScorer.capsIncrement
                    value += d
                    if explain { ev.append(Evidence(rule: "caps", tokens: i..<(i + 1), text: text.surface(i), delta: d)) }
                }
                if text.tokens[i].flags.contains(.elongated) {
                    let d = sign(v) * SentimentScorer.elongationIncrement
                    value += d
                    if explain { ev.append(Evidence(rule: "elongation", tokens: i..<(i + 1), text: text.surface(i), delta: d)) }
                }
            }
            items.append(SentimentItem(tokens: i..<(i + 1), base: v, value: value, clause: Int(clauses.clause[i]),
                                       sentence: Int(clauses.sentence[i]), isEmoji: isEmoji, evidence: ev))
        }
        items.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        let itemStarts = Set(items.map(\.tokens.lowerBound))
        let itemCovered: [Bool] = {
            var a = Array(repeating: false, count: n)
            for it in items { for k in it.tokens { a[k] = true } }
            return a
        }()

        // Per-sentence contrast positions and per-clause concessive/irrealis markers.
        var butAt: [Int: Int] = [:]  // sentence -> token index of the last "but"
        var concessiveClause = Set<Int>()
        var irrealisFrom: [Int: Int] = [:] // clause -> first irrealis token
        for i in 0..<n where text.tokens[i].isWordLike {
            let r = roles[i]
            if r.contains(.contrastBut) { butAt[Int(clauses.sentence[i])] = i }
            if r.contains(.contrastAlthough) { concessiveClause.insert(Int(clauses.clause[i])) }
            if r.contains(.irrealis), irrealisFrom[Int(clauses.clause[i])] == nil { irrealisFrom[Int(clauses.clause[i])] = i }
        }

        for idx in items.indices where !items[idx].isEmoji {
            var it = items[idx]
            let first = it.tokens.lowerBound, last = it.tokens.upperBound - 1
            let cl = clauses.clause[first]
            // Boosters: up to three tokens before, same clause, decaying.
            var j = first - 1, dist = 0
            while j >= 0, dist < 3, clauses.clause[j] == cl {
                if text.tokens[j].isWordLike {
                    if boosters[j] != 0, !itemStarts.contains(j) {
                        var b = boosters[j] * SentimentScorer.boosterDecay[dist]
                        if text.tokens[j].flags.contains(.elongated) { b += sign(b) * 0.1 }
                        let d = sign(it.value) * b
                        it.value += d
                        if explain { it.evidence.append(Evidence(rule: b > 0 ? "booster" : "dampener", tokens: j..<(j + 1), text: text.surface(j), delta: d)) }
                    }
                    dist += 1
                }
                j -= 1
            }
            // Negation: a negator up to three words before, or up to two words after when no other
            // sentiment word follows it more closely (V2: "jag gillar inte", but "bra, inte dåligt").
            var negators: [Int] = []
            j = first - 1; dist = 0
            while j >= 0, dist < 3, clauses.clause[j] == cl {
                if text.tokens[j].isWordLike { if roles[j].contains(.negator) { negators.append(j) }; dist += 1 }
                j -= 1
            }
            j = last + 1; dist = 0
            while j < n, dist < 2, clauses.clause[j] == cl {
                if text.tokens[j].isWordLike {
                    if itemCovered[j] { break }
                    if roles[j].contains(.negator) {
                        var k = j + 1, d2 = 0, claimed = false
                        while k < n, d2 < 3, clauses.clause[k] == cl {
                            if itemCovered[k] { claimed = true; break }
                            if text.tokens[k].isWordLike { d2 += 1 }
                            k += 1
                        }
                        if !claimed { negators.append(j) }
                        break
                    }
                    dist += 1
                }
                j += 1
            }
            if negators.count % 2 == 1 {
                let before = it.value
                it.value *= SentimentScorer.negationScalar
                let nj = negators[0]
                if explain { it.evidence.append(Evidence(rule: "negation", tokens: nj..<(nj + 1), text: text.surface(nj), delta: it.value - before)) }
            }
            // Irrealis: a marker earlier in the same clause.
            if let m = irrealisFrom[Int(cl)], m < first {
                let before = it.value
                it.value *= SentimentScorer.irrealisDamping
                if explain { it.evidence.append(Evidence(rule: "irrealis", tokens: m..<(m + 1), text: text.surface(m), delta: it.value - before)) }
            }
            // Contrast.
            if let b = butAt[it.sentence] {
                let before = it.value
                it.value *= first > b ? SentimentScorer.afterContrast : SentimentScorer.beforeContrast
                if explain { it.evidence.append(Evidence(rule: first > b ? "contrast.after" : "contrast.before", tokens: b..<(b + 1),
                                            text: text.surface(b), delta: it.value - before)) }
            }
            if concessiveClause.contains(Int(cl)) {
                let before = it.value
                it.value *= SentimentScorer.concessive
                if explain { it.evidence.append(Evidence(rule: "contrast.concessive", tokens: clauses.clauseStart[Int(cl)]..<(clauses.clauseStart[Int(cl)] + 1),
                                            text: text.surface(clauses.clauseStart[Int(cl)]), delta: it.value - before)) }
            }
            if it.sentence < clauses.question.count, clauses.question[it.sentence] {
                let before = it.value
                it.value *= SentimentScorer.questionDamping
                if explain { it.evidence.append(Evidence(rule: "question", tokens: it.tokens, text: span(text, it.tokens), delta: it.value - before)) }
            }
            items[idx] = it
        }

        var sum = items.reduce(0) { $0 + $1.value }
        var evidence: [Evidence] = []
        if sum != 0 {
            var bangs = 0
            for i in 0..<n where text.tokens[i].kind == .punctuation {
                for k in Int(text.tokens[i].start)..<Int(text.tokens[i].end) where text.bytes[k] == UInt8(ascii: "!") { bangs += 1 }
            }
            bangs = min(bangs, 4)
            if bangs > 0 {
                let d = sign(sum) * Double(bangs) * SentimentScorer.exclamationIncrement
                sum += d
                if explain { evidence.append(Evidence(rule: "exclamation", tokens: 0..<0, text: String(repeating: "!", count: bangs), delta: d)) }
            }
        }
        let score = Sentiment.normalize(sum)
        if explain { evidence.append(Evidence(rule: "normalize", tokens: 0..<0, text: "", delta: score, detail: "x/sqrt(x²+15) of \(format3(sum))")) }
        return DocumentSentiment(sentiment: Sentiment(score: score), raw: sum, items: items, evidence: evidence)
    }

    func isMostlyCaps(_ text: AnalyzedText) -> Bool {
        var words = 0, caps = 0
        for t in text.tokens where t.kind == .word {
            words += 1
            if t.flags.contains(.allCaps) { caps += 1 }
        }
        return words > 0 && caps * 2 > words
    }
}

@inline(__always) func sign(_ v: Double) -> Double { v > 0 ? 1 : (v < 0 ? -1 : 0) }

/// The text of a token range.
public func span(_ text: AnalyzedText, _ r: Range<Int>) -> String {
    guard !r.isEmpty else { return "" }
    let s = Int(text.tokens[r.lowerBound].start), e = Int(text.tokens[r.upperBound - 1].end)
    return String(decoding: text.bytes[s..<e], as: UTF8.self)
}

/// A number with three decimals, for evidence and output (`-0.125`).
public func format3(_ v: Double) -> String { formatFixed(v, 3) }

/// Fixed-point formatting without Foundation; rounds half away from zero; never prints `-0`.
public func formatFixed(_ v: Double, _ digits: Int) -> String {
    guard v.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
    if r == 0 { return digits > 0 ? "0." + String(repeating: "0", count: digits) : "0" }
    let ip = Int64(r / scale)
    let fp = Int64(r) - ip * Int64(scale)
    var s = (v < 0 ? "-" : "") + String(ip)
    if digits > 0 {
        let f = String(fp)
        s += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return s
}
