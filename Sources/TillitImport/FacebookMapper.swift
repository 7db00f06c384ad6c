import TillitCore

/// Facebook "download your information" JSON: `your_posts_1.json` (an array of posts), also
/// `{"status_updates_v2": […]}` and `{"comments_v2": […]}`. Timestamps are epoch seconds.
///
/// Text is the `data[].post` (comments: `data[].comment.comment`); a post without one falls back to
/// its `title` ("… recommends The Handlebar."); an entry with neither is skipped. Places in
/// attachments become `business_name` hints, external links `domain` hints. Every string is first
/// repaired from the exports' UTF-8 mojibake (`MojibakeRepair`). Ids are synthesised from time and text.
final class FacebookMapper: JSONRecordMapper {
    let source = "facebook"
    let keys: JSONKeySet? = nil
    let recordPaths = [["status_updates_v2"], ["comments_v2"], ["posts_v2"], ["posts"]]

    func map(_ raw: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let value = MojibakeRepair.repair(raw)
        let origin = context.origin
        var texts: [String] = []
        var author: String?
        for d in value["data"]?.array ?? [] {
            if let p = d.string("post") { texts.append(p) }
            if let c = d.string("comment.comment") { texts.append(c); author = author ?? d.string("comment.author") }
        }
        var text = texts.joined(separator: "\n\n")
        if MapperSupport.isBlank(text), let title = value.string("title") { text = title }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "no text (update without a post or title)")); return }
        let time = value["timestamp"] ?? value["data"]?.array?.first?["update_timestamp"]
        var post = Post(id: "fb-" + StableHash.hex([time?.text ?? "", text]), source: source, text: text, origin: origin)
        post.createdAt = time?.timestamp
        post.author = author
        var hints: [TargetHint] = []
        for a in value["attachments"]?.array ?? [] {
            for d in a["data"]?.array ?? [] {
                MapperSupport.add(d.string("place.name").map { TargetHint(.businessName, $0) }, to: &hints)
                if let u = d.string("external_context.url") { MapperSupport.add(MapperSupport.domainHint(u, ignoring: ["facebook.com"]), to: &hints) }
            }
        }
        post.hints = hints
        out.append(.post(post))
    }
}
