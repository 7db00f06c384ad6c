/// Finds lexicon phrases (multi-word expressions) in a token sequence, longest match first.
///
/// Rule: at each word position the longest phrase whose terms equal the next tokens' terms wins;
/// matches do not overlap. Example: "kan varmt rekommenderas" beats "rekommenderas".
public struct PhraseMatch: Sendable, Equatable {
    public var range: Range<Int>
    public var phrase: Phrase
}

public enum PhraseMatcher {
    /// Every non-overlapping longest phrase match, optionally only of meanings accepted by `filter`.
    public static func matches(_ resolved: [ResolvedToken], phrases: [Int32: [Phrase]], starts: [Bool] = [],
                               filter: (Phrase.Meaning) -> Bool) -> [PhraseMatch] {
        var out: [PhraseMatch] = []
        var i = 0
        let n = resolved.count
        while i < n {
            let t = resolved[i].term
            var best: PhraseMatch?
            if t >= 0, starts.isEmpty || (Int(t) < starts.count && starts[Int(t)]), let candidates = phrases[t] {
                var bestIndex = -1, bestCount = 0
                candidates.withUnsafeBufferPointer { cs in
                    for c in cs.indices {
                        let count = cs[c].terms.count
                        guard count <= n - i, count > bestCount else { continue }
                        var ok = true
                        cs[c].terms.withUnsafeBufferPointer { terms in
                            for k in 1..<max(1, count) where resolved[i + k].term != terms[k] { ok = false; break }
                        }
                        if ok, filter(cs[c].meaning) { bestIndex = c; bestCount = count }
                    }
                }
                if bestIndex >= 0 { best = PhraseMatch(range: i..<(i + bestCount), phrase: candidates[bestIndex]) }
            }
            if let b = best { out.append(b); i = b.range.upperBound } else { i += 1 }
        }
        return out
    }
}

extension PhraseMatcher {
    /// Word tokens allowed between consecutive words of an aspect cue or block ("säljer *vidare* våra
    /// uppgifter", "spårar *allt jag* klickar") — Tillit's gapped matching for topic cues.
    public static let aspectGap = 2

    /// Aspect cues, matched with up to `maxGap` intervening words inside one sentence and not across punctuation, and false-friend
    /// blocks, matched contiguously. At each start the phrase with most words wins (then the tightest span); matches of
    /// different starts may overlap.
    public static func gappedMatches(_ resolved: [ResolvedToken], text: AnalyzedText, clauses: ClauseMap,
                                     phrases: [Int32: [Phrase]], starts: [Bool], maxGap: Int = aspectGap) -> [PhraseMatch] {
        var out: [PhraseMatch] = []
        let n = resolved.count
        // Terms present in this text: a candidate whose words are not all present is skipped at once.
        var present = Set<Int32>()
        present.reserveCapacity(n)
        for r in resolved where r.term >= 0 { present.insert(r.term) }
        for i in 0..<n {
            let t = resolved[i].term
            guard t >= 0, Int(t) < starts.count, starts[Int(t)], let candidates = phrases[t] else { continue }
            var best: PhraseMatch?
            for p in candidates where p.terms.count == 1 || p.terms.dropFirst().allSatisfy({ present.contains($0) }) {
                let allowed: Int
                switch p.meaning {
                case .aspectCue: allowed = maxGap
                case .block: allowed = 0 // false friends are fixed expressions
                default: continue
                }
                var pos = i
                var ok = true
                for k in 1..<max(1, p.terms.count) {
                    var j = pos + 1, gap = 0, found = -1
                    // Within the sentence and not across punctuation (clause-break words such as "att"
                    // may be part of a cue: "frågar om de får").
                    while j < n, clauses.sentence[j] == clauses.sentence[i] {
                        if resolved[j].term == p.terms[k] { found = j; break }
                        if text.tokens[j].kind == .punctuation { break }
                        if text.tokens[j].isWordLike || text.tokens[j].kind == .number {
                            gap += 1
                            if gap > allowed { break }
                        }
                        j += 1
                    }
                    if found < 0 { ok = false; break }
                    pos = found
                }
                guard ok else { continue }
                let m = PhraseMatch(range: i..<(pos + 1), phrase: p)
                if let b = best {
                    if p.terms.count > b.phrase.terms.count || (p.terms.count == b.phrase.terms.count && m.range.count < b.range.count) { best = m }
                } else { best = m }
            }
            if let b = best { out.append(b) }
        }
        return out
    }
}
