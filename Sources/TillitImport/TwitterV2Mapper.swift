import TillitCore

/// Twitter/X API v2 as twarc2 writes it: whole response pages (`{"data": […], "includes": {…}}`, one
/// per line) and flattened one-tweet lines (`twarc2 flatten`: `author` and full `referenced_tweets`
/// inlined). Retweets take the full text of the referenced tweet; authors come from `includes.users`.
final class TwitterV2Mapper: JSONRecordMapper {
    let source = "twitter-v2"
    let keys: JSONKeySet? = JSONKeySet(["data", "includes", "meta", "errors", "id", "text", "note_tweet", "author_id", "author",
                                        "created_at", "lang", "entities", "referenced_tweets"])

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        if let data = value["data"] {
            let tweets = data.array ?? [data]
            var users: [String: String] = [:]
            for u in value["includes"]?["users"]?.array ?? [] {
                if let id = u.string("id"), let name = u.string("username") { users[id] = name }
            }
            var included: [String: JSONValue] = [:]
            for t in value["includes"]?["tweets"]?.array ?? [] { if let id = t.string("id") { included[id] = t } }
            if tweets.isEmpty { out.append(.skipped(context.origin, reason: "response page without tweets")); return }
            for t in tweets { out.append(tweet(t, users: users, included: included, origin: context.origin)) }
            return
        }
        if value["id"] == nil, value["meta"] != nil || value["errors"] != nil {
            out.append(.skipped(context.origin, reason: "response page without tweets")); return
        }
        // A flattened line: the author and referenced tweets are inlined.
        var users: [String: String] = [:]
        if let a = value["author"], let id = a.string("id"), let name = a.string("username") { users[id] = name }
        var included: [String: JSONValue] = [:]
        for r in value["referenced_tweets"]?.array ?? [] where r["text"] != nil { if let id = r.string("id") { included[id] = r } }
        out.append(tweet(value, users: users, included: included, origin: context.origin))
    }

    func tweet(_ t: JSONValue, users: [String: String], included: [String: JSONValue], origin: RecordOrigin) -> ImportEvent {
        guard let id = t.string("id") else { return .rejected(origin, reason: "tweet without an id", snippet: "") }
        var textSource = t
        var parent: String?
        for r in t["referenced_tweets"]?.array ?? [] {
            switch r.string("type") {
            case "retweeted": if let id = r.string("id"), let full = included[id] { textSource = full }
            case "replied_to": parent = r.string("id")
            default: break
            }
        }
        guard let text = textSource.string("note_tweet.text") ?? textSource.string("text") else {
            return .rejected(origin, reason: "tweet \(id) has no text", snippet: "")
        }
        if MapperSupport.isBlank(text) { return .skipped(origin, reason: "empty text") }
        let author = t.string("author_id").flatMap { users[$0] } ?? t.string("author.username")
        var post = Post(id: id, source: source, text: MapperSupport.unescapeBasicEntities(text), origin: origin)
        post.author = author ?? t.string("author_id")
        post.createdAt = t.string("created_at").flatMap(TimestampParser.parse)
        post.languageHint = MapperSupport.languageHint(textSource.string("lang") ?? t.string("lang"))
        post.parentID = parent
        post.url = TwitterSupport.statusURL(id: id, user: author)
        var hints: [TargetHint] = []
        TwitterSupport.v2Hints(t["entities"], into: &hints)
        if textSource != t { TwitterSupport.v2Hints(textSource["entities"], into: &hints) }
        post.hints = hints
        return .post(post)
    }
}
