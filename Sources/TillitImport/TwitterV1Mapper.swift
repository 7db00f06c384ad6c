import TillitCore

/// Twitter API v1.1 and the streaming API: `extended_tweet.full_text` > `full_text` > `text`;
/// a retweet takes the full text of `retweeted_status`; delete/limit and other stream notices are
/// skipped with their kind.
final class TwitterV1Mapper: JSONRecordMapper {
    let source = "twitter-v1"
    static let notices = ["delete", "limit", "scrub_geo", "status_withheld", "user_withheld", "disconnect", "warning",
                          "friends", "friends_str", "event", "for_user", "control"]
    let keys: JSONKeySet? = JSONKeySet(["id", "id_str", "text", "full_text", "extended_tweet", "retweeted_status", "user",
                                        "created_at", "timestamp_ms", "lang", "entities", "in_reply_to_status_id_str",
                                        "in_reply_to_status_id"] + TwitterV1Mapper.notices)

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let origin = context.origin
        guard let id = value.string("id_str") ?? value.string("id") else {
            if let kind = TwitterV1Mapper.notices.first(where: { value[$0] != nil }) {
                out.append(.skipped(origin, reason: kind == "delete" || kind == "limit" ? "\(kind) notice" : "stream notice (\(kind))"))
            } else {
                out.append(.rejected(origin, reason: "neither a tweet nor a stream notice", snippet: ""))
            }
            return
        }
        let status = value["retweeted_status"] ?? value
        guard let text = status.string("extended_tweet.full_text") ?? status.string("full_text") ?? status.string("text") else {
            out.append(.rejected(origin, reason: "tweet \(id) has no text", snippet: "")); return
        }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        let user = value.string("user.screen_name")
        var post = Post(id: id, source: source, text: MapperSupport.unescapeBasicEntities(text), origin: origin)
        post.author = user
        post.createdAt = value.string("created_at").flatMap(TimestampParser.parse) ?? value["timestamp_ms"]?.timestamp
        post.languageHint = MapperSupport.languageHint(value.string("lang"))
        post.parentID = value.string("in_reply_to_status_id_str") ?? value.string("in_reply_to_status_id")
        post.url = TwitterSupport.statusURL(id: id, user: user)
        var hints: [TargetHint] = []
        TwitterSupport.v1Hints(status["extended_tweet"]?["entities"] ?? status["entities"], into: &hints)
        post.hints = hints
        out.append(.post(post))
    }
}
