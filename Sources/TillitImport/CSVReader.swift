import TillitCore

/// RFC 4180 CSV/TSV, streamed: quoted fields may hold delimiters, tabs, newlines, bare CR and doubled
/// quotes; records end at LF, CRLF or a bare CR outside quotes. The first record is the header.
/// A record with a different number of fields than the header is rejected with its line.
public final class CSVReader: PostReader {
    let source: ByteSource
    let delimiter: UInt8
    let fields: FieldMap
    let explicit: Bool
    let sourceName: String
    private var buf = [UInt8](repeating: 0, count: 1 << 16)
    private var pos = 0, end = 0, eof = false
    private var line = 1
    private var record = 0
    private var header: [String] = []
    private var columns: (id: Int?, text: Int, lang: Int?, created: Int?, author: Int?, rating: Int?, retailer: Int?)?
    /// A field or record larger than this is rejected (bounded memory).
    public static let maximumRecord = 16 << 20

    public init(source: ByteSource, delimiter: UInt8, fields: FieldMap, explicitText: Bool, sourceName: String) {
        self.source = source; self.delimiter = delimiter; self.fields = fields; self.explicit = explicitText; self.sourceName = sourceName
    }

    @inline(__always) private func byte() throws(ImportError) -> UInt8? {
        if pos == end {
            if eof { return nil }
            let n = try buf.withUnsafeMutableBufferPointer { (b) throws(ImportError) -> Int in try source.read(into: b) }
            if n == 0 { eof = true; return nil }
            pos = 0; end = n
        }
        let b = buf[pos]; pos += 1
        return b
    }

    @inline(__always) private func peek() throws(ImportError) -> UInt8? {
        if pos == end {
            if eof { return nil }
            let n = try buf.withUnsafeMutableBufferPointer { (b) throws(ImportError) -> Int in try source.read(into: b) }
            if n == 0 { eof = true; return nil }
            pos = 0; end = n
        }
        return buf[pos]
    }

    /// Reads one record; nil at end of input. `error` is set for malformed quoting.
    private func readRecord() throws(ImportError) -> (fields: [String], startLine: Int, error: String?, raw: [UInt8])? {
        var out: [String] = []
        var field: [UInt8] = []
        var raw: [UInt8] = []
        let startLine = line
        var quoted = false, wasQuoted = false, any = false
        var error: String?
        while let b = try byte() {
            any = true
            if raw.count < 300 { raw.append(b) }
            if field.count > CSVReader.maximumRecord { error = "field longer than \(CSVReader.maximumRecord) bytes" }
            if quoted {
                if b == 34 {
                    let nx = try peek()
                    if nx == 34 { _ = try byte(); field.append(34) } else { quoted = false }
                } else {
                    if b == 10 { line += 1 } else if b == 13 { let nx = try peek(); if nx != 10 { line += 1 } }
                    if error == nil { field.append(b) }
                }
                continue
            }
            switch b {
            case 34:
                if field.isEmpty && !wasQuoted { quoted = true; wasQuoted = true } else {
                    if error == nil { error = "stray quote inside an unquoted field (line \(line))" }
                    field.append(b)
                }
            case delimiter:
                out.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); wasQuoted = false
            case 10, 13:
                if b == 13 { let nx = try peek(); if nx == 10 { _ = try byte() } }
                line += 1
                out.append(String(decoding: field, as: UTF8.self))
                return (out, startLine, error, raw)
            default:
                if wasQuoted, error == nil { error = "text after a closing quote (line \(line))" }
                if error == nil { field.append(b) }
            }
        }
        guard any else { return nil }
        if quoted { error = "unterminated quoted field (file ends inside quotes)" }
        out.append(String(decoding: field, as: UTF8.self))
        return (out, startLine, error, raw)
    }

    func resolveColumns() throws(ImportError) {
        let lower = header.map { $0.lowercased().trimmingASCIIWhitespace() }
        func find(_ names: [String]) -> Int? {
            for n in names { if let i = lower.firstIndex(of: n.lowercased()) { return i } }
            return nil
        }
        guard let text = find(fields.text) else {
            throw ImportError(file: source.name, reason: "no text column (looked for \(fields.text.joined(separator: ", ")); header has \(header.joined(separator: ", "))); use --text-column")
        }
        columns = (find(fields.id), text, find(fields.lang), find(fields.created), find(fields.author), find(fields.rating), find(fields.retailer))
    }

    public func next() throws(ImportError) -> ImportEvent? {
        if columns == nil {
            guard let h = try readRecord() else { return nil }
            header = h.fields
            if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
            try resolveColumns()
        }
        while true {
            guard let r = try readRecord() else { return nil }
            if r.fields.count == 1, r.fields[0].isEmpty, r.error == nil { continue } // blank line
            let origin = RecordOrigin(file: source.name, line: r.startLine, record: record)
            record += 1
            let raw = r.raw.withUnsafeBufferPointer { snippet($0) }
            if let e = r.error { return .rejected(origin, reason: e, snippet: raw) }
            guard r.fields.count == header.count else {
                return .rejected(origin, reason: "\(r.fields.count) fields where the header has \(header.count)", snippet: raw)
            }
            let c = columns!
            let text = r.fields[c.text]
            if text.allSatisfy({ $0.isWhitespace }) { return .skipped(origin, reason: "empty text") }
            let base = source.name.split(separator: "/").last.map(String.init) ?? source.name
            let id = c.id.map { r.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(base):\(record)"
            var post = Post(id: id, source: sourceName, text: text, origin: origin)
            if let i = c.lang, !r.fields[i].isEmpty { post.languageHint = r.fields[i] }
            if let i = c.created, !r.fields[i].isEmpty { post.createdAt = TimestampParser.parse(r.fields[i]) }
            if let i = c.author, !r.fields[i].isEmpty { post.author = r.fields[i] }
            if let i = c.rating { post.rating = Double(r.fields[i].trimmingASCIIWhitespace()) }
            if let i = c.retailer, !r.fields[i].isEmpty { post.hints.append(TargetHint(.businessName, r.fields[i])) }
            return .post(post)
        }
    }
}
