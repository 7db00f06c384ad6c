/// A character-trigram model per language, built from the lexicons' own vocabularies (function words
/// weighted by frequency, valence words), used by the language identifier for words no list contains.
///
/// Rule: score(word, lang) = Σ over the word's padded trigrams of log((c + 0.5) / (N + 0.5·V)).
/// Example: "hurtigt" scores higher for da than for sv; "trevligt" higher for sv.
public struct CharNgramModel: Sendable {
    public static let languages: [Language] = LanguageIdentifier.languages
    var grams: [UInt64: SIMD4<Float>] = [:]
    var totals = SIMD4<Float>(repeating: 0)

    public init() {}

    static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 { UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c) }

    /// Trigrams of `^word$` over Unicode scalars.
    static func trigrams(_ word: some Sequence<Unicode.Scalar>, _ body: (UInt64) -> Void) {
        var a: UInt32 = 0x5E, b: UInt32 = 0
        var first = true
        for s in word {
            let c = s.value
            if first { b = c; first = false; continue }
            body(key(a, b, c))
            a = b; b = c
        }
        if !first { body(key(a, b, 0x24)) }
    }

    public mutating func add(word: String, language: Language, weight: Float) {
        guard let li = CharNgramModel.languages.firstIndex(of: language), word.unicodeScalars.count >= 2 else { return }
        CharNgramModel.trigrams(word.unicodeScalars) { k in
            grams[k, default: SIMD4<Float>(repeating: 0)][li] += weight
        }
        totals[li] += weight * Float(word.unicodeScalars.count)
    }

    /// Log-likelihood per language of a normalised word (UTF-8 bytes), relative to the mean.
    public func score(_ word: UnsafeBufferPointer<UInt8>) -> SIMD4<Float>? {
        let s = String(decoding: word, as: UTF8.self)
        guard s.unicodeScalars.count >= 3 else { return nil }
        let v = Float(max(grams.count, 1))
        var out = SIMD4<Float>(repeating: 0)
        var n = 0
        CharNgramModel.trigrams(s.unicodeScalars) { k in
            let c = grams[k] ?? SIMD4<Float>(repeating: 0)
            for l in 0..<4 { out[l] += logf((c[l] + 0.5) / (totals[l] + 0.5 * v)) }
            n += 1
        }
        guard n > 0 else { return nil }
        let mean = out.sum() / 4
        return (out - SIMD4<Float>(repeating: mean)) / Float(n)
    }
}

/// Natural logarithm without Foundation (range reduction + atanh series; ample for scoring).
func logf(_ x: Float) -> Float {
    guard x > 0 else { return -100 }
    var m = Double(x), e = 0.0
    while m > 2 { m /= 2; e += 1 }
    while m < 1 { m *= 2; e -= 1 }
    let y = (m - 1) / (m + 1), y2 = y * y
    var term = y, sum = 0.0
    var k = 1.0
    for _ in 0..<12 { sum += term / k; term *= y2; k += 2 }
    return Float(2 * sum + e * 0.6931471805599453)
}
