import TillitCore
import TillitImport
import TillitAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// Analyses posts from inputs and stores them, in batches that each commit in one transaction together
/// with the run's counts. A crash or kill loses at most the batch in flight; the run row then stays
/// `running` (marked `interrupted` by the next ingest) and ingesting the same inputs again adds exactly
/// the posts that are missing, because posts are unique by (source, id).
public final class Ingestor {
    public struct Options: Sendable {
        public var format = "auto"
        public var importOptions = ImportOptions()
        public var textRetention = TextRetention.redacted
        /// Overrides each post's source name (the first half of the dedupe key).
        public var source: String?
        public var batchSize = 500
        public init() {}
    }

    public let store: PostStore
    public let analyzer: Analyzer
    public var options: Options
    public var redactor: Redactor
    /// Checked after every record; true stops the run cleanly (Ctrl-C).
    public var shouldStop: () -> Bool = { false }
    /// Called with each rejection (origin and reason) for diagnostics.
    public var onReject: (RecordOrigin, String) -> Void = { _, _ in }
    /// Called when an input fails fatally (the rest of it is counted as one rejection).
    public var onInputError: (String, String) -> Void = { _, _ in }

    public init(store: PostStore, analyzer: Analyzer, options: Options, redactor: Redactor) {
        self.store = store; self.analyzer = analyzer; self.options = options; self.redactor = redactor
    }

    public struct Result: Sendable {
        public var run: Int
        public var counts: RunCounts
        public var status: RunRecord.Status
    }

    /// Ingests `inputs`; `toolVersion` is recorded with the run.
    public func run(inputs: [String], toolVersion: String) throws -> Result {
        try store.reapStaleRuns { pid in kill(pid_t(pid), 0) == 0 || errno == EPERM }
        let pseudonymizer = Pseudonymizer(key: try store.pseudonymKey())
        analyzer.pseudonymizer = { pseudonymizer.pseudonym($0) }
        try store.upsertRetailers(analyzer.bundle.registry.retailers.map {
            RetailerInfo(id: $0.id, name: $0.name, sector: $0.sector, countries: $0.countries)
        })
        var opts = JSONBuilder()
        opts.raw("{"); opts.key("format"); opts.string(options.format)
        opts.raw(","); opts.key("store_text"); opts.string(options.textRetention.rawValue)
        opts.raw(","); opts.key("source"); if let s = options.source { opts.string(s) } else { opts.raw("null") }
        opts.raw("}")
        let run = try store.beginRun(RunInfo(inputs: inputs, options: opts.out, lexiconVersion: analyzer.bundle.version,
                                             toolVersion: toolVersion, pid: Int(getpid()), startedAt: Ingestor.now()))
        var counts = RunCounts()
        var batch: [StoredPost] = []
        var inBatch = Set<String>()
        var stopped = false
        func flush() throws {
            let n = try store.insert(batch, run: run, counts: counts)
            counts.inserted += n
            batch.removeAll(keepingCapacity: true)
            inBatch.removeAll(keepingCapacity: true)
        }
        inputs: for path in inputs {
            let reader: PostReader
            do {
                reader = try Formats.open(path: path, format: options.format, options: options.importOptions).0
            } catch {
                counts.read += 1; counts.rejected += 1
                onInputError(path, "\(error)")
                continue
            }
            do {
                while let ev = try reader.next() {
                    counts.read += 1
                    switch ev {
                    case .post(var post):
                        if let s = options.source { post.source = s }
                        counts.analysed += 1
                        let key = post.source + "\u{0}" + post.id
                        if try inBatch.contains(key) || store.contains(source: post.source, id: post.id) { break }
                        inBatch.insert(key)
                        batch.append(stored(analyzer.analyze(post)))
                    case .skipped(_, let reason):
                        counts.skipped += 1
                        counts.skippedReasons[reason, default: 0] += 1
                    case .rejected(let origin, let reason, _):
                        counts.rejected += 1
                        onReject(origin, reason)
                    }
                    if batch.count >= options.batchSize { try flush() }
                    if shouldStop() { stopped = true; break inputs }
                }
            } catch let e as ImportError {
                counts.read += 1; counts.rejected += 1
                onInputError(path, e.description)
            }
        }
        try flush()
        counts.duplicates = counts.analysed - counts.inserted
        let status: RunRecord.Status = stopped ? .interrupted : .complete
        try store.finishRun(run, counts: counts, status: status, finishedAt: Ingestor.now())
        return Result(run: run, counts: counts, status: status)
    }

    /// The analysis of a post as a store row.
    public func stored(_ a: PostAnalysis) -> StoredPost {
        let text: String? = switch options.textRetention {
        case .full: a.post.text
        case .redacted: redactor.redact(a.post.text)
        case .none: nil
        }
        let aspects = Aspect.allCases.sorted().compactMap { asp -> StoredAspect? in
            guard let r = a.aspects[asp] else { return nil }
            return StoredAspect(aspect: asp, score: fixed(r.sentiment.score), label: r.sentiment.label, band: r.sentiment.band, drivers: r.drivers)
        }
        let s = a.sentiment.sentiment
        return StoredPost(source: a.post.source, id: a.post.id, createdAt: a.post.createdAt, lang: a.language.language.rawValue,
                          langConfidence: Int((a.language.confidence * 1000).rounded()), author: a.author, rating: a.post.rating,
                          score: fixed(s.score), label: s.label, band: s.band, text: text, textMode: options.textRetention,
                          origin: a.post.origin.description, lexiconVersion: analyzer.bundle.version,
                          retailers: a.retailers.map { ($0.id, $0.reason) }, aspects: aspects)
    }

    /// Wall-clock time for run records only (never written into reports).
    static func now() -> String { Timestamp(seconds: Int64(time(nil))).iso8601 }
}

/// A score in [-1, 1] as ten-thousandths, rounded like the record's four decimals.
public func fixed(_ v: Double) -> Int64 { Int64((v * 10_000).rounded()) }
