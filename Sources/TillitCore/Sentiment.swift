/// Three-way sentiment label.
public enum SentimentLabel: String, Sendable, CaseIterable, Hashable {
    case positive, neutral, negative
}

/// Five-level band, as in the reference study (strongly positive … strongly negative).
public enum SentimentBand: String, Sendable, CaseIterable, Hashable {
    case stronglyNegative = "strongly_negative"
    case negative
    case neutral
    case positive
    case stronglyPositive = "strongly_positive"
}

/// A normalised score in [-1, 1] with its label and band.
///
///     Sentiment(score: 0.7).band  // .stronglyPositive
public struct Sentiment: Sendable, Equatable {
    public var score: Double
    public var label: SentimentLabel
    public var band: SentimentBand

    /// Label threshold: |score| at or below this is neutral.
    /// VADER uses 0.05 (Hutto & Gilbert 2014); Tillit keeps it and documents it in docs/record.md.
    public static let neutralThreshold = 0.05
    /// |score| at or above this is a strong band.
    public static let strongThreshold = 0.6

    public init(score raw: Double) {
        let s = raw.isFinite ? max(-1, min(1, raw)) : 0
        score = s
        if s > Sentiment.neutralThreshold { label = .positive } else if s < -Sentiment.neutralThreshold { label = .negative } else { label = .neutral }
        switch s {
        case ...(-Sentiment.strongThreshold): band = .stronglyNegative
        case ..<(-Sentiment.neutralThreshold): band = .negative
        case ...Sentiment.neutralThreshold: band = .neutral
        case ..<Sentiment.strongThreshold: band = .positive
        default: band = .stronglyPositive
        }
    }

    /// VADER's normalisation of a raw valence sum into (-1, 1): x / sqrt(x² + alpha), alpha = 15.
    public static func normalize(_ sum: Double, alpha: Double = 15) -> Double {
        sum / (sum * sum + alpha).squareRoot()
    }
}

/// One step of reasoning behind a score: which rule fired on which tokens, and by how much.
public struct Evidence: Sendable, Equatable {
    /// Stable rule id (`lexicon`, `booster`, `negation`, `contrast.after`, `caps`, …).
    public var rule: String
    /// Token index range the rule looked at.
    public var tokens: Range<Int>
    /// The text of those tokens (for display).
    public var text: String
    /// Change in valence this rule made (or the valence itself for `lexicon`).
    public var delta: Double
    /// Free-form detail: which lexicon entry, which compound split, which source file.
    public var detail: String

    public init(rule: String, tokens: Range<Int>, text: String, delta: Double, detail: String = "") {
        self.rule = rule; self.tokens = tokens; self.text = text; self.delta = delta; self.detail = detail
    }
}
