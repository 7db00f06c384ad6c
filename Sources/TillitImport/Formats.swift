import TillitCore

/// A dump format Tillit reads.
public struct Format: Sendable {
    public var name: String
    public var summary: String
    public init(name: String, summary: String) { self.name = name; self.summary = summary }
}

/// The formats and how to open them; `auto` recognises the format from content, not the file name.
/// Field mappings, skip and reject reasons per format: docs/importers.md.
public enum Formats {
    public static let all: [Format] = [
        Format(name: "ndjson", summary: "JSON Lines / NDJSON: one JSON object per line; fields found by name (see --text-column etc.)"),
        Format(name: "json", summary: "one JSON array of records, or an object holding it ({\"data\": […]}), streamed; fields found by name like ndjson"),
        Format(name: "csv", summary: "CSV (RFC 4180) with a header row; quoted fields may hold commas, tabs, newlines and doubled quotes"),
        Format(name: "tsv", summary: "Tab-separated values with a header row; same quoting rules as csv"),
        Format(name: "twitter-v2", summary: "Twitter/X API v2 (twarc2): response pages with includes, or flattened tweets; retweets get the full text"),
        Format(name: "twitter-v1", summary: "Twitter API v1.1 / streaming: extended_tweet.full_text > full_text > text; delete/limit notices skipped"),
        Format(name: "twitter-archive", summary: "Twitter/X account archive data/tweets.js (window.YTD.tweets.part0 = [ … ])"),
        Format(name: "reddit", summary: "Reddit Pushshift / Arctic-Shift NDJSON comments and submissions; [deleted]/[removed] skipped"),
        Format(name: "yelp", summary: "Yelp Open Dataset reviews; --join businesses=FILE adds the business name as a hint"),
        Format(name: "amazon", summary: "Amazon reviews (McAuley 2014/2018 and 2023 layouts); duplicate variant reviews collapsed, ids synthesised"),
        Format(name: "trustpilot", summary: "Trustpilot review JSON: API review objects and webhook events (service-review-created)"),
        Format(name: "google-reviews", summary: "Google Takeout Maps Reviews.json (GeoJSON FeatureCollection); the place name is a hint"),
        Format(name: "app-reviews", summary: "Google Play / App Store scraper JSON (google-play-scraper, app-store-scraper); app id is a hint"),
        Format(name: "mastodon", summary: "Mastodon account export (ActivityPub outbox.json): HTML content to text; boosts skipped"),
        Format(name: "bluesky", summary: "Bluesky Jetstream events (NDJSON): app.bsky.feed.post creates only; other events skipped"),
        Format(name: "facebook", summary: "Facebook 'download your information' posts/comments JSON; mojibake repaired"),
        Format(name: "instagram", summary: "Instagram 'download your information' posts JSON (captions); mojibake repaired"),
        Format(name: "stackexchange", summary: "Stack Exchange data dump Posts.xml / Comments.xml rows (XML, streamed); HTML bodies to text"),
        Format(name: "rss", summary: "RSS 2.0 / 1.0 and Atom feeds (XML, streamed): items and entries; HTML entities, legacy encodings"),
        Format(name: "semeval", summary: "SemEval ABSA XML (2014 sentences, 2015/16 reviews): sentence id and text; gold labels via SemEvalReader"),
        Format(name: "mapping", summary: "any JSON / NDJSON / XML described by a mapping file (--mapping FILE, see docs/importers.md)"),
    ]

    /// Names accepted for `--format` besides those in `all`.
    public static let aliases = ["auto": "auto", "jsonl": "ndjson", "atom": "rss", "twitter": "twitter-v2"]

    /// Recognises a format from the first decompressed bytes (nil when unrecognised).
    public static func detect(_ head: [UInt8]) -> String? {
        if case .format(let f) = FormatDetector.recognise(head) { return f }
        return nil
    }

    /// Recognises a format from the first decompressed bytes, or says why not.
    public static func recognise(_ head: [UInt8]) -> Detection { FormatDetector.recognise(head) }

    /// How many bytes `auto` looks at.
    public static let detectionWindow = 1 << 16

    /// Opens `path` as `format` (`auto` to detect).
    public static func open(path: String, format: String, options: ImportOptions) throws(ImportError) -> (PostReader, String) {
        var fmt = aliases[format] ?? format
        let source = try ByteSource(path: path)
        source.chunking = options.chunking
        options.watcher?.watch(source)
        if fmt == "auto" {
            if options.mappingPath != nil {
                fmt = "mapping"
            } else {
                switch recognise(try source.peek(detectionWindow)) {
                case .format(let f): fmt = f
                case .unrecognised(let why):
                    throw ImportError(file: path, reason: "format not recognised: \(why); name it with --format (see `tillit formats`)")
                }
            }
        }
        for (name, _) in options.joins where name != "businesses" {
            throw ImportError(file: path, reason: "unknown --join '\(name)' (known: businesses)")
        }
        if options.joins["businesses"] != nil, fmt != "yelp" {
            throw ImportError(file: path, reason: "--join businesses=FILE is for Yelp reviews, but this input is \(fmt)")
        }
        let reader: PostReader
        switch fmt {
        case "ndjson":
            reader = JSONRecordReader(source: source, mapper: FieldMapRecordMapper(fields: options.fields, source: "ndjson", explicitText: options.explicitText), container: .lines)
        case "json":
            reader = JSONRecordReader(source: source, mapper: FieldMapRecordMapper(fields: options.fields, source: "json", explicitText: options.explicitText,
                                                                                  recordPaths: genericRecordPaths))
        case "csv":
            reader = CSVReader(source: source, delimiter: options.delimiter ?? 44, fields: options.fields, explicitText: options.explicitText, sourceName: "csv")
        case "tsv":
            reader = CSVReader(source: source, delimiter: options.delimiter ?? 9, fields: options.fields, explicitText: options.explicitText, sourceName: "tsv")
        case "twitter-v2": reader = JSONRecordReader(source: source, mapper: TwitterV2Mapper())
        case "twitter-v1": reader = JSONRecordReader(source: source, mapper: TwitterV1Mapper())
        case "twitter-archive": reader = JSONRecordReader(source: source, mapper: TwitterArchiveMapper())
        case "reddit": reader = JSONRecordReader(source: source, mapper: RedditMapper())
        case "yelp":
            let names = try options.joins["businesses"].map { (p) throws(ImportError) in try YelpMapper.loadBusinesses(p) } ?? [:]
            reader = JSONRecordReader(source: source, mapper: YelpMapper(businesses: names))
        case "amazon": reader = JSONRecordReader(source: source, mapper: AmazonMapper())
        case "trustpilot": reader = JSONRecordReader(source: source, mapper: TrustpilotMapper())
        case "google-reviews": reader = JSONRecordReader(source: source, mapper: GoogleReviewsMapper())
        case "app-reviews": reader = JSONRecordReader(source: source, mapper: AppReviewsMapper())
        case "mastodon": reader = JSONRecordReader(source: source, mapper: MastodonMapper())
        case "bluesky": reader = JSONRecordReader(source: source, mapper: BlueskyMapper())
        case "facebook": reader = JSONRecordReader(source: source, mapper: FacebookMapper())
        case "instagram": reader = JSONRecordReader(source: source, mapper: InstagramMapper())
        case "stackexchange": reader = try XMLRecordReader(source: source, mapper: StackExchangeMapper())
        case "rss": reader = try XMLRecordReader(source: source, mapper: FeedMapper(), htmlEntities: true, recover: true)
        case "semeval": reader = try XMLRecordReader(source: source, mapper: SemEvalMapper())
        case "mapping":
            guard let m = options.mappingPath else { throw ImportError(file: path, reason: "the mapping format needs --mapping FILE") }
            reader = try MappingReader.open(source: source, mappingPath: m)
        default:
            throw ImportError(file: path, reason: "unknown format '\(fmt)' (see `tillit formats`)")
        }
        return (reader, fmt)
    }

    /// Where the generic `json` format looks for the record array inside an object.
    static let genericRecordPaths = [["data"], ["items"], ["records"], ["reviews"], ["results"], ["posts"], ["entries"],
                                     ["statuses"], ["comments"], ["rows"]]
}
