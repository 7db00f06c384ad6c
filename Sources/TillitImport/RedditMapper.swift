import TillitCore

/// Reddit comments and submissions from the Pushshift / Arctic-Shift monthly dumps (`RC_…`, `RS_…`).
///
/// Comments read `body`; submissions `title` and `selftext` (a removed self text leaves the title,
/// which Reddit keeps public). `created_utc` may be an integer, a float or a string. A comment whose
/// body is `[deleted]` or `[removed]` is skipped with that reason. Reddit escapes `&`, `<` and `>` as
/// `&amp;`, `&lt;`, `&gt;` in text; these are decoded. The subreddit is not a retailer hint.
final class RedditMapper: JSONRecordMapper {
    let source = "reddit"
    let keys: JSONKeySet? = JSONKeySet(["id", "name", "body", "title", "selftext", "author", "created_utc", "created",
                                        "permalink", "parent_id", "link_id", "url", "domain", "is_self", "subreddit"])
    /// `[deleted]` or `[removed]` when the text is only that marker (checked by length first: bodies
    /// are long and never hashed).
    static func goneMarker(_ s: String) -> String? {
        guard s.utf8.count <= 24 else { return nil }
        let t = s.trimmingASCIIWhitespace()
        return t == "[deleted]" || t == "[removed]" ? t : nil
    }

    @exclusivity(unchecked) private var scratch: [JSONField] = []

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        out.append(event(value, context.origin))
    }

    /// Dump lines are wide (~100 members): locate the few wanted ones instead of parsing all.
    func mapBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ context: RecordContext, into out: inout [ImportEvent]) throws(JSONError) -> Bool {
        var i = 0
        while i < bytes.count, isASCIISpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return false }
        out.append(try JSONFields.with(bytes, keys: keys!, scratch: &scratch) { event($0, context.origin) })
        return true
    }

    func event<V: RecordView>(_ value: V, _ origin: RecordOrigin) -> ImportEvent {
        guard let id = value.text("id") ?? value.text("name") else {
            return .rejected(origin, reason: "Reddit record without an id", snippet: "")
        }
        let text: String
        let isComment = value.present("body")
        if isComment {
            let body = value.text("body") ?? ""
            if let marker = RedditMapper.goneMarker(body) { return .skipped(origin, reason: marker) }
            text = MapperSupport.unescapeBasicEntities(body)
        } else {
            let rawTitle = value.text("title")
            let rawSelf = value.text("selftext")
            let titleGone = rawTitle.flatMap(RedditMapper.goneMarker)
            let selfGone = rawSelf.flatMap(RedditMapper.goneMarker)
            let title = titleGone == nil ? rawTitle : nil
            let selftext = selfGone == nil ? rawSelf : nil
            if title == nil, selftext == nil, let marker = selfGone ?? titleGone { return .skipped(origin, reason: marker) }
            text = MapperSupport.unescapeBasicEntities(MapperSupport.join(title: title, body: selftext))
        }
        if MapperSupport.isBlank(text) { return .skipped(origin, reason: "empty text") }
        var post = Post(id: id, source: source, text: text, origin: origin)
        if let a = value.text("author"), RedditMapper.goneMarker(a) == nil { post.author = a }
        post.createdAt = value.present("created_utc") ? value.time("created_utc") : value.time("created")
        post.parentID = value.text("parent_id")
        if let p = value.text("permalink") { post.url = p.hasPrefix("/") ? "https://www.reddit.com" + p : p }
        if !isComment, !value.isTrue("is_self"), let link = value.text("url"),
           let hint = MapperSupport.domainHint(link, ignoring: ["reddit.com", "i.redd.it", "v.redd.it", "old.reddit.com", "redd.it"]) {
            post.hints.append(hint)
        }
        return .post(post)
    }
}
