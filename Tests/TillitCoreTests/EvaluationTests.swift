import Testing
@testable import TillitCore

@Suite struct EvaluationTests {
    @Test("accuracy, macro-F1 and the confusion matrix match a hand-computed example")
    func threeClass() {
        var e = EvaluationReport()
        // gold → predicted: P→P ×3, P→N ×1, U→U ×1, U→P ×1, N→N ×2
        let pairs: [(SentimentLabel, SentimentLabel)] = [(.positive, .positive), (.positive, .positive), (.positive, .positive), (.positive, .negative),
                                                         (.neutral, .neutral), (.neutral, .positive), (.negative, .negative), (.negative, .negative)]
        for (g, p) in pairs { e.add(gold: g, predicted: p, score: 0, goldValue: nil) }
        #expect(e.accuracy == 6.0 / 8.0)
        // F1: positive p=3/4 r=3/4 → 0.75; neutral p=1 r=1/2 → 2/3; negative p=2/3 r=1 → 0.8
        #expect(abs(e.macroF1 - (0.75 + 2.0 / 3.0 + 0.8) / 3) < 1e-12)
        #expect(e.cell(.positive, .negative) == 1)
    }

    @Test("binary sets: positive iff score > 0 (a zero score counts as negative)")
    func binary() {
        var e = EvaluationReport()
        e.binary = true
        e.add(gold: .positive, predicted: .neutral, score: 0.01, goldValue: nil)
        e.add(gold: .positive, predicted: .neutral, score: 0, goldValue: nil)
        e.add(gold: .negative, predicted: .positive, score: -0.2, goldValue: nil)
        #expect(e.accuracy == 2.0 / 3.0)
        #expect(e.classes == [.positive, .negative])
    }

    @Test("Spearman's rho with ties uses average ranks")
    func spearman() {
        var e = EvaluationReport()
        for (s, g) in [(0.1, 1.0), (0.2, 2.0), (0.2, 3.0), (0.9, 4.0)] { e.add(gold: .positive, predicted: .positive, score: s, goldValue: g) }
        // ranks scores: 1, 2.5, 2.5, 4; gold: 1, 2, 3, 4 → rho = 0.9486832980505138
        #expect(abs(e.spearman! - 0.9486832980505138) < 1e-12)
    }

    @Test("label schemes", arguments: [
        (LabelScheme.stars, "2", SentimentLabel.negative), (.stars, "3", .neutral), (.stars, "4", .positive),
        (.vader, "0.15", .neutral), (.vader, "-1.2", .negative), (.ternary, "-1", .negative), (.words, "Positive", .positive),
    ])
    func schemes(_ s: LabelScheme, _ raw: String, _ expected: SentimentLabel) { #expect(s.map(raw) == expected) }

    @Test func guessing() {
        #expect(LabelScheme.guess(["1", "5", "3"]) == .stars)
        #expect(LabelScheme.guess(["-1", "0", "1"]) == .ternary)
        #expect(LabelScheme.guess(["Positive", "Negative"]) == .words)
        #expect(LabelScheme.guess(["2.7", "-0.4"]) == .vader)
    }
}
