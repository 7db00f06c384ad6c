/// HTML text escaping for everything that did not come from Tillit itself.
public enum HTML {
    /// Escapes `& < > " '`, drops bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C)
    /// and other control characters, so text can neither open markup, leave an attribute, nor reorder
    /// the text around it.
    ///
    ///     HTML.escape("<b onclick=\"x\">")  // "&lt;b onclick=&quot;x&quot;&gt;"
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(u)
            default:
                let v = u.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { continue }
                if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A safe `id` fragment: ASCII letters, digits and `-` only, at most 49 characters; ids that had to
    /// be changed get a hash suffix so different ids stay different.
    public static func slug(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if (u.value >= 48 && u.value <= 57) || (u.value >= 97 && u.value <= 122) { out.unicodeScalars.append(u) }
            else if u.value >= 65 && u.value <= 90 { out.unicodeScalars.append(Unicode.Scalar(u.value + 32)!) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 40 || out != s {
            // keep ids short and distinct: a cut prefix plus a hash of the original (FNV-1a 32)
            var h: UInt32 = 2_166_136_261
            for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
            let hex = String(h, radix: 16)
            out = String(out.prefix(40)) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
        }
        return out.isEmpty ? "x" : out
    }
}
