/// One parsed line of a lexicon file.
public struct LexiconEntry: Sendable, Equatable {
    public var fields: [String]
    public var line: Int
    public var key: String { fields[0] }
    public init(fields: [String], line: Int) { self.fields = fields; self.line = line }
}

/// A diagnostic about a lexicon file, with its exact place.
public struct LexiconDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var file: String
    public var line: Int
    public var message: String
    public init(_ severity: Severity, _ file: String, _ line: Int, _ message: String) {
        self.severity = severity; self.file = file; self.line = line; self.message = message
    }
    public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
}

/// A lexicon file's text split into entries: comments (`#`) and blank lines skipped, fields split on TAB.
///
///     LexiconFile(name: "sv/valence.tsv", text: "# format: x\nbra\t1.9\n").entries.first?.fields  // ["bra", "1.9"]
public struct LexiconFile: Sendable {
    public var name: String
    public var entries: [LexiconEntry]
    /// The leading `#` comment lines (without `#`), which state format, provenance and normalisation.
    public var header: [String]

    public init(name: String, text: String) {
        self.name = name
        var entries: [LexiconEntry] = []
        var header: [String] = []
        var inHeader = true
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.hasPrefix("#") {
                if inHeader { header.append(String(line.dropFirst()).trimmingASCIIWhitespace()) }
                continue
            }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            inHeader = false
            entries.append(LexiconEntry(fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), line: lineNo))
        }
        self.entries = entries
        self.header = header
    }

    /// The value of a header line such as `format: …`, if present.
    public func headerValue(_ name: String) -> String? {
        for h in header {
            let lower = h.lowercased()
            if lower.hasPrefix(name + ":") { return String(h.dropFirst(name.count + 1)).trimmingASCIIWhitespace() }
        }
        return nil
    }
}
