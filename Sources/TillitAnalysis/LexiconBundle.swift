import TillitCore
import TillitText
import TillitImport

/// All compiled language knowledge: per-language lexicons, emoji, tokenizer rules, the language
/// identifier and the retailer registry, plus the version hash of every file they came from.
/// Immutable and shared by all worker threads.
public struct LexiconBundle: Sendable {
    public var directory: String
    public var languages: [Language: LanguageLexicon] = [:]
    public var emoji = EmojiLexicon()
    public var tokenizerRules = TokenizerRules()
    public var identifier = LanguageIdentifier()
    public var registry = RetailerRegistry()
    /// Stem tables for the stemming fallback, per language.
    public var stems: [Language: [[UInt8]: (Double, String)]] = [:]
    /// Content hash of every lexicon file loaded (plus user additions), in load order.
    public var version: String = ""
    /// Files loaded, relative names, for `lexicon stats` and run records.
    public var files: [String] = []
    /// Problems found while loading (bad lines are skipped and reported, never silently dropped).
    public var diagnostics: [LexiconDiagnostic] = []

    public init(directory: String) { self.directory = directory }
}

/// Finds the lexicon directory: `--lexicons`, `$TILLIT_LEXICONS`, `./Lexicons`, or next to the executable
/// (`<prefix>/share/tillit/Lexicons`, or the repository when run from `.build/<config>/`).
public enum LexiconLocator {
    public static func find(_ explicit: String?) -> String? {
        if let e = explicit { return e }
        if let env = FileBytes.environment("TILLIT_LEXICONS"), !env.isEmpty { return env }
        if FileBytes.isDirectory("Lexicons/sv") { return "Lexicons" }
        if let exe = FileBytes.executablePath() {
            var dir = exe.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            for _ in 0..<5 {
                for candidate in [dir + "/Lexicons", dir + "/share/tillit/Lexicons"] where FileBytes.isDirectory(candidate + "/sv") { return candidate }
                dir = dir.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                if dir.isEmpty { break }
            }
        }
        return nil
    }
}
