import TillitCore

/// Writes analysed posts as JSON Lines (the public record, docs/record.md) or as flat CSV.
public struct RecordWriter: Sendable {
    public var format: String
    public var encoder: RecordEncoder

    public init(format: String, encoder: RecordEncoder) { self.format = format; self.encoder = encoder }

    public static let csvColumns = [
        "id", "source", "lang", "lang_confidence", "created_at", "week", "author", "rating", "retailers",
        "sentiment_score", "sentiment_label", "sentiment_band",
        "privacy_score", "privacy_label", "privacy_band", "privacy_drivers",
        "personalization_score", "personalization_label", "personalization_band", "personalization_drivers",
        "lexicon_version",
    ]

    public func header() -> String { format == "csv" ? RecordWriter.csvColumns.joined(separator: ",") + "\r\n" : "" }

    public func record(_ a: PostAnalysis) -> String {
        if format != "csv" { return encoder.json(a) + "\n" }
        var f: [String] = [
            a.post.id, a.post.source, a.language.language.rawValue, formatNumber(a.language.confidence, 3),
            a.post.createdAt?.iso8601 ?? "", a.post.createdAt?.isoWeek.description ?? "", a.author ?? "",
            a.post.rating.map { formatNumber($0, 4) } ?? "", a.retailers.map(\.id).joined(separator: "|"),
            formatNumber(a.sentiment.sentiment.score, 4), a.sentiment.sentiment.label.rawValue, a.sentiment.sentiment.band.rawValue,
        ]
        for aspect in [Aspect.privacy, .personalization] {
            if let r = a.aspects[aspect] {
                f += [formatNumber(r.sentiment.score, 4), r.sentiment.label.rawValue, r.sentiment.band.rawValue, r.drivers.map(\.rawValue).joined(separator: "|")]
            } else {
                f += ["", "", "", ""]
            }
        }
        f.append(encoder.lexiconVersion)
        return f.map(CSVField.escape).joined(separator: ",") + "\r\n"
    }
}

/// RFC 4180 field quoting; also neutralises spreadsheet formula injection (=, +, -, @ at the start of
/// text fields get a leading apostrophe inside quotes).
public enum CSVField {
    public static func escape(_ s: String) -> String {
        var v = s
        if let f = v.first, "=+@".contains(f) || (f == "-" && Double(v) == nil) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || v != s {
            return "\"" + v.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        return v
    }
}
