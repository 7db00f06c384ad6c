import ArgumentParser
import TillitCore
import TillitStore
import TillitReport

struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Rank retailers per aspect over a period, with intervals and pairwise significance.",
        discussion: """
        Writes DIR/benchmark.html plus benchmark_ranking, benchmark_pairs and benchmark_method as CSV and \
        JSON. Retailers are ranked by net sentiment; every pair is compared with a two-sided z-test, \
        Holm-corrected within each aspect (docs/report.md).

        EXAMPLES
          tillit benchmark --db out/tillit.sqlite --from 2026-W36 --to 2026-W47 --out out/benchmark
          tillit benchmark --from 2026-W36 --to 2026-W47 --sector grocery --country se --locale sv --out out/bench-se
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("from"), help: ArgumentHelp("First ISO week.", valueName: "YYYY-Www"))
    var from: String

    @Option(name: .customLong("to"), help: ArgumentHelp("Last ISO week.", valueName: "YYYY-Www"))
    var to: String

    @Option(name: .customLong("sector"), help: ArgumentHelp("Only retailers of this sector (as in Lexicons/retailers.tsv).", valueName: "NAME"))
    var sector: String?

    @Option(name: .customLong("country"), help: ArgumentHelp("Only retailers active in this country code (se, dk, …).", valueName: "CODE"))
    var country: String?

    @Option(name: .customLong("locale"), help: ArgumentHelp("Report language: en, sv or da.", valueName: "LANG"))
    var locale: String = "en"

    @Option(name: .customLong("out"), help: ArgumentHelp("Output directory.", valueName: "DIR"))
    var out: String = "out/benchmark"

    func validate() throws {
        guard let a = ISOWeek(from), let b = ISOWeek(to) else { throw ValidationError("--from and --to must be ISO weeks such as 2026-W36") }
        guard a <= b else { throw ValidationError("--from must not be after --to") }
        guard ReportLocale.Code(rawValue: locale) != nil else { throw ValidationError("--locale must be en, sv or da") }
    }

    func run() throws {
        let db = try store.open(create: false)
        var o = BenchmarkReport.Options(from: ISOWeek(from)!, to: ISOWeek(to)!)
        o.sector = sector
        o.country = country
        o.locale = ReportLocale.Code(rawValue: locale)!
        let report = try ReportSupport.map { try BenchmarkReport.build(store: db, options: o) }
        let path = try ReportSupport.write(dir: out, html: report.html(), figures: report.figures, htmlName: "benchmark.html")
        print("benchmark: \(path) (\(report.figures.count) figures as CSV and JSON in \(out)/)")
    }
}
