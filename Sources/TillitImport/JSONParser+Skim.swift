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
    public let names: [String]
    /// Names of up to 16 bytes as two little-endian words (compared without calls); longer ones as bytes.
    private struct Entry: Sendable {
        var length: Int
        var w0: UInt64
        var w1: UInt64
        var index: Int
    }
    private var entries: [Entry] = []
    private var long: [([UInt8], Int)] = []
    /// Entries of length L are `entries[bucketStart[L]..<bucketStart[L + 1]]` (L ≤ 16).
    private var bucketStart = [Int](repeating: 0, count: 18)
    /// Direct-mapped slots by a hash of length and two bytes: entry + 1, 0 empty, -1 shared by several.
    private var slots = [Int16](repeating: 0, count: 1024)

    @inline(__always) static func slot(_ length: Int, _ first: UInt8, _ last: UInt8) -> Int {
        (length &* 97 &+ Int(first) &* 31 &+ Int(last) &* 7) & 1023
    }

    public init(_ names: some Sequence<String>) {
        var seen = Set<String>()
        self.names = names.filter { seen.insert($0).inserted }
        var short: [Entry] = []
        for (i, n) in self.names.enumerated() {
            let b = Array(n.utf8)
            if b.count > 16 { long.append((b, i)); continue }
            var w = [UInt64](repeating: 0, count: 2)
            for (k, c) in b.enumerated() { w[k / 8] |= UInt64(c) << (8 * UInt64(k % 8)) }
            short.append(Entry(length: b.count, w0: w[0], w1: w[1], index: i))
        }
        short.sort { $0.length < $1.length }
        entries = short
        var k = 0
        for l in 0...17 {
            while k < short.count, short[k].length < l { k += 1 }
            bucketStart[l] = k
        }
        for (e, entry) in short.enumerated() where entry.length > 0 {
            let b = Array(self.names[entry.index].utf8)
            let h = JSONKeySet.slot(b.count, b[0], b[b.count - 1])
            slots[h] = slots[h] == 0 ? Int16(e + 1) : -1
        }
    }

    /// The index in `names` of the name spelled by `p[s..<s+n]`, if it is one.
    @inline(__always)
    func index(_ p: UnsafeBufferPointer<UInt8>, from s: Int, count n: Int) -> Int? {
        if n > 16 {
            for (b, i) in long where b.count == n {
                if b.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p.baseAddress! + s, n) }) == 0 { return i }
            }
            return nil
        }
        // Most member names are not wanted: one slot probe rejects them.
        var candidate = -1
        if n > 0 {
            let h = slots[JSONKeySet.slot(n, p[s], p[s + n - 1])]
            if h == 0 { return nil }
            if h > 0 { candidate = Int(h) - 1 }
        }
        let lo = bucketStart[n], hi = bucketStart[n + 1]
        guard lo < hi else { return nil }
        var w0: UInt64 = 0, w1: UInt64 = 0
        let raw = UnsafeRawPointer(p.baseAddress!) + s
        if s + 16 <= p.count {
            w0 = raw.loadUnaligned(as: UInt64.self)
            w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            if n < 8 { w0 &= (1 << UInt64(8 * n)) - 1; w1 = 0 } else if n < 16 { w1 &= (1 << UInt64(8 * (n - 8))) - 1 }
        } else {
            for k in 0..<n {
                let c = UInt64(p[s + k]) << (8 * UInt64(k % 8))
                if k < 8 { w0 |= c } else { w1 |= c }
            }
        }
        if candidate >= 0 { return entries[candidate].w0 == w0 && entries[candidate].w1 == w1 ? entries[candidate].index : nil }
        for e in lo..<hi where entries[e].w0 == w0 && entries[e].w1 == w1 { return entries[e].index }
        return nil
    }

    func contains(_ p: UnsafeBufferPointer<UInt8>, from s: Int, count n: Int) -> Bool { index(p, from: s, count: n) != nil }

    func index(_ name: String) -> Int? {
        var n = name
        return n.withUTF8 { $0.isEmpty ? names.firstIndex(of: "") : index($0, from: 0, count: $0.count) }
    }

    func contains(_ name: String) -> Bool { index(name) != nil }

    /// The union of two key sets.
    public func union(_ other: JSONKeySet) -> JSONKeySet { JSONKeySet(names + other.names) }
}

/// A top-level member found by `JSONParser.scanFields`: the key's index in the key set and the byte
/// range of its (unparsed) value.
struct JSONField {
    var key: Int
    var start: Int
    var end: Int
    /// For strings: 0 plain ASCII, 1 no escapes but non-ASCII bytes, 2 escapes (-1: not a string).
    var shape: Int8 = -1
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
            let found: Int?
            if k < p.count, p[k] == UInt8(ascii: "\"") {
                found = keys.index(p, from: keyStart, count: k - keyStart)
                i = k + 1
            } else {
                found = keys.index(try string())
            }
            ws()
            guard i < p.count, p[i] == UInt8(ascii: ":") else { throw JSONError(offset: i, reason: "expected ':'") }
            i += 1
            ws()
            if let found { members.append((keys.names[found], try value())) } else { try skipValue() }
            ws()
            guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            if p[i] == UInt8(ascii: "}") { i += 1; break }
            throw JSONError(offset: i, reason: "expected ',' or '}'")
        }
        depth -= 1
        return .object(members)
    }

    /// Checks one document's syntax and returns the byte ranges of the top-level members named in
    /// `keys`, building nothing (the lazy field scanner of the NDJSON hot path). Kept values are
    /// checked like skipped ones; their UTF-8 is checked when they are parsed.
    static func scanFields(_ bytes: UnsafeBufferPointer<UInt8>, keys: JSONKeySet, into fields: inout [JSONField]) throws(JSONError) {
        fields.removeAll(keepingCapacity: true)
        var parser = JSONParser(bytes)
        parser.skipBOM()
        parser.ws()
        try parser.scanObject(keys, &fields)
        parser.ws()
        guard parser.i == bytes.count else { throw JSONError(offset: parser.i, reason: "unexpected data after the JSON value") }
    }

    mutating func scanObject(_ keys: JSONKeySet, _ fields: inout [JSONField]) throws(JSONError) {
        guard i < p.count, p[i] == UInt8(ascii: "{") else {
            throw JSONError(offset: i, reason: i < p.count ? "expected an object" : "unexpected end of input")
        }
        depth += 1
        i += 1
        ws()
        if i < p.count, p[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return }
        while true {
            ws()
            guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw JSONError(offset: i, reason: i < p.count ? "expected a member name" : "unexpected end of input") }
            let keyStart = i + 1
            var high: UInt64 = 0
            let k = JSONScan.stop(p, from: keyStart, high: &high)
            let found: Int?
            if k < p.count, p[k] == UInt8(ascii: "\"") {
                found = keys.index(p, from: keyStart, count: k - keyStart)
                i = k + 1
            } else {
                found = keys.index(try string())
            }
            if i < p.count, p[i] == UInt8(ascii: ":") { i += 1 } else {
                ws()
                guard i < p.count, p[i] == UInt8(ascii: ":") else { throw JSONError(offset: i, reason: "expected ':'") }
                i += 1
            }
            ws()
            let start = i
            if found != nil, i < p.count, p[i] == UInt8(ascii: "\"") {
                let shape = try skipStringShape()
                fields.append(JSONField(key: found!, start: start, end: i, shape: shape))
            } else {
                try skipValue()
                if let found { fields.append(JSONField(key: found, start: start, end: i)) }
            }
            ws()
            guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            if p[i] == UInt8(ascii: "}") { i += 1; break }
            throw JSONError(offset: i, reason: "expected ',' or '}'")
        }
        depth -= 1
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
    mutating func skipString() throws(JSONError) { _ = try skipStringShape() }

    /// Skips a string and tells what it holds: 0 plain ASCII, 1 non-ASCII bytes, 2 escapes.
    mutating func skipStringShape() throws(JSONError) -> Int8 {
        i += 1
        let n = p.count
        var high: UInt64 = 0
        var escaped = false
        while true {
            i = JSONScan.stop(p, from: i, high: &high)
            guard i < n else { break }
            let b = p[i]
            if b == UInt8(ascii: "\"") { i += 1; return escaped ? 2 : (high == 0 ? 0 : 1) }
            if b == UInt8(ascii: "\\") {
                escaped = true
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
            throw JSONError(offset: i, reason: "control character in string")
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
