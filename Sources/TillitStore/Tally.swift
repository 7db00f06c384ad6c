import TillitCore

/// The key of a tally cell: a retailer (or `Tally.allPosts` for every post), an ISO week, and an
/// aspect (nil: the post's overall sentiment, so the cell's `n` is the volume).
public struct TallyKey: Sendable, Hashable, Comparable {
    public var retailer: String
    public var week: ISOWeek
    public var aspect: Aspect?
    public init(retailer: String, week: ISOWeek, aspect: Aspect?) { self.retailer = retailer; self.week = week; self.aspect = aspect }

    public static func < (a: TallyKey, b: TallyKey) -> Bool {
        (a.retailer, a.week.year, a.week.week, a.aspect?.rawValue ?? "") < (b.retailer, b.week.year, b.week.week, b.aspect?.rawValue ?? "")
    }
}

/// Counts behind one tally cell. All fields are integers (scores in ten-thousandths), so adding cells is
/// exact and the result does not depend on the order of addition.
public struct TallyCell: Sendable, Equatable {
    /// Posts in the cell (for an aspect: posts that mention it).
    public var n = 0
    public var positive = 0
    public var neutral = 0
    public var negative = 0
    /// Sum of scores × 10 000.
    public var scoreSum: Int64 = 0
    /// Per driver: posts with the driver, and of those the positive and negative ones.
    public var drivers: [Driver: DriverCount] = [:]

    public init() {}

    public struct DriverCount: Sendable, Equatable {
        public var n = 0, positive = 0, negative = 0
        public init(n: Int = 0, positive: Int = 0, negative: Int = 0) { self.n = n; self.positive = positive; self.negative = negative }
    }

    /// Mean score in [-1, 1].
    public var meanScore: Double { n == 0 ? 0 : Double(scoreSum) / 10_000 / Double(n) }

    public mutating func add(label: SentimentLabel, score: Int64, drivers: [Driver] = []) {
        n += 1
        scoreSum += score
        switch label {
        case .positive: positive += 1
        case .neutral: neutral += 1
        case .negative: negative += 1
        }
        for d in drivers {
            var c = self.drivers[d] ?? DriverCount()
            c.n += 1
            if label == .positive { c.positive += 1 }
            if label == .negative { c.negative += 1 }
            self.drivers[d] = c
        }
    }

    public static func + (a: TallyCell, b: TallyCell) -> TallyCell {
        var r = a
        r.n += b.n; r.positive += b.positive; r.neutral += b.neutral; r.negative += b.negative; r.scoreSum += b.scoreSum
        for (d, c) in b.drivers {
            var x = r.drivers[d] ?? DriverCount()
            x.n += c.n; x.positive += c.positive; x.negative += c.negative
            r.drivers[d] = x
        }
        return r
    }
}

/// Counts keyed by (retailer, ISO week, aspect): a commutative monoid under `+` with `Tally()` as the
/// identity, so partial tallies from shards, threads or stores combine into the same result in any order.
///
///     var t = Tally(); t.add(TallyKey(retailer: "ica", week: w, aspect: .privacy), label: .negative, score: -5000)
///     (t + Tally()) == t  // true
public struct Tally: Sendable, Equatable {
    /// The retailer key of cells that count every post, attributed or not.
    public static let allPosts = "*"
    public private(set) var cells: [TallyKey: TallyCell] = [:]

    public init() {}

    public mutating func add(_ key: TallyKey, label: SentimentLabel, score: Int64, drivers: [Driver] = []) {
        cells[key, default: TallyCell()].add(label: label, score: score, drivers: drivers)
    }

    public mutating func add(_ key: TallyKey, _ cell: TallyCell) {
        cells[key] = (cells[key] ?? TallyCell()) + cell
    }

    public subscript(_ key: TallyKey) -> TallyCell { cells[key] ?? TallyCell() }

    public subscript(retailer: String, week: ISOWeek, aspect: Aspect?) -> TallyCell {
        self[TallyKey(retailer: retailer, week: week, aspect: aspect)]
    }

    /// The sum of a retailer's cells over several weeks.
    public func sum(retailer: String, weeks: [ISOWeek], aspect: Aspect?) -> TallyCell {
        weeks.reduce(TallyCell()) { $0 + self[retailer, $1, aspect] }
    }

    /// Retailer keys present (without `allPosts`), sorted.
    public var retailers: [String] { Set(cells.keys.map(\.retailer)).subtracting([Tally.allPosts]).sorted() }

    public static func + (a: Tally, b: Tally) -> Tally {
        var r = a
        for (k, c) in b.cells { r.add(k, c) }
        return r
    }
}
