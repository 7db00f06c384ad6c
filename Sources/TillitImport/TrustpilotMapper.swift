import TillitCore

/// Trustpilot reviews: API review objects (alone, in a `{"reviews": […]}` page or one per line) and
/// webhook deliveries `{"events": [{"eventName": "service-review-created", "eventData": {…}}]}`.
///
/// Text is `title` + `text` (a title that is only the automatic first words of the text is dropped);
/// `stars` is the rating; the business unit's display name / identifying name becomes a
/// `business_name` hint, its id a `business_id` hint, its web address a `domain` hint. Events other
/// than review created/updated are skipped with their name.
final class TrustpilotMapper: JSONRecordMapper {
    let source = "trustpilot"
    let keys: JSONKeySet? = nil
    let recordPaths = [["events"], ["reviews"]]
    static let reviewEvents: Set<String> = ["service-review-created", "service-review-updated", "service-review-revised"]

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        var review = value
        if let name = value.string("eventName") {
            guard TrustpilotMapper.reviewEvents.contains(name) else { out.append(.skipped(context.origin, reason: "event \(name) (not a review)")); return }
            guard let data = value["eventData"] else { out.append(.rejected(context.origin, reason: "event \(name) without eventData", snippet: "")); return }
            review = data
        }
        let origin = context.origin
        guard let id = review.string("id") else { out.append(.rejected(origin, reason: "Trustpilot review without an id", snippet: "")); return }
        let text = MapperSupport.join(title: review["title"]?.text, body: review["text"]?.text)
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        var post = Post(id: id, source: source, text: text, origin: origin)
        post.rating = (review["stars"] ?? review["rating"])?.double
        post.createdAt = (review["createdAt"] ?? review["created_at"] ?? review["experiencedAt"])?.timestamp
        post.languageHint = review.string("language")
        post.author = review.string("consumer.displayName") ?? review.string("consumer.name")
        let unit = review["businessUnit"] ?? context.envelope?["businessUnit"]
        var hints: [TargetHint] = []
        for path in ["displayName", "name.identifying", "name.referring.0", "name"] {
            if let n = unit?.string(path) { MapperSupport.add(TargetHint(.businessName, n), to: &hints); break }
        }
        if let d = unit?.string("identifyingName") ?? unit?.string("websiteUrl") {
            MapperSupport.add(MapperSupport.domainHint(d.contains("://") ? d : "https://" + d), to: &hints)
        }
        if let b = unit?.string("id") ?? review.string("business_unit_id") ?? review.string("businessUnitId") {
            MapperSupport.add(TargetHint(.businessID, b), to: &hints)
        }
        post.hints = hints
        for l in review["links"]?.array ?? [] where l.string("rel") == "reviews" || l.string("rel") == "self" {
            if let href = l.string("href"), !href.contains("api.trustpilot.com") { post.url = href }
        }
        out.append(.post(post))
    }
}
