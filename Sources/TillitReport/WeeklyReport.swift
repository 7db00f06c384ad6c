import TillitCore
import TillitStore

/// Figures of one retailer (or all posts) and one aspect over a set of weeks.
public struct AspectFigures: Sendable, Equatable {
    /// Posts about the retailer (the denominator of the share of conversation).
    public var posts: Int
    /// Posts that mention the aspect.
    public var n: Int
    public var share: Statistics.Interval
    public var positive: Statistics.Interval
    public var neutral: Statistics.Interval
    public var negative: Statistics.Interval
    public var net: Statistics.Interval
    public var counts: TallyCell

    public init(posts: Int, cell: TallyCell) {
        self.posts = posts
        n = cell.n
        counts = cell
        share = Statistics.wilson(successes: cell.n, n: posts)
        positive = Statistics.wilson(successes: cell.positive, n: cell.n)
        neutral = Statistics.wilson(successes: cell.neutral, n: cell.n)
        negative = Statistics.wilson(successes: cell.negative, n: cell.n)
        net = Statistics.net(positive: cell.positive, negative: cell.negative, n: cell.n)
    }

    public var netVariance: Double { Statistics.netVariance(positive: counts.positive, negative: counts.negative, n: n) }
}

/// A week-over-week comparison and whether it is significant after Holm's correction.
public struct Change: Sendable, Equatable {
    public enum Metric: String, Sendable { case net, share }
    public var retailer: String
    public var aspect: Aspect
    public var metric: Metric
    public var from: Double
    public var to: Double
    public var fromN: Int
    public var toN: Int
    public var z: Double
    public var p: Double
    public var pAdjusted: Double
    public var significant: Bool
    /// The interval of the current week's value.
    public var toInterval: Statistics.Interval
}

/// A week whose aspect mentions far exceed the weeks before it.
public struct Spike: Sendable, Equatable {
    public var retailer: String
    public var aspect: Aspect
    public var week: ISOWeek
    public var count: Int
    public var baseline: Double
    public var p: Double
    public var topDriver: Driver?
}

/// Share of an aspect's negative (privacy) or positive (personalization) posts that carry a driver.
public struct DriverShare: Sendable, Equatable {
    public var retailer: String
    public var driver: Driver
    public var label: SentimentLabel
    public var count: Int
    public var base: Int
    public var share: Statistics.Interval
    /// Aspects in the order reports show them.
public let reportAspects: [Aspect] = [.privacy, .personalization]

/// The reference study's share (Capgemini 2015), where it reported one.
    public var benchmark: Double?
}

/// A retailer's place in the privacy × personalization plane.
public struct QuadrantPoint: Sendable, Equatable {
    public enum Quadrant: String, Sendable { case positiveBoth = "positive_both", privacyNegative = "privacy_negative_only",
                                             personalizationNegative = "personalization_negative_only", negativeBoth = "negative_both" }
    public var retailer: String
    public var privacy: AspectFigures
    public var personalization: AspectFigures
    public var quadrant: Quadrant
}

/// One retailer's trend point.
public struct TrendPoint: Sendable, Equatable {
    public var retailer: String
    public var aspect: Aspect
    public var week: ISOWeek
    public var figures: AspectFigures
    public var spike: Spike?
}

/// Everything the weekly report shows, computed from the store; writers only format it.
public struct WeeklyReport: Sendable {
    public struct Options: Sendable {
        public var week: ISOWeek
        public var weeks = 12
        public var locale = ReportLocale.Code.en
        public var examplesPerDriver = 2
        /// Cells with fewer posts than this are marked as small samples.
        public var smallSample = 30
        public var alpha = 0.05
        /// Minimum posts in each of the two weeks before a change is tested.
        public var minTestN = 5
        public var spikeP = 0.001
        public var spikeMinCount = 5
        /// Retailers shown in the HTML (overview, charts, sections); CSV and JSON keep all.
        public var top = 12
        public init(week: ISOWeek) { self.week = week }
    }

    public var options: Options
    public var window: ClosedRange<ISOWeek>
    public var weekList: [ISOWeek]
    public var previous: ISOWeek
    /// Retailers in the window, most posts first (ids); `Tally.allPosts` is not among them.
    public var retailers: [String]
    /// The `options.top` retailers the HTML shows: most posts on privacy and personalization in the
    /// window, then most posts, then id.
    public var focus: [String] = []
    public var names: [String: String]
    /// Per retailer (and `Tally.allPosts`) and aspect: this week, last week, the whole window.
    public var thisWeek: [String: [Aspect: AspectFigures]] = [:]
    public var lastWeek: [String: [Aspect: AspectFigures]] = [:]
    public var windowFigures: [String: [Aspect: AspectFigures]] = [:]
    public var volume: [String: (week: Int, previous: Int, window: Int)] = [:]
    public var changes: [Change] = []
    public var spikes: [Spike] = []
    public var drivers: [DriverShare] = []
    public var quadrant: [QuadrantPoint] = []
    public var trend: [TrendPoint] = []
    /// Examples per retailer and driver.
    public var examples: [String: [Driver: [ExamplePost]]] = [:]
    public var store = StoreSummary()
    public var windowSummary = WindowSummary()
    public var summary: [String] = []

    public func name(_ retailer: String) -> String { names[retailer] ?? retailer }
}

/// Aspects in the order reports show them.
public let reportAspects: [Aspect] = [.privacy, .personalization]

/// The reference study's driver shares of negative privacy sentiment (Capgemini Consulting 2015,
/// "Privacy Please"): data security 76 %, intrusive behaviour 51 %, sharing with third parties 5 %,
/// tracking and monitoring 2 %, loyalty programmes asking for too much data 2 % (multi-label).
public let referenceDriverShares: [Driver: Double] = [.p1: 0.76, .p7: 0.51, .p5: 0.05, .p2: 0.02, .p10: 0.02]

extension WeeklyReport {
    /// Computes the report for `options.week` and the `options.weeks` weeks up to it.
    public static func build(store: PostStore, options: Options, redactor: Redactor) throws -> WeeklyReport {
        let first = options.week.adding(weeks: -(max(1, options.weeks) - 1))
        let previous = options.week.adding(weeks: -1)
        let start = min(first, previous)
        var weekList: [ISOWeek] = []
        var w = first
        while w <= options.week { weekList.append(w); w = w.adding(weeks: 1) }
        let tally = try store.tally(weeks: start...options.week)
        let infos = try store.retailers()
        var names: [String: String] = [:]
        for r in infos { names[r.id] = r.name }
        let windowVolume = { (r: String) in tally.sum(retailer: r, weeks: weekList, aspect: nil).n }
        let retailers = tally.retailers.filter { windowVolume($0) > 0 }.sorted {
            let a = windowVolume($0), b = windowVolume($1)
            return a != b ? a > b : $0 < $1
        }
        var rep = WeeklyReport(options: options, window: first...options.week, weekList: weekList, previous: previous,
                               retailers: retailers, names: names)
        let keys = [Tally.allPosts] + retailers
        for r in keys {
            let vWeek = tally[r, options.week, nil].n, vPrev = tally[r, previous, nil].n, vWin = windowVolume(r)
            rep.volume[r] = (vWeek, vPrev, vWin)
            for a in reportAspects {
                rep.thisWeek[r, default: [:]][a] = AspectFigures(posts: vWeek, cell: tally[r, options.week, a])
                rep.lastWeek[r, default: [:]][a] = AspectFigures(posts: vPrev, cell: tally[r, previous, a])
                rep.windowFigures[r, default: [:]][a] = AspectFigures(posts: vWin, cell: tally.sum(retailer: r, weeks: weekList, aspect: a))
            }
        }
        rep.focus = Array(retailers.sorted {
            let a = rep.windowFigures[$0]!.values.reduce(0) { $0 + $1.n }, b = rep.windowFigures[$1]!.values.reduce(0) { $0 + $1.n }
            if a != b { return a > b }
            let va = rep.volume[$0]!.window, vb = rep.volume[$1]!.window
            return va != vb ? va > vb : $0 < $1
        }.prefix(max(1, options.top)))
        rep.computeChanges(keys)
        rep.computeTrendsAndSpikes(keys, tally)
        rep.computeDrivers(keys)
        rep.computeQuadrant()
        for r in rep.focus {
            let win = rep.windowFigures[r]!
            for d in Driver.allCases {
                let label: SentimentLabel = d.aspect == .privacy ? .negative : .positive
                let c = win[d.aspect]!.counts.drivers[d]
                guard (label == .negative ? c?.negative : c?.positive) ?? 0 > 0 else { continue }
                let ex = try store.examples(retailer: r, weeks: rep.window, driver: d, label: label, limit: options.examplesPerDriver * 4)
                var seen = Set<String>()
                var chosen: [ExamplePost] = []
                for var e in ex where chosen.count < options.examplesPerDriver {
                    e.text = e.text.map { quote(redactor.redact($0)) }
                    if let t = e.text, !seen.insert(t).inserted { continue }
                    chosen.append(e)
                }
                rep.examples[r, default: [:]][d] = chosen
            }
        }
        rep.store = try store.summary()
        rep.windowSummary = try store.window(weeks: rep.window)
        rep.summary = SummaryWriter(report: rep).sentences()
        return rep
    }

    /// A quote shortened to about 320 characters at a word boundary.
    static func quote(_ s: String) -> String {
        let limit = 320
        guard s.count > limit else { return s }
        var cut = String(s.prefix(limit))
        if let sp = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: sp) > limit / 2 { cut = String(cut[..<sp]) }
        return cut + "…"
    }

    mutating func computeChanges(_ keys: [String]) {
        var found: [Change] = []
        for r in keys {
            for a in reportAspects {
                let now = thisWeek[r]![a]!, before = lastWeek[r]![a]!
                if now.n >= options.minTestN, before.n >= options.minTestN,
                   let t = Statistics.difference(now.net.estimate, varianceA: now.netVariance, before.net.estimate, varianceB: before.netVariance) {
                    found.append(Change(retailer: r, aspect: a, metric: .net, from: before.net.estimate, to: now.net.estimate, fromN: before.n,
                                        toN: now.n, z: t.z, p: t.p, pAdjusted: 1, significant: false, toInterval: now.net))
                }
                if now.posts >= options.minTestN, before.posts >= options.minTestN,
                   let t = Statistics.twoProportion(x1: now.n, n1: now.posts, x2: before.n, n2: before.posts) {
                    found.append(Change(retailer: r, aspect: a, metric: .share, from: before.share.estimate, to: now.share.estimate,
                                        fromN: before.posts, toN: now.posts, z: t.z, p: t.p, pAdjusted: 1, significant: false, toInterval: now.share))
                }
            }
        }
        let adjusted = Statistics.holm(found.map(\.p))
        for i in found.indices {
            found[i].pAdjusted = adjusted[i]
            found[i].significant = adjusted[i] < options.alpha
        }
        changes = found
    }

    mutating func computeTrendsAndSpikes(_ keys: [String], _ tally: Tally) {
        for r in keys {
            for a in reportAspects {
                var counts: [Int] = []
                for w in weekList {
                    let cell = tally[r, w, a]
                    let f = AspectFigures(posts: tally[r, w, nil].n, cell: cell)
                    var point = TrendPoint(retailer: r, aspect: a, week: w, figures: f, spike: nil)
                    if counts.count >= 3, cell.n >= options.spikeMinCount {
                        let base = Double(counts.reduce(0, +)) / Double(counts.count)
                        let p = Statistics.poissonUpperTail(cell.n, mean: max(base, 0.5))
                        if p < options.spikeP {
                            let top = cell.drivers.max { x, y in x.value.n != y.value.n ? x.value.n < y.value.n : x.key > y.key }?.key
                            let s = Spike(retailer: r, aspect: a, week: w, count: cell.n, baseline: base, p: p, topDriver: top)
                            point.spike = s
                            spikes.append(s)
                        }
                    }
                    counts.append(cell.n)
                    trend.append(point)
                }
            }
        }
    }

    mutating func computeDrivers(_ keys: [String]) {
        for r in keys {
            for a in reportAspects {
                let cell = windowFigures[r]![a]!.counts
                let label: SentimentLabel = a == .privacy ? .negative : .positive
                let base = a == .privacy ? cell.negative : cell.positive
                for d in Driver.allCases where d.aspect == a {
                    let c = cell.drivers[d] ?? TallyCell.DriverCount()
                    let x = a == .privacy ? c.negative : c.positive
                    drivers.append(DriverShare(retailer: r, driver: d, label: label, count: x, base: base,
                                               share: Statistics.wilson(successes: x, n: base),
                                               benchmark: a == .privacy ? referenceDriverShares[d] : nil))
                }
            }
        }
    }

    mutating func computeQuadrant() {
        for r in retailers {
            let p = windowFigures[r]![.privacy]!, z = windowFigures[r]![.personalization]!
            guard p.n > 0, z.n > 0 else { continue }
            let q: QuadrantPoint.Quadrant = switch (p.net.estimate > 0, z.net.estimate > 0) {
            case (true, true): .positiveBoth
            case (false, true): .privacyNegative
            case (true, false): .personalizationNegative
            case (false, false): .negativeBoth
            }
            quadrant.append(QuadrantPoint(retailer: r, privacy: p, personalization: z, quadrant: q))
        }
    }
}
