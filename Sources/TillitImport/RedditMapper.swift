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
    static let gone: Set<String> = ["[deleted]", "[removed]"]

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let origin = context.origin
        guard let id = value.string("id") ?? value.string("name") else {
            out.append(.rejected(origin, reason: "Reddit record without an id", snippet: "")); return
        }
        let text: String
        let isComment = value["body"] != nil
        if isComment {
            let body = (value.string("body") ?? "").trimmingASCIIWhitespace()
            if RedditMapper.gone.contains(body) { out.append(.skipped(origin, reason: body)); return }
            text = MapperSupport.unescapeBasicEntities(body)
        } else {
            let rawTitle = value.string("title")?.trimmingASCIIWhitespace()
            let rawSelf = value.string("selftext")?.trimmingASCIIWhitespace()
            let title = rawTitle.flatMap { RedditMapper.gone.contains($0) ? nil : $0 }
            let selftext = rawSelf.flatMap { RedditMapper.gone.contains($0) ? nil : $0 }
            if title == nil, selftext == nil, let marker = [rawSelf, rawTitle].compactMap({ $0 }).first(where: RedditMapper.gone.contains) {
                out.append(.skipped(origin, reason: marker)); return
            }
            text = MapperSupport.unescapeBasicEntities(MapperSupport.join(title: title, body: selftext))
        }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        var post = Post(id: id, source: source, text: text, origin: origin)
        if let a = value.string("author"), !RedditMapper.gone.contains(a) { post.author = a }
        post.createdAt = (value["created_utc"] ?? value["created"])?.timestamp
        post.parentID = value.string("parent_id")
        if let p = value.string("permalink") { post.url = p.hasPrefix("/") ? "https://www.reddit.com" + p : p }
        if !isComment, value["is_self"] != .bool(true), let link = value.string("url"),
           let hint = MapperSupport.domainHint(link, ignoring: ["reddit.com", "i.redd.it", "v.redd.it", "old.reddit.com", "redd.it"]) {
            post.hints.append(hint)
        }
        out.append(.post(post))
    }
}
