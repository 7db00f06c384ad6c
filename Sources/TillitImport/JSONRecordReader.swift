import TillitCore

/// Where a JSON record came from, for the mapper: origin plus the envelope around record arrays.
struct RecordContext {
    var origin: RecordOrigin
    /// Top-level members next to the record array (`{"appId": "…", "reviews": […]}`), if any.
    var envelope: JSONValue?
}

/// Maps one JSON record (a line, an array element or a whole document) of a dump format to events.
protocol JSONRecordMapper: AnyObject {
    /// The `Post.source` name.
    var source: String { get }
    /// Top-level keys read from each record; others are skipped unparsed. nil reads everything.
    var keys: JSONKeySet? { get }
    /// Member paths whose arrays hold the records when the input is one JSON document
    /// (`[["features"]]`); a top-level array always holds records.
    var recordPaths: [[String]] { get }
    /// Whether a record read from a line may itself be such an envelope, to be expanded.
    var expandsLineEnvelopes: Bool { get }
    /// Whether the input may start with a JavaScript assignment (`window.YTD.tweets.part0 = [`).
    var allowsScriptPrefix: Bool { get }
    /// Appends the events for one record. Rejections may leave `snippet` empty: the reader fills it in.
    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent])
    /// A fast path from the record's bytes (NDJSON lines); false leaves the record to `map`.
    func mapBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ context: RecordContext, into out: inout [ImportEvent]) throws(JSONError) -> Bool
}

extension JSONRecordMapper {
    func mapBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ context: RecordContext, into out: inout [ImportEvent]) throws(JSONError) -> Bool { false }
    var recordPaths: [[String]] { [] }
    var expandsLineEnvelopes: Bool { !recordPaths.isEmpty }
    var allowsScriptPrefix: Bool { false }
}

/// Reads JSON records from NDJSON lines or from one large document (array or object holding the
/// record array, streamed by `JSONArrayStreamer`) and hands each to a format's mapper.
///
/// Every record yields at least one event: broken JSON is rejected with the line (NDJSON) or the
/// element index and byte offset (documents); a truncated last line or document is named as such.
final class JSONRecordReader: PostReader {
    enum Container { case lines, document, auto }

    let source: ByteSource
    let mapper: JSONRecordMapper
    private var container: Container
    private var lines: LineReader?
    private var streamer: JSONArrayStreamer?
    @exclusivity(unchecked) private var queue: [ImportEvent] = []
    private var record = 0
    private let keys: JSONKeySet?

    init(source: ByteSource, mapper: JSONRecordMapper, container: Container = .auto) {
        self.source = source
        self.mapper = mapper
        self.container = container
        var k = mapper.keys
        if let kk = k, mapper.expandsLineEnvelopes { k = kk.union(JSONKeySet(mapper.recordPaths.compactMap(\.first))) }
        keys = k
    }

    /// Decides between NDJSON lines and one document from the first bytes.
    static func sniff(_ head: [UInt8], allowsScriptPrefix: Bool) -> Container {
        var i = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, isASCIISpace(head[i]) { i += 1 }
        guard i < head.count else { return .lines }
        switch head[i] {
        case UInt8(ascii: "["): return .document
        case UInt8(ascii: "{"):
            var e = i
            while e < head.count, head[e] != 10 { e += 1 }
            let complete = head[i..<e].withUnsafeBufferPointer { b in (try? JSONParser.parse(b, keeping: JSONKeySet([]))) != nil }
            if complete { return .lines }
            if e == head.count, head.count >= 1 << 16 { return .lines } // one line longer than the sniffed head
            // A broken first line is still NDJSON when the next line starts a new object.
            var k = e + 1
            while k < head.count, head[k] == 10 || head[k] == 13 { k += 1 }
            if e < head.count, k < head.count, head[k] == UInt8(ascii: "{") { return .lines }
            return .document
        default:
            return allowsScriptPrefix ? .document : .lines
        }
    }

    /// Events of the current record are queued in reverse, so each is moved out, not copied.
    func next() throws(ImportError) -> ImportEvent? {
        while queue.isEmpty {
            if container == .auto {
                container = JSONRecordReader.sniff(try source.peek(1 << 16), allowsScriptPrefix: mapper.allowsScriptPrefix)
            }
            let more: Bool
            do {
                if container == .lines { more = try readLine() } else { more = try readElement() }
            } catch let e as ImportError { throw e } catch { throw ImportError(file: source.name, reason: "\(error)") }
            if !more, queue.isEmpty { return nil }
            if queue.count > 1 { queue.reverse() }
        }
        return queue.removeLast()
    }

    private func readLine() throws -> Bool {
        if lines == nil { lines = LineReader(source: source) }
        let lines = lines!
        return try lines.next { line in
            let origin = RecordOrigin(file: source.name, line: lines.lineNumber, record: record)
            switch line {
            case .overlong(let length, let prefix):
                record += 1
                queue.append(.rejected(origin, reason: "line of \(length) bytes exceeds the \(lines.maximumLine)-byte limit",
                                       snippet: prefix.withUnsafeBufferPointer { snippet($0) }))
            case .line(let bytes):
                var k = 0
                while k < bytes.count, isASCIISpace(bytes[k]) { k += 1 }
                if k == bytes.count { return } // a blank line is not a record
                record += 1
                do {
                    let before = queue.count
                    if try mapper.mapBytes(bytes, RecordContext(origin: origin, envelope: nil), into: &queue) {
                        fillSnippets(from: before, bytes)
                        return
                    }
                    let (value, _) = try JSONParser.parse(bytes, keeping: keys)
                    dispatch(value, RecordContext(origin: origin, envelope: nil), bytes: bytes, expand: mapper.expandsLineEnvelopes)
                } catch let error as JSONError {
                    let truncated = lines.lastLineUnterminated
                    queue.append(.rejected(origin, reason: (truncated ? "truncated last line: " : "invalid JSON: ") + error.description,
                                           snippet: snippet(bytes)))
                }
            }
        }
    }

    private func readElement() throws -> Bool {
        if streamer == nil {
            streamer = JSONArrayStreamer(source: source, recordPaths: mapper.recordPaths, allowScriptPrefix: mapper.allowsScriptPrefix)
        }
        let s = streamer!
        return try s.next { item in
            switch item {
            case .element(let e), .document(let e):
                let origin = RecordOrigin(file: source.name, line: e.line, record: e.index)
                record = e.index + 1
                do {
                    var isDocument = false
                    if case .document = item { isDocument = true }
                    if !isDocument {
                        let before = queue.count
                        if try mapper.mapBytes(e.bytes, RecordContext(origin: origin, envelope: s.envelope), into: &queue) {
                            fillSnippets(from: before, e.bytes)
                            return
                        }
                    }
                    let (value, _) = try JSONParser.parse(e.bytes, keeping: keys)
                    dispatch(value, RecordContext(origin: origin, envelope: isDocument ? nil : s.envelope), bytes: e.bytes, expand: isDocument)
                } catch let error as JSONError {
                    queue.append(.rejected(origin, reason: "invalid JSON in element \(e.index + 1) (byte offset \(e.offset + Int64(error.offset))): \(error.reason)",
                                           snippet: snippet(e.bytes)))
                }
            case .malformed(let index, let offset, let line, let reason, let raw):
                let origin = RecordOrigin(file: source.name, line: line, record: index)
                record = index + 1
                queue.append(.rejected(origin, reason: "\(reason) (element \(index + 1), byte offset \(offset))", snippet: raw))
            }
        }
    }

    /// Expands a one-line envelope (`{"events": […]}`) into its records, then maps each.
    private func dispatch(_ value: JSONValue, _ context: RecordContext, bytes: UnsafeBufferPointer<UInt8>, expand: Bool) {
        let before = queue.count
        if expand, case .object = value {
            for path in mapper.recordPaths {
                var cur: JSONValue? = value
                for key in path { cur = cur?[key] }
                if let items = cur?.array {
                    for item in items { mapOne(item, RecordContext(origin: context.origin, envelope: value)) }
                    fillSnippets(from: before, bytes)
                    return
                }
            }
        }
        mapOne(value, context)
        fillSnippets(from: before, bytes)
    }

    private func mapOne(_ value: JSONValue, _ context: RecordContext) {
        guard case .object = value else {
            queue.append(.rejected(context.origin, reason: "record is not a JSON object", snippet: ""))
            return
        }
        mapper.map(value, context, into: &queue)
    }

    private func fillSnippets(from k: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        for i in k..<queue.count {
            if case .rejected(let o, let r, let s) = queue[i], s.isEmpty { queue[i] = .rejected(o, reason: r, snippet: snippet(bytes)) }
        }
    }
}
