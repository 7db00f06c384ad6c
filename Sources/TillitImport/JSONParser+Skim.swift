#if canImport(Glibc)
import Glibc
#endif

/// The member names an importer reads at the top level of a record.
///
/// Parsing with a key set builds values only for these members; the others are checked for syntax
/// and skipped without allocating, which is what makes wide dump lines (Reddit: ~100 keys) cheap.
///
///     let keys = JSONKeySet(["id", "text"])
///     try JSONParser.parse(bytes, keeping: keys)  // an object with at most `id` and `text`
public struct JSONKeySet: Sendable {
    /// Names bucketed by byte length (longer names share the last bucket).
    private var buckets: [[[UInt8]]]
    public let names: [String]
    static let maximumBucket = 48

    public init(_ names: some Sequence<String>) {
        var seen = Set<String>()
        self.names = names.filter { seen.insert($0).inserted }
        buckets = Array(repeating: [], count: JSONKeySet.maximumBucket + 1)
        for n in self.names {
            let b = Array(n.utf8)
            buckets[min(b.count, JSONKeySet.maximumBucket)].append(b)
        }
    }

    @inline(__always)
    func contains(_ p: UnsafeBufferPointer<UInt8>, from s: Int, count n: Int) -> Bool {
        let bucket = buckets[min(n, JSONKeySet.maximumBucket)]
        guard !bucket.isEmpty else { return false }
        for k in bucket where k.count == n {
            if n == 0 { return true }
            let equal = k.withUnsafeBufferPointer { kb in memcmp(kb.baseAddress!, p.baseAddress! + s, n) == 0 }
            if equal { return true }
        }
        return false
    }

    func contains(_ name: String) -> Bool {
        var n = name
        return n.withUTF8 { contains($0, from: 0, count: $0.count) }
    }

    /// The union of two key sets.
    public func union(_ other: JSONKeySet) -> JSONKeySet { JSONKeySet(names + other.names) }
}

extension JSONParser {
    /// Parses one document; when it is an object, only the members named in `keys` are built
    /// (the rest is validated and skipped). `keys == nil` builds everything.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, keeping keys: JSONKeySet?) throws(JSONError) -> (value: JSONValue, repairs: Int) {
        guard let keys else { return try parse(bytes) }
        var parser = JSONParser(bytes)
        parser.skipBOM()
        parser.ws()
        let v: JSONValue
        if parser.i < bytes.count, bytes[parser.i] == UInt8(ascii: "{") { v = try parser.skimObject(keys) } else { v = try parser.value() }
        parser.ws()
        guard parser.i == bytes.count else { throw JSONError(offset: parser.i, reason: "unexpected data after the JSON value") }
        return (v, parser.repairs)
    }

    mutating func skimObject(_ keys: JSONKeySet) throws(JSONError) -> JSONValue {
        depth += 1
        i += 1
        var members: [(String, JSONValue)] = []
        ws()
        if i < p.count, p[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            ws()
            guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw JSONError(offset: i, reason: i < p.count ? "expected a member name" : "unexpected end of input") }
            // The raw key: when it has no escapes its bytes are compared directly.
            let keyStart = i + 1
            var k = keyStart
            while k < p.count, p[k] != UInt8(ascii: "\""), p[k] != UInt8(ascii: "\\"), p[k] >= 0x20 { k += 1 }
            var name: String?
            let wanted: Bool
            if k < p.count, p[k] == UInt8(ascii: "\"") {
                wanted = keys.contains(p, from: keyStart, count: k - keyStart)
                i = k + 1
                if wanted { name = String(decoding: UnsafeBufferPointer(rebasing: p[keyStart..<k]), as: UTF8.self) }
            } else {
                let s = try string()
                wanted = keys.contains(s)
                name = s
            }
            ws()
            guard i < p.count, p[i] == UInt8(ascii: ":") else { throw JSONError(offset: i, reason: "expected ':'") }
            i += 1
            ws()
            if wanted, let name { members.append((name, try value())) } else { try skipValue() }
            ws()
            guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            if p[i] == UInt8(ascii: "}") { i += 1; break }
            throw JSONError(offset: i, reason: "expected ',' or '}'")
        }
        depth -= 1
        return .object(members)
    }

    /// Checks the syntax of one value and moves past it without building anything.
    mutating func skipValue() throws(JSONError) {
        guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
        switch p[i] {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= JSONParser.maximumDepth else { throw JSONError(offset: i, reason: "nesting deeper than \(JSONParser.maximumDepth)") }
            i += 1
            ws()
            if i < p.count, p[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return }
            while true {
                ws()
                guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw JSONError(offset: i, reason: i < p.count ? "expected a member name" : "unexpected end of input") }
                try skipString()
                ws()
                guard i < p.count, p[i] == UInt8(ascii: ":") else { throw JSONError(offset: i, reason: "expected ':'") }
                i += 1
                ws()
                try skipValue()
                ws()
                guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "}") { i += 1; break }
                throw JSONError(offset: i, reason: "expected ',' or '}'")
            }
            depth -= 1
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= JSONParser.maximumDepth else { throw JSONError(offset: i, reason: "nesting deeper than \(JSONParser.maximumDepth)") }
            i += 1
            ws()
            if i < p.count, p[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return }
            while true {
                ws()
                try skipValue()
                ws()
                guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "]") { i += 1; break }
                throw JSONError(offset: i, reason: "expected ',' or ']'")
            }
            depth -= 1
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), 48...57: try skipNumber()
        default: throw JSONError(offset: i, reason: "unexpected character '\(printable(p[i]))'")
        }
    }

    /// Skips a string, checking escapes and control characters (UTF-8 is not checked: the value is dropped).
    @inline(__always)
    mutating func skipString() throws(JSONError) {
        i += 1
        let n = p.count
        while i < n {
            let b = p[i]
            if b == UInt8(ascii: "\"") { i += 1; return }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < n else { break }
                switch p[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    i += 2
                    _ = try hex4()
                default: throw JSONError(offset: i + 1, reason: "invalid escape '\\\(printable(p[i + 1]))'")
                }
                continue
            }
            if b < 0x20 { throw JSONError(offset: i, reason: "control character in string") }
            i += 1
        }
        throw JSONError(offset: i, reason: "unterminated string")
    }

    mutating func skipNumber() throws(JSONError) {
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < p.count, p[i] >= 48, p[i] <= 57 else { throw JSONError(offset: i, reason: "invalid number") }
        if p[i] == 48 { i += 1 } else { while i < p.count, p[i] >= 48, p[i] <= 57 { i += 1 } }
        if i < p.count, p[i] == UInt8(ascii: ".") {
            i += 1
            guard i < p.count, p[i] >= 48, p[i] <= 57 else { throw JSONError(offset: i, reason: "invalid number") }
            while i < p.count, p[i] >= 48, p[i] <= 57 { i += 1 }
        }
        if i < p.count, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            if i < p.count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < p.count, p[i] >= 48, p[i] <= 57 else { throw JSONError(offset: i, reason: "invalid number") }
            while i < p.count, p[i] >= 48, p[i] <= 57 { i += 1 }
        }
    }
}
