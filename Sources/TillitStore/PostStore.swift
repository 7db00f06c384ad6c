import TillitCore

/// A post and its analysis as a store keeps it (no raw author: only the pseudonym).
public struct StoredPost: Sendable, Equatable {
    public var source: String
    public var id: String
    public var createdAt: Timestamp?
    public var lang: String
    /// Language confidence × 1000.
    public var langConfidence: Int
    public var author: String?
    public var rating: Double?
    /// Scores × 10 000 (the record's four decimals, kept exact).
    public var score: Int64
    public var label: SentimentLabel
    public var band: SentimentBand
    public var text: String?
    public var textMode: TextRetention
    public var origin: String
    public var lexiconVersion: String
    public var retailers: [(id: String, reason: String)]
    public var aspects: [StoredAspect]

    public init(source: String, id: String, createdAt: Timestamp?, lang: String, langConfidence: Int, author: String?, rating: Double?,
                score: Int64, label: SentimentLabel, band: SentimentBand, text: String?, textMode: TextRetention, origin: String,
                lexiconVersion: String, retailers: [(id: String, reason: String)], aspects: [StoredAspect]) {
        self.source = source; self.id = id; self.createdAt = createdAt; self.lang = lang; self.langConfidence = langConfidence
        self.author = author; self.rating = rating; self.score = score; self.label = label; self.band = band; self.text = text
        self.textMode = textMode; self.origin = origin; self.lexiconVersion = lexiconVersion; self.retailers = retailers; self.aspects = aspects
    }

    public static func == (a: StoredPost, b: StoredPost) -> Bool {
        a.source == b.source && a.id == b.id && a.createdAt == b.createdAt && a.lang == b.lang && a.langConfidence == b.langConfidence
            && a.author == b.author && a.rating == b.rating && a.score == b.score && a.label == b.label && a.band == b.band
            && a.text == b.text && a.textMode == b.textMode && a.origin == b.origin && a.lexiconVersion == b.lexiconVersion
            && a.retailers.map(\.id) == b.retailers.map(\.id) && a.retailers.map(\.reason) == b.retailers.map(\.reason) && a.aspects == b.aspects
    }
}

/// One aspect of a stored post.
public struct StoredAspect: Sendable, Equatable {
    public var aspect: Aspect
    public var score: Int64
    public var label: SentimentLabel
    public var band: SentimentBand
    public var drivers: [Driver]
    public init(aspect: Aspect, score: Int64, label: SentimentLabel, band: SentimentBand, drivers: [Driver]) {
        self.aspect = aspect; self.score = score; self.label = label; self.band = band; self.drivers = drivers
    }
}

/// How much of a post's text the store keeps (`--store-text`).
public enum TextRetention: String, Sendable, CaseIterable {
    /// The text as read (reports still redact every quote).
    case full
    /// The text with personal data replaced by placeholders before it is stored.
    case redacted
    /// No text at all: reports show figures but no example quotes.
    case none
}

/// What an ingest run records about itself.
public struct RunInfo: Sendable {
    public var inputs: [String]
    /// Deterministic JSON of the options that affect what is stored.
    public var options: String
    public var lexiconVersion: String
    public var toolVersion: String
    public var pid: Int
    public var startedAt: String
    public init(inputs: [String], options: String, lexiconVersion: String, toolVersion: String, pid: Int, startedAt: String) {
        self.inputs = inputs; self.options = options; self.lexiconVersion = lexiconVersion; self.toolVersion = toolVersion
        self.pid = pid; self.startedAt = startedAt
    }
}

/// Counts of one run: read = analysed + skipped + rejected, and analysed = inserted + duplicates.
public struct RunCounts: Sendable, Equatable {
    public var read = 0, analysed = 0, skipped = 0, rejected = 0, inserted = 0, duplicates = 0
    public var skippedReasons: [String: Int] = [:]
    public init() {}
}

/// A run as recorded in the store.
public struct RunRecord: Sendable, Equatable {
    public enum Status: String, Sendable { case running, complete, interrupted, failed }
    public var id: Int
    public var status: Status
    public var inputs: String
    public var lexiconVersion: String
    public var toolVersion: String
    public var counts: RunCounts
}

/// A retailer as the store knows it (copied from the registry at ingest, so reports need no lexicons).
public struct RetailerInfo: Sendable, Equatable {
    public var id: String
    public var name: String
    public var sector: String
    public var countries: [String]
    public init(id: String, name: String, sector: String, countries: [String]) {
        self.id = id; self.name = name; self.sector = sector; self.countries = countries
    }
}

/// A post chosen as evidence for a driver.
public struct ExamplePost: Sendable, Equatable {
    public var source: String
    public var id: String
    public var week: String
    public var author: String?
    public var text: String?
    public var score: Int64
    public var label: SentimentLabel
    public var lang: String
}

/// What `forget` erased.
public struct ErasureReport: Sendable, Equatable {
    public var posts = 0
    public var retailerRows = 0
    public var aspectRows = 0
    public var driverRows = 0
    public var derived: Int { retailerRows + aspectRows + driverRows }
    public init() {}
}

/// Totals across the store for a report's method box (all from the store, so they reconcile).
public struct StoreSummary: Sendable, Equatable {
    public var runsComplete = 0
    public var runsInterrupted = 0
    public var counts = RunCounts()
    /// Posts erased by `forget`.
    public var erased = 0
    public var postsStored = 0
    public var lexiconVersions: [String] = []
    public var toolVersions: [String] = []
    public init() {}
}

/// Posts in a week range broken down for the method box.
public struct WindowSummary: Sendable, Equatable {
    public var posts = 0
    public var attributed = 0
    public var byLanguage: [(String, Int)] = []
    public var bySource: [(String, Int)] = []
    public init() {}
    public static func == (a: WindowSummary, b: WindowSummary) -> Bool {
        a.posts == b.posts && a.attributed == b.attributed && a.byLanguage.map(\.0) == b.byLanguage.map(\.0)
            && a.byLanguage.map(\.1) == b.byLanguage.map(\.1) && a.bySource.map(\.0) == b.bySource.map(\.0) && a.bySource.map(\.1) == b.bySource.map(\.1)
    }
}

/// A store of analysed posts. `SQLiteStore` is the embedded default; a PostgreSQL store can implement the
/// same protocol with the same schema (`Schema`) and statements, so ingest, forget and every report
/// figure go through this one interface (docs/store.md).
public protocol PostStore: AnyObject {
    /// Applies pending migrations; refuses a store made by a newer tool.
    func migrate() throws
    /// The store's pseudonym key (created on first use). Only ingest and forget read it.
    func pseudonymKey() throws -> [UInt8]

    func beginRun(_ info: RunInfo) throws -> Int
    /// Marks runs left `running` by processes that no longer exist as `interrupted`.
    func reapStaleRuns(isAlive: (Int) -> Bool) throws
    func contains(source: String, id: String) throws -> Bool
    /// Inserts posts (ignoring ones already stored by (source, id)) and saves the run's counts, in one
    /// transaction. Returns how many were new.
    func insert(_ posts: [StoredPost], run: Int, counts: RunCounts) throws -> Int
    func finishRun(_ run: Int, counts: RunCounts, status: RunRecord.Status, finishedAt: String) throws
    func upsertRetailers(_ retailers: [RetailerInfo]) throws

    func runs() throws -> [RunRecord]
    func retailers() throws -> [RetailerInfo]
    /// Tally of posts whose ISO week lies in `weeks` (inclusive).
    func tally(weeks: ClosedRange<ISOWeek>) throws -> Tally
    /// Up to `limit` example posts for a retailer (or `Tally.allPosts`), weeks, driver and label; strongest first.
    func examples(retailer: String, weeks: ClosedRange<ISOWeek>, driver: Driver, label: SentimentLabel, limit: Int) throws -> [ExamplePost]
    func summary() throws -> StoreSummary
    func window(weeks: ClosedRange<ISOWeek>) throws -> WindowSummary
    /// The latest ISO week with posts.
    func latestWeek() throws -> ISOWeek?

    /// Erases every post with this author pseudonym, and all rows derived from them.
    func forget(authorPseudonym: String) throws -> ErasureReport
    /// Erases one post and its derived rows.
    func forget(source: String, id: String) throws -> ErasureReport
    /// The sources that have a post with this id (to resolve `forget --post ID`).
    func sources(id: String) throws -> [String]
}
