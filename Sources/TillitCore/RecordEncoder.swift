/// Encodes a `PostAnalysis` as the public per-post JSON record (docs/record.md). Keys appear in a fixed
/// order and numbers in a fixed format, so the same input gives byte-identical output.
public struct RecordEncoder: Sendable {
    public var explain: Bool
    public var includeText: Bool
    public var lexiconVersion: String
    public var toolVersion: String

    public init(explain: Bool = false, includeText: Bool = false, lexiconVersion: String, toolVersion: String) {
        self.explain = explain; self.includeText = includeText; self.lexiconVersion = lexiconVersion; self.toolVersion = toolVersion
    }

    public func json(_ a: PostAnalysis) -> String {
        var j = JSONBuilder()
        j.raw("{"); j.key("id"); j.string(a.post.id)
        j.raw(","); j.key("source"); j.string(a.post.source)
        j.raw(","); j.key("lang"); j.string(a.language.language.rawValue)
        j.raw(","); j.key("lang_confidence"); j.number(a.language.confidence, digits: 3)
        j.raw(","); j.key("lang_source"); j.string(a.language.source)
        j.raw(","); j.key("created_at")
        if let t = a.post.createdAt { j.string(t.iso8601) } else { j.raw("null") }
        j.raw(","); j.key("week")
        if let t = a.post.createdAt { j.string(t.isoWeek.description) } else { j.raw("null") }
        j.raw(","); j.key("author")
        if let au = a.author { j.string(au) } else { j.raw("null") }
        j.raw(","); j.key("rating")
        if let r = a.post.rating { j.number(r) } else { j.raw("null") }
        j.raw(","); j.key("retailers"); j.raw("[")
        for (k, r) in a.retailers.enumerated() {
            if k > 0 { j.raw(",") }
            j.raw("{"); j.key("id"); j.string(r.id); j.raw(","); j.key("name"); j.string(r.name)
            j.raw(","); j.key("reason"); j.string(r.reason); j.raw("}")
        }
        j.raw("]")
        j.raw(","); j.key("sentiment"); sentiment(&j, a.sentiment.sentiment)
        j.raw(","); j.key("aspects"); j.raw("{")
        for (k, aspect) in Aspect.allCases.sorted(by: { $0 == .privacy && $1 != .privacy }).enumerated() {
            if k > 0 { j.raw(",") }
            j.key(aspect.rawValue)
            if let r = a.aspects[aspect] {
                j.raw("{"); j.key("score"); j.number(r.sentiment.score)
                j.raw(","); j.key("label"); j.string(r.sentiment.label.rawValue)
                j.raw(","); j.key("band"); j.string(r.sentiment.band.rawValue)
                j.raw(","); j.key("drivers"); j.raw("[")
                for (d, drv) in r.drivers.enumerated() { if d > 0 { j.raw(",") }; j.string(drv.rawValue) }
                j.raw("]}")
            } else {
                j.raw("null")
            }
        }
        j.raw("}")
        if includeText { j.raw(","); j.key("text"); j.string(a.post.text) }
        j.raw(","); j.key("lexicon_version"); j.string(lexiconVersion)
        j.raw(","); j.key("tillit_version"); j.string(toolVersion)
        if explain { j.raw(","); j.key("explain"); explainJSON(&j, a) }
        j.raw("}")
        return j.out
    }

    func sentiment(_ j: inout JSONBuilder, _ s: Sentiment) {
        j.raw("{"); j.key("score"); j.number(s.score)
        j.raw(","); j.key("label"); j.string(s.label.rawValue)
        j.raw(","); j.key("band"); j.string(s.band.rawValue); j.raw("}")
    }

    func evidenceJSON(_ j: inout JSONBuilder, _ list: [Evidence]) {
        j.raw("[")
        for (k, e) in list.enumerated() {
            if k > 0 { j.raw(",") }
            j.raw("{"); j.key("rule"); j.string(e.rule)
            j.raw(","); j.key("tokens"); j.raw("[\(e.tokens.lowerBound),\(e.tokens.upperBound)]")
            j.raw(","); j.key("text"); j.string(e.text)
            j.raw(","); j.key("delta"); j.number(e.delta)
            if !e.detail.isEmpty { j.raw(","); j.key("detail"); j.string(e.detail) }
            j.raw("}")
        }
        j.raw("]")
    }

    func explainJSON(_ j: inout JSONBuilder, _ a: PostAnalysis) {
        j.raw("{")
        j.key("language_scores"); j.raw("{")
        for (k, s) in a.language.scores.enumerated() {
            if k > 0 { j.raw(",") }
            j.key(s.0.rawValue); j.number(s.1, digits: 2)
        }
        j.raw("}")
        if let t = a.text {
            j.raw(","); j.key("tokens"); j.raw("[")
            for i in t.tokens.indices {
                if i > 0 { j.raw(",") }
                j.raw("{"); j.key("text"); j.string(t.surface(i))
                j.raw(","); j.key("norm"); j.string(t.normalized(i))
                j.raw(","); j.key("kind"); j.string(t.tokens[i].kind.name)
                j.raw(","); j.key("range"); j.raw("[\(t.tokens[i].start),\(t.tokens[i].end)]")
                let f = t.tokens[i].flags
                if !f.isEmpty {
                    var names: [String] = []
                    if f.contains(.allCaps) { names.append("caps") }
                    if f.contains(.elongated) { names.append("elongated") }
                    if f.contains(.inHashtag) { names.append("hashtag") }
                    j.raw(","); j.key("flags"); j.raw("[" + names.map { "\"\($0)\"" }.joined(separator: ",") + "]")
                }
                j.raw("}")
            }
            j.raw("]")
        }
        j.raw(","); j.key("items"); j.raw("[")
        for (k, it) in a.sentiment.items.enumerated() {
            if k > 0 { j.raw(",") }
            j.raw("{"); j.key("tokens"); j.raw("[\(it.tokens.lowerBound),\(it.tokens.upperBound)]")
            j.raw(","); j.key("base"); j.number(it.base)
            j.raw(","); j.key("value"); j.number(it.value)
            j.raw(","); j.key("evidence"); evidenceJSON(&j, it.evidence)
            j.raw("}")
        }
        j.raw("]")
        j.raw(","); j.key("rules"); evidenceJSON(&j, a.sentiment.evidence)
        j.raw(","); j.key("raw"); j.number(a.sentiment.raw)
        j.raw(","); j.key("aspects"); j.raw("{")
        var first = true
        for aspect in [Aspect.privacy, .personalization] {
            guard let r = a.aspects[aspect] else { continue }
            if !first { j.raw(",") }
            first = false
            j.key(aspect.rawValue); evidenceJSON(&j, r.evidence)
        }
        j.raw("}}")
    }
}
