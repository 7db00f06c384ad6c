import TillitCore

/// Instagram "download your information" JSON: `posts_1.json` (an array of posts with `media`),
/// and `string_map_data` records (comments). The caption is the post `title`, else the first media
/// `title`; the time is `creation_timestamp` (epoch seconds). Strings are repaired from the exports'
/// UTF-8 mojibake. A post without a caption is skipped. Ids are synthesised from time and text.
final class InstagramMapper: JSONRecordMapper {
    let source = "instagram"
    let keys: JSONKeySet? = nil
    let recordPaths = [["ig_posts"], ["comments_media_comments"], ["post_comments"]]

    func map(_ raw: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let value = MojibakeRepair.repair(raw)
        let origin = context.origin
        let media = value["media"]?.array ?? []
        var text = value.string("title") ?? media.lazy.compactMap { $0.string("title") }.first ?? ""
        var time = value["creation_timestamp"] ?? media.first?["creation_timestamp"]
        if let m = value["string_map_data"] {
            text = m.string("Comment.value") ?? m.string("Caption.value") ?? text
            time = m["Time"]?["timestamp"] ?? time
        }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "no caption")); return }
        var post = Post(id: "ig-" + StableHash.hex([time?.text ?? "", text]), source: source, text: text, origin: origin)
        post.createdAt = time?.timestamp
        out.append(.post(post))
    }
}
