/// The language decided for a text.
public struct LanguageGuess: Sendable, Equatable {
    public var language: Language
    /// 0…1.
    public var confidence: Double
    /// `detected`, `hint` (the source's tag, consistent with the text) or `hint-only` (no evidence in text).
    public var source: String
    /// Raw evidence per language, for `--explain`.
    public var scores: [(Language, Double)]

    public init(language: Language, confidence: Double, source: String, scores: [(Language, Double)]) {
        self.language = language; self.confidence = confidence; self.source = source; self.scores = scores
    }

    public static func == (a: LanguageGuess, b: LanguageGuess) -> Bool {
        a.language == b.language && a.confidence == b.confidence && a.source == b.source
    }
}

/// Identifies sv, da, nb and en from frequent-word evidence (`function_words.txt`) and distinctive
/// letters; `und` when there is no evidence.
///
/// Rule: each word adds its weight for every language that lists it; letters ä/ö add to Swedish,
/// æ/ø to Danish and Norwegian. Confidence = softmax probability of the winner (temperature
/// `temperature`). A source language tag wins when the text does not clearly say otherwise.
/// Example: "jag gillar inte det" → sv.
public struct LanguageIdentifier: Sendable {
    public static let languages: [Language] = [.sv, .da, .nb, .en]
    public var terms = TermTable(capacity: 2048)
    /// Per term: weights for sv, da, nb, en.
    public var weights: [SIMD4<Float>] = []
    /// Character trigrams for words no list contains.
    public var ngrams = CharNgramModel()
    /// Weight of the trigram evidence per unknown word (Tillit; per-trigram mean log-likelihood ratio).
    public static let ngramWeight: Float = 0.6
    /// Weight of membership in one language's sentiment vocabulary (Tillit).
    public static let vocabularyWeight: Float = 0.35
    /// A lead of this much listed-word evidence decides without trigrams (Tillit).
    public static let decisiveMargin: Float = 4

    func margin(_ s: SIMD4<Float>) -> Float {
        var best: Float = -.infinity, second: Float = -.infinity
        for k in 0..<4 { if s[k] > best { second = best; best = s[k] } else if s[k] > second { second = s[k] } }
        return best - second
    }
    /// Letter evidence weight per occurrence (Tillit).
    public static let letterWeight: Float = 1.5
    public static let temperature = 3.0

    public init() {}

    public mutating func add(word: String, language: Language, weight: Float) {
        guard let li = LanguageIdentifier.languages.firstIndex(of: language) else { return }
        let id = terms.insert(word)
        if Int(id) >= weights.count { weights.append(SIMD4<Float>(repeating: 0)) }
        weights[Int(id)][li] = max(weights[Int(id)][li], weight)
        ngrams.add(word: word, language: language, weight: 1 + weight * 4)
    }

    /// Adds a language's content vocabulary (sentiment words) as weaker evidence.
    public mutating func addVocabulary(word: String, language: Language) {
        guard let li = LanguageIdentifier.languages.firstIndex(of: language) else { return }
        let id = terms.insert(word)
        if Int(id) >= weights.count { weights.append(SIMD4<Float>(repeating: 0)) }
        weights[Int(id)][li] = max(weights[Int(id)][li], LanguageIdentifier.vocabularyWeight)
        ngrams.add(word: word, language: language, weight: 1)
    }

    public func identify(_ text: AnalyzedText, hint: String?, cache: NgramCache? = nil) -> LanguageGuess {
        // Pass 1: listed words and distinctive letters. Pass 2 (character trigrams for unlisted words)
        // only when pass 1 leaves the decision open — long texts rarely need it.
        var score = SIMD4<Float>(repeating: 0)
        var words = 0
        var unknown = 0
        for i in text.tokens.indices {
            let t = text.tokens[i]
            guard t.kind == .word || t.kind == .abbreviation else { continue }
            words += 1
            if let id = text.withNormalized(i, { terms.lookup($0) }) { score += weights[Int(id)] } else { unknown += 1 }
            // Distinctive letters (UTF-8: ä C3 A4, ö C3 B6, æ C3 A6, ø C3 B8).
            var k = Int(t.normStart)
            while k + 1 < Int(t.normEnd) {
                if text.arena[k] == 0xC3 {
                    switch text.arena[k + 1] {
                    case 0xA4, 0xB6: score[0] += LanguageIdentifier.letterWeight
                    case 0xA6, 0xB8: score[1] += LanguageIdentifier.letterWeight; score[2] += LanguageIdentifier.letterWeight
                    default: break
                    }
                }
                k += 1
            }
        }
        if unknown > 0, margin(score) < LanguageIdentifier.decisiveMargin {
            for i in text.tokens.indices {
                let t = text.tokens[i]
                guard t.kind == .word || t.kind == .abbreviation else { continue }
                let g: SIMD4<Float>? = text.withNormalized(i) { w in
                    if terms.lookup(w) != nil { return nil }
                    return cache.map { $0.score(w, ngrams) } ?? ngrams.score(w)
                }
                if let g { score += g * LanguageIdentifier.ngramWeight }
            }
        }
        let langs = LanguageIdentifier.languages
        let hinted = hint.flatMap { Language(tag: $0) }
        var scores: [(Language, Double)] = []
        for k in 0..<4 { scores.append((langs[k], Double(score[k]))) }
        if words == 0 || score.max() <= 0 {
            if let h = hinted, h != .und { return LanguageGuess(language: h, confidence: 0.5, source: "hint-only", scores: scores) }
            return LanguageGuess(language: .und, confidence: 0, source: "detected", scores: scores)
        }

        // Softmax over evidence (scaled by the evidence per word so long texts do not saturate instantly).
        let maxScore = Double(score.max())
        var exps = [Double](repeating: 0, count: 4)
        var z = 0.0
        for k in 0..<4 { exps[k] = exp((Double(score[k]) - maxScore) / LanguageIdentifier.temperature); z += exps[k] }
        var best = 0
        for k in 1..<4 where score[k] > score[best] { best = k }
        let p = exps[best] / z
        if let h = hinted, h != .und, let hi = langs.firstIndex(of: h) {
            // Trust the hint unless the text clearly belongs to another language.
            if hi == best || exps[hi] / z >= 0.2 { return LanguageGuess(language: h, confidence: max(exps[hi] / z, 0.8), source: "hint", scores: scores) }
        }
        return LanguageGuess(language: langs[best], confidence: p, source: "detected", scores: scores)
    }
}

/// e^x for the softmax, without Foundation (range-reduced Taylor series; exact enough for confidences).
func exp(_ x: Double) -> Double {
    if x < -700 { return 0 }
    let n = (x / 0.6931471805599453).rounded(.down)
    let r = x - n * 0.6931471805599453
    var term = 1.0, sum = 1.0
    for k in 1...20 { term *= r / Double(k); sum += term }
    var result = sum
    var e = Int(n)
    while e > 0 { result *= 2; e -= 1 }
    while e < 0 { result /= 2; e += 1 }
    return result
}

/// Per-thread memo of trigram scores for unknown words (bounded; cleared when full).
public final class NgramCache {
    var keys = TermTable(capacity: 16_384)
    var values: [SIMD4<Float>?] = []
    public static let limit = 100_000
    public init() {}

    func score(_ w: UnsafeBufferPointer<UInt8>, _ model: CharNgramModel) -> SIMD4<Float>? {
        if let id = keys.lookup(w) { return values[Int(id)] }
        let v = model.score(w)
        if values.count >= NgramCache.limit { keys = TermTable(capacity: 16_384); values.removeAll(keepingCapacity: true) }
        keys.insert(Array(w)); values.append(v)
        return v
    }
}
