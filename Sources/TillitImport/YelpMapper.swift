import TillitCore

/// Yelp Open Dataset reviews (`yelp_academic_dataset_review.json`), NDJSON. With
/// `--join businesses=FILE` (the dataset's business file) each review's `business_id` is mapped to
/// the business name, which becomes a `business_name` hint; the id is always a `business_id` hint.
final class YelpMapper: JSONRecordMapper {
    let source = "yelp"
    let keys: JSONKeySet? = JSONKeySet(["review_id", "user_id", "business_id", "stars", "text", "date"])
    let businesses: [String: String]

    init(businesses: [String: String]) { self.businesses = businesses }

    /// Reads `business_id` → `name` from a Yelp business file (NDJSON or a JSON array, compressed or not).
    static func loadBusinesses(_ path: String) throws(ImportError) -> [String: String] {
        final class Collector: JSONRecordMapper {
            let source = "yelp-business"
            let keys: JSONKeySet? = JSONKeySet(["business_id", "name"])
            var names: [String: String] = [:]
            func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
                if let id = value.string("business_id"), let name = value.string("name") { names[id] = name }
            }
        }
        let collector = Collector()
        let reader = JSONRecordReader(source: try ByteSource(path: path), mapper: collector)
        var rejected = 0
        var firstReject = ""
        while let e = try reader.next() {
            if case .rejected(let o, let r, _) = e { rejected += 1; if firstReject.isEmpty { firstReject = "\(o.description): \(r)" } }
        }
        if collector.names.isEmpty {
            throw ImportError(file: path, reason: "no businesses (business_id and name) found in the --join businesses file" + (firstReject.isEmpty ? "" : "; first problem: \(firstReject)"))
        }
        return collector.names
    }

    func map(_ value: JSONValue, _ context: RecordContext, into out: inout [ImportEvent]) {
        let origin = context.origin
        guard let id = value.string("review_id") else { out.append(.rejected(origin, reason: "Yelp review without review_id", snippet: "")); return }
        guard let text = value["text"]?.text else { out.append(.rejected(origin, reason: "Yelp review without text", snippet: "")); return }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        var post = Post(id: id, source: source, text: text, origin: origin)
        post.author = value.string("user_id")
        post.rating = value["stars"]?.double
        post.createdAt = value["date"]?.timestamp
        if let b = value.string("business_id") {
            if let name = businesses[b] { post.hints.append(TargetHint(.businessName, name)) }
            post.hints.append(TargetHint(.businessID, b))
        }
        out.append(.post(post))
    }
}
