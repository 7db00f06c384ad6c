import ArgumentParser

/// The version of the tool, recorded in every output record and run.
let tillitVersion = "0.1.0"

struct Tillit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tillit",
        abstract: "How consumers feel about retailers' personalization and privacy — in Swedish, Danish and English.",
        discussion: """
        Tillit reads social-media and review dumps, identifies each post's language, scores its sentiment \
        with lexicons and rules you can inspect, detects privacy (P1–P10) and personalization (Z1–Z6) \
        aspects with their own sentiment, and attributes posts to retailers. Every score can be explained.

        EXAMPLES
          tillit analyze Corpora/demo/posts.ndjson -o out/posts.jsonl
          tillit analyze reviews.csv --text-column review --output-format csv -o out/reviews.csv
          zstdcat RC_2024-01.zst | tillit analyze - --format ndjson > analysed.jsonl
          tillit explain "Jag gillar inte att ICA säljer mina uppgifter" --lang sv
          tillit lexicon check

        EXIT CODES
          0 success · 1 usage error · 2 some records rejected (see the reject file) · 3 fatal error
        """,
        version: tillitVersion,
        subcommands: [AnalyzeCommand.self, ExplainCommand.self, EvaluateCommand.self, FormatsCommand.self, LexiconCommand.self, CorpusCommand.self, IngestCommand.self, ReportCommand.self, BenchmarkCommand.self, ForgetCommand.self]
    )
}
