import TillitCore

/// Renders an analysis as terminal-friendly text: tokens, items with their rules, aspects, retailers.
public struct ExplanationPrinter {
    public var analysis: PostAnalysis
    public var bundle: LexiconBundle

    public init(analysis: PostAnalysis, bundle: LexiconBundle) { self.analysis = analysis; self.bundle = bundle }

    func padded(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + formatFixed(v, 3) }

    public func render() -> String {
        let a = analysis
        var o = ""
        let g = a.language
        o += "language   \(g.language.rawValue)  confidence \(formatFixed(g.confidence, 2))  (\(g.source); evidence "
        o += g.scores.map { "\($0.0.rawValue) \(formatFixed($0.1, 1))" }.joined(separator: ", ") + ")\n"
        o += "lexicons   \(a.language.language.lexiconLanguage.rawValue)  version \(bundle.version.prefix(12))\n\n"
        if let t = a.text, let res = a.resolved {
            o += "tokens\n"
            for i in t.tokens.indices {
                let tok = t.tokens[i]
                var line = "  " + padded(String(i), 4) + padded(t.surface(i), 18) + padded(tok.kind.name, 9) + padded(t.normalized(i), 16)
                var notes: [String] = []
                let r = res[i]
                if let v = r.valence {
                    let d = a.describe(i)
                    notes.append("valence \(signed(v)) [\(r.neighbour == nil ? r.match : "neighbour")\(d.isEmpty ? "" : ": " + d)]")
                }
                if r.roles.contains(.negator) { notes.append("negator") }
                if r.booster != 0 { notes.append("booster \(signed(r.booster))") }
                if r.roles.contains(.contrastBut) { notes.append("contrast") }
                if r.roles.contains(.contrastAlthough) { notes.append("concessive") }
                if r.roles.contains(.irrealis) { notes.append("irrealis") }
                if r.roles.contains(.clauseBreak) { notes.append("clause-break") }
                for c in a.cues(i) { notes.append("cue \(c.driver.rawValue) (\(c.kind.rawValue) '\(c.term)')") }
                if tok.flags.contains(.allCaps) { notes.append("CAPS") }
                if tok.flags.contains(.elongated) { notes.append("elongated") }
                o += line.trimmedRight() + (notes.isEmpty ? "" : "  " + notes.joined(separator: "; ")) + "\n"
                line = ""
            }
            o += "\n"
        }
        o += "sentiment items\n"
        if a.sentiment.items.isEmpty { o += "  (none: no word, emoji or expression with a valence)\n" }
        for it in a.sentiment.items {
            let first = it.evidence.first
            o += "  " + padded("'\(first?.text ?? "")'", 22) + signed(it.base)
            for e in it.evidence.dropFirst() { o += "  → \(e.rule) '\(e.text)' \(signed(e.delta))" }
            o += "  = \(signed(it.value))\n"
        }
        for e in a.sentiment.evidence { o += "  \(e.rule)\(e.text.isEmpty ? "" : " '\(e.text)'") \(signed(e.delta))\(e.detail.isEmpty ? "" : "  (\(e.detail))")\n" }
        let s = a.sentiment.sentiment
        o += "\nsentiment  \(signed(s.score))  \(s.label.rawValue)  (\(s.band.rawValue))\n"
        for aspect in [Aspect.privacy, .personalization] {
            guard let r = a.aspects[aspect] else { o += "\(padded(aspect.rawValue, 16)) not mentioned\n"; continue }
            o += "\(padded(aspect.rawValue, 16)) \(signed(r.sentiment.score))  \(r.sentiment.label.rawValue)  drivers \(r.drivers.map(\.rawValue).joined(separator: ", "))\n"
            for e in r.evidence { o += "    \(e.rule) '\(e.text)' \(signed(e.delta))  \(e.detail)\n" }
        }
        if a.retailers.isEmpty { o += "retailers  none found\n" } else {
            o += "retailers  " + a.retailers.map { "\($0.name) [\($0.id)] (\($0.reason))" }.joined(separator: "; ") + "\n"
        }
        return o
    }
}

extension String {
    func trimmedRight() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
