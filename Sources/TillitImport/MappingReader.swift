import TillitCore

/// The `mapping` format: a JSON / NDJSON / XML dump read through a user's `MappingSpec`.
enum MappingReader {
    static func open(source: ByteSource, mappingPath: String) throws(ImportError) -> PostReader {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(mappingPath) } catch { throw ImportError(file: mappingPath, reason: error.reason) }
        let spec = try MappingSpec.parse(bytes, file: mappingPath)
        var container = spec.container
        if container == .auto {
            let head = try source.peek(Formats.detectionWindow)
            var i = 0
            if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
            while i < head.count, isASCIISpace(head[i]) { i += 1 }
            container = i < head.count && head[i] == UInt8(ascii: "<") ? .xml : .json
        }
        if container == .xml {
            guard !spec.records.isEmpty else { throw ImportError(file: mappingPath, reason: "mapping: XML input needs records: the record element name") }
            return try XMLRecordReader(source: source, mapper: XMLMappingMapper(spec), htmlEntities: true, recover: false)
        }
        let mapper = JSONMappingMapper(spec)
        return JSONRecordReader(source: source, mapper: mapper, container: container == .ndjson ? .lines : .auto)
    }
}

/// JSON records through a mapping: paths are JSON Pointers (`/user/name`) or dotted paths (`user.name`).
final class JSONMappingMapper: JSONRecordMapper {
    let spec: MappingSpec
    let recordPaths: [[String]]
    var source: String { spec.source }
    let keys: JSONKeySet? = nil

    init(_ spec: MappingSpec) {
        self.spec = spec
        recordPaths = spec.records.map { r in
            if r.hasPrefix("/") {
                return r.dropFirst().split(separator: "/", omittingEmptySubsequences: true).map { String($0).replacingOccurrences("~1", "/").replacingOccurrences("~0", "~") }
            }
            return r.split(separator: ".").map(String.init)
        }.filter { !$0.isEmpty }
    }

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        out.append(spec.post({ path in
            if path.hasPrefix("$envelope") {
                return context.envelope?.at(String(path.dropFirst("$envelope".count)))?.text
            }
            return value.at(path)?.text
        }, origin: context.origin))
    }
}

/// XML records through a mapping: paths are `child`, `child/grandchild`, `@attribute`,
/// `child/@attribute` or `.` (the record's own text).
final class XMLMappingMapper: XMLRecordMapper {
    let spec: MappingSpec
    let recordNames: Set<String>
    var source: String { spec.source }

    init(_ spec: MappingSpec) {
        self.spec = spec
        recordNames = Set(spec.records.map { $0.split(separator: ":").last.map(String.init) ?? $0 })
    }

    func map(_ record: XMLElement, _ origin: RecordOrigin, into out: inout [ImportEvent]) {
        out.append(spec.post({ path in
            let parts = path.split(separator: "/")
            // A path ending in an element with child elements gives its markup (for html-to-text).
            if let last = parts.last, !last.hasPrefix("@"), last != "." {
                var cur: XMLElement? = record
                for p in parts where p != "." { cur = cur?.element(String(p)) }
                if let e = cur, !e.elements().isEmpty { return e.innerMarkup }
            }
            return record.value(at: path)
        }, origin: origin))
    }
}
