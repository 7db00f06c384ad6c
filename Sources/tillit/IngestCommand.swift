import ArgumentParser
import TillitCore
import TillitAnalysis
import TillitImport
import TillitStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Analyse posts and store them (and their analysis) in a store for reports.",
        discussion: """
        Reads each INPUT like `tillit analyze`, analyses every post and stores it with its analysis, unique by \
        (source, id): ingesting the same input again adds nothing. Authors are stored only as keyed pseudonyms \
        (HMAC-SHA256 with a key created in the store). Each run is recorded with its inputs, counts, lexicon \
        version and tool version (docs/store.md).

        Posts are committed in batches, each batch in one transaction with the run's counts. Ctrl-C stops at \
        the next record and commits what was read (exit 130); after a crash or kill the store holds every \
        committed batch, and running the same ingest again completes it.

        EXAMPLES
          tillit ingest Corpora/demo/posts.ndjson --db out/tillit.sqlite
          tillit ingest reviews.csv --text-column review_text --id-column review_id --store-text none
        """
    )

    @Argument(help: ArgumentHelp("Input files, or - for stdin.", valueName: "INPUT"))
    var inputs: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var lexicons: LexiconOptions

    @Option(name: .customLong("store-text"), help: ArgumentHelp("Text kept in the store: full, redacted (personal data removed) or none.", valueName: "MODE"))
    var storeText: String = "redacted"

    @Option(name: .customLong("source"), help: ArgumentHelp("Source name for these inputs (first half of the dedupe key); default: the input format.", valueName: "NAME"))
    var source: String?

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Posts per transaction.", valueName: "N"))
    var batchSize: Int = 500

    @Flag(name: [.short, .customLong("quiet")], help: "Do not print the reconciliation.")
    var quiet = false

    func validate() throws {
        guard TextRetention(rawValue: storeText) != nil else { throw ValidationError("--store-text must be full, redacted or none") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let options = try input.importOptions()
        let bundle = try lexicons.load()
        let redactor: Redactor
        do { redactor = try Redactor.load(lexicons: bundle.directory) } catch { throw TillitFailure(status: .fatal, message: "\(error)") }
        let db = try store.open(create: true)
        var o = Ingestor.Options()
        o.format = input.format
        o.importOptions = options
        o.textRetention = TextRetention(rawValue: storeText)!
        o.source = source
        o.batchSize = batchSize
        let ingestor = Ingestor(store: db, analyzer: Analyzer(bundle: bundle), options: o, redactor: redactor)
        installStopHandler()
        ingestor.shouldStop = { stopRequested != 0 }
        var shown = 0
        ingestor.onReject = { origin, reason in
            shown += 1
            if shown <= 10 { Diagnostics.warning("\(origin.description): rejected: \(reason)") }
        }
        ingestor.onInputError = { path, message in Diagnostics.error("\(path): \(message)") }
        let result: Ingestor.Result
        do {
            result = try ingestor.run(inputs: inputs, toolVersion: tillitVersion)
        } catch let e as DatabaseError {
            throw TillitFailure(status: .fatal, message: "\(store.path): \(e.description)")
        } catch let e as StoreError {
            throw TillitFailure(status: .fatal, message: e.message)
        }
        let c = result.counts
        if !quiet {
            var s = "run \(result.run): read \(c.read) = analysed \(c.analysed) + skipped \(c.skipped) + rejected \(c.rejected)"
            s += "; stored \(c.inserted) new, \(c.duplicates) already in the store; store: \(store.path)"
            if !c.skippedReasons.isEmpty {
                s += " (skipped: " + c.skippedReasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            }
            Diagnostics.note(s)
        }
        if result.status == .interrupted {
            Diagnostics.note("interrupted: \(c.inserted) new posts were committed; run the same command again to finish")
            throw TillitFailure(status: .interrupted, message: "ingest interrupted")
        }
        if c.rejected > 0 { throw TillitFailure(status: .rejected, message: "\(c.rejected) record(s) rejected") }
    }
}
