/// How gold labels map to positive / neutral / negative.
public enum LabelScheme: String, Sendable, CaseIterable {
    /// `positive`/`negative`/`neutral` words (also pos/neg/neu, 1/0 for binary sets).
    case words
    /// Star ratings 1–5: 1–2 negative, 3 neutral, 4–5 positive.
    case stars
    /// The sign of a number: > 0 positive, < 0 negative, 0 neutral.
    case sign
    /// VADER's mean human rating −4…4: /4, then ±0.05 as the neutral band.
    case vader
    /// -1 / 0 / 1.
    case ternary

    public func map(_ raw: String) -> SentimentLabel? {
        let s = raw.trimmingASCIIWhitespace()
        switch self {
        case .words:
            switch s.lowercased() {
            case "positive", "pos", "1", "p": return .positive
            case "negative", "neg", "0", "n": return .negative
            case "neutral", "neu", "none", "mixed": return .neutral
            default: return nil
            }
        case .stars:
            guard let v = Double(s) else { return nil }
            return v <= 2 ? .negative : (v < 4 ? .neutral : .positive)
        case .sign:
            guard let v = Double(s) else { return nil }
            return v > 0 ? .positive : (v < 0 ? .negative : .neutral)
        case .vader:
            guard let v = Double(s) else { return nil }
            return v / 4 > 0.05 ? .positive : (v / 4 < -0.05 ? .negative : .neutral)
        case .ternary:
            switch s { case "1", "+1": return .positive; case "-1": return .negative; case "0": return .neutral; default: return nil }
        }
    }

    /// Guesses a scheme from the labels seen.
    public static func guess(_ labels: [String]) -> LabelScheme {
        let set = Set(labels.map { $0.trimmingASCIIWhitespace().lowercased() })
        if set.isSubset(of: ["positive", "negative", "neutral", "pos", "neg", "neu", "mixed", "none"]) { return .words }
        if set.isSubset(of: ["-1", "0", "1", "+1"]) { return .ternary }
        if set.isSubset(of: ["1", "2", "3", "4", "5"]) { return .stars }
        if set.allSatisfy({ Double($0) != nil }) {
            let values = set.compactMap(Double.init)
            return values.contains { abs($0) > 1 && $0 != $0.rounded() } || (values.max() ?? 0) > 1 ? .vader : .sign
        }
        return .words
    }
}

/// Accuracy, macro-F1, confusion matrix and Spearman's rho of predictions against gold labels.
///
///     var e = EvaluationReport(); e.add(gold: .positive, predicted: .positive, score: 0.5, goldValue: 4)
///     e.accuracy  // 1
public struct EvaluationReport: Sendable {
    public static let labels: [SentimentLabel] = [.positive, .neutral, .negative]
    public private(set) var confusion: [SentimentLabel: [SentimentLabel: Int]] = [:]
    public private(set) var scores: [Double] = []
    public private(set) var goldValues: [Double] = []
    public private(set) var count = 0
    /// Whether gold uses only positive and negative (then prediction = positive iff score > 0).
    public var binary = false

    public init() {}

    public mutating func add(gold: SentimentLabel, predicted: SentimentLabel, score: Double, goldValue: Double?) {
        let p = binary ? (score > 0 ? SentimentLabel.positive : .negative) : predicted
        confusion[gold, default: [:]][p, default: 0] += 1
        count += 1
        if let g = goldValue { scores.append(score); goldValues.append(g) }
    }

    public func cell(_ gold: SentimentLabel, _ predicted: SentimentLabel) -> Int { confusion[gold]?[predicted] ?? 0 }

    public var classes: [SentimentLabel] { binary ? [.positive, .negative] : EvaluationReport.labels }

    public var accuracy: Double {
        count == 0 ? 0 : Double(classes.reduce(0) { $0 + cell($1, $1) }) / Double(count)
    }

    public func f1(_ c: SentimentLabel) -> Double {
        let tp = Double(cell(c, c))
        let fp = Double(classes.reduce(0) { $0 + ($1 == c ? 0 : cell($1, c)) })
        let fn = Double(classes.reduce(0) { $0 + ($1 == c ? 0 : cell(c, $1)) })
        let p = tp + fp > 0 ? tp / (tp + fp) : 0, r = tp + fn > 0 ? tp / (tp + fn) : 0
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }

    public var macroF1: Double { classes.reduce(0) { $0 + f1($1) } / Double(classes.count) }

    /// Spearman's rank correlation between scores and numeric gold (average ranks for ties).
    public var spearman: Double? {
        guard scores.count >= 3 else { return nil }
        return pearson(ranks(scores), ranks(goldValues))
    }
}

func ranks(_ v: [Double]) -> [Double] {
    let order = v.indices.sorted { v[$0] < v[$1] }
    var r = [Double](repeating: 0, count: v.count)
    var i = 0
    while i < order.count {
        var j = i
        while j + 1 < order.count, v[order[j + 1]] == v[order[i]] { j += 1 }
        for k in i...j { r[order[k]] = Double(i + j) / 2 + 1 }
        i = j + 1
    }
    return r
}

func pearson(_ a: [Double], _ b: [Double]) -> Double? {
    let n = Double(a.count)
    let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
    var num = 0.0, da = 0.0, db = 0.0
    for i in a.indices { num += (a[i] - ma) * (b[i] - mb); da += (a[i] - ma) * (a[i] - ma); db += (b[i] - mb) * (b[i] - mb) }
    guard da > 0, db > 0 else { return nil }
    return num / (da * db).squareRoot()
}
