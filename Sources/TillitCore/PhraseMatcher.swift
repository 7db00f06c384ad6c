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
                for p in candidates where p.terms.count <= n - i && filter(p.meaning) {
                    var ok = true
                    for k in 1..<max(1, p.terms.count) where resolved[i + k].term != p.terms[k] { ok = false; break }
                    if ok, best == nil || p.terms.count > best!.range.count {
                        best = PhraseMatch(range: i..<(i + p.terms.count), phrase: p)
                    }
                }
            }
            if let b = best { out.append(b); i = b.range.upperBound } else { i += 1 }
        }
        return out
    }
}
