import TillitCore

/// Amazon product reviews: McAuley's 2014/2018 layouts (`reviewerID`, `asin`, `reviewText`, `summary`,
/// `overall`, `unixReviewTime`/`reviewTime`) and the 2023 layout (`user_id`, `asin`, `parent_asin`,
/// `text`, `title`, `rating`, `timestamp` in milliseconds).
///
/// The dumps repeat one review under every variant of a product (same reviewer, time and text, other
/// `asin`): the first is kept and the others are skipped as "duplicate variant review". The sources
/// have no review id; ids are synthesised from reviewer, product and time (`amzn-` + 16 hex digits).
final class AmazonMapper: JSONRecordMapper {
    let source = "amazon"
    let keys: JSONKeySet? = JSONKeySet(["reviewerID", "asin", "reviewText", "summary", "overall", "unixReviewTime", "reviewTime",
                                        "user_id", "parent_asin", "text", "title", "rating", "timestamp"])
    /// Reviews remembered for duplicate detection; past this the memory starts afresh (bounded memory,
    /// about 16 bytes each; duplicates in the dumps sit within one product's variants).
    static let rememberedReviews = 4 << 20
    private var seen = Set<UInt64>()

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let origin = context.origin
        let user = value.string("reviewerID") ?? value.string("user_id") ?? ""
        let product = value.string("asin") ?? value.string("parent_asin") ?? ""
        let time = value.string("unixReviewTime") ?? value.string("timestamp") ?? value.string("reviewTime") ?? ""
        let body = (value["reviewText"]?.text ?? value["text"]?.text).map(AmazonMapper.clean)
        let title = (value["summary"]?.text ?? value["title"]?.text).map(AmazonMapper.clean)
        if user.isEmpty, product.isEmpty { out.append(.rejected(origin, reason: "Amazon review without reviewer and product", snippet: "")); return }
        let text = MapperSupport.join(title: title, body: body)
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        let key = StableHash.value([user, time, body ?? "", title ?? ""])
        if !seen.insert(key).inserted { out.append(.skipped(origin, reason: "duplicate variant review")); return }
        if seen.count > AmazonMapper.rememberedReviews { seen.removeAll(keepingCapacity: true); seen.insert(key) }
        var post = Post(id: "amzn-" + StableHash.hex([user, product, time]), source: source, text: text, origin: origin)
        post.author = user.isEmpty ? nil : user
        post.rating = (value["overall"] ?? value["rating"])?.double
        if let t = value["unixReviewTime"]?.timestamp ?? value["timestamp"]?.timestamp {
            post.createdAt = t
        } else if let t = value.string("reviewTime") {
            post.createdAt = AmazonMapper.reviewTime(t)
        }
        if !product.isEmpty { post.hints.append(TargetHint(.businessID, value.string("parent_asin") ?? product)) }
        out.append(.post(post))
    }

    /// The 2023 texts carry `<br />` line breaks, the 2014 ones character references (`&#34;`).
    static func clean(_ s: String) -> String {
        var t = s
        if t.contains("<br") {
            for br in ["<br />", "<br/>", "<br>", "<BR>"] { t = t.replacingOccurrences(br, "\n") }
        }
        if t.contains("&") { t = HTMLText.decodeEntities(t) }
        return t
    }

    /// `09 1, 2016` (month, day, year).
    static func reviewTime(_ s: String) -> Timestamp? {
        let p = s.split(whereSeparator: { $0 == " " || $0 == "," })
        guard p.count == 3, let m = Int(p[0]), let d = Int(p[1]), let y = Int(p[2]) else { return TimestampParser.parse(s) }
        return Timestamp(year: y, month: m, day: d)
    }
}
