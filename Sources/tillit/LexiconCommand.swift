import ArgumentParser
import TillitCore
import TillitAnalysis

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check and describe the lexicons.",
        subcommands: [Check.self, Stats.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint the lexicon files with file:line diagnostics.",
            discussion: "Checks headers (format, provenance, normalisation), key normalisation (NFKC_Casefold), duplicates, value ranges, driver ids and shared words with opposite polarity across languages. Exit status 2 when errors are found.\n\nEXAMPLE\n  tillit lexicon check --lexicons Lexicons"
        )
        @OptionGroup var lexicons: LexiconOptions
        @Flag(name: .customLong("warnings-as-errors"), help: "Fail on warnings too.")
        var strict = false

        func run() throws {
            guard let dir = LexiconLocator.find(lexicons.directory) else { throw TillitFailure(status: .fatal, message: "no lexicon directory found") }
            let diags = LexiconLinter(directory: dir).check()
            for d in diags { print(d.description) }
            let errors = diags.filter { $0.severity == .error }.count
            let warnings = diags.count - errors
            print("\(dir): \(errors) error(s), \(warnings) warning(s)")
            if errors > 0 || (strict && warnings > 0) { throw TillitFailure(status: .rejected, message: "lexicon check failed") }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count entries per language and kind.")
        @OptionGroup var lexicons: LexiconOptions

        func run() throws {
            let b = try lexicons.load()
            print("lexicon directory \(b.directory)")
            print("version \(b.version)")
            for lang in Language.analysed {
                guard let lex = b.languages[lang] else { continue }
                let valence = lex.info.filter { $0.valence != nil }.count
                var phraseValence = 0, roles = 0, cues = 0, blocks = 0
                for list in lex.phrases.values {
                    for p in list {
                        switch p.meaning {
                        case .valence: phraseValence += 1
                        case .role: roles += 1
                        case .aspectCue: cues += 1
                        case .block: blocks += 1
                        case .retailer: break
                        }
                    }
                }
                let wordCues = lex.cueLists.reduce(0) { $0 + $1.count }
                let negators = lex.info.filter { $0.roles.contains(.negator) }.count
                let boosters = lex.info.filter { $0.booster != 0 }.count
                print("\(lang.rawValue): \(valence) valence words, \(phraseValence) valence phrases, \(negators) negators, \(boosters) boosters, \(roles) role phrases, \(wordCues + cues) aspect cues, \(blocks) blocks, \(b.stems[lang]?.count ?? 0) stems")
            }
            print("emoji/emoticons: \(b.emoji.terms.count)")
            print("retailers: \(b.registry.retailers.count)")
            print("language-id words: \(b.identifier.terms.count)")
        }
    }
}
