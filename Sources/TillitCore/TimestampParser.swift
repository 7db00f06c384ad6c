/// Parses the timestamp spellings real dumps use, into UTC instants.
///
/// Accepted: RFC 3339 / ISO 8601 (`2026-11-20T10:15:00Z`, `+01:00`, fractional seconds, space instead of
/// `T`, date only), Unix epoch seconds or milliseconds (integer, float or string), Twitter v1
/// (`Wed Oct 10 20:19:24 +0000 2018`) and RFC 822/1123 as in RSS (`Sat, 07 Sep 2002 00:00:01 GMT`).
///
///     TimestampParser.parse("1700000000")?.iso8601  // "2023-11-14T22:13:20Z"
public enum TimestampParser {
    public static func parse(_ raw: String) -> Timestamp? {
        let s = raw.trimmingASCIIWhitespace()
        guard !s.isEmpty else { return nil }
        let bytes = Array(s.utf8)
        if let t = epoch(bytes) { return t }
        if let t = iso(bytes) { return t }
        if let t = rfc822(s) { return t }
        if let t = twitter(s) { return t }
        return nil
    }

    /// Epoch seconds (or milliseconds when the value is beyond year 5000 in seconds).
    public static func fromEpoch(_ value: Double) -> Timestamp? {
        guard value.isFinite else { return nil }
        var v = value
        if abs(v) > 95_617_584_000 { v /= 1000 } // larger than year 5000 in seconds: milliseconds
        guard abs(v) < 95_617_584_000 else { return nil }
        return Timestamp(seconds: Int64(v.rounded(.down)))
    }

    static func epoch(_ b: [UInt8]) -> Timestamp? {
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        guard i > digitsStart else { return nil }
        if i < b.count {
            guard b[i] == UInt8(ascii: ".") else { return nil }
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i == b.count else { return nil }
        }
        guard let v = Double(String(decoding: b, as: UTF8.self)) else { return nil }
        return fromEpoch(v)
    }

    static func num(_ b: [UInt8], _ i: inout Int, _ n: Int) -> Int? {
        guard i + n <= b.count else { return nil }
        var v = 0
        for k in i..<(i + n) {
            guard b[k] >= 48, b[k] <= 57 else { return nil }
            v = v * 10 + Int(b[k] - 48)
        }
        i += n
        return v
    }

    static func iso(_ b: [UInt8]) -> Timestamp? {
        var i = 0
        guard let y = num(b, &i, 4), i < b.count, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let mo = num(b, &i, 2), i < b.count, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let d = num(b, &i, 2) else { return nil }
        if i == b.count { return Timestamp(year: y, month: mo, day: d) }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let h = num(b, &i, 2), i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let mi = num(b, &i, 2) else { return nil }
        var sec = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = num(b, &i, 2) else { return nil }
            sec = s
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            }
        }
        var offset = 0
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        if i < b.count {
            switch b[i] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"): i += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let oh = num(b, &i, 2) else { return nil }
                if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
                let om = num(b, &i, 2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            case UInt8(ascii: "U"):
                guard Array(b[i...]) == Array("UTC".utf8) else { return nil }
                i = b.count
            default: return nil
            }
        }
        guard i == b.count else { return nil }
        return Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: sec, offsetSeconds: offset)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func month(_ s: Substring) -> Int? {
        let k = s.prefix(3).lowercased()
        return months.firstIndex(of: k).map { $0 + 1 }
    }

    static func zone(_ s: Substring) -> Int? {
        switch s.uppercased() {
        case "GMT", "UT", "UTC", "Z": return 0
        case "EST": return -5 * 3600
        case "EDT": return -4 * 3600
        case "CST": return -6 * 3600
        case "CDT": return -5 * 3600
        case "MST": return -7 * 3600
        case "MDT": return -6 * 3600
        case "PST": return -8 * 3600
        case "PDT": return -7 * 3600
        case "CET": return 3600
        case "CEST": return 7200
        default:
            let b = Array(s.utf8)
            guard b.count == 5, b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") else { return nil }
            var i = 1
            guard let h = num(b, &i, 2), let m = num(b, &i, 2) else { return nil }
            return (b[0] == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60)
        }
    }

    static func clock(_ s: Substring) -> (Int, Int, Int)? {
        let p = s.split(separator: ":")
        guard p.count >= 2, let h = Int(p[0]), let m = Int(p[1]) else { return nil }
        let sec = p.count > 2 ? Int(p[2]) ?? 0 : 0
        return (h, m, sec)
    }

    /// `Sat, 07 Sep 2002 00:00:01 GMT`, `07 Sep 2002 00:00 +0100`.
    static func rfc822(_ s: String) -> Timestamp? {
        var parts = s.split(separator: " ")
        if let f = parts.first, f.hasSuffix(",") { parts.removeFirst() }
        guard parts.count >= 4, let d = Int(parts[0]), let mo = month(parts[1]), var y = Int(parts[2]),
              let (h, mi, sec) = clock(parts[3]) else { return nil }
        if y < 100 { y += y < 50 ? 2000 : 1900 }
        let off = parts.count > 4 ? zone(parts[4]) ?? 0 : 0
        return Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: sec, offsetSeconds: off)
    }

    /// `Wed Oct 10 20:19:24 +0000 2018`.
    static func twitter(_ s: String) -> Timestamp? {
        let p = s.split(separator: " ")
        guard p.count == 6, let mo = month(p[1]), let d = Int(p[2]), let (h, mi, sec) = clock(p[3]),
              let off = zone(p[4]), let y = Int(p[5]) else { return nil }
        return Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: sec, offsetSeconds: off)
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    public func trimmingASCIIWhitespace() -> String {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, isASCIISpace(u[start]) { start = u.index(after: start) }
        while end > start, isASCIISpace(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(self[start..<end])
    }
}

@inline(__always) public func isASCIISpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }
