import TillitCore

/// Stack Exchange data dump `Posts.xml` and `Comments.xml`: one `<row …/>` per post or comment, all
/// fields as attributes. Posts read `Title` + `Body` (HTML → text); comments read `Text` (plain) and get
/// ids prefixed `c` (`c123`), as comment and post ids overlap. Answers and comments keep their
/// question/post as parent. Tag wiki rows (PostTypeId 3, 4, 5, 7, 8) are skipped: they describe tags.
final class StackExchangeMapper: XMLRecordMapper {
    let source = "stackexchange"
    let recordNames: Set<String> = ["row"]
    static let wikiTypes: Set<String> = ["3", "4", "5", "7", "8"]

    func map(_ row: XMLElement, _ origin: RecordOrigin, into out: inout [ImportEvent]) {
        guard let rawID = row.attribute("Id") else { out.append(.rejected(origin, reason: "row without Id", snippet: "")); return }
        let isComment = row.attribute("Body") == nil && row.attribute("Text") != nil
        let text: String
        if isComment {
            text = row.attribute("Text") ?? ""
        } else {
            if let t = row.attribute("PostTypeId"), StackExchangeMapper.wikiTypes.contains(t) {
                out.append(.skipped(origin, reason: "tag wiki (not a post)")); return
            }
            guard row.attribute("Body") != nil || row.attribute("Title") != nil else {
                out.append(.skipped(origin, reason: "row without Body, Title or Text (not a post)")); return
            }
            text = MapperSupport.join(title: row.attribute("Title"), body: row.attribute("Body").map(HTMLText.plainText))
        }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        var post = Post(id: isComment ? "c" + rawID : rawID, source: source, text: text, origin: origin)
        post.createdAt = row.attribute("CreationDate").flatMap(TimestampParser.parse)
        post.author = row.attribute("OwnerDisplayName") ?? row.attribute("UserDisplayName") ?? row.attribute("OwnerUserId") ?? row.attribute("UserId")
        post.parentID = row.attribute("ParentId") ?? row.attribute("PostId")
        out.append(.post(post))
    }
}
