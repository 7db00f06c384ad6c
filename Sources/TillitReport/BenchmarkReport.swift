import TillitCore
import TillitStore

/// The consultants' view: retailers ranked per aspect by net sentiment over a period, with intervals
/// and every pairwise difference tested (two-sided z-tests, Holm-corrected within each aspect).
public struct BenchmarkReport: Sendable {
    public struct Options: Sendable {
        public var from: ISOWeek
        public var to: ISOWeek
        public var sector: String?
        public var country: String?
        public var locale = ReportLocale.Code.en
        public var smallSample = 30
        public var alpha = 0.05
        public init(from: ISOWeek, to: ISOWeek) { self.from = from; self.to = to }
    }

    public struct Entry: Sendable, Equatable {
        public var retailer: String
        public var rank: Int
        public var figures: AspectFigures
        /// Retailers this one is significantly above.
        public var above: [String]
    }

    public struct Pair: Sendable, Equatable {
        public var a: String
        public var b: String
        public var difference: Double
        public var z: Double
        public var p: Double
        public var pAdjusted: Double
        public var significant: Bool
    }

    public var options: Options
    public var names: [String: String] = [:]
    public var ranking: [Aspect: [Entry]] = [:]
    public var pairs: [Aspect: [Pair]] = [:]
    public var posts = 0

    public func name(_ r: String) -> String { names[r] ?? r }

    public static func build(store: PostStore, options: Options) throws -> BenchmarkReport {
        var rep = BenchmarkReport(options: options)
        let infos = try store.retailers()
        var allowed = Set<String>()
        for r in infos {
            rep.names[r.id] = r.name
            if let s = options.sector, r.sector.lowercased() != s.lowercased() { continue }
            if let c = options.country, !r.countries.contains(where: { $0.lowercased() == c.lowercased() }) { continue }
            allowed.insert(r.id)
        }
        var weeks: [ISOWeek] = []
        var w = options.from
        while w <= options.to { weeks.append(w); w = w.adding(weeks: 1) }
        let tally = try store.tally(weeks: options.from...options.to)
        let retailers = tally.retailers.filter { allowed.contains($0) }
        rep.posts = retailers.reduce(0) { $0 + tally.sum(retailer: $1, weeks: weeks, aspect: nil).n }
        for a in reportAspects {
            var entries: [Entry] = retailers.compactMap { r in
                let fig = AspectFigures(posts: tally.sum(retailer: r, weeks: weeks, aspect: nil).n, cell: tally.sum(retailer: r, weeks: weeks, aspect: a))
                return fig.n > 0 ? Entry(retailer: r, rank: 0, figures: fig, above: []) : nil
            }
            entries.sort {
                let x = $0.figures.net.estimate, y = $1.figures.net.estimate
                if x != y { return x > y }
                return $0.figures.n != $1.figures.n ? $0.figures.n > $1.figures.n : $0.retailer < $1.retailer
            }
            for i in entries.indices { entries[i].rank = i + 1 }
            var ps: [Pair] = []
            for i in entries.indices {
                for j in entries.indices where j > i {
                    let x = entries[i].figures, y = entries[j].figures
                    let t = Statistics.difference(x.net.estimate, varianceA: x.netVariance, y.net.estimate, varianceB: y.netVariance)
                    ps.append(Pair(a: entries[i].retailer, b: entries[j].retailer, difference: x.net.estimate - y.net.estimate,
                                   z: t?.z ?? 0, p: t?.p ?? 1, pAdjusted: 1, significant: false))
                }
            }
            let adj = Statistics.holm(ps.map(\.p))
            for k in ps.indices {
                ps[k].pAdjusted = adj[k]
                ps[k].significant = adj[k] < options.alpha
            }
            for k in entries.indices {
                let me = entries[k].retailer
                entries[k].above = ps.filter { $0.significant && (($0.a == me && $0.difference > 0) || ($0.b == me && $0.difference < 0)) }
                    .map { $0.a == me ? $0.b : $0.a }
            }
            rep.ranking[a] = entries
            rep.pairs[a] = ps
        }
        return rep
    }

    var locale: ReportLocale { ReportLocale(options.locale) }
    var periodLabel: String { locale.weeks(options.from, options.to) }

    public var figures: [Figure] {
        var rank = Figure(name: "benchmark_ranking", title: locale.t("bench_title"), columns: [
            "aspect", "rank", "retailer_id", "retailer", "from", "to", "posts", "n", "share", "positive", "neutral", "negative",
            "net", "net_lower", "net_upper", "small_sample", "significantly_above"])
        var pair = Figure(name: "benchmark_pairs", title: locale.t("pairwise_heading", ""), columns: [
            "aspect", "retailer_a", "retailer_b", "difference", "z", "p", "p_holm", "significant"])
        for a in reportAspects {
            for e in ranking[a] ?? [] {
                let x = e.figures
                rank.rows.append([.text(a.rawValue), .int(e.rank), .text(e.retailer), .text(name(e.retailer)), .text(options.from.description),
                                  .text(options.to.description), .int(x.posts), .int(x.n), .number(x.share.estimate), .number(x.positive.estimate),
                                  .number(x.neutral.estimate), .number(x.negative.estimate), .number(x.net.estimate), .number(x.net.lower),
                                  .number(x.net.upper), .bool(x.n < options.smallSample), .text(e.above.joined(separator: " "))])
            }
            for p in pairs[a] ?? [] {
                pair.rows.append([.text(a.rawValue), .text(p.a), .text(p.b), .number(p.difference), .number(p.z), .number(p.p), .number(p.pAdjusted),
                                  .bool(p.significant)])
            }
        }
        var method = Figure(name: "benchmark_method", title: locale.t("method_heading"), columns: ["key", "value"])
        method.rows = [
            [.text("from"), .text(options.from.description)], [.text("to"), .text(options.to.description)],
            [.text("sector"), options.sector.map { .text($0) } ?? .null], [.text("country"), options.country.map { .text($0) } ?? .null],
            [.text("posts"), .int(posts)], [.text("alpha"), .number(options.alpha)], [.text("small_sample_threshold"), .int(options.smallSample)],
            [.text("tests_privacy"), .int(pairs[.privacy]?.count ?? 0)], [.text("tests_personalization"), .int(pairs[.personalization]?.count ?? 0)],
        ]
        return [rank, pair, method]
    }

    /// The benchmark as one self-contained HTML page.
    public func html() -> String {
        let l = locale
        func e(_ s: String) -> String { HTML.escape(s) }
        var h = "<!DOCTYPE html>\n<html lang=\"\(l.code.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        h += "<title>\(e(l.t("bench_title")))</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n<main>\n"
        let count = Set((ranking[.privacy] ?? []).map(\.retailer) + (ranking[.personalization] ?? []).map(\.retailer)).count
        h += "<header class=\"top\"><div class=\"brand\">Tillit</div><h1>\(e(l.t("bench_title")))</h1>"
        h += "<p class=\"sub\">\(e(l.t("bench_subtitle", capitalized(periodLabel) + " (\(options.from.description) – \(options.to.description))", l.integer(count), l.integer(posts))))</p>"
        var filters: [String] = []
        if let s = options.sector { filters.append("sector = " + s) }
        if let c = options.country { filters.append("country = " + c) }
        h += "<p class=\"note\">\(e(l.t("filters", filters.isEmpty ? l.t("none") : filters.joined(separator: ", "))))</p></header>\n"
        for a in reportAspects {
            let entries = ranking[a] ?? []
            let title = l.t("ranking_heading", l.aspect(a))
            h += "<section id=\"\(a.rawValue)\"><h2>\(e(capitalized(title)))</h2>"
            if entries.isEmpty { h += "<p class=\"note\">\(e(l.t("no_data")))</p></section>\n"; continue }
            let rows = entries.map { x in
                Charts.ForestRow(label: "\(x.rank). " + name(x.retailer), values: [(a, x.figures.net, x.figures.n, x.figures.n < options.smallSample)])
            }
            h += "<figure id=\"fig-benchmark_ranking-\(a.rawValue)\">" + Charts.forest(rows, id: "rank-\(a.rawValue)", title: title, locale: l)
            h += "<figcaption>\(e(l.t("figure_data", "benchmark_ranking.csv · benchmark_ranking.json")) + " (aspect = \(a.rawValue))")</figcaption></figure>"
            h += "<div class=\"scroll\"><table><thead><tr><th>\(e(l.t("col_rank")))</th><th class=\"l\">\(e(l.t("col_retailer")))</th><th>n</th>"
            h += "<th>\(e(l.t("col_breakdown")))</th><th>\(e(l.t("col_net")))</th><th class=\"l\">\(e(l.t("col_better_than")))</th></tr></thead><tbody>"
            for x in entries {
                let f = x.figures, isSmall = f.n < options.smallSample
                h += "<tr\(isSmall ? " class=\"small\"" : "")><td>\(x.rank)</td><td class=\"l\">\(e(truncate(name(x.retailer), 60)))\(isSmall ? " †" : "")</td><td>\(e(l.integer(f.n)))</td>"
                h += "<td>\(e(l.percent(f.positive.estimate))) · \(e(l.percent(f.neutral.estimate))) · \(e(l.percent(f.negative.estimate)))</td>"
                h += "<td>\(e(l.net(f.net.estimate)))<span class=\"ci\">\(e(l.netRange(f.net.lower, f.net.upper)))</span></td>"
                h += "<td class=\"l\">\(e(x.above.map { truncate(name($0), 40) }.joined(separator: ", ")))</td></tr>"
            }
            h += "</tbody></table></div>"
            if entries.count <= 25 {
                h += "<h3>\(e(l.t("pairwise_heading", l.aspect(a))))</h3><figure id=\"fig-benchmark_pairs-\(a.rawValue)\"><div class=\"scroll\"><table class=\"matrix\"><thead><tr><th></th>"
                for x in entries { h += "<th title=\"\(e(truncate(name(x.retailer), 60)))\">\(x.rank)</th>" }
                h += "</tr></thead><tbody>"
                let ps = pairs[a] ?? []
                for x in entries {
                    h += "<tr><td>\(x.rank). \(e(truncate(name(x.retailer), 60)))</td>"
                    for y in entries {
                        if x.retailer == y.retailer { h += "<td>–</td>"; continue }
                        let p = ps.first { ($0.a == x.retailer && $0.b == y.retailer) || ($0.a == y.retailer && $0.b == x.retailer) }
                        if let p = p, p.significant {
                            let xAbove = (p.a == x.retailer) == (p.difference > 0)
                            h += xAbove ? "<td class=\"up\">▲</td>" : "<td class=\"down\">▼</td>"
                        } else { h += "<td class=\"small\">·</td>" }
                    }
                    h += "</tr>"
                }
                h += "</tbody></table></div><figcaption>\(e(l.t("figure_data", "benchmark_pairs.csv · benchmark_pairs.json")) + " (aspect = \(a.rawValue))")</figcaption></figure>"
                h += "<p class=\"note\">\(e(l.t("pairwise_note")))</p>"
            }
            h += "</section>\n"
        }
        h += "<section class=\"method\" id=\"method\"><h2>\(e(l.t("method_heading")))</h2><figure id=\"fig-benchmark_method\">"
        h += "<p>\(e(l.t("net_explain")))</p><p>\(e(l.t("m_bench_stats", l.integer(pairs[.privacy]?.count ?? 0), l.integer(pairs[.personalization]?.count ?? 0))))</p>"
        h += "<p>\(e(l.t("small_note", String(options.smallSample))))</p><p>\(e(l.t("m_limits")))</p>"
        h += "<figcaption>\(e(l.t("figure_data", "benchmark_method.csv · benchmark_method.json")))</figcaption></figure></section>\n"
        h += "</main>\n</body>\n</html>\n"
        return h
    }
}
