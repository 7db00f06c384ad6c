import TillitCore

/// Google Takeout "Maps (your places)/Reviews.json": a GeoJSON FeatureCollection, one review per
/// feature. 2024 exports: `properties.review_text_published`, `five_star_rating_published`, `date`,
/// `location.name`; older ones: `Review Comment`, `Star Rating`, `Published`, `Location.Business Name`.
/// The place name becomes a `business_name` hint. A rating without text is skipped.
final class GoogleReviewsMapper: JSONRecordMapper {
    let source = "google-reviews"
    let keys: JSONKeySet? = nil
    let recordPaths = [["features"]]

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let origin = context.origin
        guard let p = value["properties"] else { out.append(.rejected(origin, reason: "feature without properties", snippet: "")); return }
        let text = p.string("review_text_published") ?? p.string("comment") ?? p.string("Review Comment") ?? p.string("review_text") ?? ""
        let url = p.string("google_maps_url") ?? p.string("Google Maps URL")
        let date = p.string("date") ?? p.string("Published") ?? p.string("Updated")
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "rating without text")); return }
        var post = Post(id: "gmr-" + StableHash.hex([url ?? "", date ?? "", text]), source: source, text: text, origin: origin)
        post.rating = (p["five_star_rating_published"] ?? p["Star Rating"] ?? p["rating"])?.double
        post.createdAt = date.flatMap(TimestampParser.parse)
        post.url = url
        if let name = p.string("location.name") ?? p.string("Location.Business Name") ?? p.string("name") {
            post.hints.append(TargetHint(.businessName, name))
        }
        out.append(.post(post))
    }
}
