import TillitCore

/// Maps a generic JSON object to a `Post` through a `FieldMap`.
public struct JSONPostMapper: Sendable {
    public var fields: FieldMap
    public var source: String
    public var explicitText: Bool

    /// Field paths split once into components (JSON Pointer or dotted).
    let compiled: [String: [String]]

    public init(fields: FieldMap, source: String, explicitText: Bool = false) {
        self.fields = fields; self.source = source; self.explicitText = explicitText
        var c: [String: [String]] = [:]
        for list in [fields.id, fields.text, fields.lang, fields.created, fields.author, fields.rating, fields.retailer] {
            for p in list { c[p] = JSONValue.components(p) }
        }
        compiled = c
    }

    func first(_ v: JSONValue, _ paths: [String]) -> JSONValue? {
        for p in paths {
            let parts = compiled[p] ?? JSONValue.components(p)
            if let x = v.at(components: parts), !x.isNull { return x }
        }
        return nil
    }

    /// The post for `value`, or the reason it is skipped/rejected.
    public func map(_ value: JSONValue, origin: RecordOrigin) -> ImportEvent {
        guard case .object = value else {
            return .rejected(origin, reason: "record is not a JSON object", snippet: "")
        }
        guard let textValue = first(value, fields.text) else {
            return .rejected(origin, reason: "no text field (looked for \(fields.text.joined(separator: ", ")))", snippet: "")
        }
        guard let text = textValue.text else {
            return .rejected(origin, reason: "text field is not a string", snippet: "")
        }
        let id = first(value, fields.id)?.text ?? syntheticID(origin)
        if text.allSatisfy({ $0.isWhitespace }) { return .skipped(origin, reason: "empty text") }
        var post = Post(id: id, source: source, text: text, origin: origin)
        if let a = first(value, fields.author) {
            if let s = a.text { post.author = s } else if let s = a["screen_name"]?.text ?? a["username"]?.text ?? a["name"]?.text { post.author = s }
        }
        if let c = first(value, fields.created) {
            if case .number = c, let d = c.double { post.createdAt = TimestampParser.fromEpoch(d) } else if let s = c.text { post.createdAt = TimestampParser.parse(s) }
        }
        post.languageHint = first(value, fields.lang)?.text
        post.rating = first(value, fields.rating)?.double
        if let r = first(value, fields.retailer)?.text { post.hints.append(TargetHint(.businessName, r)) }
        return .post(post)
    }

    func syntheticID(_ origin: RecordOrigin) -> String {
        let base = origin.file.split(separator: "/").last.map(String.init) ?? origin.file
        return "\(base):\(origin.record + 1)"
    }
}

/// Newline-delimited JSON: one object per line. Broken lines are rejected with line and reason;
/// an unterminated last line (a collector killed mid-write) that does not parse is rejected as truncated.
public final class NDJSONReader: PostReader {
    let lines: LineReader
    let mapper: JSONPostMapper
    var record = 0
    var pending: ImportEvent?

    public init(source: ByteSource, mapper: JSONPostMapper) {
        lines = LineReader(source: source)
        self.mapper = mapper
    }

    public func next() throws(ImportError) -> ImportEvent? {
        var result: ImportEvent?
        while result == nil {
            var ev: ImportEvent?
            let more: Bool
            do {
                more = try lines.next { line in
                    let origin = RecordOrigin(file: lines.source.name, line: lines.lineNumber, record: record)
                    switch line {
                    case .overlong(let length, let prefix):
                        record += 1
                        ev = .rejected(origin, reason: "line of \(length) bytes exceeds the \(lines.maximumLine)-byte limit",
                                       snippet: prefix.withUnsafeBufferPointer { snippet($0) })
                    case .line(let bytes):
                        var k = 0
                        while k < bytes.count, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
                        if k == bytes.count { return } // blank line: not a record
                        record += 1
                        do {
                            let (value, _) = try JSONParser.parse(bytes)
                            ev = mapper.map(value, origin: origin)
                        } catch let error as JSONError {
                            let truncated = lines.lastLineUnterminated
                            ev = .rejected(origin, reason: (truncated ? "truncated last line: " : "invalid JSON: ") + error.description,
                                           snippet: snippet(bytes))
                        } catch {
                            ev = .rejected(origin, reason: "\(error)", snippet: snippet(bytes))
                        }
                    }
                }
            } catch let e as ImportError { throw e } catch { throw ImportError(file: lines.source.name, reason: "\(error)") }
            if !more { return nil }
            result = ev
        }
        return result
    }
}
