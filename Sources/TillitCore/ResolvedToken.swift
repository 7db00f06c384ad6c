/// What the word resolver found for one token: its lexicon term, valence (and how it was matched),
/// roles, booster value and aspect cues. Produced by `TillitText`'s resolver, read by the scorers.
public struct ResolvedToken: Sendable, Equatable {
    /// Term id in the language lexicon, or -1.
    public var term: Int32 = -1
    /// Valence of the word itself, if it has one.
    public var valence: Double?
    /// How the valence was matched: `exact`, `elongation`, `compound`, `stem`, `neighbour`, `emoji`
    /// (short literals: no allocation).
    public var match: String = ""
    /// The entry behind the match (a term id in the matching table) and, for compounds, the byte length
    /// of the prefix: enough for `--explain` to describe the match without storing strings per token.
    public var source: Int32 = -1
    public var split: Int16 = 0
    /// For `neighbour` matches: the language whose lexicon matched.
    public var neighbour: Language?
    /// Intensification from a compound-initial intensifier ("skit|bra").
    public var prefixBoost: Double = 0
    public var roles: WordRoles = []
    public var booster: Double = 0
    /// Index into the lexicon's `cueLists` (-1 = no aspect cue).
    public var cueList: Int32 = -1
    public init() {}
}

/// Where each token sits: sentence and clause numbers, computed from punctuation and lexicon roles.
///
/// Rule: a sentence ends after `.`, `!`, `?`, `…` or at a line break; a clause also ends at `,`, `;`,
/// `:`, brackets and dashes, and before a word with a clause-break or contrast role.
/// Examples: "Bra mat, men dålig service." has clauses [Bra mat] [men dålig service].
public struct ClauseMap: Sendable, Equatable {
    public var sentence: [Int32]
    public var clause: [Int32]
    /// Per clause: index of its first token.
    public var clauseStart: [Int]
    /// Per sentence: whether it ends with a question mark.
    public var question: [Bool]

    public init(text: AnalyzedText, resolved: [ResolvedToken]) {
        let n = text.tokens.count
        sentence = Array(repeating: 0, count: n)
        clause = Array(repeating: 0, count: n)
        clauseStart = []
        question = []
        var s: Int32 = 0, c: Int32 = 0
        var clauseOpen = false
        var sentenceHasTokens = false
        var pendingSentenceBreak = false
        var sentenceQuestion = false
        for i in 0..<n {
            let tok = text.tokens[i]
            if (pendingSentenceBreak || (tok.flags.contains(.afterNewline) && sentenceHasTokens)) {
                question.append(sentenceQuestion)
                sentenceQuestion = false
                s += 1
                if clauseOpen { c += 1; clauseOpen = false }
                pendingSentenceBreak = false
                sentenceHasTokens = false
            }
            let roles = resolved[i].roles
            if tok.isWordLike, clauseOpen, !roles.isDisjoint(with: [.clauseBreak, .contrastBut, .contrastAlthough]) {
                c += 1; clauseOpen = false
            }
            if !clauseOpen { clauseStart.append(i); clauseOpen = true }
            sentence[i] = s
            clause[i] = c
            sentenceHasTokens = true
            if tok.kind == .punctuation {
                let first = text.bytes[Int(tok.start)]
                switch first {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                    if text.bytes[Int(tok.start)..<Int(tok.end)].contains(UInt8(ascii: "?")) { sentenceQuestion = true }
                    pendingSentenceBreak = true
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
                     UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "]"):
                    c += 1; clauseOpen = false
                default:
                    // "…" (E2 80 A6) ends a sentence; en/em dashes (E2 80 93/94) end a clause.
                    if tok.end - tok.start >= 3, first == 0xE2, text.bytes[Int(tok.start) + 1] == 0x80 {
                        let third = text.bytes[Int(tok.start) + 2]
                        if third == 0xA6 { pendingSentenceBreak = true } else if third == 0x93 || third == 0x94 { c += 1; clauseOpen = false }
                    }
                }
            }
        }
        question.append(sentenceQuestion)
        if clauseStart.isEmpty { clauseStart.append(0) }
    }

    public var clauseCount: Int { clauseStart.count }
}
