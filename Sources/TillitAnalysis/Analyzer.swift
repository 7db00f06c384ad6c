import TillitCore
import TillitText
#if canImport(Glibc)
import Glibc
#endif

/// Analyses posts: tokenize → identify language → resolve words → clauses → sentiment → aspects →
/// retailers. One `Analyzer` per thread (it owns ICU and stemmer state and word caches); the
/// `LexiconBundle` is shared.
///
///     let a = Analyzer(bundle: bundle)
///     a.analyze(Post(id: "1", source: "cli", text: "Jag gillar inte ICA")).sentiment.sentiment.label  // .negative
public final class Analyzer {
    public let bundle: LexiconBundle
    let tokenizer: Tokenizer
    var resolvers: [Language: WordResolver] = [:]
    let sentimentScorer = SentimentScorer()
    let aspectScorer = AspectScorer()
    /// Pseudonymizes author names for output; nil keeps no author at all.
    public var pseudonymizer: ((String) -> String)?
    private var scratch = AnalyzedText()
    /// Seconds spent in the text layer (tokenize, normalise, identify the language), for `--timings`.
    public private(set) var textLayerSeconds = 0.0
    private let ngramCache = NgramCache()

    public init(bundle: LexiconBundle) {
        self.bundle = bundle
        tokenizer = Tokenizer(rules: bundle.tokenizerRules)
        for lang in Language.analysed {
            resolvers[lang] = WordResolver(lexicon: bundle.languages[lang]!, emoji: bundle.emoji, stems: bundle.stems[lang] ?? [:],
                                           stemmer: Stemmer(language: lang.rawValue))
        }
    }

    /// Tokenizes the way the analyser does, returning normalised token strings (for keys and names).
    public func normalizedTokens(_ s: String) -> [String] {
        let t = tokenizer.tokenize(ICUNormalizer.casefold(s))
        return t.tokens.indices.map { t.normalized($0) }
    }

    /// Sentiment of `text` toward the target at UTF-8 byte range `target` (e.g. a SemEval aspect term).
    public func targetSentiment(_ text: String, target: Range<Int>, forceLanguage: Language? = nil) -> (overall: Sentiment, target: Sentiment) {
        let a = analyze(Post(id: "t", source: "target", text: text), forceLanguage: forceLanguage, keepText: true)
        guard let t = a.text, let resolved = a.resolved else { return (a.sentiment.sentiment, Sentiment(score: 0)) }
        let covered = t.tokens.indices.filter { Int(t.tokens[$0].start) < target.upperBound && Int(t.tokens[$0].end) > target.lowerBound }
        guard let first = covered.first, let last = covered.last else { return (a.sentiment.sentiment, Sentiment(score: 0)) }
        let clauses = ClauseMap(text: t, resolved: resolved)
        let r = aspectScorer.targetSentiment(text: t, clauses: clauses, sentiment: a.sentiment, target: first..<(last + 1))
        return (a.sentiment.sentiment, r.sentiment)
    }

    /// How a token's valence was matched, for evidence.
    func describe(_ r: ResolvedToken, primary: WordResolver) -> String {
        if let n = r.neighbour, let other = resolvers[n] { return n.rawValue + " " + other.describe(r) }
        return primary.describe(r)
    }

    /// Confidence below which a Swedish/Danish decision also consults the other lexicon (Tillit).
    public static let neighbourConfidence = 0.6

    func secondaryLanguage(_ g: LanguageGuess) -> Language? {
        switch g.language {
        case .nb: return .sv
        case .sv where g.confidence < Analyzer.neighbourConfidence: return .da
        case .da where g.confidence < Analyzer.neighbourConfidence: return .sv
        default: return nil
        }
    }

    /// Analyses one post. `keepText` keeps tokens and resolutions for `--explain`.
    public func analyze(_ post: Post, forceLanguage: Language? = nil, keepText: Bool = false) -> PostAnalysis {
        scratch.bytes.removeAll(keepingCapacity: true)
        scratch.bytes.append(contentsOf: post.text.utf8)
        let t0 = monotonicSeconds()
        tokenizer.tokenize(into: &scratch)
        let text = scratch
        var guess = bundle.identifier.identify(text, hint: post.languageHint, cache: ngramCache)
        textLayerSeconds += monotonicSeconds() - t0
        if let f = forceLanguage { guess = LanguageGuess(language: f, confidence: 1, source: "forced", scores: guess.scores) }
        let lang = guess.language.lexiconLanguage
        let resolver = resolvers[lang]!
        var resolved = resolver.resolve(text)
        // Norwegian, and Swedish/Danish identified with little confidence, also consult the neighbour
        // language's lexicon for words the primary one does not know ("bra" is good in sv and nb).
        if let second = secondaryLanguage(guess), let other = resolvers[second] {
            for i in resolved.indices where text.tokens[i].kind == .word && resolved[i].valence == nil && resolved[i].roles.isEmpty && resolved[i].booster == 0 {
                var r = other.resolve(text, i)
                guard r.valence != nil || r.roles.contains(.negator) || r.booster != 0 else { continue }
                r.term = resolved[i].term
                r.cueList = resolved[i].cueList
                r.neighbour = second
                resolved[i] = r
            }
        }
        let lex = resolver.lexicon
        let phrases = PhraseMatcher.matches(resolved, phrases: lex.sentimentPhrases, starts: lex.startsSentimentPhrase) { _ in true }
        // Roles from phrases must be visible to clause segmentation ("även om", "trots att").
        for m in phrases { if case .role(let r, _) = m.phrase.meaning { resolved[m.range.lowerBound].roles.formUnion(r) } }
        let roleResolved = resolved
        let clauses = ClauseMap(text: text, resolved: roleResolved)
        let sentiment = sentimentScorer.score(text: text, resolved: roleResolved, clauses: clauses, phrases: phrases, explain: keepText) { i in
            self.describe(roleResolved[i], primary: resolver)
        }
        let aspectPhrases = PhraseMatcher.gappedMatches(roleResolved, text: text, clauses: clauses, phrases: lex.aspectPhrases, starts: lex.startsAspectPhrase)
        let aspects = aspectScorer.score(text: text, resolved: roleResolved, clauses: clauses, phrases: aspectPhrases, sentiment: sentiment,
                                         cueLists: lex.cueLists, explain: keepText)
        let registry = bundle.registry
        var ids = [Int32](repeating: -1, count: text.tokens.count)
        for i in text.tokens.indices where registry.mayStart(text.arena[Int(text.tokens[i].normStart)]) || text.tokens[i].kind == .punctuation {
            ids[i] = text.withNormalized(i) { registry.terms.lookup($0) } ?? -1
        }
        let retailers = bundle.registry.attribute(post: post, text: text, ids: ids, clauses: clauses, tokenize: normalizedTokens)
        let author = post.author.flatMap { a in pseudonymizer.map { $0(a) } }
        var result = PostAnalysis(post: post, language: guess, sentiment: sentiment, aspects: aspects, retailers: retailers, author: author,
                                  text: keepText ? text : nil, resolved: keepText ? roleResolved : nil)
        if keepText {
            result.matchDetails = roleResolved.map { $0.valence == nil ? "" : describe($0, primary: resolver) }
            result.tokenCues = roleResolved.map { lex.cues($0) }
        }
        return result
    }
}

/// Monotonic clock in seconds (diagnostic timings only; never in outputs).
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
