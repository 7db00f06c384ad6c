/// HTML fragments (Mastodon content, Stack Exchange bodies, feed descriptions) to plain text.
///
/// Tags are stripped; `<br>` becomes a line break and block elements (`p`, `div`, `li`, headings, …)
/// separate lines (`p` and `blockquote` by a blank line); `script`/`style` content and comments are
/// dropped; runs of white space collapse to one space as a browser shows them; character references
/// (`&amp;`, `&aacute;`, `&#229;`, `&#xE5;`) are decoded. A `<` that does not start a tag stays text.
///
///     HTMLText.plainText("<p>Hej &amp; v&auml;lkommen</p><p>Rad<br>två</p>")  // "Hej & välkommen\n\nRad\ntvå"
public enum HTMLText {
    public static func plainText(_ html: String) -> String {
        var s = html
        return s.withUTF8 { plainText(bytes: $0) }
    }

    /// Decodes character references only (no tag handling, white space kept).
    public static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        let b = Array(text.utf8)
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "&"), let (cp, len) = reference(b, i) {
                appendUTF8(cp, &out)
                i += len
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A character reference at `i` (`&name;`, `&#N;`, `&#xH;`): its code point and length.
    static func reference(_ b: some RandomAccessCollection<UInt8>, _ i: some BinaryInteger) -> (UInt32, Int)? {
        let start = b.index(b.startIndex, offsetBy: Int(i))
        var k = b.index(after: start)
        guard k < b.endIndex else { return nil }
        if b[k] == UInt8(ascii: "#") {
            k = b.index(after: k)
            var hex = false
            if k < b.endIndex, b[k] == UInt8(ascii: "x") || b[k] == UInt8(ascii: "X") { hex = true; k = b.index(after: k) }
            var v: UInt32 = 0, digits = 0
            while k < b.endIndex, digits < 8 {
                let c = b[k]
                let d: UInt32
                switch c {
                case 48...57: d = UInt32(c - 48)
                case 97...102 where hex: d = UInt32(c - 87)
                case 65...70 where hex: d = UInt32(c - 55)
                default: d = 99
                }
                if d == 99 { break }
                v = v * (hex ? 16 : 10) + d
                digits += 1
                k = b.index(after: k)
            }
            guard digits > 0, k < b.endIndex, b[k] == UInt8(ascii: ";") else { return nil }
            if v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) { v = 0xFFFD }
            return (v, b.distance(from: start, to: k) + 1)
        }
        var name: [UInt8] = []
        while k < b.endIndex, name.count <= HTMLEntities.longestName {
            let c = b[k]
            if (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) { name.append(c); k = b.index(after: k) } else { break }
        }
        guard !name.isEmpty, k < b.endIndex, b[k] == UInt8(ascii: ";"),
              let cp = HTMLEntities.codePoint(String(decoding: name, as: UTF8.self)) else { return nil }
        return (cp, b.distance(from: start, to: k) + 1)
    }

    static let paragraphTags: Set<String> = ["p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "ul", "ol", "dl", "hr"]
    static let lineTags: Set<String> = ["div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "figure", "figcaption", "address", "aside", "nav", "main", "td", "th"]
    static let dropTags: Set<String> = ["script", "style", "head", "template"]

    static func plainText(bytes b: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var pendingSpace = false
        var pendingBreaks = 0
        @inline(__always) func breakLine(_ n: Int) { pendingBreaks = max(pendingBreaks, n); pendingSpace = false }
        @inline(__always) func emitSeparators() {
            if !out.isEmpty {
                if pendingBreaks > 0 { for _ in 0..<pendingBreaks { out.append(10) } } else if pendingSpace, out.last != 10 { out.append(32) }
            }
            pendingBreaks = 0; pendingSpace = false
        }
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "<"), i + 1 < n {
                let d = b[i + 1]
                let isLetter = (d >= 65 && d <= 90) || (d >= 97 && d <= 122)
                if d == UInt8(ascii: "!") {
                    // Comment, CDATA marker or doctype: skip to its end.
                    if i + 3 < n, b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {
                        var k = i + 4
                        while k + 2 < n, !(b[k] == UInt8(ascii: "-") && b[k + 1] == UInt8(ascii: "-") && b[k + 2] == UInt8(ascii: ">")) { k += 1 }
                        i = min(n, k + 3)
                    } else {
                        var k = i + 2
                        while k < n, b[k] != UInt8(ascii: ">") { k += 1 }
                        i = min(n, k + 1)
                    }
                    continue
                }
                if isLetter || d == UInt8(ascii: "/") || d == UInt8(ascii: "?") {
                    // A tag: its name, then skip to '>' (quoted attribute values may hold '>').
                    var k = i + 1
                    let closing = b[k] == UInt8(ascii: "/")
                    if closing { k += 1 }
                    var name: [UInt8] = []
                    while k < n, name.count < 16 {
                        let e = b[k]
                        if (e >= 65 && e <= 90) { name.append(e + 32) } else if (e >= 97 && e <= 122) || (e >= 48 && e <= 57) { name.append(e) } else { break }
                        k += 1
                    }
                    var quote: UInt8 = 0
                    while k < n {
                        let e = b[k]
                        if quote != 0 { if e == quote { quote = 0 } } else if e == 34 || e == 39 { quote = e } else if e == UInt8(ascii: ">") { break }
                        k += 1
                    }
                    i = min(n, k + 1)
                    let tag = String(decoding: name, as: UTF8.self)
                    if tag == "br" {
                        // Each <br> breaks at once, so <br><br> leaves an empty line as a browser shows it.
                        if !out.isEmpty { out.append(10) }
                        pendingSpace = false; pendingBreaks = 0
                    } else if paragraphTags.contains(tag) { breakLine(2) }
                    else if lineTags.contains(tag) { breakLine(1) }
                    else if dropTags.contains(tag), !closing {
                        // Skip to the matching close tag.
                        let close = Array("</\(tag)".utf8)
                        var m = i
                        while m + close.count <= n {
                            var eq = true
                            for (o, x) in close.enumerated() {
                                var y = b[m + o]
                                if y >= 65, y <= 90 { y += 32 }
                                if y != x { eq = false; break }
                            }
                            if eq { break }
                            m += 1
                        }
                        while m < n, b[m] != UInt8(ascii: ">") { m += 1 }
                        i = min(n, m + 1)
                    }
                    continue
                }
            }
            if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 {
                if pendingBreaks == 0 { pendingSpace = true }
                i += 1
                continue
            }
            if c == UInt8(ascii: "&"), let (cp, len) = reference(b, i) {
                if cp == 0xA0 { // a no-break space is a space, but an explicit one
                    emitSeparators(); out.append(0xC2); out.append(0xA0)
                } else {
                    emitSeparators(); appendUTF8(cp, &out)
                }
                i += len
                continue
            }
            emitSeparators()
            out.append(c)
            i += 1
        }
        return tidyLines(out)
    }

    /// Removes spaces at line ends and trailing breaks, and keeps at most one empty line in a row.
    static func tidyLines(_ out: [UInt8]) -> String {
        var r: [UInt8] = []
        r.reserveCapacity(out.count)
        var newlines = 0
        for c in out {
            if c == 10 {
                while let l = r.last, l == 32 || l == 9 { r.removeLast() }
                while r.count >= 2, r[r.count - 2] == 0xC2, r[r.count - 1] == 0xA0 { r.removeLast(2) }
                newlines += 1
                continue
            }
            if newlines > 0 {
                if !r.isEmpty { r.append(contentsOf: repeatElement(10, count: min(newlines, 2))) }
                newlines = 0
            }
            r.append(c)
        }
        while let l = r.last, l == 32 || l == 9 { r.removeLast() }
        return String(decoding: r, as: UTF8.self)
    }
}
