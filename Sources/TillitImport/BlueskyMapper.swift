import TillitCore

/// Bluesky Jetstream events, one per line. Only commits that create an `app.bsky.feed.post` record
/// are posts; likes, reposts, follows, deletes, identity and account events are skipped with what
/// they are. The id is the post's AT URI; mentions (facets) become `handle` hints (the DID), links
/// `domain` hints; a reply's parent URI is the parent id.
final class BlueskyMapper: JSONRecordMapper {
    let source = "bluesky"
    let keys: JSONKeySet? = JSONKeySet(["did", "time_us", "kind", "commit"])

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let origin = context.origin
        let kind = value.string("kind") ?? ""
        guard kind == "commit" else { out.append(.skipped(origin, reason: kind.isEmpty ? "event without a kind" : "\(kind) event")); return }
        guard let commit = value["commit"], let did = value.string("did") else { out.append(.rejected(origin, reason: "commit event without did/commit", snippet: "")); return }
        let collection = commit.string("collection") ?? "?"
        guard collection == "app.bsky.feed.post" else { out.append(.skipped(origin, reason: "not a post (\(collection))")); return }
        let operation = commit.string("operation") ?? "?"
        guard operation == "create" else { out.append(.skipped(origin, reason: "post \(operation)")); return }
        guard let record = commit["record"], let rkey = commit.string("rkey") else { out.append(.rejected(origin, reason: "post commit without record/rkey", snippet: "")); return }
        let text = record["text"]?.text ?? ""
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text (media only)")); return }
        var post = Post(id: "at://\(did)/app.bsky.feed.post/\(rkey)", source: source, text: text, origin: origin)
        post.author = did
        post.createdAt = record["createdAt"]?.timestamp ?? value["time_us"]?.double.flatMap { TimestampParser.fromEpoch($0 / 1_000_000) }
        post.languageHint = record["langs"]?.array?.first?.text
        post.parentID = record.string("reply.parent.uri")
        var hints: [TargetHint] = []
        for facet in record["facets"]?.array ?? [] {
            for f in facet["features"]?.array ?? [] {
                switch f.string("$type") {
                case "app.bsky.richtext.facet#mention": MapperSupport.add(f.string("did").map { TargetHint(.handle, $0) }, to: &hints)
                case "app.bsky.richtext.facet#link": if let u = f.string("uri") { MapperSupport.add(MapperSupport.domainHint(u), to: &hints) }
                default: break
                }
            }
        }
        post.hints = hints
        post.url = "https://bsky.app/profile/\(did)/post/\(rkey)"
        out.append(.post(post))
    }
}
