/// One social-media post or review, as every importer delivers it.
///
/// Importers map each source record to exactly one `Post`; everything downstream reads only this.
/// Text is kept as the source gave it (after format-defined repairs such as HTML to text).
///
///     let p = Post(id: "1", source: "ndjson", text: "Älskar ICA!")
///     p.hints.isEmpty  // true
public struct Post: Sendable, Equatable {
    /// The record's id as a string (never parsed as a floating point number).
    public var id: String
    /// The format or source name the post came from (`ndjson`, `csv`, `twitter-v2`, …).
    public var source: String
    public var text: String
    public var author: String?
    /// Creation instant in UTC.
    public var createdAt: Timestamp?
    /// The source's own language tag, if it has one (`sv`, `da-DK`, `en`, …).
    public var languageHint: String?
    /// Star rating or score as the source gives it.
    public var rating: Double?
    /// Metadata pointing at the retailer the post is about (business id, page, app id, handles, domains).
    public var hints: [TargetHint]
    public var parentID: String?
    public var url: String?
    /// Where the record was read: file and line (or record number) for diagnostics.
    public var origin: RecordOrigin

    public init(id: String, source: String, text: String, author: String? = nil, createdAt: Timestamp? = nil,
                languageHint: String? = nil, rating: Double? = nil, hints: [TargetHint] = [],
                parentID: String? = nil, url: String? = nil, origin: RecordOrigin = RecordOrigin()) {
        self.id = id; self.source = source; self.text = text; self.author = author; self.createdAt = createdAt
        self.languageHint = languageHint; self.rating = rating; self.hints = hints
        self.parentID = parentID; self.url = url; self.origin = origin
    }
}

/// A piece of source metadata that may name the retailer a post is about.
public struct TargetHint: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A business or page name given by the source (Yelp business name, Trustpilot business unit, page).
        case businessName = "business_name"
        /// An opaque business/app id given by the source.
        case businessID = "business_id"
        /// A social handle mentioned by or addressed in the post.
        case handle
        /// A web domain linked from the post.
        case domain
        /// A retailer id given explicitly (e.g. a CSV column).
        case retailer
    }
    public var kind: Kind
    public var value: String
    public init(_ kind: Kind, _ value: String) { self.kind = kind; self.value = value }
}

/// The place a record was read from, for diagnostics and reject files.
public struct RecordOrigin: Sendable, Equatable {
    public var file: String
    /// 1-based line of the record's first byte (0 when not line-oriented).
    public var line: Int
    /// 0-based record ordinal within the file.
    public var record: Int
    public init(file: String = "-", line: Int = 0, record: Int = 0) {
        self.file = file; self.line = line; self.record = record
    }
    public var description: String { line > 0 ? "\(file):\(line)" : "\(file): record \(record + 1)" }
}
