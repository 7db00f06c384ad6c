/// Repairs the UTF-8 mojibake of Facebook and Instagram "download your information" exports.
///
/// Those exports write each UTF-8 byte as its own `\u00XX` escape, so `å` arrives as `Ã¥` and 😀 as
/// `ð\u{9F}\u{98}\u{80}`. A string is repaired only when every scalar is below U+0100, at least one is
/// above U+007F, and the scalars read as bytes are valid UTF-8; anything else is left as it is.
///
///     MojibakeRepair.repair("Sm\u{00C3}\u{00A5}land")  // "Småland"
public enum MojibakeRepair {
    public static func repair(_ s: String) -> String {
        var high = false
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            guard u.value < 0x100 else { return s }
            if u.value >= 0x80 { high = true }
            bytes.append(UInt8(u.value))
        }
        guard high, let fixed = String(validating: bytes, as: UTF8.self) else { return s }
        return fixed
    }

    /// The value with every string (keys excluded) repaired.
    static func repair(_ v: JSONValue) -> JSONValue {
        switch v {
        case .string(let s): return .string(repair(s))
        case .array(let a): return .array(a.map(repair))
        case .object(let m): return .object(m.map { ($0.0, repair($0.1)) })
        default: return v
        }
    }
}
