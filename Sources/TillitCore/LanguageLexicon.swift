/// Roles a single word can play in the rules.
public struct WordRoles: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public static let negator = WordRoles(rawValue: 1)
    public static let booster = WordRoles(rawValue: 2)
    /// "men", "but": the clause after weighs more.
    public static let contrastBut = WordRoles(rawValue: 4)
    /// "även om", "although": the clause it introduces weighs less.
    public static let contrastAlthough = WordRoles(rawValue: 8)
    public static let irrealis = WordRoles(rawValue: 16)
    public static let clauseBreak = WordRoles(rawValue: 32)
    /// Compound-initial intensifier ("jätte", "skit", "kæmpe").
    public static let intensifierPrefix = WordRoles(rawValue: 64)
    /// A clause-initial pronoun that refers back ("det", "den", "it", "they") — from `anaphors.txt`.
    public static let anaphor = WordRoles(rawValue: 128)
}

/// Where a lexicon value came from (for `--explain`).
public struct EntrySource: Sendable, Hashable {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
}

/// What the lexicons know about one normalised word.
public struct WordInfo: Sendable, Equatable {
    public var valence: Double?
    public var valenceSource: EntrySource?
    public var booster: Double = 0
    public var prefixValue: Double = 0
    /// Valence a compound-initial element gives a compound whose head has none ("toppen|service").
    public var prefixValence: Double?
    public var roles: WordRoles = []
    public init() {}
}

/// A multi-word entry: a sequence of normalised tokens and what it means.
public struct Phrase: Sendable, Equatable {
    public enum Meaning: Sendable, Equatable {
        /// Valence for the whole expression (valence.tsv MWEs and idioms.tsv); replaces its words' scores.
        case valence(Double)
        case role(WordRoles, booster: Double)
        case aspectCue(AspectCue)
        /// A false friend that blocks cues of a driver (nil = every driver) in its clause.
        case block(Driver?)
        /// A retailer name (an id into the registry).
        case retailer(Int)
    }
    public var terms: [Int32]
    public var meaning: Meaning
    public var source: EntrySource
    public init(terms: [Int32], meaning: Meaning, source: EntrySource) {
        self.terms = terms; self.meaning = meaning; self.source = source
    }
}

/// An aspect cue from `aspects.tsv`.
public struct AspectCue: Sendable, Equatable {
    public enum Kind: String, Sendable { case word, head, mwe }
    public var driver: Driver
    public var kind: Kind
    /// Implicit polarity on the valence scale (−4…4).
    public var polarity: Double
    public var term: String
    public var source: EntrySource
    public init(driver: Driver, kind: Kind, polarity: Double, term: String, source: EntrySource) {
        self.driver = driver; self.kind = kind; self.polarity = polarity; self.term = term; self.source = source
    }
}

/// The compiled lexicons of one language: a term table, per-term information, phrases and aspect cues.
public struct LanguageLexicon: Sendable {
    public var language: Language
    public var terms = TermTable(capacity: 8192)
    /// Indexed by term id.
    public var info: [WordInfo] = []
    /// Phrases indexed by their first term id.
    public var phrases: [Int32: [Phrase]] = [:]
    /// Every list of aspect cues a word can carry; tokens refer to them by index.
    public var cueLists: [[AspectCue]] = []
    /// Aspect cues on exact words: term id → index into `cueLists`.
    public var wordCues: [Int32: Int32] = [:]
    /// Aspect cues on compound heads / stems: matched at the end of a word (plus inflection endings).
    public var headCues = TermTable(capacity: 256)
    /// Head id → index into `cueLists`.
    public var headCueList: [Int32] = []
    /// Per term id: whether some phrase starts with it (skips the phrase dictionary for most tokens).
    public var startsPhrase: [Bool] = []
    /// The same phrases split by use: valence and roles (contiguous matching) and aspect cues and blocks
    /// (gapped matching), each with its own start flags, so neither matcher walks the other's entries.
    public var sentimentPhrases: [Int32: [Phrase]] = [:]
    public var startsSentimentPhrase: [Bool] = []
    public var aspectPhrases: [Int32: [Phrase]] = [:]
    public var startsAspectPhrase: [Bool] = []

    /// The cues of a resolved token.
    public func cues(_ r: ResolvedToken) -> [AspectCue] { r.cueList >= 0 ? cueLists[Int(r.cueList)] : [] }

    public mutating func addWordCue(_ term: Int32, _ cue: AspectCue) {
        if let l = wordCues[term] { cueLists[Int(l)].append(cue) } else { wordCues[term] = Int32(cueLists.count); cueLists.append([cue]) }
    }
    /// Inflection endings a head may carry (from `endings.txt`), longest first.
    public var endings: [[UInt8]] = []
    /// Compound linking elements (`s`, `e`), from `linking.txt`.
    public var linking: [[UInt8]] = []
    /// Whether words of this language are written as closed compounds (splitting is tried).
    public var compounds = false
    /// Frequent words (function_words.txt): never matched through compound splitting or stemming,
    /// so "være" does not become "værre" and "igennem" not "igen|nem".
    public var frequentForms = TermTable(capacity: 1024)
    /// The longest phrase length in tokens.
    public var maxPhraseLength = 1

    public init(language: Language) { self.language = language }

    @discardableResult
    public mutating func term(_ key: String) -> Int32 {
        let id = terms.insert(key)
        if Int(id) >= info.count { info.append(WordInfo()) }
        return id
    }

    public func info(_ id: Int32) -> WordInfo { info[Int(id)] }

    /// Removes an earlier valence phrase with the same terms (a later file overrides it).
    public mutating func removeValencePhrase(_ terms: [Int32]) {
        guard let first = terms.first else { return }
        let isSame: (Phrase) -> Bool = { p in
            if case .valence = p.meaning { return p.terms == terms }
            return false
        }
        phrases[first]?.removeAll(where: isSame)
        sentimentPhrases[first]?.removeAll(where: isSame)
    }

    public mutating func addPhrase(_ p: Phrase) {
        guard let first = p.terms.first else { return }
        phrases[first, default: []].append(p)
        while startsPhrase.count <= Int(first) { startsPhrase.append(false) }
        startsPhrase[Int(first)] = true
        switch p.meaning {
        case .aspectCue, .block:
            aspectPhrases[first, default: []].append(p)
            while startsAspectPhrase.count <= Int(first) { startsAspectPhrase.append(false) }
            startsAspectPhrase[Int(first)] = true
        default:
            sentimentPhrases[first, default: []].append(p)
            while startsSentimentPhrase.count <= Int(first) { startsSentimentPhrase.append(false) }
            startsSentimentPhrase[Int(first)] = true
        }
        maxPhraseLength = max(maxPhraseLength, p.terms.count)
    }

    public mutating func addHeadCue(_ head: String, _ cue: AspectCue) {
        let id = headCues.insert(head)
        while headCueList.count <= Int(id) { headCueList.append(Int32(cueLists.count)); cueLists.append([]) }
        cueLists[Int(headCueList[Int(id)])].append(cue)
    }
}
