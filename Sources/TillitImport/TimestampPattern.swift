import TillitCore

/// Timestamp formats a mapping file may name: `auto` (everything `TimestampParser` reads),
/// `epoch-s`, `epoch-ms`, `epoch-us`, `iso8601`, `rfc822`, `twitter`, or a strftime-style pattern
/// with `%Y %y %m %d %e %H %M %S %b %z %%` (`%b` a month name, `%z` `+0100`/`+01:00`/`Z`).
///
///     TimestampPattern("%d/%m/%Y %H:%M").parse("20/11/2026 10:15")?.iso8601  // "2026-11-20T10:15:00Z"
public struct TimestampPattern: Sendable, Equatable {
    public let spec: String

    public init(_ spec: String) { self.spec = spec }

    /// Whether the spec is a known name or a pattern with at least a year.
    public var isValid: Bool {
        ["auto", "epoch-s", "epoch-ms", "epoch-us", "iso8601", "rfc822", "twitter"].contains(spec) || spec.contains("%Y") || spec.contains("%y")
    }

    public func parse(_ raw: String) -> Timestamp? {
        let s = raw.trimmingASCIIWhitespace()
        switch spec {
        case "auto", "iso8601", "rfc822", "twitter": return TimestampParser.parse(s)
        case "epoch-s": return Double(s).flatMap(TimestampParser.fromEpoch)
        case "epoch-ms": return Double(s).flatMap { TimestampParser.fromEpoch(($0 / 1000).rounded(.down)) }
        case "epoch-us": return Double(s).flatMap { TimestampParser.fromEpoch(($0 / 1_000_000).rounded(.down)) }
        default: return pattern(Array(s.utf8))
        }
    }

    private func pattern(_ b: [UInt8]) -> Timestamp? {
        let p = Array(spec.utf8)
        var i = 0, k = 0
        var y = 1970, mo = 1, d = 1, h = 0, mi = 0, sec = 0, off = 0
        func number(_ maxDigits: Int) -> Int? {
            var v = 0, n = 0
            while k < b.count, n < maxDigits, b[k] >= 48, b[k] <= 57 { v = v * 10 + Int(b[k] - 48); k += 1; n += 1 }
            return n > 0 ? v : nil
        }
        while i < p.count {
            if p[i] == UInt8(ascii: "%"), i + 1 < p.count {
                let c = p[i + 1]
                i += 2
                switch c {
                case UInt8(ascii: "Y"): guard let v = number(4) else { return nil }; y = v
                case UInt8(ascii: "y"): guard let v = number(2) else { return nil }; y = v < 50 ? 2000 + v : 1900 + v
                case UInt8(ascii: "m"): guard let v = number(2) else { return nil }; mo = v
                case UInt8(ascii: "d"), UInt8(ascii: "e"):
                    while k < b.count, b[k] == 32 { k += 1 }
                    guard let v = number(2) else { return nil }; d = v
                case UInt8(ascii: "H"): guard let v = number(2) else { return nil }; h = v
                case UInt8(ascii: "M"): guard let v = number(2) else { return nil }; mi = v
                case UInt8(ascii: "S"):
                    guard let v = number(2) else { return nil }; sec = v
                    if k < b.count, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ",") { k += 1; _ = number(9) }
                case UInt8(ascii: "b"), UInt8(ascii: "B"):
                    var name: [UInt8] = []
                    while k < b.count, (b[k] | 0x20) >= 97, (b[k] | 0x20) <= 122 { name.append(b[k] | 0x20); k += 1 }
                    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
                    guard name.count >= 3, let m = months.firstIndex(of: String(decoding: name.prefix(3), as: UTF8.self)) else { return nil }
                    mo = m + 1
                case UInt8(ascii: "z"):
                    guard k < b.count else { return nil }
                    if b[k] == UInt8(ascii: "Z") { k += 1; break }
                    guard b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-") else { return nil }
                    let sign = b[k] == UInt8(ascii: "-") ? -1 : 1
                    k += 1
                    guard let oh = number(2) else { return nil }
                    if k < b.count, b[k] == UInt8(ascii: ":") { k += 1 }
                    let om = number(2) ?? 0
                    off = sign * (oh * 3600 + om * 60)
                case UInt8(ascii: "%"):
                    guard k < b.count, b[k] == UInt8(ascii: "%") else { return nil }; k += 1
                default: return nil
                }
                continue
            }
            guard k < b.count, b[k] == p[i] else { return nil }
            i += 1; k += 1
        }
        guard k == b.count else { return nil }
        return Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: sec, offsetSeconds: off)
    }
}
