import Testing
import TillitReport
#if canImport(Glibc)
import Glibc
#endif

@Suite struct StatisticsTests {
    /// Wilson (1927), written out independently: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    func wilsonByFormula(_ x: Double, _ n: Double) -> (Double, Double) {
        let z = 1.959963984540054, p = x / n
        let a = p + z * z / (2 * n), b = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)), c = 1 + z * z / n
        return ((a - b) / c, (a + b) / c)
    }

    @Test("Wilson interval matches its formula and published values", arguments: [(0, 10), (1, 10), (8, 10), (10, 10), (45, 100), (3, 1000), (512, 1024)])
    func wilson(_ x: Int, _ n: Int) {
        let w = Statistics.wilson(successes: x, n: n)
        let (lo, hi) = wilsonByFormula(Double(x), Double(n))
        #expect(abs(w.lower - max(0, lo)) < 1e-12 && abs(w.upper - min(1, hi)) < 1e-12)
        #expect(w.lower <= w.estimate && w.estimate <= w.upper)
    }

    @Test("Wilson 8 of 10 is [0.4902, 0.9433] (Newcombe 1998, table I)")
    func wilsonPublished() {
        let w = Statistics.wilson(successes: 8, n: 10)
        #expect(abs(w.lower - 0.4902) < 5e-5 && abs(w.upper - 0.9433) < 5e-5)
        #expect(Statistics.wilson(successes: 0, n: 0) == Statistics.Interval(estimate: 0, lower: 0, upper: 1))
    }

    @Test("two-proportion z-test, worked example: 45/100 vs 30/100 gives z = 2.191, p = 0.0285")
    func twoProportion() throws {
        // pooled p = 75/200 = 0.375; SE = √(0.375·0.625·(1/100 + 1/100)) = 0.0684653; z = 0.15 / SE = 2.19089
        let t = try #require(Statistics.twoProportion(x1: 45, n1: 100, x2: 30, n2: 100))
        #expect(abs(t.z - 0.15 / (0.375 * 0.625 * 0.02).squareRoot()) < 1e-12)
        #expect(abs(t.z - 2.19089) < 1e-5)
        #expect(abs(t.p - 0.028459) < 1e-5)
        #expect(Statistics.twoProportion(x1: 0, n1: 10, x2: 0, n2: 10) == nil)
    }

    @Test("normal tail: p(1.959964) = 0.05, p(0) = 1")
    func normal() {
        #expect(abs(Statistics.twoSidedP(1.959963984540054) - 0.05) < 1e-12)
        #expect(Statistics.twoSidedP(0) == 1)
    }

    @Test("Holm: sort, multiply by (m − i + 1), running maximum, cap at 1")
    func holm() {
        let adj = Statistics.holm([0.01, 0.04, 0.03, 0.005])
        // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → max so far 0.06
        #expect(adj.map { ($0 * 1e9).rounded() / 1e9 } == [0.03, 0.06, 0.06, 0.02])
        #expect(Statistics.holm([]) == [])
        #expect(Statistics.holm([0.6, 0.7]) == [1, 1])
    }

    @Test("net sentiment: estimate p₊ − p₋ with the multinomial variance")
    func net() {
        let n = Statistics.net(positive: 30, negative: 50, n: 100)
        let v = (0.3 + 0.5 - 0.04) / 100
        #expect(abs(n.estimate + 0.2) < 1e-12)
        #expect(abs(n.upper - (-0.2 + 1.959963984540054 * v.squareRoot())) < 1e-12)
    }

    @Test("Poisson upper tail: P(X ≥ 3 | μ = 1) = 1 − 2.5/e")
    func poisson() {
        #expect(abs(Statistics.poissonUpperTail(3, mean: 1) - (1 - 2.5 / exp(1.0))) < 1e-12)
        #expect(Statistics.poissonUpperTail(0, mean: 3) == 1)
        #expect(Statistics.poissonUpperTail(40, mean: 2) < 1e-20)
    }
}

@Suite struct LocaleTests {
    @Test("numbers and weeks are localised")
    func formats() {
        #expect(ReportLocale(.sv).decimal(1234.5, 1) == "1\u{00A0}234,5")
        #expect(ReportLocale(.da).decimal(1234.5, 1) == "1.234,5")
        #expect(ReportLocale(.en).decimal(-1234.5, 1) == "\u{2212}1,234.5")
        #expect(ReportLocale(.sv).percent(0.143) == "14\u{00A0}%")
        #expect(ReportLocale(.en).net(-0.476) == "\u{2212}48")
        #expect(ReportLocale(.sv).week(ISOWeekFixture.w47) == "vecka 47")
        #expect(ReportLocale(.da).week(ISOWeekFixture.w47) == "uge 47")
        #expect(ReportLocale(.en).week(ISOWeekFixture.w47) == "week 47")
    }
}
