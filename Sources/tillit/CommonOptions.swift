import ArgumentParser
import TillitCore
import TillitAnalysis
import TillitImport

/// Options that choose the lexicons.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicons"), help: ArgumentHelp("Lexicon directory.", discussion: "Default: $TILLIT_LEXICONS, ./Lexicons, or the one installed beside the executable.", valueName: "DIR"))
    var directory: String?

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("Extra valence lexicon (VADER TSV, AFINN TSV or term<TAB>score); prefix with 'sv:' etc. to add it to one language only. Repeatable.", valueName: "[LANG:]PATH"))
    var extra: [String] = []

    @Option(name: .customLong("retailers"), help: ArgumentHelp("Extra retailer registry rows (same columns as Lexicons/retailers.tsv). Repeatable.", valueName: "FILE"))
    var retailers: [String] = []

    func load() throws -> LexiconBundle {
        guard let dir = LexiconLocator.find(directory) else {
            throw TillitFailure(status: .fatal, message: "no lexicon directory found; pass --lexicons DIR or set TILLIT_LEXICONS")
        }
        var loader = LexiconLoader(directory: dir)
        for e in extra {
            if e.count > 3, e.dropFirst(2).hasPrefix(":"), let lang = Language(rawValue: String(e.prefix(2))) {
                loader.extraLexicons.append((String(e.dropFirst(3)), lang))
            } else {
                loader.extraLexicons.append((e, nil))
            }
        }
        loader.extraRetailers = retailers
        let bundle = try loader.load()
        let errors = bundle.diagnostics.filter { $0.severity == .error }
        for d in errors.prefix(20) { Diagnostics.warning("lexicon: \(d) (entry skipped)") }
        if errors.count > 20 { Diagnostics.warning("lexicon: \(errors.count - 20) more problems; run `tillit lexicon check`") }
        return bundle
    }
}

/// Options that say where input fields are.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("Input format (see `tillit formats`).", valueName: "NAME"))
    var format: String = "auto"

    @Option(name: .customLong("id-column"), help: ArgumentHelp("Field/column holding the record id.", valueName: "NAME"))
    var idColumn: String?
    @Option(name: .customLong("text-column"), help: ArgumentHelp("Field/column holding the text.", valueName: "NAME"))
    var textColumn: String?
    @Option(name: .customLong("lang-column"), help: ArgumentHelp("Field/column holding a language tag.", valueName: "NAME"))
    var langColumn: String?
    @Option(name: .customLong("created-column"), help: ArgumentHelp("Field/column holding the creation time.", valueName: "NAME"))
    var createdColumn: String?
    @Option(name: .customLong("author-column"), help: ArgumentHelp("Field/column holding the author.", valueName: "NAME"))
    var authorColumn: String?
    @Option(name: .customLong("rating-column"), help: ArgumentHelp("Field/column holding a star rating.", valueName: "NAME"))
    var ratingColumn: String?
    @Option(name: .customLong("retailer-column"), help: ArgumentHelp("Field/column naming the retailer (id or name).", valueName: "NAME"))
    var retailerColumn: String?
    @Option(name: .customLong("delimiter"), help: ArgumentHelp("CSV delimiter (one character; 'tab' for TAB).", valueName: "CHAR"))
    var delimiter: String?
    @Option(name: .customLong("join"), help: ArgumentHelp("Join a side file: businesses=FILE (the Yelp business file; names become hints). Repeatable.", valueName: "NAME=FILE"))
    var join: [String] = []
    @Option(name: .customLong("mapping"), help: ArgumentHelp("Mapping file describing a JSON/NDJSON/XML dump (format mapping; see docs/importers.md).", valueName: "FILE"))
    var mapping: String?

    func importOptions() throws -> ImportOptions {
        var o = ImportOptions()
        o.fields.prefer(id: idColumn, text: textColumn, lang: langColumn, created: createdColumn, author: authorColumn,
                        rating: ratingColumn, retailer: retailerColumn)
        o.explicitText = textColumn != nil
        if let d = delimiter {
            if d == "tab" || d == "\\t" { o.delimiter = 9 } else {
                guard d.utf8.count == 1 else { throw TillitFailure(status: .usage, message: "--delimiter must be one ASCII character or 'tab'") }
                o.delimiter = d.utf8.first
            }
        }
        for j in join {
            guard let eq = j.firstIndex(of: "="), eq != j.startIndex, j.index(after: eq) != j.endIndex else {
                throw TillitFailure(status: .usage, message: "--join takes NAME=FILE (e.g. businesses=yelp_academic_dataset_business.json)")
            }
            o.joins[String(j[..<eq])] = String(j[j.index(after: eq)...])
        }
        for name in o.joins.keys where name != "businesses" { throw TillitFailure(status: .usage, message: "unknown --join '\(name)' (known: businesses)") }
        o.mappingPath = mapping
        if format == "mapping", mapping == nil { throw TillitFailure(status: .usage, message: "--format mapping needs --mapping FILE") }
        if mapping != nil, format != "auto", format != "mapping" { throw TillitFailure(status: .usage, message: "--mapping FILE describes the input itself; drop --format \(format)") }
        let known = Formats.all.map(\.name) + Formats.aliases.keys.sorted()
        guard known.contains(format) else {
            throw TillitFailure(status: .usage, message: "unknown format '\(format)'; known: \(known.joined(separator: ", "))")
        }
        return o
    }
}
