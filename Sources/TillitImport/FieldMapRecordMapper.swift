import TillitCore

/// The generic mapping (`ndjson`, `json`): fields found by name through a `FieldMap`.
final class FieldMapRecordMapper: JSONRecordMapper {
    let mapper: JSONPostMapper
    let keys: JSONKeySet?
    let recordPaths: [[String]]
    var source: String { mapper.source }
    var expandsLineEnvelopes: Bool { false }

    init(fields: FieldMap, source: String, explicitText: Bool, recordPaths: [[String]] = []) {
        mapper = JSONPostMapper(fields: fields, source: source, explicitText: explicitText)
        self.recordPaths = recordPaths
        keys = mapper.keys
    }

    @exclusivity(unchecked) private var scratch: [JSONField] = []

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        out.append(mapper.map(value, origin: context.origin))
    }

    /// Objects go through the lazy field scanner; anything else takes the general path.
    func mapBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ context: RecordContext, into out: inout [ImportEvent]) throws(JSONError) -> Bool {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, isASCIISpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return false }
        out.append(try mapper.map(bytes: bytes, origin: context.origin, scratch: &scratch))
        return true
    }
}
