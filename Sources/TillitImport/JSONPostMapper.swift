import TillitCore

/// Maps a generic JSON object to a `Post` through a `FieldMap`.
///
/// The field paths are compiled once into a table keyed by their first member name, so a record is
/// mapped in one pass over its members (the first path in fallback order that has a non-null value
/// wins; among repeated keys the last one, as in `JSONValue`'s subscript).
public struct JSONPostMapper: Sendable {
    public var fields: FieldMap { didSet { (table, keys, routesByKey) = JSONPostMapper.compile(fields) } }
    public var source: String
    public var explicitText: Bool
    private var table: [String: [Route]]
    /// The first members of all paths, and their routes by key index (for `map(bytes:)`).
    private(set) var keys: JSONKeySet
    private var routesByKey: [[Route]]

    struct Route: Sendable {
        var role: Int
        var priority: Int
        var rest: [String]
    }
    enum Role { static let id = 0, text = 1, lang = 2, created = 3, author = 4, rating = 5, retailer = 6, count = 7 }

    public init(fields: FieldMap, source: String, explicitText: Bool = false) {
        self.fields = fields; self.source = source; self.explicitText = explicitText
        (table, keys, routesByKey) = JSONPostMapper.compile(fields)
    }

    /// Path components of a dotted path or JSON Pointer.
    static func components(_ path: String) -> [String] {
        if path.hasPrefix("/") {
            return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences("~1", "/").replacingOccurrences("~0", "~")
            }
        }
        return path.split(separator: ".").map(String.init)
    }

    static func compile(_ f: FieldMap) -> ([String: [Route]], JSONKeySet, [[Route]]) {
        var t: [String: [Route]] = [:]
        var order: [String] = []
        for (role, paths) in [f.id, f.text, f.lang, f.created, f.author, f.rating, f.retailer].enumerated() {
            for (priority, path) in paths.enumerated() {
                let c = components(path)
                guard let first = c.first else { continue }
                if t[first] == nil { order.append(first) }
                t[first, default: []].append(Route(role: role, priority: priority, rest: Array(c.dropFirst())))
            }
        }
        let keys = JSONKeySet(order)
        return (t, keys, keys.names.map { t[$0] ?? [] })
    }

    /// The value of each role (nil when no path has a non-null value).
    func resolve(_ value: JSONValue) -> [JSONValue?] {
        var best = [JSONValue?](repeating: nil, count: Role.count)
        var rank = [Int](repeating: Int.max, count: Role.count)
        for (k, v) in value.members {
            guard let routes = table[k] else { continue }
            for r in routes where r.priority <= rank[r.role] {
                guard let x = r.rest.isEmpty ? v : v.at(components: r.rest), !x.isNull else { continue }
                best[r.role] = x
                rank[r.role] = r.priority
            }
        }
        return best
    }

    /// The post for one JSON object given as bytes: its members are located without building
    /// values, and only the values that win a role are parsed (the NDJSON hot path). Same result as
    /// `map(_:origin:)` on the parsed value.
    func map(bytes: UnsafeBufferPointer<UInt8>, origin: RecordOrigin, scratch fields: inout [JSONField]) throws(JSONError) -> ImportEvent {
        try JSONParser.scanFields(bytes, keys: keys, into: &fields)
        // Per role: rank, and the winning value's byte range (start -1: a nested value in `nested`).
        return try withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * Role.count) { (w) throws(JSONError) -> ImportEvent in
            for k in 0..<Role.count { w[4 * k] = Int.max; w[4 * k + 1] = 0; w[4 * k + 2] = 0; w[4 * k + 3] = -1 }
            var nested: [JSONValue?] = []
            for f in fields {
                for r in routesByKey[f.key] where r.priority <= w[4 * r.role] {
                    if r.rest.isEmpty {
                        if bytes[f.start] == UInt8(ascii: "n") { continue } // null
                        w[4 * r.role] = r.priority; w[4 * r.role + 1] = f.start; w[4 * r.role + 2] = f.end; w[4 * r.role + 3] = Int(f.shape)
                    } else {
                        let v = try JSONParser.parse(UnsafeBufferPointer(rebasing: bytes[f.start..<f.end])).value
                        guard let x = v.at(components: r.rest), !x.isNull else { continue }
                        if nested.isEmpty { nested = Array(repeating: nil, count: Role.count) }
                        nested[r.role] = x
                        w[4 * r.role] = r.priority; w[4 * r.role + 1] = -1
                    }
                }
            }
            return try post(RawRoles(bytes: bytes, winners: UnsafeMutableBufferPointer(rebasing: w[...]), nested: nested), origin: origin)
        }
    }

    private func post(_ r: RawRoles, origin: RecordOrigin) throws(JSONError) -> ImportEvent {
        guard r.has(Role.text) else {
            return .rejected(origin, reason: "no text field (looked for \(fields.text.joined(separator: ", ")))", snippet: "")
        }
        guard let text = try r.text(Role.text) else {
            return .rejected(origin, reason: "text field is not a string", snippet: "")
        }
        if MapperSupport.isBlank(text) { return .skipped(origin, reason: "empty text") }
        let id = try r.text(Role.id) ?? syntheticID(origin)
        var post = Post(id: id, source: source, text: text, origin: origin)
        if r.has(Role.author) {
            if let s = try r.text(Role.author) { post.author = s } else if let a = try r.value(Role.author), let s = a["screen_name"]?.text ?? a["username"]?.text ?? a["name"]?.text { post.author = s }
        }
        if r.has(Role.created) {
            if r.isNumber(Role.created), let d = try r.double(Role.created) { post.createdAt = TimestampParser.fromEpoch(d) } else if let s = try r.text(Role.created) { post.createdAt = TimestampParser.parse(s) }
        }
        post.languageHint = try r.text(Role.lang)
        post.rating = try r.double(Role.rating)
        if let h = try r.text(Role.retailer) { post.hints.append(TargetHint(.businessName, h)) }
        return .post(post)
    }

    /// The post for `value`, or the reason it is skipped/rejected.
    public func map(_ value: JSONValue, origin: RecordOrigin) -> ImportEvent {
        guard case .object = value else {
            return .rejected(origin, reason: "record is not a JSON object", snippet: "")
        }
        return post(resolve(value), origin: origin)
    }

    private func post(_ r: [JSONValue?], origin: RecordOrigin) -> ImportEvent {
        guard let textValue = r[Role.text] else {
            return .rejected(origin, reason: "no text field (looked for \(fields.text.joined(separator: ", ")))", snippet: "")
        }
        guard let text = textValue.text else {
            return .rejected(origin, reason: "text field is not a string", snippet: "")
        }
        if MapperSupport.isBlank(text) { return .skipped(origin, reason: "empty text") }
        let id = r[Role.id]?.text ?? syntheticID(origin)
        var post = Post(id: id, source: source, text: text, origin: origin)
        if let a = r[Role.author] {
            if let s = a.text { post.author = s } else if let s = a["screen_name"]?.text ?? a["username"]?.text ?? a["name"]?.text { post.author = s }
        }
        if let c = r[Role.created] {
            if case .number = c, let d = c.double { post.createdAt = TimestampParser.fromEpoch(d) } else if let s = c.text { post.createdAt = TimestampParser.parse(s) }
        }
        post.languageHint = r[Role.lang]?.text
        post.rating = r[Role.rating]?.double
        if let h = r[Role.retailer]?.text { post.hints.append(TargetHint(.businessName, h)) }
        return .post(post)
    }

    func syntheticID(_ origin: RecordOrigin) -> String {
        let base = origin.file.split(separator: "/").last.map(String.init) ?? origin.file
        return "\(base):\(origin.record + 1)"
    }
}

/// The values that won each role, as byte ranges into the record (parsed only when read).
struct RawRoles {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Per role: rank (Int.max: none), start (-1: in `nested`), end, string shape (see `JSONField`).
    let winners: UnsafeMutableBufferPointer<Int>
    let nested: [JSONValue?]

    @inline(__always) func range(_ role: Int) -> (Int, Int)? {
        winners[4 * role] == Int.max ? nil : (winners[4 * role + 1], winners[4 * role + 2])
    }
    func has(_ role: Int) -> Bool { winners[4 * role] != Int.max }

    func isNumber(_ role: Int) -> Bool {
        guard let (s, _) = range(role) else { return false }
        if s < 0 { if case .number? = nested[role] { return true }; return false }
        return bytes[s] == UInt8(ascii: "-") || (bytes[s] >= 48 && bytes[s] <= 57)
    }

    func value(_ role: Int) throws(JSONError) -> JSONValue? {
        guard let (s, e) = range(role) else { return nil }
        if s < 0 { return nested[role] }
        return try JSONParser.parse(UnsafeBufferPointer(rebasing: bytes[s..<e])).value
    }

    /// Strings as they are, numbers in their spelling, booleans as words; nil for containers.
    func text(_ role: Int) throws(JSONError) -> String? {
        guard let (s, e) = range(role) else { return nil }
        if s < 0 { return nested[role]?.text }
        switch bytes[s] {
        case UInt8(ascii: "\""):
            let body = UnsafeBufferPointer(rebasing: bytes[(s + 1)..<(e - 1)])
            switch winners[4 * role + 3] {
            case 0: return String(decoding: body, as: UTF8.self)
            case 1: return String(decoding: body, as: UTF8.self) // repairs maximal subparts like `checkedString`
            default: break
            }
            var parser = JSONParser(bytes)
            return parser.checkedString(from: s + 1, closingQuote: e - 1)
        case UInt8(ascii: "{"), UInt8(ascii: "["): return nil
        default: return String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self)
        }
    }

    func double(_ role: Int) throws(JSONError) -> Double? {
        guard let (s, e) = range(role) else { return nil }
        if s < 0 { return nested[role]?.double }
        if isNumber(role) { return JSONNumber.double(UnsafeBufferPointer(rebasing: bytes[s..<e])) }
        return try value(role)?.double
    }
}

/// Number spellings to Double without a round trip through strtod when exact: an integer mantissa
/// below 2^53 divided by an exact power of ten is correctly rounded (Clinger's fast path).
enum JSONNumber {
    static let powers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var seenDot = false
        while i < b.count {
            let c = b[i]
            if c >= 48, c <= 57 {
                mantissa = mantissa &* 10 &+ UInt64(c - 48)
                digits += 1
                if seenDot { fraction += 1 }
            } else if c == UInt8(ascii: "."), !seenDot {
                seenDot = true
            } else {
                return Double(String(decoding: b, as: UTF8.self)) // exponent or anything unusual
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if digits > 15 || fraction > 22 { return Double(String(decoding: b, as: UTF8.self)) }
        let v = Double(mantissa) / powers[fraction]
        return negative ? -v : v
    }
}
