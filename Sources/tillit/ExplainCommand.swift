import ArgumentParser
import TillitCore
import TillitAnalysis

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show token by token how Tillit scores a text.",
        discussion: """
        Prints the tokens with their normalised forms and lexicon matches, each sentiment item with the \
        rules that changed it, the aspects with their drivers and evidence, and the retailers found.

        EXAMPLES
          tillit explain "Jag gillar inte att de säljer mina uppgifter" --lang sv
          tillit explain "Love the personal offers but it's creepy how much they know"
          tillit explain --json "Kan varmt anbefales 👍"
        """
    )

    @Argument(help: "The text to explain.")
    var text: String

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language (sv, da, en); identified when omitted.", valueName: "LANG"))
    var language: String?

    @Flag(name: .customLong("json"), help: "Print the JSON record with its evidence instead.")
    var json = false

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if let l = language, Language(rawValue: l) == nil || l == "und" { throw ValidationError("--lang must be sv, da, en or nb") }
    }

    func run() throws {
        let bundle = try lexicons.load()
        let analyzer = Analyzer(bundle: bundle)
        let post = Post(id: "explain", source: "cli", text: text)
        let a = analyzer.analyze(post, forceLanguage: language.flatMap(Language.init(rawValue:)), keepText: true)
        if json {
            print(RecordEncoder(explain: true, lexiconVersion: bundle.version, toolVersion: tillitVersion).json(a))
        } else {
            print(ExplanationPrinter(analysis: a, bundle: bundle).render(), terminator: "")
        }
    }
}
