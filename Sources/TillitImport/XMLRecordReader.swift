import TillitCore

/// One XML record (an element and everything inside it), small enough to hold: a `row`, an `item`,
/// an `entry`, a `sentence`.
public final class XMLElement: @unchecked Sendable {
    public enum Node {
        case element(XMLElement)
        case text(String)
    }

    public let name: String
    public let attributes: [(String, String)]
    public internal(set) var children: [Node] = []

    init(name: String, attributes: [(String, String)]) { self.name = name; self.attributes = attributes }

    public func attribute(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 }

    /// Child elements (direct), optionally by local name.
    public func elements(_ name: String? = nil) -> [XMLElement] {
        children.compactMap { if case .element(let e) = $0, name == nil || e.name == name { return e }; return nil }
    }

    public func element(_ name: String) -> XMLElement? {
        for c in children { if case .element(let e) = c, e.name == name { return e } }
        return nil
    }

    /// All text inside, in document order.
    public var text: String {
        var out = ""
        appendText(&out)
        return out
    }

    private func appendText(_ out: inout String) {
        for c in children {
            switch c {
            case .text(let t): out += t
            case .element(let e): e.appendText(&out)
            }
        }
    }

    /// The content as markup: text as it is (escaped markup is markup again) and child elements as
    /// tags — what feed readers treat as the HTML of a description.
    public var innerMarkup: String {
        var out = ""
        appendMarkup(&out)
        return out
    }

    private func appendMarkup(_ out: inout String) {
        for c in children {
            switch c {
            case .text(let t): out += t
            case .element(let e):
                out += "<" + e.name
                for (k, v) in e.attributes { out += " \(k)=\"\(v.replacingOccurrences("\"", "&quot;"))\"" }
                out += ">"
                e.appendMarkup(&out)
                out += "</" + e.name + ">"
            }
        }
    }

    /// Follows a simple path: `child/grandchild`, `@attribute`, `child/@attribute`, `.` (this element).
    public func value(at path: String) -> String? {
        var cur: XMLElement = self
        let parts = path.split(separator: "/")
        for (n, p) in parts.enumerated() {
            if p == "." { continue }
            if p.hasPrefix("@") {
                guard n == parts.count - 1 else { return nil }
                return cur.attribute(String(p.dropFirst()))
            }
            guard let next = cur.element(String(p)) else { return nil }
            cur = next
        }
        return cur.text
    }
}

/// Maps one XML record to events.
protocol XMLRecordMapper: AnyObject {
    var source: String { get }
    /// Local names of the record elements.
    var recordNames: Set<String> { get }
    /// Called for elements outside records (e.g. a feed's channel), with their attributes.
    func observe(element name: String, attributes: [(String, String)], depth: Int)
    func map(_ record: XMLElement, _ origin: RecordOrigin, into out: inout [ImportEvent])
}

extension XMLRecordMapper {
    func observe(element name: String, attributes: [(String, String)], depth: Int) {}
}

/// Streams an XML document with `XMLStream`, builds each record element as a small `XMLElement` tree
/// (bounded by `maximumRecord` bytes of text) and hands it to a mapper. A fatal XML error rejects the
/// rest of the document with its line and libxml2's message; records read before it stand.
final class XMLRecordReader: PostReader {
    let source: ByteSource
    let mapper: XMLRecordMapper
    private let stream: XMLStream
    private var queue: [ImportEvent] = []
    private var record = 0
    private var finished = false
    static let maximumRecord = 16 << 20

    init(source: ByteSource, mapper: XMLRecordMapper, htmlEntities: Bool = false, recover: Bool = false) throws(ImportError) {
        self.source = source
        self.mapper = mapper
        stream = try XMLStream(source: source, htmlEntities: htmlEntities, recover: recover)
    }

    /// Events of the current record are queued in reverse, so each is moved out, not copied.
    func next() throws(ImportError) -> ImportEvent? {
        while queue.isEmpty {
            if finished { return nil }
            try readRecord()
            if queue.count > 1 { queue.reverse() }
        }
        return queue.removeLast()
    }

    /// Line of the last record handed over (0 before the first).
    private var lastRecordLine = 0

    /// A fatal error: libxml2 parses ahead in blocks, so records between the last one handed over and
    /// the error are not delivered; the rejection covers them and says from where.
    private func fail(_ line: Int) {
        finished = true
        let (message, at) = stream.lastError ?? ("the XML reader stopped", line)
        let origin = RecordOrigin(file: source.name, line: max(at, 0), record: record)
        record += 1
        let from = lastRecordLine > 0 ? "after the record at line \(lastRecordLine)" : "from the start"
        queue.append(.rejected(origin, reason: "XML error at line \(at): \(message); the document is not read \(from) on", snippet: ""))
    }

    /// Reads up to the next record (or the end) and queues its events.
    private func readRecord() throws(ImportError) {
        while try stream.next() {
            guard stream.nodeType == .element else { continue }
            let name = stream.name
            guard mapper.recordNames.contains(name) else {
                mapper.observe(element: name, attributes: stream.attributes, depth: stream.depth)
                continue
            }
            let origin = RecordOrigin(file: source.name, line: stream.line, record: record)
            record += 1
            let root = XMLElement(name: name, attributes: stream.attributes)
            var size = 0
            if !stream.isEmptyElement {
                let baseDepth = stream.depth
                var path = [root]
                var complete = false
                while try stream.next() {
                    let t = stream.nodeType
                    if t == .endElement, stream.depth == baseDepth { complete = true; break }
                    switch t {
                    case .element:
                        let e = XMLElement(name: stream.name, attributes: stream.attributes)
                        size += e.attributes.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count }
                        if size <= XMLRecordReader.maximumRecord { path.last!.children.append(.element(e)) }
                        if !stream.isEmptyElement { path.append(e) }
                    case .endElement:
                        if path.count > 1 { path.removeLast() }
                    case .text, .cdata, .significantWhitespace, .whitespace:
                        if let v = stream.value {
                            size += v.utf8.count
                            if size <= XMLRecordReader.maximumRecord { path.last!.children.append(.text(v)) }
                        }
                    default: break
                    }
                }
                if !complete {
                    if stream.failed { fail(origin.line) } else {
                        finished = true
                        queue.append(.rejected(origin, reason: "the document ends inside <\(name)>", snippet: ""))
                    }
                    return
                }
            }
            if size > XMLRecordReader.maximumRecord {
                queue.append(.rejected(origin, reason: "<\(name)> holds more than \(XMLRecordReader.maximumRecord) bytes of text", snippet: ""))
            } else {
                mapper.map(root, origin, into: &queue)
            }
            lastRecordLine = origin.line
            return
        }
        if stream.failed { fail(0) } else { finished = true }
    }
}
