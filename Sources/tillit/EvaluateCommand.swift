import ArgumentParser
import TillitCore
import TillitAnalysis
import TillitImport

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Check Tillit's sentiment against your own hand-labelled sample.",
        discussion: """
        Reads a labelled CSV/TSV (columns id, text and label by default; quoted fields allowed), analyses \
        each text and prints accuracy, macro-F1, the confusion matrix and — for numeric labels — Spearman's \
        rho between Tillit's score and the gold value. With only positive/negative gold labels the set is \
        binary and a prediction is positive iff its score > 0.

        Label schemes (--scheme, default guessed from the labels): words (positive/negative/neutral, \
        pos/neg/neu, 1/0), stars (1–2 negative, 3 neutral, 4–5 positive), sign (> 0, < 0, 0), \
        ternary (-1/0/1), vader (mean rating −4…4, neutral within ±0.2).

        EXAMPLES
          tillit evaluate my_sample.tsv
          tillit evaluate reviews.csv --text-column body --label-column stars --scheme stars
          tillit evaluate gold.tsv --predictions analysed.jsonl      # score existing records
          tillit evaluate --aspects Tests/Fixtures/aspects/sv.tsv    # privacy/personalization detection
          tillit evaluate --semeval Restaurants_Test.xml --lang en  # aspect-term polarity (SemEval ABSA)

        ASPECT SETS (--aspects)
          Columns id, lang, privacy, privacy_drivers, personalization, personalization_drivers, text;
          an aspect label is none, positive, neutral or negative; drivers are comma-separated (P1..P10,
          Z1..Z6) or -. Prints detection precision/recall/F1, driver precision/recall and the polarity
          accuracy on correctly detected texts, per aspect.
        """
    )

    @Argument(help: ArgumentHelp("Labelled file (CSV or TSV with a header).", valueName: "GOLD"))
    var gold: String

    @Option(name: .customLong("scheme"), help: ArgumentHelp("Label scheme: words, stars, sign, ternary, vader.", valueName: "NAME"))
    var scheme: String?
    @Option(name: .customLong("label-column"), help: ArgumentHelp("Column holding the gold label.", valueName: "NAME"))
    var labelColumn = "label"
    @Option(name: .customLong("text-column"), help: ArgumentHelp("Column holding the text.", valueName: "NAME"))
    var textColumn = "text"
    @Option(name: .customLong("id-column"), help: ArgumentHelp("Column holding the id.", valueName: "NAME"))
    var idColumn = "id"
    @Option(name: .customLong("lang"), help: ArgumentHelp("Analyse every text as this language.", valueName: "LANG"))
    var language: String?
    @Option(name: .customLong("predictions"), help: ArgumentHelp("Evaluate these analysed records (JSONL) instead of analysing the texts.", valueName: "FILE"))
    var predictions: String?
    @Flag(name: .customLong("json"), help: "Print the figures as JSON.")
    var json = false
    @Flag(name: .customLong("aspects"), help: "GOLD is an aspect set (privacy/personalization labels and drivers).")
    var aspects = false
    @Flag(name: .customLong("errors"), help: "With --aspects: list the texts Tillit got wrong.")
    var errors = false
    @Flag(name: .customLong("semeval"), help: "GOLD is SemEval ABSA XML: score Tillit's polarity toward each aspect term against the gold.")
    var semeval = false
    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        if aspects { return try runAspects() }
        if semeval { return try runSemEval() }
        if let s = scheme, LabelScheme(rawValue: s) == nil {
            throw TillitFailure(status: .usage, message: "unknown --scheme '\(s)'; use one of \(LabelScheme.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        // Gold rows through the CSV/TSV reader; the label travels in the rating slot only as text.
        var options = ImportOptions()
        options.fields.prefer(id: idColumn, text: textColumn, rating: nil)
        options.fields.retailer = [labelColumn]
        let (reader, _) = try Formats.open(path: gold, format: "auto", options: options)
        var rows: [(Post, String)] = []
        while let ev = try reader.next() {
            guard case .post(var p) = ev else { continue }
            guard let label = p.hints.first(where: { $0.kind == .businessName })?.value else {
                throw TillitFailure(status: .fatal, message: "\(gold): no '\(labelColumn)' column; use --label-column")
            }
            p.hints = []
            rows.append((p, label))
        }
        guard !rows.isEmpty else { throw TillitFailure(status: .fatal, message: "\(gold): no labelled rows") }
        let s = scheme.flatMap(LabelScheme.init(rawValue:)) ?? LabelScheme.guess(rows.map(\.1))
        var report = EvaluationReport()
        let mapped = rows.map { s.map($0.1) }
        report.binary = !mapped.contains(.neutral) && Set(rows.map { $0.1.lowercased() }).count <= 2
        var predicted: [String: (Double, SentimentLabel)] = [:]
        if let path = predictions {
            let src = try ByteSource(path: path)
            let lines = LineReader(source: src)
            while try lines.next({ line in
                if case .line(let b) = line, let v = try? JSONParser.parse(b).value, let id = v["id"]?.text,
                   let score = v["sentiment"]?["score"]?.double, let l = v["sentiment"]?["label"]?.text.flatMap(SentimentLabel.init(rawValue:)) {
                    predicted[id] = (score, l)
                }
            }) {}
        } else {
            let workers = BatchAnalyzer(bundle: try lexicons.load(), jobs: BatchAnalyzer.cores)
            let forced = language.flatMap(Language.init(rawValue:))
            let results = workers.map(rows.map(\.0), forceLanguage: forced) { ($0.sentiment.sentiment.score, $0.sentiment.sentiment.label) }
            for (i, r) in results.enumerated() { predicted[rows[i].0.id] = r }
        }
        var unlabeled = 0, missing = 0
        for (i, row) in rows.enumerated() {
            guard let g = mapped[i] else { unlabeled += 1; continue }
            let p = predicted[row.0.id] ?? { missing += 1; return (0, .neutral) }()
            report.add(gold: g, predicted: p.1, score: p.0, goldValue: Double(row.1.trimmingASCIIWhitespace()))
        }
        if json {
            var j = JSONBuilder()
            j.raw("{"); j.key("file"); j.string(gold); j.raw(","); j.key("scheme"); j.string(s.rawValue)
            j.raw(","); j.key("n"); j.raw(String(report.count)); j.raw(","); j.key("binary"); j.raw(report.binary ? "true" : "false")
            j.raw(","); j.key("accuracy"); j.number(report.accuracy); j.raw(","); j.key("macro_f1"); j.number(report.macroF1)
            j.raw(","); j.key("spearman"); if let r = report.spearman { j.number(r) } else { j.raw("null") }
            j.raw(","); j.key("confusion"); j.raw("{")
            for (a, g) in report.classes.enumerated() {
                if a > 0 { j.raw(",") }
                j.key(g.rawValue); j.raw("{")
                for (b, p) in report.classes.enumerated() { if b > 0 { j.raw(",") }; j.key(p.rawValue); j.raw(String(report.cell(g, p))) }
                j.raw("}")
            }
            j.raw("},"); j.key("unlabelled"); j.raw(String(unlabeled)); j.raw(","); j.key("missing"); j.raw(String(missing)); j.raw("}")
            print(j.out)
            return
        }
        print("\(gold): \(report.count) labelled texts, scheme \(s.rawValue)\(report.binary ? " (binary: positive iff score > 0)" : "")")
        if unlabeled > 0 { print("  \(unlabeled) rows with labels outside the scheme were left out") }
        if missing > 0 { print("  \(missing) rows had no prediction (counted as score 0, neutral)") }
        print("  accuracy   \(formatFixed(report.accuracy, 3))")
        print("  macro-F1   \(formatFixed(report.macroF1, 3))   (" + report.classes.map { "\($0.rawValue) \(formatFixed(report.f1($0), 3))" }.joined(separator: ", ") + ")")
        if let r = report.spearman { print("  Spearman   \(formatFixed(r, 3))   (score vs numeric gold)") }
        print("  confusion (rows gold, columns predicted)")
        let w = 10
        func pad(_ s: String) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        print("    " + pad("") + report.classes.map { pad($0.rawValue) }.joined())
        for g in report.classes { print("    " + pad(g.rawValue) + report.classes.map { pad(String(report.cell(g, $0))) }.joined()) }
    }
}

extension EvaluateCommand {
    func runAspects() throws {
        var options = ImportOptions()
        options.fields.prefer(id: idColumn, text: textColumn)
        options.fields.retailer = ["__none__"]
        // The gold columns are read with a second pass over the same file as plain rows.
        let table = try GoldTable(path: gold)
        let bundle = try lexicons.load()
        let workers = BatchAnalyzer(bundle: bundle, jobs: BatchAnalyzer.cores)
        let forced = language.flatMap(Language.init(rawValue:))
        let posts = table.rows.map { Post(id: $0["id"] ?? "", source: "gold", text: $0["text"] ?? "", languageHint: $0["lang"]) }
        let results = workers.map(posts, forceLanguage: forced) { $0.aspects }
        var evals = [Aspect.privacy: AspectEvaluation(aspect: .privacy), .personalization: AspectEvaluation(aspect: .personalization)]
        var wrong: [String] = []
        for (i, row) in table.rows.enumerated() {
            for aspect in [Aspect.privacy, .personalization] {
                let label = (row[aspect.rawValue] ?? "none").lowercased()
                let drivers = Set((row[aspect.rawValue + "_drivers"] ?? "-").split(separator: ",").compactMap { Driver(rawValue: String($0).trimmingASCIIWhitespace().uppercased()) })
                let g: (label: SentimentLabel, drivers: Set<Driver>)? = label == "none" ? nil : SentimentLabel(rawValue: label).map { ($0, drivers) }
                let p = results[i][aspect]
                evals[aspect]!.add(gold: g, predicted: p)
                if errors, (g == nil) != (p == nil) || (g != nil && p != nil && g!.label != p!.sentiment.label) {
                    let got = p.map { "\($0.sentiment.label.rawValue) \($0.drivers.map(\.rawValue).joined(separator: ","))" } ?? "none"
                    wrong.append("\(row["id"] ?? "?") \(aspect.rawValue): gold \(label) \(drivers.map { $0.rawValue }.sorted().joined(separator: ",")) / tillit \(got) | \(row["text"] ?? "")")
                }
            }
        }
        print("\(gold): \(table.rows.count) texts")
        print("  aspect            precision  recall     F1   driver-P  driver-R  polarity-acc  (tp fp fn)")
        for aspect in [Aspect.privacy, .personalization] {
            let e = evals[aspect]!
            func f(_ v: Double) -> String { let s = formatFixed(v, 3); return String(repeating: " ", count: max(0, 9 - s.count)) + s }
            print("  " + aspect.rawValue.padding(16) + f(e.precision) + f(e.recall) + f(e.f1) + " " + f(e.driverPrecision) + " " + f(e.driverRecall) + "     " + f(e.polarityAccuracy) + "   (\(e.tp) \(e.fp) \(e.fn))")
        }
        for w in wrong { print("  ✗ " + w) }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}

/// A small TSV/CSV table with a header, read whole (labelled samples are small).
struct GoldTable {
    var rows: [[String: String]] = []
    init(path: String) throws {
        let bytes = try FileBytes.read(path)
        let text = String(decoding: bytes, as: UTF8.self)
        let delimiter: Character = text.prefix(while: { $0 != "\n" }).contains("\t") ? "\t" : ","
        var records: [[String]] = []
        var field = "", record: [String] = [], quoted = false
        var it = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" { if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" && field.isEmpty { quoted = true
            } else if c == delimiter { record.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" { record.append(field); field = ""; records.append(record); record = []
            } else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { return }
        for r in records.dropFirst() where r.count == header.count {
            var d: [String: String] = [:]
            for (k, v) in zip(header, r) { d[k] = v }
            rows.append(d)
        }
    }
}

extension EvaluateCommand {
    /// SemEval ABSA: Tillit's target sentiment toward each gold aspect term (by its character offsets),
    /// and the sentence's overall label against the majority polarity of its opinions.
    func runSemEval() throws {
        let sentences = try SemEvalReader.read(path: gold)
        let bundle = try lexicons.load()
        let analyzer = Analyzer(bundle: bundle)
        let forced = language.flatMap(Language.init(rawValue:))
        var terms = EvaluationReport(), sentencesReport = EvaluationReport()
        var skippedConflict = 0
        for s in sentences {
            var votes: [SentimentLabel: Int] = [:]
            for t in s.aspectTerms {
                guard let g = SentimentLabel(rawValue: t.polarity) else { skippedConflict += 1; continue }
                votes[g, default: 0] += 1
                guard let from = t.from, let to = t.to, let range = byteRange(s.text, from, to) else { continue }
                let r = analyzer.targetSentiment(s.text, target: range, forceLanguage: forced)
                terms.add(gold: g, predicted: r.target.label, score: r.target.score, goldValue: nil)
            }
            for c in s.aspectCategories { if let g = SentimentLabel(rawValue: c.polarity) { votes[g, default: 0] += 1 } }
            // The sentence's opinion polarity: the majority of its opinions (ties and none are skipped).
            let ranked = votes.sorted { $0.value > $1.value }
            if let top = ranked.first, ranked.count == 1 || ranked[1].value < top.value {
                let a = analyzer.analyze(Post(id: s.id, source: "semeval", text: s.text), forceLanguage: forced)
                sentencesReport.add(gold: top.key, predicted: a.sentiment.sentiment.label, score: a.sentiment.sentiment.score, goldValue: nil)
            }
        }
        print("\(gold): \(sentences.count) sentences")
        print("  aspect terms: \(terms.count) with positive/neutral/negative gold (\(skippedConflict) conflict/other skipped)")
        print("    polarity accuracy \(formatFixed(terms.accuracy, 3)), macro-F1 \(formatFixed(terms.macroF1, 3))  (" + terms.classes.map { "\($0.rawValue) \(formatFixed(terms.f1($0), 3))" }.joined(separator: ", ") + ")")
        print("  sentences (majority opinion polarity vs Tillit's sentence label): \(sentencesReport.count)")
        print("    accuracy \(formatFixed(sentencesReport.accuracy, 3)), macro-F1 \(formatFixed(sentencesReport.macroF1, 3))")
    }

    /// UTF-8 byte range of code-point offsets [from, to) in `text`.
    func byteRange(_ text: String, _ from: Int, _ to: Int) -> Range<Int>? {
        var byte = 0, cp = 0, start: Int?
        for scalar in text.unicodeScalars {
            if cp == from { start = byte }
            if cp == to { break }
            byte += String(scalar).utf8.count
            cp += 1
        }
        guard let s = start, cp == to || to == text.unicodeScalars.count else { return nil }
        return s..<byte
    }
}
