import TillitCore

/// App store reviews as the common scrapers save them, one review per element or line:
/// google-play-scraper (`reviewId`, `content`, `score`, `at`, `userName`), app-store-scraper for
/// Python (`review`, `title`, `rating`, `date`, `userName`) and for Node (`id`, `text`, `title`,
/// `score`, `updated`, `userName`). The app id (`appId`, `app_id`, `package`, `bundleId`, `trackId`,
/// on the review or next to the review array) becomes a `business_id` hint.
final class AppReviewsMapper: JSONRecordMapper {
    let source = "app-reviews"
    let keys: JSONKeySet? = nil
    let recordPaths = [["reviews"], ["data"], ["results"]]
    static let appKeys = ["appId", "app_id", "appid", "package", "packageName", "bundleId", "trackId", "app"]

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let origin = context.origin
        let body = value["content"]?.text ?? value["review"]?.text ?? value["text"]?.text
        guard body != nil || value["title"] != nil else { out.append(.rejected(origin, reason: "app review without content/review/text", snippet: "")); return }
        let text = MapperSupport.join(title: value["title"]?.text, body: body)
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        let created = (value["at"] ?? value["date"] ?? value["updated"])
        let id = value.string("reviewId") ?? value.string("id")
            ?? "app-" + StableHash.hex([value.string("userName") ?? "", created?.text ?? "", text])
        var post = Post(id: id, source: source, text: text, origin: origin)
        post.rating = (value["score"] ?? value["rating"])?.double
        post.createdAt = created?.timestamp
        post.author = value.string("userName")
        post.url = value.string("url")
        post.languageHint = value.string("lang") ?? value.string("language")
        for k in AppReviewsMapper.appKeys {
            if let app = value.string(k) ?? context.envelope?.string(k) { post.hints.append(TargetHint(.businessID, app)); break }
        }
        out.append(.post(post))
    }
}
