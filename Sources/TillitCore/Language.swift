/// Languages Tillit identifies. Analysis lexicons exist for `sv`, `da` and `en`; `nb` (Norwegian) is
/// identified so that it is not mistaken for Danish or Swedish, and analysed with the Danish lexicons.
public enum Language: String, Sendable, CaseIterable, Hashable, Comparable {
    case sv, da, en, nb, und

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }

    /// Languages with their own lexicons.
    public static let analysed: [Language] = [.sv, .da, .en]

    /// The lexicon set used to analyse text in this language.
    public var lexiconLanguage: Language {
        switch self {
        case .nb: .da
        case .und: .en
        default: self
        }
    }

    /// Maps a source's language tag (`sv`, `sv-SE`, `swe`, `da_DK`, `no`, `nn`, `en-GB`) to a language.
    public init?(tag: String) {
        let t = tag.lowercased()
        let base = t.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? t
        switch base {
        case "sv", "swe", "swedish", "svenska": self = .sv
        case "da", "dan", "danish", "dansk": self = .da
        case "en", "eng", "english": self = .en
        case "nb", "no", "nn", "nob", "nno", "nor", "norwegian", "norsk": self = .nb
        case "und", "unk": self = .und
        default: return nil
        }
    }
}
