import ArgumentParser
import TillitCore
import TillitAnalysis
import TillitImport
import TillitStore
import TillitReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the weekly report (one self-contained HTML file) and every figure as CSV and JSON.",
        discussion: """
        Reads the store and writes DIR/report.html (inline CSS and SVG, no script, no network) plus \
        DIR/NAME.csv and DIR/NAME.json for every figure NAME shown in it (docs/report.md). The same store and \
        options give byte-identical files. Quotes are redacted and authors appear only as pseudonyms.

        EXAMPLES
          tillit report --db out/tillit.sqlite --week 2026-W47 --out out/report
          tillit report --week 2026-W47 --weeks 8 --locale sv --out out/rapport
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("week"), help: ArgumentHelp("ISO week of the report (default: the latest week in the store).", valueName: "YYYY-Www"))
    var week: String?

    @Option(name: .customLong("weeks"), help: ArgumentHelp("Weeks of trend, ending with --week.", valueName: "N"))
    var weeks: Int = 12

    @Option(name: .customLong("locale"), help: ArgumentHelp("Report language: en, sv or da.", valueName: "LANG"))
    var locale: String = "en"

    @Option(name: .customLong("out"), help: ArgumentHelp("Output directory.", valueName: "DIR"))
    var out: String = "out/report"

    @Option(name: .customLong("lexicons"), help: ArgumentHelp("Lexicon directory (for the redaction word lists).", valueName: "DIR"))
    var lexicons: String?

    @Option(name: .customLong("top"), help: ArgumentHelp("Retailers shown in the HTML (most posts on privacy and personalization); CSV and JSON keep all.", valueName: "N"))
    var top: Int = 12

    @Option(name: .customLong("examples"), help: ArgumentHelp("Example posts per driver and retailer.", valueName: "N"))
    var examples: Int = 2

    func validate() throws {
        if let w = week, ISOWeek(w) == nil { throw ValidationError("--week must be an ISO week such as 2026-W47") }
        guard (1...104).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 104") }
        guard ReportLocale.Code(rawValue: locale) != nil else { throw ValidationError("--locale must be en, sv or da") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        guard (0...10).contains(examples) else { throw ValidationError("--examples must be between 0 and 10") }
    }

    func run() throws {
        let db = try store.open(create: false)
        let redactor = try ReportSupport.redactor(lexicons)
        guard let w = try week.flatMap(ISOWeek.init) ?? db.latestWeek() else {
            throw TillitFailure(status: .fatal, message: "\(store.path): the store has no dated posts; ingest some first")
        }
        var o = WeeklyReport.Options(week: w)
        o.weeks = weeks
        o.locale = ReportLocale.Code(rawValue: locale)!
        o.examplesPerDriver = examples
        o.top = top
        let report = try ReportSupport.map { try WeeklyReport.build(store: db, options: o, redactor: redactor) }
        let html = HTMLReportWriter(report: report).html()
        let path = try ReportSupport.write(dir: out, html: html, figures: report.figures)
        print("report: \(path) (\(w.description), \(report.figures.count) figures as CSV and JSON in \(out)/)")
    }
}

/// Shared by `report` and `benchmark`.
enum ReportSupport {
    static func redactor(_ dir: String?) throws -> Redactor {
        guard let d = LexiconLocator.find(dir) else {
            throw TillitFailure(status: .fatal, message: "no lexicon directory found (needed for redaction); pass --lexicons DIR or set TILLIT_LEXICONS")
        }
        do { return try Redactor.load(lexicons: d) } catch { throw TillitFailure(status: .fatal, message: "\(error)") }
    }

    static func map<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DatabaseError {
            throw TillitFailure(status: .fatal, message: e.description)
        } catch let e as StoreError {
            throw TillitFailure(status: .fatal, message: e.message)
        }
    }

    /// Writes report.html (or `htmlName`) and NAME.csv / NAME.json per figure, each atomically.
    static func write(dir: String, html: String, figures: [Figure], htmlName: String = "report.html") throws -> String {
        try FileBytes.makeDirectories(dir)
        var files: [(String, String)] = [(htmlName, html)]
        for f in figures {
            files.append((f.name + ".csv", f.csv))
            files.append((f.name + ".json", f.json))
        }
        for (name, content) in files {
            let o = try OutputFile(path: dir + "/" + name)
            try o.write(content)
            try o.commit()
        }
        return dir + "/" + htmlName
    }
}
