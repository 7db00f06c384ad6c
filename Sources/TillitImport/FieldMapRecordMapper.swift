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
        let all = fields.id + fields.text + fields.lang + fields.created + fields.author + fields.rating + fields.retailer
        keys = JSONKeySet(all.compactMap { path in
            path.hasPrefix("/") ? path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).first.map { String($0).replacingOccurrences("~1", "/").replacingOccurrences("~0", "~") }
                                : path.split(separator: ".").first.map(String.init)
        })
    }

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        out.append(mapper.map(value, origin: context.origin))
    }
}
