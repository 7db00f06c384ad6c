/// A detected aspect cue in a text.
public struct CueHit: Sendable, Equatable {
    public var tokens: Range<Int>
    public var cue: AspectCue
    /// The cue's implicit polarity after negation ("aldrig fått spam" flips spam's −1.8).
    public var polarity: Double
    public var negated: Bool
}

/// An aspect's result for one text: its sentiment, drivers and evidence.
public struct AspectResult: Sendable, Equatable {
    public var aspect: Aspect
    public var sentiment: Sentiment
    public var drivers: [Driver]
    public var cues: [CueHit]
    public var evidence: [Evidence]
}

/// Detects privacy and personalization cues and ties sentiment expressions to them.
///
/// Rule: every sentiment item is attributed to the nearest cue in its clause (weight 1/(1+0.15·d));
/// a clause without a cue that starts with an anaphor ("det", "it") passes its items to the previous
/// clause's cues (weight 0.8); other items in a cue's sentence count at 0.5. A cue's implicit polarity
/// counts as an item of its own. False-friend expressions block cues of their driver in their clause.
/// Example: "Älskar de personliga erbjudandena men det är obehagligt hur mycket ICA vet om mig" gives
/// personalization positive (Z2) and privacy negative (P6).
public struct AspectScorer: Sendable {
    public static let sameClauseDecay = 0.15
    public static let anaphorWeight = 0.8
    public static let sameSentenceWeight = 0.5

    public init() {}

    public func score(text: AnalyzedText, resolved: [ResolvedToken], clauses: ClauseMap, phrases: [PhraseMatch],
                      sentiment: DocumentSentiment, cueLists: [[AspectCue]], explain: Bool = true) -> [Aspect: AspectResult] {
        let n = text.tokens.count
        var hits: [CueHit] = []
        var blocked: [(clause: Int32, driver: Driver?, range: Range<Int>)] = []
        var phraseCovered = Array(repeating: false, count: n)
        for m in phrases {
            switch m.phrase.meaning {
            case .aspectCue(let cue):
                hits.append(CueHit(tokens: m.range, cue: cue, polarity: cue.polarity, negated: false))
                for k in m.range { phraseCovered[k] = true }
            case .block(let d):
                blocked.append((clauses.clause[m.range.lowerBound], d, m.range))
            default: break
            }
        }
        for i in 0..<n where !phraseCovered[i] {
            guard resolved[i].cueList >= 0 else { continue }
            for cue in cueLists[Int(resolved[i].cueList)] { hits.append(CueHit(tokens: i..<(i + 1), cue: cue, polarity: cue.polarity, negated: false)) }
        }
        hits.removeAll { h in
            blocked.contains { b in
                (b.driver == nil || b.driver == h.cue.driver) &&
                    (b.clause == clauses.clause[h.tokens.lowerBound] || b.range.overlaps(h.tokens))
            }
        }
        guard !hits.isEmpty else { return [:] }
        hits.sort { ($0.tokens.lowerBound, $0.cue.driver) < ($1.tokens.lowerBound, $1.cue.driver) }

        // Negated cues: a negator up to three words before, in the clause.
        for h in hits.indices {
            let first = hits[h].tokens.lowerBound
            let cl = clauses.clause[first]
            var j = first - 1, dist = 0
            while j >= 0, dist < 3, clauses.clause[j] == cl {
                if text.tokens[j].isWordLike {
                    if resolved[j].roles.contains(.negator) { hits[h].negated = true; hits[h].polarity *= SentimentScorer.negationScalar; break }
                    dist += 1
                }
                j -= 1
            }
        }

        var sums: [Aspect: Double] = [:]
        var evidence: [Aspect: [Evidence]] = [:]
        for h in hits where h.polarity != 0 {
            sums[h.cue.driver.aspect, default: 0] += h.polarity
            if explain { evidence[h.cue.driver.aspect, default: []].append(Evidence(rule: h.negated ? "aspect.cue.negated" : "aspect.cue", tokens: h.tokens,
                text: span(text, h.tokens), delta: h.polarity, detail: "\(h.cue.driver.rawValue) \(h.cue.kind.rawValue) \(h.cue.source.description)")) }
        }
        let cueClauses = Set(hits.map { clauses.clause[$0.tokens.lowerBound] })
        let cueTokens = Set(hits.flatMap { Array($0.tokens) })
        for item in sentiment.items {
            // A cue's own words are not also sentiment about it ("spam" is in both lexicons).
            if item.tokens.allSatisfy({ cueTokens.contains($0) }) { continue }
            let pos = item.tokens.lowerBound
            let cl = clauses.clause[pos]
            var target: CueHit?
            var weight = 0.0
            var rule = ""
            if cueClauses.contains(cl) {
                target = nearest(hits.filter { clauses.clause[$0.tokens.lowerBound] == cl }, to: pos)
                let d = Double(distance(target!.tokens, pos))
                weight = 1 / (1 + AspectScorer.sameClauseDecay * d)
                rule = "aspect.clause"
            } else {
                let start = clauses.clauseStart[Int(cl)]
                // Extraposition: "det är obehagligt hur mycket ICA vet om mig" — the pronoun points
                // forward to the subordinate clause that follows.
                let next = Int(cl) + 1
                if next < clauses.clauseCount, clauses.sentence[clauses.clauseStart[next]] == clauses.sentence[pos],
                   resolved[clauses.clauseStart[next]].roles.contains(.clauseBreak), cueClauses.contains(Int32(next)) {
                    target = nearest(hits.filter { clauses.clause[$0.tokens.lowerBound] == Int32(next) }, to: pos)
                    weight = AspectScorer.anaphorWeight
                    rule = "aspect.extraposition"
                }
                if target == nil, resolved[start].roles.contains(.anaphor) || (start + 1 < n && resolved[start + 1].roles.contains(.anaphor) && !text.tokens[start].isWordLike) || (resolved[start].roles.contains(.contrastBut) && start + 1 < n && resolved[start + 1].roles.contains(.anaphor)) {
                    let before = hits.filter { clauses.clause[$0.tokens.lowerBound] < cl }
                    if let prevClause = before.map({ clauses.clause[$0.tokens.lowerBound] }).max(), prevClause >= cl - 2 {
                        target = nearest(before.filter { clauses.clause[$0.tokens.lowerBound] == prevClause }, to: pos)
                        weight = AspectScorer.anaphorWeight
                        rule = "aspect.anaphor"
                    }
                }
                if target == nil {
                    let sameSentence = hits.filter { clauses.sentence[$0.tokens.lowerBound] == clauses.sentence[pos] }
                    if !sameSentence.isEmpty {
                        target = nearest(sameSentence, to: pos)
                        weight = AspectScorer.sameSentenceWeight
                        rule = "aspect.sentence"
                    }
                }
            }
            guard let t = target else { continue }
            let aspect = t.cue.driver.aspect
            let d = item.value * weight
            sums[aspect, default: 0] += d
            if explain {
                evidence[aspect, default: []].append(Evidence(rule: rule, tokens: item.tokens, text: span(text, item.tokens), delta: d,
                                                              detail: "→ \(t.cue.driver.rawValue) '\(span(text, t.tokens))' ×\(formatFixed(weight, 2))"))
            }
        }
        var out: [Aspect: AspectResult] = [:]
        for aspect in Aspect.allCases {
            let mine = hits.filter { $0.cue.driver.aspect == aspect }
            guard !mine.isEmpty else { continue }
            let drivers = Array(Set(mine.map(\.cue.driver))).sorted()
            let sum = sums[aspect] ?? 0
            out[aspect] = AspectResult(aspect: aspect, sentiment: Sentiment(score: Sentiment.normalize(sum)), drivers: drivers,
                                       cues: mine, evidence: evidence[aspect] ?? [])
        }
        return out
    }

    func distance(_ r: Range<Int>, _ pos: Int) -> Int {
        pos < r.lowerBound ? r.lowerBound - pos : (pos >= r.upperBound ? pos - r.upperBound + 1 : 0)
    }

    func nearest(_ hits: [CueHit], to pos: Int) -> CueHit? {
        hits.min { a, b in
            let da = distance(a.tokens, pos), db = distance(b.tokens, pos)
            return da != db ? da < db : a.tokens.lowerBound < b.tokens.lowerBound
        }
    }
}
