import TillitCore

/// A dump format Tillit reads.
public struct Format: Sendable {
    public var name: String
    public var summary: String
    public init(name: String, summary: String) { self.name = name; self.summary = summary }
}

/// The formats and how to open them; `auto` recognises the format from content, not the file name.
public enum Formats {
    public static let all: [Format] = [
        Format(name: "ndjson", summary: "JSON Lines / NDJSON: one JSON object per line; fields found by name (see --text-column etc.)"),
        Format(name: "csv", summary: "CSV (RFC 4180) with a header row; quoted fields may hold commas, tabs, newlines and doubled quotes"),
        Format(name: "tsv", summary: "Tab-separated values with a header row; same quoting rules as csv"),
    ]

    /// Recognises a format from the first decompressed bytes.
    public static func detect(_ head: [UInt8]) -> String? {
        var i = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, isASCIISpace(head[i]) { i += 1 }
        guard i < head.count else { return nil }
        if head[i] == UInt8(ascii: "{") { return "ndjson" }
        // A header line: tabs beat commas.
        var tabs = 0, commas = 0, k = i
        while k < head.count, head[k] != 10 {
            if head[k] == 9 { tabs += 1 } else if head[k] == 44 { commas += 1 }
            k += 1
        }
        if tabs > 0, tabs >= commas { return "tsv" }
        if commas > 0 { return "csv" }
        return nil
    }

    /// Opens `path` as `format` (`auto` to detect).
    public static func open(path: String, format: String, options: ImportOptions) throws(ImportError) -> (PostReader, String) {
        var fmt = format
        let source = try ByteSource(path: path)
        if fmt == "auto" {
            let head = try source.peek(4096)
            guard let d = detect(head) else {
                throw ImportError(file: path, reason: head.isEmpty ? "empty input" : "format not recognised; name it with --format (see `tillit formats`)")
            }
            fmt = d
        }
        switch fmt {
        case "ndjson", "jsonl":
            return (NDJSONReader(source: source, mapper: JSONPostMapper(fields: options.fields, source: "ndjson", explicitText: options.explicitText)), "ndjson")
        case "csv":
            return (CSVReader(source: source, delimiter: options.delimiter ?? 44, fields: options.fields, explicitText: options.explicitText, sourceName: "csv"), "csv")
        case "tsv":
            return (CSVReader(source: source, delimiter: options.delimiter ?? 9, fields: options.fields, explicitText: options.explicitText, sourceName: "tsv"), "tsv")
        default:
            throw ImportError(file: path, reason: "unknown format '\(fmt)' (see `tillit formats`)")
        }
    }
}
