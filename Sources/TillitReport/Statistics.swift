#if canImport(Glibc)
import Glibc
#endif

/// The statistics behind every interval and test in the reports. Each function names its method;
/// tests check them against values computed independently.
public enum Statistics {
    /// z for a two-sided 95 % interval (the 0.975 quantile of the standard normal).
    public static let z95 = 1.959963984540054

    /// A proportion with its 95 % interval.
    public struct Interval: Sendable, Equatable {
        public var estimate: Double
        public var lower: Double
        public var upper: Double
        public init(estimate: Double, lower: Double, upper: Double) { self.estimate = estimate; self.lower = lower; self.upper = upper }
    }

    /// Wilson score interval for `successes` out of `n` (Wilson 1927): good coverage for small n and
    /// proportions near 0 or 1, where the normal ("Wald") interval fails. n = 0 gives [0, 1].
    ///
    ///     Statistics.wilson(successes: 8, n: 10)  // 0.8, [0.490, 0.943]
    public static func wilson(successes x: Int, n: Int, z: Double = z95) -> Interval {
        guard n > 0 else { return Interval(estimate: 0, lower: 0, upper: 1) }
        let nn = Double(n), p = Double(x) / nn, z2 = z * z
        let denom = 1 + z2 / nn
        let centre = (p + z2 / (2 * nn)) / denom
        let half = z / denom * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        // At x = 0 and x = n the bound is exactly 0 or 1 (rounding would leave it a hair inside).
        return Interval(estimate: p, lower: x == 0 ? 0 : max(0, centre - half), upper: x == n ? 1 : min(1, centre + half))
    }

    /// Net sentiment (share positive − share negative) with a 95 % normal interval from the multinomial
    /// variance (p₊ + p₋ − (p₊ − p₋)²) / n, clipped to [−1, 1].
    public static func net(positive: Int, negative: Int, n: Int, z: Double = z95) -> Interval {
        guard n > 0 else { return Interval(estimate: 0, lower: -1, upper: 1) }
        let nn = Double(n), pp = Double(positive) / nn, pn = Double(negative) / nn
        let d = pp - pn
        let se = (max(0, pp + pn - d * d) / nn).squareRoot()
        return Interval(estimate: d, lower: max(-1, d - z * se), upper: min(1, d + z * se))
    }

    /// Variance of a net sentiment estimate (for tests of its change).
    public static func netVariance(positive: Int, negative: Int, n: Int) -> Double {
        guard n > 0 else { return 0 }
        let nn = Double(n), pp = Double(positive) / nn, pn = Double(negative) / nn
        return max(0, pp + pn - (pp - pn) * (pp - pn)) / nn
    }

    /// A test result: the statistic and its two-sided p-value.
    public struct Test: Sendable, Equatable {
        public var z: Double
        public var p: Double
    }

    /// Two-proportion z-test with the pooled standard error (H0: p₁ = p₂); nil when undefined.
    ///
    ///     Statistics.twoProportion(x1: 45, n1: 100, x2: 30, n2: 100)  // z ≈ 2.19, p ≈ 0.029
    public static func twoProportion(x1: Int, n1: Int, x2: Int, n2: Int) -> Test? {
        guard n1 > 0, n2 > 0 else { return nil }
        let p1 = Double(x1) / Double(n1), p2 = Double(x2) / Double(n2)
        let pool = Double(x1 + x2) / Double(n1 + n2)
        let se = (pool * (1 - pool) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        guard se > 0 else { return nil }
        let z = (p1 - p2) / se
        return Test(z: z, p: twoSidedP(z))
    }

    /// z-test for the difference of two independent estimates with known variances; nil when both are 0.
    public static func difference(_ a: Double, varianceA: Double, _ b: Double, varianceB: Double) -> Test? {
        let se = (varianceA + varianceB).squareRoot()
        guard se > 0 else { return nil }
        let z = (a - b) / se
        return Test(z: z, p: twoSidedP(z))
    }

    /// Two-sided p-value of a standard normal statistic: erfc(|z| / √2).
    public static func twoSidedP(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// Holm's step-down adjustment (Holm 1979) of a family of p-values: sort ascending, multiply the
    /// i-th smallest (1-based) by (m − i + 1), keep the running maximum, cap at 1. Returned in input order.
    ///
    ///     Statistics.holm([0.01, 0.04, 0.03])  // [0.03, 0.06, 0.06]
    public static func holm(_ p: [Double]) -> [Double] {
        let m = p.count
        let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, i) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * p[i]))
            adjusted[i] = running
        }
        return adjusted
    }

    /// P(X ≥ x) for X ~ Poisson(mu), summed in log space.
    public static func poissonUpperTail(_ x: Int, mean mu: Double) -> Double {
        guard x > 0 else { return 1 }
        guard mu > 0 else { return 0 }
        if Double(x) > mu {
            // Sum the upper terms directly (no cancellation in the far tail).
            var sum = 0.0
            var k = x
            while k < x + 100_000 {
                let term = exp(Double(k) * log(mu) - mu - lgamma(Double(k + 1)))
                sum += term
                if term < sum * 1e-17 { break }
                k += 1
            }
            return min(1, sum)
        }
        // 1 − P(X ≤ x − 1)
        var cdf = 0.0
        for k in 0..<x { cdf += exp(Double(k) * log(mu) - mu - lgamma(Double(k + 1))) }
        return max(0, 1 - cdf)
    }
}
