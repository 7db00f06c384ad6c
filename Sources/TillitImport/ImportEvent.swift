import TillitCore

/// What an importer yields for each input record: a post, a skip with its reason, or a rejection.
public enum ImportEvent: Sendable {
    case post(Post)
    /// A record that is valid but carries nothing to analyse (deleted, boost without text, empty).
    case skipped(RecordOrigin, reason: String)
    /// A malformed record; `snippet` is the start of its raw bytes for the reject file.
    case rejected(RecordOrigin, reason: String, snippet: String)
}

/// A streaming source of import events.
public protocol PostReader: AnyObject {
    /// The next event, or nil at the end of input. Throws only for fatal errors (unreadable input).
    func next() throws(ImportError) -> ImportEvent?
}

/// Which input fields hold what; names are dotted paths or JSON Pointers for JSON, column names for CSV.
/// Each role has fallbacks tried in order; user options put their choice first.
public struct FieldMap: Sendable {
    public var id = ["id", "id_str", "review_id", "reviewId", "post_id", "uuid", "guid"]
    public var text = ["text", "full_text", "body", "content", "review_text", "reviewText", "review", "message", "comment", "selftext"]
    public var lang = ["lang", "language", "langs.0"]
    public var created = ["created_at", "created_utc", "createdAt", "date", "timestamp", "time", "published", "publishedDate", "unixReviewTime"]
    public var author = ["author", "username", "user.screen_name", "user.username", "screen_name", "user_id", "author_id", "reviewerID", "reviewer", "user"]
    public var rating = ["rating", "stars", "overall", "score", "star_rating"]
    public var retailer = ["retailer", "retailer_id", "business", "business_name", "company", "brand", "shop"]

    public init() {}

    /// Puts user-chosen names first.
    public mutating func prefer(id: String? = nil, text: String? = nil, lang: String? = nil, created: String? = nil,
                                author: String? = nil, rating: String? = nil, retailer: String? = nil) {
        if let v = id { self.id = [v] }
        if let v = text { self.text = [v] }
        if let v = lang { self.lang = [v] }
        if let v = created { self.created = [v] }
        if let v = author { self.author = [v] }
        if let v = rating { self.rating = [v] }
        if let v = retailer { self.retailer = [v] }
    }
}

/// Options every importer understands.
public struct ImportOptions: Sendable {
    public var fields = FieldMap()
    /// CSV/TSV delimiter override (nil: `,` for csv, TAB for tsv).
    public var delimiter: UInt8?
    /// Whether the user named the text field explicitly (then a missing field is an error, not a fallback).
    public var explicitText = false
    /// Side files joined to the records, by name (`businesses` → the Yelp business file).
    public var joins: [String: String] = [:]
    /// A user mapping file for the `mapping` format (docs/importers.md).
    public var mappingPath: String?
    /// Test hook: deliver the input bytes in seeded random chunk sizes.
    var chunking: ChunkSizer?
    /// Receives the byte source of each opened input (progress reporting reads its position).
    public var watcher: SourceWatcher?
    public init() {}
}

/// A short, printable prefix of raw bytes for reject files.
public func snippet(_ b: UnsafeBufferPointer<UInt8>, limit: Int = 300) -> String {
    var end = min(b.count, limit)
    // do not cut a UTF-8 sequence
    while end < b.count, end > 0, b[end] & 0xC0 == 0x80 { end -= 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: b[0..<end]), as: UTF8.self)
}

/// Remembers the byte source an importer reads, so progress can be reported in bytes.
public final class SourceWatcher: @unchecked Sendable {
    public private(set) var source: ByteSource?
    public init() {}
    func watch(_ s: ByteSource) { source = s }
    /// Bytes read so far from the current input (compressed bytes for compressed files).
    public var bytesRead: Int64 { source?.bytesIn ?? 0 }
}
