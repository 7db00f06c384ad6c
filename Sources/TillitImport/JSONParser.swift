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
        while i < p.count, p[i] == 32 || p[i] == 9 || p[i] == 10 || p[i] == 13 { i += 1 }
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
        for k in 0..<n where p[i + k] != s.utf8Start[k] { throw JSONError(offset: i, reason: "invalid literal") }
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
        var high = false
        while i < p.count {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: p[start..<i])
                if !high { i += 1; return String(decoding: raw, as: UTF8.self) }
                if let s = String(validating: raw, as: UTF8.self) { i += 1; return s }
                break
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            if b >= 0x80 { high = true }
            i += 1
        }
        i = start
        var out: [UInt8] = []
        out.reserveCapacity(64)
        while true {
            // Copy runs of plain ASCII in one go.
            let run = i
            while i < p.count {
                let b = p[i]
                if b < 0x20 || b >= 0x80 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
                i += 1
            }
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i])) }
            guard i < p.count else { throw JSONError(offset: i, reason: "unterminated string") }
            let b = p[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw JSONError(offset: i, reason: "control character in string") }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < p.count else { throw JSONError(offset: i, reason: "unterminated string") }
                let e = p[i]; i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var cp = try hex4()
                    if cp >= 0xD800, cp < 0xDC00 {
                        if i + 6 <= p.count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") {
                            let save = i
                            i += 2
                            let lo = try hex4()
                            if lo >= 0xDC00, lo < 0xE000 { cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00) } else { i = save; cp = 0xFFFD; repairs += 1 }
                        } else { cp = 0xFFFD; repairs += 1 }
                    } else if cp >= 0xDC00, cp < 0xE000 { cp = 0xFFFD; repairs += 1 }
                    appendUTF8(cp, &out)
                default: throw JSONError(offset: i - 1, reason: "invalid escape '\\\(printable(e))'")
                }
                continue
            }
            let l = validUTF8Length(p, i)
            if l == 0 { appendUTF8(0xFFFD, &out); repairs += 1; i += 1 } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + l)])); i += l }
        }
        return String(decoding: out, as: UTF8.self)
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
