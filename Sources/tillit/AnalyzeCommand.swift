import ArgumentParser
import TillitCore
import TillitAnalysis
import TillitImport
#if canImport(Glibc)
import Glibc
#endif
import TillitStore

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse posts from dump files and write one record per post.",
        discussion: """
        Reads each INPUT (a file, or - for stdin; gzip, zstd, bzip2 and xz are decompressed), analyses every \
        record and writes JSON Lines (default) or CSV. The record layout is documented in docs/record.md.

        Every record read is accounted for: analysed, skipped (with a reason, e.g. empty text) or rejected \
        into the reject file with file, line and reason. A reconciliation is printed to stderr; the exit \
        status is 2 when anything was rejected.

        EXAMPLES
          tillit analyze posts.ndjson -o out.jsonl
          tillit analyze reviews.tsv --text-column review_body --id-column review_id --output-format csv
          cat posts.ndjson | tillit analyze - --format ndjson --explain
        """
    )

    @Argument(help: ArgumentHelp("Input files, or - for stdin.", valueName: "INPUT"))
    var inputs: [String] = ["-"]

    @OptionGroup var input: InputOptions
    @OptionGroup var lexicons: LexiconOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (- for stdout).", valueName: "FILE"))
    var output: String = "-"

    @Option(name: .customLong("output-format"), help: ArgumentHelp("jsonl or csv.", valueName: "FORMAT"))
    var outputFormat: String = "jsonl"

    @Option(name: .customLong("rejects"), help: ArgumentHelp("Reject file (JSON Lines). Default: OUTPUT.rejects.jsonl, or tillit-rejects.jsonl when writing to stdout. Created only when something is rejected.", valueName: "FILE"))
    var rejects: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp("Analyse every post as this language (sv, da, en) instead of identifying it.", valueName: "LANG"))
    var language: String?

    @Flag(name: .customLong("explain"), help: "Add the evidence (tokens, rules, deltas) to each JSON record.")
    var explain = false

    @Flag(name: .customLong("include-text"), help: "Copy the post text into each record.")
    var includeText = false

    @Flag(name: [.short, .customLong("quiet")], help: "Do not print the reconciliation.")
    var quiet = false

    @Option(name: [.short, .customLong("jobs")], help: ArgumentHelp("Worker threads (default: all cores). Output order and content do not depend on it.", valueName: "N"))
    var jobs: Int?

    @Flag(name: .customLong("timings"), help: "Print time spent importing, analysing and writing, and peak memory, to stderr (for benchmarks).")
    var timings = false

    @Option(name: .customLong("author-key"), help: ArgumentHelp("Pseudonymize authors with this HMAC key file (created with mode 0600 when missing); without it authors are null.", valueName: "FILE"))
    var authorKey: String?

    func validate() throws {
        guard ["jsonl", "csv"].contains(outputFormat) else { throw ValidationError("--output-format must be jsonl or csv") }
        if let l = language, Language(rawValue: l) == nil || l == "und" { throw ValidationError("--lang must be sv, da, en or nb") }
        if explain, outputFormat == "csv" { throw ValidationError("--explain needs --output-format jsonl") }
        if let j = jobs, j < 1 || j > 256 { throw ValidationError("--jobs must be between 1 and 256") }
    }

    func run() throws {
        var options = try input.importOptions()
        let bundle = try lexicons.load()
        let pseudonymizer = try authorKey.map { try AuthorKey.pseudonymizer($0) }
        let workers = BatchAnalyzer(bundle: bundle, jobs: jobs ?? BatchAnalyzer.cores, pseudonymizer: pseudonymizer)
        let encoder = RecordEncoder(explain: explain, includeText: includeText, lexiconVersion: bundle.version, toolVersion: tillitVersion)
        let out = try OutputFile(path: output)
        let writer = RecordWriter(format: outputFormat, encoder: encoder)
        try out.write(writer.header())
        var tally = Reconciliation()
        let rejectPath = rejects ?? (output == "-" ? "tillit-rejects.jsonl" : output + ".rejects.jsonl")
        var rejectFile: OutputFile?
        let forced = language.flatMap(Language.init(rawValue:))
        // Posts are analysed in batches on all workers; skips and rejections keep their place in order.
        var batch: [Post] = []
        var analyseSeconds = 0.0, writeSeconds = 0.0, importSeconds = 0.0
        let started = Clock.now()
        func flush() throws {
            guard !batch.isEmpty else { return }
            let explainText = explain
            let t0 = Clock.now()
            let records = workers.map(batch, forceLanguage: forced, keepText: explainText) { writer.record($0) }
            let t1 = Clock.now()
            for r in records { try out.write(r) }
            analyseSeconds += t1 - t0
            writeSeconds += Clock.now() - t1
            tally.analysed += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        let batchSize = 2048
        let progress = Progress(enabled: !quiet && isatty(2) != 0, inputs: inputs)
        options.watcher = progress.watcher
        do {
            for path in inputs {
                let (reader, _) = try Formats.open(path: path, format: input.format, options: options)
                do {
                    while true {
                        let ti = Clock.now()
                        let next = try reader.next()
                        importSeconds += Clock.now() - ti
                        guard let ev = next else { break }
                        if tally.read & 1023 == 0 { progress.tick(posts: tally.read) }
                        switch ev {
                        case .post(let post):
                            tally.read += 1
                            batch.append(post)
                            if batch.count >= batchSize { try flush() }
                        case .skipped(_, let reason):
                            tally.read += 1
                            tally.skipped[reason, default: 0] += 1
                        case .rejected(let origin, let reason, let raw):
                            tally.read += 1
                            tally.rejected += 1
                            if rejectFile == nil { rejectFile = try OutputFile(path: rejectPath) }
                            try rejectFile!.write(Reconciliation.rejectLine(origin: origin, reason: reason, raw: raw))
                            if tally.rejected <= 10 { Diagnostics.warning("\(origin.description): rejected: \(reason)") }
                        }
                    }
                } catch {
                    // A fatal error inside one input (corrupt or truncated compression): what was read
                    // stands, the failure is recorded as a rejection of the rest of that file.
                    tally.read += 1
                    tally.rejected += 1
                    if rejectFile == nil { rejectFile = try OutputFile(path: rejectPath) }
                    try rejectFile!.write(Reconciliation.rejectLine(origin: RecordOrigin(file: path), reason: "\(error)", raw: ""))
                    Diagnostics.error("\(error)")
                }
            }
            try flush()
            progress.finish(posts: tally.read)
        } catch {
            out.discard()
            rejectFile?.discard()
            throw error
        }
        try out.commit()
        try rejectFile?.commit()
        if !quiet { Diagnostics.note(tally.summary(rejectPath: rejectFile != nil ? rejectPath : nil, output: output)) }
        if timings {
            let total = Clock.now() - started
            Diagnostics.note("timings: total \(formatFixed(total, 3)) s; import \(formatFixed(importSeconds, 3)) s; analysis \(formatFixed(analyseSeconds, 3)) s on \(workers.jobs) thread(s) (text layer \(formatFixed(workers.textLayerSeconds, 3)) thread-s); write \(formatFixed(writeSeconds, 3)) s; \(tally.analysed) posts; peak memory \(Clock.peakMemoryMB()) MB")
        }
        if tally.rejected > 0 { throw TillitFailure(status: .rejected, message: "\(tally.rejected) record(s) rejected; see \(rejectPath)") }
    }
}

/// Counts that reconcile: read = analysed + skipped + rejected.
struct Reconciliation {
    var read = 0
    var analysed = 0
    var skipped: [String: Int] = [:]
    var rejected = 0

    var skippedTotal: Int { skipped.values.reduce(0, +) }

    func summary(rejectPath: String?, output: String) -> String {
        var s = "read \(read) = analysed \(analysed) + skipped \(skippedTotal) + rejected \(rejected)"
        if !skipped.isEmpty {
            s += " (skipped: " + skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        if output != "-" { s += "; output: \(output)" }
        if let r = rejectPath { s += "; rejects: \(r)" }
        return s
    }

    static func rejectLine(origin: RecordOrigin, reason: String, raw: String) -> String {
        var j = JSONBuilder()
        j.raw("{"); j.key("file"); j.string(origin.file)
        j.raw(","); j.key("line"); j.raw(String(origin.line))
        j.raw(","); j.key("record"); j.raw(String(origin.record + 1))
        j.raw(","); j.key("reason"); j.string(reason)
        j.raw(","); j.key("raw"); j.string(raw)
        j.raw("}\n")
        return j.out
    }
}
