import TillitCore

/// Mastodon account exports (ActivityPub `outbox.json`, an OrderedCollection) and activities one per line.
///
/// `Create` activities give their object's `content` (HTML) as text, with tags stripped, `<br>`/`<p>`
/// as line breaks and entities decoded; a content warning (`summary`) comes first. `Announce` (a
/// boost) carries no text of its own and is skipped as "boost without text"; other activity types
/// are skipped with their type. Mentioned accounts become `handle` hints (the local part), linked
/// pages `domain` hints. Every `orderedItems` array is read: a real export repeats the key, and
/// reading all of them (rather than the last, as a JSON object lookup would) keeps every post.
final class MastodonMapper: JSONRecordMapper {
    let source = "mastodon"
    let keys: JSONKeySet? = nil
    let recordPaths = [["orderedItems"], ["items"]]

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let origin = context.origin
        let type = value.string("type") ?? ""
        var object: JSONValue
        switch type {
        case "Create", "Update":
            guard let o = value["object"] else { out.append(.rejected(origin, reason: "\(type) without an object", snippet: "")); return }
            guard case .object = o else { out.append(.skipped(origin, reason: "\(type) of a remote object (no text)")); return }
            if type == "Update" { out.append(.skipped(origin, reason: "activity Update (an edit)")); return }
            object = o
        case "Announce":
            out.append(.skipped(origin, reason: "boost without text")); return
        case "Note", "Article", "Question", "Page":
            object = value
        case "Person", "Service", "Application", "Group", "Organization":
            out.append(.skipped(origin, reason: "actor profile (not a post)")); return
        default:
            out.append(.skipped(origin, reason: type.isEmpty ? "item without a type" : "activity \(type)")); return
        }
        var html = object.string("content")
        if html == nil, let map = object["contentMap"]?.members.first?.1.text { html = map }
        var text = html.map(HTMLText.plainText) ?? ""
        if let cw = object.string("summary"), !MapperSupport.isBlank(cw) { text = text.isEmpty ? cw : cw + "\n\n" + text }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        let id = object.string("id") ?? value.string("id") ?? "mastodon-" + StableHash.hex([object.string("published") ?? "", text])
        var post = Post(id: id, source: source, text: text, origin: origin)
        post.createdAt = (object["published"] ?? value["published"])?.timestamp
        post.author = object.string("attributedTo") ?? value.string("actor")
        post.parentID = object.string("inReplyTo")
        post.url = object.string("url") ?? object.string("id")
        let langs = object["contentMap"]?.members ?? []
        if langs.count == 1 { post.languageHint = langs[0].0 }
        var hints: [TargetHint] = []
        for tag in object["tag"]?.array ?? [] where tag.string("type") == "Mention" {
            if let name = tag.string("name") {
                let local = name.drop(while: { $0 == "@" }).split(separator: "@").first.map(String.init) ?? name
                MapperSupport.add(TargetHint(.handle, local), to: &hints)
            }
        }
        if let h = html { for href in MastodonMapper.links(h) { MapperSupport.add(MapperSupport.domainHint(href), to: &hints) } }
        post.hints = hints
        out.append(.post(post))
    }

    /// `href`s of links that are not mentions or hashtags.
    static func links(_ html: String) -> [String] {
        var out: [String] = []
        var rest = Substring(html)
        while let a = rest.range(of: "<a ") {
            rest = rest[a.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<close]
            if tag.contains("mention") || tag.contains("hashtag") { continue }
            guard let h = tag.range(of: "href=\"") else { continue }
            let v = tag[h.upperBound...]
            if let q = v.firstIndex(of: "\"") { out.append(HTMLText.decodeEntities(String(v[..<q]))) }
        }
        return out
    }
}
