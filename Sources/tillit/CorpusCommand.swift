import ArgumentParser
import TillitCore
import TillitAnalysis
import TillitImport

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Generate synthetic corpora for scale tests.",
        subcommands: [Generate.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a large synthetic corpus, deterministically.",
            discussion: """
            Posts come from the templates and slot values in Corpora/generator/ (sv 45 %, da 30 %, en 25 %; \
            about 80 % ordinary retail talk, 12 % privacy, 8 % personalization), spread uniformly over the \
            weeks given. The same --posts, --seed and options always give byte-identical output.

            EXAMPLES
              tillit corpus generate --posts 2000000 --seed 7 -o /tmp/big.ndjson
              tillit corpus generate --posts 10000 --format twitter-v2 | tillit analyze - --format twitter-v2
            """
        )
        @Option(name: .customLong("posts"), help: "Number of posts.") var posts: Int
        @Option(name: .customLong("seed"), help: "Random seed.") var seed: UInt64 = 1
        @Option(name: .customLong("format"), help: ArgumentHelp("ndjson, csv, twitter-v2, reddit, trustpilot (one JSON object per line) or rss (one RSS 2.0 feed).", valueName: "NAME"))
        var format = "ndjson"
        @Option(name: .customLong("start-week"), help: ArgumentHelp("First ISO week.", valueName: "YYYY-Www")) var startWeek = "2026-W36"
        @Option(name: .customLong("weeks"), help: "Number of weeks covered.") var weeks = 12
        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (- for stdout).", valueName: "FILE")) var output = "-"
        @Option(name: .customLong("templates"), help: ArgumentHelp("Template directory (default: Corpora/generator beside the lexicons).", valueName: "DIR"))
        var templates: String?

        func validate() throws {
            guard posts >= 0 else { throw ValidationError("--posts must be ≥ 0") }
            guard CorpusGenerator.formats.contains(format) else { throw ValidationError("--format must be one of \(CorpusGenerator.formats.joined(separator: ", "))") }
            guard ISOWeek(startWeek) != nil else { throw ValidationError("--start-week must look like 2026-W36") }
            guard weeks >= 1 else { throw ValidationError("--weeks must be ≥ 1") }
        }

        func run() throws {
            let dir: String
            if let t = templates { dir = t } else if let lex = LexiconLocator.find(nil) {
                dir = String(lex.dropLast("Lexicons".count)) + "Corpora/generator"
            } else { dir = "Corpora/generator" }
            let generator: CorpusGenerator
            do { generator = try CorpusGenerator(directory: dir) } catch {
                throw TillitFailure(status: .fatal, message: "corpus templates: \(error) (use --templates DIR)")
            }
            let out = try OutputFile(path: output)
            if format == "csv" { try out.write(CorpusGenerator.csvHeader()) }
            if format == "rss" { try out.write(CorpusGenerator.rssHeader()) }
            var rng = CorpusGenerator.Random(seed: seed)
            let start = ISOWeek(startWeek)!.start
            let span = Int64(weeks) * 7 * 86_400
            for i in 0..<posts {
                try out.write(generator.render(generator.post(i, rng: &rng, start: start, seconds: span), format: format))
            }
            if format == "rss" { try out.write(CorpusGenerator.rssFooter()) }
            try out.commit()
        }
    }
}
