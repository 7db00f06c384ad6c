#if canImport(Glibc)
import Glibc
#endif

/// A JSON syntax error with its byte offset.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}

/// A strict, byte-level JSON parser (RFC 8259) with bounded nesting.
///
/// Repairs only what has one defined repair: invalid UTF-8 inside strings becomes U+FFFD (WHATWG
/// decoding) and is counted in `repairs`; lone surrogate escapes become U+FFFD. Everything else is an error.
///
///     try JSONParser.parse(Array(#"{"id": 12345678901234567890}"#.utf8))["id"]?.text  // "12345678901234567890"
public struct JSONParser {
    public static let maximumDepth = 512
    let p: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0
    public private(set) var repairs = 0

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (b) throws(JSONError) -> JSONValue in try parse(b).value }
    }

    /// Parses one complete document (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> (value: JSONValue, repairs: Int) {
        var parser = JSONParser(bytes)
        parser.skipBOM()
        parser.ws()
        let v = try parser.value()
        parser.ws()
        guard parser.i == bytes.count else { throw JSONError(offset: parser.i, reason: "unexpected data after the JSON value") }
        return (v, parser.repairs)
    }

    mutating func skipBOM() {
        if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
    }

    @inline(__always) mutating func ws() {
        // One space (`", "`, `": "`) is skipped without a branch; longer runs take the loop.
        guard i < p.count else { return }
        i &+= p[i] == 32 ? 1 : 0
        while i < p.count {
            let c = p[i]
            if c > 32 || (c != 32 && c != 9 && c != 10 && c != 13) { return }
            i += 1
        }
    }

    mutating func value() throws(JSONError) -> JSONValue {
        guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
        switch p[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), 48...57: return .number(try number())
        default: throw JSONError(offset: i, reason: "unexpected character '\(printable(p[i]))'")
        }
    }

    func printable(_ b: UInt8) -> String { b >= 32 && b < 127 ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16) }

    mutating func literal(_ s: StaticString) throws(JSONError) {
        let n = s.utf8CodeUnitCount
        guard i + n <= p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
        // true/null as one 4-byte word, false as 'f' + "alse".
        let raw = UnsafeRawPointer(p.baseAddress!) + i
        let word = UnsafeRawPointer(s.utf8Start) + (n - 4)
        guard raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == word.loadUnaligned(as: UInt32.self),
              n == 4 || p[i] == s.utf8Start[0] else { throw JSONError(offset: i, reason: "invalid literal") }
        i += n
    }

    mutating func object() throws(JSONError) -> JSONValue {
        depth += 1
        guard depth <= JSONParser.maximumDepth else { throw JSONError(offset: i, reason: "nesting deeper than \(JSONParser.maximumDepth)") }
        i += 1
        var members: [(String, JSONValue)] = []
        ws()
        if i < p.count, p[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            ws()
            guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw JSONError(offset: i, reason: i < p.count ? "expected a member name" : "unexpected end of input") }
            let k = try string()
            ws()
            guard i < p.count, p[i] == UInt8(ascii: ":") else { throw JSONError(offset: i, reason: "expected ':'") }
            i += 1
            ws()
            members.append((k, try value()))
            ws()
            guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            if p[i] == UInt8(ascii: "}") { i += 1; break }
            throw JSONError(offset: i, reason: "expected ',' or '}'")
        }
        depth -= 1
        return .object(members)
    }

    mutating func array() throws(JSONError) -> JSONValue {
        depth += 1
        guard depth <= JSONParser.maximumDepth else { throw JSONError(offset: i, reason: "nesting deeper than \(JSONParser.maximumDepth)") }
        i += 1
        var items: [JSONValue] = []
        ws()
        if i < p.count, p[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
        while true {
            ws()
            items.append(try value())
            ws()
            guard i < p.count else { throw JSONError(offset: i, reason: "unexpected end of input") }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            if p[i] == UInt8(ascii: "]") { i += 1; break }
            throw JSONError(offset: i, reason: "expected ',' or ']'")
        }
        depth -= 1
        return .array(items)
    }

    mutating func number() throws(JSONError) -> String {
        let s = i
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
        return String(decoding: UnsafeBufferPointer(rebasing: p[s..<i]), as: UTF8.self)
    }

    mutating func hex4() throws(JSONError) -> UInt32 {
        guard i + 4 <= p.count else { throw JSONError(offset: i, reason: "unexpected end of input in \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = p[i]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw JSONError(offset: i, reason: "invalid \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    mutating func string() throws(JSONError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes — take the bytes as they are (validated when not ASCII).
        var high: UInt64 = 0
        i = JSONScan.stop(p, from: i, high: &high)
        if i < p.count, p[i] == UInt8(ascii: "\"") {
            let raw = UnsafeBufferPointer(rebasing: p[start..<i])
            if high == 0 { i += 1; return String(decoding: raw, as: UTF8.self) }
            if let s = String(validating: raw, as: UTF8.self) { i += 1; return s }
        }
        // Slow path (escapes or invalid UTF-8): find the end with full checks, then decode.
        i = start - 1
        try skipString()
        return checkedString(from: start, closingQuote: i - 1)
    }

    /// Decodes the string body `p[start..<last]` whose syntax is already checked (escapes valid),
    /// into the string's own storage sized for the worst case; invalid UTF-8 becomes U+FFFD.
    mutating func checkedString(from start: Int, closingQuote last: Int) -> String {
        var high: UInt64 = 0
        let stop = JSONScan.stop(p, from: start, high: &high)
        if stop == last {
            let raw = UnsafeBufferPointer(rebasing: p[start..<last])
            if high == 0 { return String(decoding: raw, as: UTF8.self) }
            if let s = String(validating: raw, as: UTF8.self) { return s }
        }
        let length = last - start
        var repaired = 0
        let capacity = high != 0 || JSONScan.hasHighBytes(p, start, last) ? 3 * length : length
        // Decode into scratch space (on the stack when small), then make the String in one copy.
        let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { out -> String in
            let q = p.baseAddress!, d = out.baseAddress!
            var o = 0, k = start
            while k < last {
                let b = q[k]
                if b == UInt8(ascii: "\\") {
                    let e = q[k + 1]
                    k += 2
                    switch e {
                    case UInt8(ascii: "n"): d[o] = 0x0A
                    case UInt8(ascii: "t"): d[o] = 0x09
                    case UInt8(ascii: "r"): d[o] = 0x0D
                    case UInt8(ascii: "b"): d[o] = 0x08
                    case UInt8(ascii: "f"): d[o] = 0x0C
                    case UInt8(ascii: "u"):
                        var cp = JSONScan.hex4(q + k)
                        k += 4
                        if cp >= 0xD800, cp < 0xDC00 {
                            if k + 6 <= last, q[k] == UInt8(ascii: "\\"), q[k + 1] == UInt8(ascii: "u"),
                               case let lo = JSONScan.hex4(q + k + 2), lo >= 0xDC00, lo < 0xE000 {
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                                k += 6
                            } else { cp = 0xFFFD; repaired += 1 }
                        } else if cp >= 0xDC00, cp < 0xE000 { cp = 0xFFFD; repaired += 1 }
                        o += JSONScan.writeUTF8(cp, d + o)
                        continue
                    default: d[o] = e // \" \\ \/
                    }
                    o += 1
                    continue
                }
                if b < 0x80 {
                    let r = JSONScan.plainRun(q, from: k, to: last)
                    if r - k < 32 {
                        for m in k..<r { d[o + m - k] = q[m] }
                    } else {
                        memcpy(d + o, q + k, r - k)
                    }
                    o += r - k
                    k = r
                    continue
                }
                let body = UnsafeBufferPointer(rebasing: p[..<last])
                let l = validUTF8Length(body, k)
                if l == 0 {
                    // One U+FFFD per maximal subpart (Unicode/WHATWG, as Swift's own decoding).
                    d[o] = 0xEF; d[o + 1] = 0xBF; d[o + 2] = 0xBD; o += 3
                    repaired += 1
                    k += maximalSubpart(body, k)
                } else {
                    memcpy(d + o, q + k, l); o += l; k += l
                }
            }
            return String(decoding: UnsafeBufferPointer(start: UnsafePointer(d), count: o), as: UTF8.self)
        }
        repairs += repaired
        return text
    }
}

func appendUTF8(_ cp: UInt32, _ out: inout [UInt8]) {
    switch cp {
    case ..<0x80: out.append(UInt8(cp))
    case ..<0x800: out.append(UInt8(0xC0 | (cp >> 6))); out.append(UInt8(0x80 | (cp & 0x3F)))
    case ..<0x10000:
        out.append(UInt8(0xE0 | (cp >> 12))); out.append(UInt8(0x80 | ((cp >> 6) & 0x3F))); out.append(UInt8(0x80 | (cp & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (cp >> 18))); out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((cp >> 6) & 0x3F))); out.append(UInt8(0x80 | (cp & 0x3F)))
    }
}

/// Length of the valid UTF-8 sequence at `i`, or 0 when it is malformed (overlongs and surrogates included).
func validUTF8Length(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let b0 = p[i], n = p.count
    @inline(__always) func cont(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
    switch b0 {
    case 0xC2...0xDF: return cont(i + 1) ? 2 : 0
    case 0xE0: return cont(i + 1) && p[i + 1] >= 0xA0 && cont(i + 2) ? 3 : 0
    case 0xE1...0xEC, 0xEE, 0xEF: return cont(i + 1) && cont(i + 2) ? 3 : 0
    case 0xED: return cont(i + 1) && p[i + 1] < 0xA0 && cont(i + 2) ? 3 : 0
    case 0xF0: return cont(i + 1) && p[i + 1] >= 0x90 && cont(i + 2) && cont(i + 3) ? 4 : 0
    case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
    case 0xF4: return cont(i + 1) && p[i + 1] < 0x90 && cont(i + 2) && cont(i + 3) ? 4 : 0
    default: return 0
    }
}

/// The length of the maximal subpart of an ill-formed UTF-8 sequence at `i` (at least 1): the
/// longest prefix that could start a well-formed sequence (Unicode 15 §3.9, U+FFFD substitution of
/// maximal subparts — the WHATWG decoder's and Swift's behaviour).
func maximalSubpart(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let b0 = p[i], n = p.count
    var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
    let need: Int
    switch b0 {
    case 0xC2...0xDF: need = 1
    case 0xE0: need = 2; lo = 0xA0
    case 0xE1...0xEC, 0xEE, 0xEF: need = 2
    case 0xED: need = 2; hi = 0x9F
    case 0xF0: need = 3; lo = 0x90
    case 0xF1...0xF3: need = 3
    case 0xF4: need = 3; hi = 0x8F
    default: return 1
    }
    var k = i + 1
    for step in 0..<need {
        guard k < n else { break }
        let c = p[k]
        if step == 0 { guard c >= lo, c <= hi else { break } } else { guard c & 0xC0 == 0x80 else { break } }
        k += 1
    }
    return k - i
}

/// Word-at-a-time (SWAR) scanning for the JSON string hot paths.
enum JSONScan {
    /// The value of four hex digits already checked by `skipString`.
    @inline(__always) static func hex4(_ q: UnsafePointer<UInt8>) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = q[k]
            v = v << 4 | UInt32(c <= 57 ? c - 48 : (c | 0x20) - 87)
        }
        return v
    }

    /// Writes `cp` as UTF-8 at `d`; returns the byte count.
    @inline(__always) static func writeUTF8(_ cp: UInt32, _ d: UnsafeMutablePointer<UInt8>) -> Int {
        switch cp {
        case ..<0x80: d[0] = UInt8(cp); return 1
        case ..<0x800: d[0] = UInt8(0xC0 | (cp >> 6)); d[1] = UInt8(0x80 | (cp & 0x3F)); return 2
        case ..<0x10000:
            d[0] = UInt8(0xE0 | (cp >> 12)); d[1] = UInt8(0x80 | ((cp >> 6) & 0x3F)); d[2] = UInt8(0x80 | (cp & 0x3F)); return 3
        default:
            d[0] = UInt8(0xF0 | (cp >> 18)); d[1] = UInt8(0x80 | ((cp >> 12) & 0x3F))
            d[2] = UInt8(0x80 | ((cp >> 6) & 0x3F)); d[3] = UInt8(0x80 | (cp & 0x3F)); return 4
        }
    }

    /// The end of a run of ASCII bytes other than `\\` in `q[k..<end]`.
    @inline(__always) static func plainRun(_ q: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var k = start
        let raw = UnsafeRawPointer(q)
        let backslashes = ones &* 0x5C
        while k + 8 <= end {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            let b = x ^ backslashes
            let m = ((b &- ones) & ~b | x) & highs
            if m != 0 { return k + (m.trailingZeroBitCount >> 3) }
            k += 8
        }
        while k < end, q[k] < 0x80, q[k] != 0x5C { k += 1 }
        return k
    }

    static func hasHighBytes(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        let raw = UnsafeRawPointer(p.baseAddress!)
        var acc: UInt64 = 0
        while k + 8 <= e { acc |= raw.loadUnaligned(fromByteOffset: k, as: UInt64.self); k += 8 }
        if acc & highs != 0 { return true }
        while k < e { if p[k] >= 0x80 { return true }; k += 1 }
        return false
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A mask with the high bit set in the first byte of `x` that is `"`, `\\` or a control
    /// character (bytes above the first may be flagged falsely; the lowest flag is exact).
    @inline(__always) static func stopMask(_ x: UInt64) -> UInt64 {
        let q = x ^ (ones &* 0x22), b = x ^ (ones &* 0x5C)
        return ((q &- ones) & ~q | (b &- ones) & ~b | (x &- ones &* 0x20) & ~x) & highs
    }

    /// The index of the first `"`, `\\` or control byte at or after `i` (or `p.count`); ORs the
    /// high bits of the bytes passed over into `high`.
    @inline(__always) static func stop(_ p: UnsafeBufferPointer<UInt8>, from start: Int, high: inout UInt64) -> Int {
        var i = start
        let n = p.count
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let m = stopMask(x)
                if m != 0 {
                    let k = m.trailingZeroBitCount >> 3
                    if k > 0 { high |= x & highs & (UInt64.max >> (64 - 8 * k)) }
                    return i + k
                }
                high |= x & highs
                i += 8
            }
        }
        while i < n {
            let b = p[i]
            if b == 0x22 || b == 0x5C || b < 0x20 { return i }
            if b >= 0x80 { high |= 0x80 }
            i += 1
        }
        return i
    }

    /// Whether `p[s..<e]` is valid UTF-8 (ASCII words skipped eight bytes at a time).
    static func validUTF8(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        let raw = UnsafeRawPointer(p.baseAddress!)
        while i < e {
            if i + 8 <= e, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & highs == 0 { i += 8; continue }
            if p[i] < 0x80 { i += 1; continue }
            let l = validUTF8Length(UnsafeBufferPointer(rebasing: p[..<e]), i)
            if l == 0 { return false }
            i += l
        }
        return true
    }
}
