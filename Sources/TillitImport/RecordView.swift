import TillitCore

/// Read access to a record's top-level members, whether parsed (`JSONValue`) or only located in the
/// record's bytes (`JSONFields`), so a format maps both the same way (one mapping function, two speeds).
protocol RecordView {
    /// The member as text when it is a non-empty string, a number or a boolean.
    func text(_ key: String) -> String?
    /// Whether the member is there (null included).
    func present(_ key: String) -> Bool
    func isTrue(_ key: String) -> Bool
    /// An epoch number (seconds or milliseconds) or any spelling `TimestampParser` reads.
    func time(_ key: String) -> Timestamp?
}

extension JSONValue: RecordView {
    func text(_ key: String) -> String? {
        guard let t = self[key]?.text, !t.isEmpty else { return nil }
        return t
    }
    func present(_ key: String) -> Bool { self[key] != nil }
    func isTrue(_ key: String) -> Bool { self[key] == .bool(true) }
    func time(_ key: String) -> Timestamp? { self[key]?.timestamp }
}

/// The top-level members of one JSON object located by `JSONParser.scanFields`, parsed only when read
/// (the last of repeated keys wins, as with `JSONValue`). Valid only while its bytes are.
struct JSONFields: RecordView {
    let bytes: UnsafeBufferPointer<UInt8>
    let keys: JSONKeySet
    let fields: [JSONField]
    /// Per key index, the index in `fields` of its (last) member, or -1.
    let slots: UnsafeMutableBufferPointer<Int>

    /// Scans `bytes` (an object) and calls `body` with its wanted members.
    static func with<R>(_ bytes: UnsafeBufferPointer<UInt8>, keys: JSONKeySet, scratch: inout [JSONField],
                        _ body: (JSONFields) -> R) throws(JSONError) -> R {
        try JSONParser.scanFields(bytes, keys: keys, into: &scratch)
        let fields = scratch
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: max(keys.names.count, 1)) { slots in
            for k in 0..<slots.count { slots[k] = -1 }
            for (n, f) in fields.enumerated() { slots[f.key] = n }
            return body(JSONFields(bytes: bytes, keys: keys, fields: fields, slots: slots))
        }
    }

    func field(_ key: String) -> JSONField? {
        guard let k = keys.index(key), slots[k] >= 0 else { return nil }
        return fields[slots[k]]
    }

    func text(_ key: String) -> String? {
        guard let f = field(key) else { return nil }
        let t: String
        switch bytes[f.start] {
        case UInt8(ascii: "\""):
            let body = UnsafeBufferPointer(rebasing: bytes[(f.start + 1)..<(f.end - 1)])
            if f.shape == 0 || f.shape == 1 { t = String(decoding: body, as: UTF8.self) } else {
                var parser = JSONParser(bytes)
                t = parser.checkedString(from: f.start + 1, closingQuote: f.end - 1)
            }
        case UInt8(ascii: "n"), UInt8(ascii: "{"), UInt8(ascii: "["): return nil
        default: t = String(decoding: UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]), as: UTF8.self)
        }
        return t.isEmpty ? nil : t
    }

    func present(_ key: String) -> Bool { field(key) != nil }

    func isTrue(_ key: String) -> Bool {
        guard let f = field(key) else { return false }
        return bytes[f.start] == UInt8(ascii: "t")
    }

    func time(_ key: String) -> Timestamp? {
        guard let f = field(key) else { return nil }
        let c = bytes[f.start]
        if c == UInt8(ascii: "-") || (c >= 48 && c <= 57) {
            return JSONNumber.double(UnsafeBufferPointer(rebasing: bytes[f.start..<f.end])).flatMap(TimestampParser.fromEpoch)
        }
        return text(key).flatMap(TimestampParser.parse)
    }
}
