import TillitCore

/// RSS 2.0 / RSS 1.0 items and Atom entries.
///
/// Text is the title plus the fullest body: `content:encoded` or Atom `content`, else `description`
/// or `summary`. Bodies are HTML whether escaped (`&lt;p&gt;`), in CDATA or inline (naked markup,
/// Atom `type="xhtml"`), and become plain text; Atom `type="text"` stays as it is; base64 content
/// (`mode="base64"` or a non-text media type) is decoded first. HTML named entities that XML does
/// not define (`&aacute;`, `&nbsp;`) are rewritten to numeric references before libxml2 reads the
/// bytes, and legacy encodings (ISO-8859-1, windows-1252) are decoded from the XML declaration.
final class FeedMapper: XMLRecordMapper {
    let source = "rss"
    let recordNames: Set<String> = ["item", "entry"]

    func map(_ item: XMLElement, _ origin: RecordOrigin, into out: inout [ImportEvent]) {
        let title = item.element("title").map(FeedMapper.content)
        let bodyElement = item.element("encoded") ?? item.elements("content").first { $0.attribute("src") == nil }
            ?? item.element("description") ?? item.element("summary")
        let body = bodyElement.map(FeedMapper.content)
        let text = MapperSupport.join(title: title, body: body)
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "item without text")); return }
        let link = FeedMapper.link(item)
        let date = ["pubDate", "date", "published", "updated", "issued", "modified", "created"].lazy.compactMap { item.element($0)?.text }.first
        let id = item.element("guid")?.text.trimmingASCIIWhitespace() ?? item.element("id")?.text.trimmingASCIIWhitespace() ?? link
            ?? "rss-" + StableHash.hex([date ?? "", text])
        var post = Post(id: id.isEmpty ? "rss-" + StableHash.hex([date ?? "", text]) : id, source: source, text: text, origin: origin)
        post.createdAt = date.flatMap(TimestampParser.parse)
        post.url = link
        let author = item.element("author").map { a in a.element("name")?.text ?? a.text } ?? item.element("creator")?.text
        post.author = author.map { $0.trimmingASCIIWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        post.languageHint = item.attribute("lang")
        out.append(.post(post))
    }

    /// An RSS `<link>` text or the Atom `<link rel="alternate" href>`.
    static func link(_ item: XMLElement) -> String? {
        for l in item.elements("link") {
            if let href = l.attribute("href") {
                if let rel = l.attribute("rel"), rel != "alternate" { continue }
                return href
            }
            let t = l.text.trimmingASCIIWhitespace()
            if !t.isEmpty { return t }
        }
        if let g = item.element("guid"), g.attribute("isPermaLink") != "false", g.text.contains("://") { return g.text.trimmingASCIIWhitespace() }
        return nil
    }

    /// The text of a title or body element, by its declared type.
    static func content(_ e: XMLElement) -> String {
        let type = (e.attribute("type") ?? "").lowercased()
        let mode = e.attribute("mode")?.lowercased()
        let textual = type.isEmpty || ["text", "html", "xhtml", "text/plain", "text/html", "application/xhtml+xml"].contains(type)
            || type.hasSuffix("+xml") || type.hasSuffix("/xml")
        if mode == "base64" || !textual, let bytes = Base64.decode(e.text) {
            let s = String(decoding: bytes, as: UTF8.self)
            return s.contains("<") || s.contains("&") ? HTMLText.plainText(s) : s.trimmingASCIIWhitespace()
        }
        if type == "text" || type == "text/plain" { return e.text.trimmingASCIIWhitespace() }
        return HTMLText.plainText(e.innerMarkup)
    }
}

/// RFC 4648 base64 (white space ignored), for base64 feed content.
enum Base64 {
    static func decode(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        var acc: UInt32 = 0, bits = 0
        for c in s.utf8 {
            let v: UInt32
            switch c {
            case 65...90: v = UInt32(c - 65)
            case 97...122: v = UInt32(c - 71)
            case 48...57: v = UInt32(c + 4)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): v = 63
            case UInt8(ascii: "="): continue
            case 9, 10, 13, 32: continue
            default: return nil
            }
            acc = acc << 6 | v
            bits += 6
            if bits >= 8 { bits -= 8; out.append(UInt8((acc >> UInt32(bits)) & 0xFF)) }
        }
        return out
    }
}
