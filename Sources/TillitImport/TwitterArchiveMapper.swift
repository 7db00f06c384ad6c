import TillitCore

/// The Twitter/X account archive `data/tweets.js`: `window.YTD.tweets.part0 = [ … ]`, each element
/// `{"tweet": {…}}` (older archives: the tweet itself), numbers written as strings.
final class TwitterArchiveMapper: JSONRecordMapper {
    let source = "twitter-archive"
    let keys: JSONKeySet? = nil
    var allowsScriptPrefix: Bool { true }

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let t = value["tweet"] ?? value
        let origin = context.origin
        guard let id = t.string("id_str") ?? t.string("id") else { out.append(.rejected(origin, reason: "tweet without an id", snippet: "")); return }
        guard let text = t.string("full_text") ?? t.string("text") else { out.append(.rejected(origin, reason: "tweet \(id) has no text", snippet: "")); return }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        var post = Post(id: id, source: source, text: MapperSupport.unescapeBasicEntities(text), origin: origin)
        post.createdAt = t.string("created_at").flatMap(TimestampParser.parse)
        post.languageHint = MapperSupport.languageHint(t.string("lang"))
        post.parentID = t.string("in_reply_to_status_id_str") ?? t.string("in_reply_to_status_id")
        post.url = TwitterSupport.statusURL(id: id, user: nil)
        var hints: [TargetHint] = []
        TwitterSupport.v1Hints(t["entities"], into: &hints)
        post.hints = hints
        out.append(.post(post))
    }
}
