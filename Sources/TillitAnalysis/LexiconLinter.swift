import TillitCore
import TillitText
import TillitImport

/// Lints lexicon files: headers, key normalisation, duplicates, value ranges, driver ids, and conflicts
/// between languages' shared words (same key, opposite sign).
public struct LexiconLinter {
    public var directory: String
    public init(directory: String) { self.directory = directory }

    static let columns: [String: (min: Int, numeric: [Int: ClosedRange<Double>])] = [
        "valence.tsv": (2, [1: -4...4]), "idioms.tsv": (2, [1: -4...4]), "boosters.tsv": (2, [1: -2...2]),
        "prefixes.tsv": (3, [2: -4...4]), "contrast.tsv": (2, [:]), "function_words.txt": (1, [:]),
        "aspects.tsv": (4, [3: -4...4]), "aspect_blocks.tsv": (2, [:]), "emoji.tsv": (2, [1: -4...4]),
    ]

    public func check() -> [LexiconDiagnostic] {
        var out: [LexiconDiagnostic] = []
        var valenceByLang: [String: [String: (Double, String, Int)]] = [:]
        var files: [String] = []
        for entry in FileBytes.list(directory) {
            let path = directory + "/" + entry
            if FileBytes.isDirectory(path) {
                for f in FileBytes.list(path) where f.hasSuffix(".tsv") || f.hasSuffix(".txt") { files.append(entry + "/" + f) }
            } else if entry.hasSuffix(".tsv") || entry.hasSuffix(".txt") {
                files.append(entry)
            }
        }
        for rel in files {
            guard let text = try? FileBytes.readString(directory + "/" + rel) else {
                out.append(LexiconDiagnostic(.error, rel, 0, "cannot read")); continue
            }
            if text.utf8.contains(13) { out.append(LexiconDiagnostic(.warning, rel, 1, "CR line endings")) }
            let f = LexiconFile(name: rel, text: text)
            for h in ["format", "provenance", "normalisation"] where f.headerValue(h) == nil {
                out.append(LexiconDiagnostic(.error, rel, 1, "header lacks '\(h):'"))
            }
            let base = String(rel.split(separator: "/").last!)
            let isRetailers = base == "retailers.tsv"
            let spec = LexiconLinter.columns[base]
            var seen: [String: Int] = [:]
            for e in f.entries {
                if isRetailers && e.key == "id" { continue }
                let key = e.key
                if key != key.trimmingASCIIWhitespace() || key.contains("  ") {
                    out.append(LexiconDiagnostic(.error, rel, e.line, "key '\(key)' has extra spaces"))
                }
                if base != "emoji.tsv", !isRetailers {
                    let norm = ICUNormalizer.casefold(key)
                    if norm != key { out.append(LexiconDiagnostic(.error, rel, e.line, "key '\(key)' is not normalised (NFKC_Casefold gives '\(norm)')")) }
                }
                let dupKey = base == "aspects.tsv" ? key + "\t" + (e.fields.count > 1 ? e.fields[1] : "") : key
                if let prev = seen[dupKey] {
                    out.append(LexiconDiagnostic(.error, rel, e.line, "duplicate key '\(key)' (first at line \(prev))"))
                } else { seen[dupKey] = e.line }
                if let s = spec {
                    if e.fields.count < s.min { out.append(LexiconDiagnostic(.error, rel, e.line, "expected \(s.min) tab-separated columns, found \(e.fields.count)")); continue }
                    for (col, range) in s.numeric {
                        guard let v = Double(e.fields[col].trimmingASCIIWhitespace()) else {
                            out.append(LexiconDiagnostic(.error, rel, e.line, "column \(col + 1) is not a number: '\(e.fields[col])'")); continue
                        }
                        if !range.contains(v) { out.append(LexiconDiagnostic(.error, rel, e.line, "value \(v) outside \(range.lowerBound)…\(range.upperBound)")) }
                    }
                }
                if base == "aspects.tsv", e.fields.count >= 3 {
                    if Driver(rawValue: e.fields[1].uppercased()) == nil { out.append(LexiconDiagnostic(.error, rel, e.line, "unknown driver '\(e.fields[1])'")) }
                    if AspectCue.Kind(rawValue: e.fields[2]) == nil { out.append(LexiconDiagnostic(.error, rel, e.line, "kind must be word, head or mwe")) }
                }
                if base == "aspect_blocks.tsv", e.fields.count >= 2, e.fields[1] != "*", Driver(rawValue: e.fields[1].uppercased()) == nil {
                    out.append(LexiconDiagnostic(.error, rel, e.line, "unknown driver '\(e.fields[1])'"))
                }
                if isRetailers, e.fields.count < 7 { out.append(LexiconDiagnostic(.error, rel, e.line, "expected at least 7 columns")) }
                if base == "valence.tsv", e.fields.count >= 2, let v = Double(e.fields[1].trimmingASCIIWhitespace()) {
                    let lang = String(rel.split(separator: "/").first!)
                    valenceByLang[lang, default: [:]][key] = (v, rel, e.line)
                }
            }
        }
        // Shared loanwords: the same key with opposite polarity in two languages is suspicious.
        let langs = valenceByLang.keys.sorted()
        for (i, a) in langs.enumerated() {
            for b in langs[(i + 1)...] {
                for (key, va) in valenceByLang[a]!.sorted(by: { $0.key < $1.key }) {
                    guard let vb = valenceByLang[b]![key] else { continue }
                    if va.0 * vb.0 < 0, abs(va.0 - vb.0) >= 2 {
                        out.append(LexiconDiagnostic(.warning, vb.1, vb.2, "'\(key)' is \(vb.0) here but \(va.0) in \(va.1):\(va.2) (shared word with opposite polarity)"))
                    }
                }
            }
        }
        return out
    }
}
