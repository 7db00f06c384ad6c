import TillitCore
import TillitStore

/// The first-screen summary: 3–5 sentences filled from the figures by fixed templates. It reports only
/// changes that are significant after Holm's correction, and says so when there are none.
struct SummaryWriter {
    let report: WeeklyReport
    var l: ReportLocale { ReportLocale(report.options.locale) }

    func who(_ r: String) -> String { r == Tally.allPosts ? l.t("all_posts_lower") : report.name(r) }

    func sentences() -> [String] {
        var out: [String] = []
        let week = report.options.week
        let all = report.thisWeek[Tally.allPosts]!
        let volume = report.volume[Tally.allPosts]!.week
        if volume == 0 {
            out.append(l.t("sum_empty", l.week(week)))
        } else {
            let p = all[.privacy]!, z = all[.personalization]!
            out.append(l.t("sum_volume", l.week(week), l.integer(volume), l.percent(p.share.estimate), l.percentRange(p.share.lower, p.share.upper),
                           l.percent(z.share.estimate), l.percentRange(z.share.lower, z.share.upper)))
        }
        // retailers first (the all-posts change is usually their sum), then by adjusted p
        let significant = report.changes.filter(\.significant).sorted {
            let a = $0.retailer == Tally.allPosts ? 1 : 0, b = $1.retailer == Tally.allPosts ? 1 : 0
            if a != b { return a < b }
            return $0.pAdjusted != $1.pAdjusted ? $0.pAdjusted < $1.pAdjusted : abs($0.z) > abs($1.z)
        }
        if significant.isEmpty {
            if report.changes.isEmpty {
                out.append(l.t("sum_untestable", l.week(report.previous), String(report.options.minTestN)))
            } else {
                out.append(l.t("sum_nothing", l.week(report.previous), l.integer(report.changes.count)))
            }
        }
        for c in significant.prefix(2) { out.append(change(c)) }
        if let s = report.spikes.filter({ $0.week == week }).max(by: { $0.p != $1.p ? $0.p > $1.p : $0.retailer > $1.retailer }) {
            let driver = s.topDriver.map { l.t("sum_mostly", lowerFirst(l.driver($0)), $0.rawValue) } ?? ""
            out.append(l.t("sum_spike", capitalized(l.aspect(s.aspect)), who(s.retailer), l.week(s.week), l.integer(s.count),
                           l.decimal(s.baseline, 1), driver, l.aspect(s.aspect)))
        }
        let drivers = report.drivers.filter { $0.retailer == Tally.allPosts && $0.driver.aspect == .privacy && $0.count > 0 }
        if let top = drivers.max(by: { $0.count != $1.count ? $0.count < $1.count : $0.driver > $1.driver }) {
            let bench = top.benchmark.map { l.t("sum_reference", l.percent($0)) } ?? l.t("sum_no_reference")
            out.append(l.t("sum_driver", l.weeks(report.window.lowerBound, report.window.upperBound), lowerFirst(l.driver(top.driver)), top.driver.rawValue,
                           l.percent(top.share.estimate), l.integer(top.base), bench))
        }
        if !report.quadrant.isEmpty {
            let both = report.quadrant.filter { $0.quadrant == .positiveBoth }.count
            let neither = report.quadrant.filter { $0.quadrant == .negativeBoth }.count
            let small = report.quadrant.filter { min($0.privacy.n, $0.personalization.n) < report.options.smallSample }.count
            var s = l.t("sum_quadrant", l.integer(both), l.integer(report.quadrant.count), l.integer(neither),
                        l.weeks(report.window.lowerBound, report.window.upperBound))
            if small > 0 { s += " " + l.t("sum_quadrant_small", l.integer(small), String(report.options.smallSample)) }
            out.append(s)
        }
        return Array(out.prefix(5))
    }

    func change(_ c: Change) -> String {
        let dir = c.to > c.from ? l.t("rose") : l.t("fell")
        switch c.metric {
        case .net:
            var driver = ""
            let cell = report.thisWeek[c.retailer]![c.aspect]!.counts
            let label: SentimentLabel = c.to > c.from ? .positive : .negative
            let base = label == .positive ? cell.positive : cell.negative
            let top = cell.drivers.filter { (label == .positive ? $0.value.positive : $0.value.negative) > 0 }
                .max { x, y in
                    let a = label == .positive ? x.value.positive : x.value.negative, b = label == .positive ? y.value.positive : y.value.negative
                    return a != b ? a < b : x.key > y.key
                }
            if let t = top, base > 0 {
                let share = Double(label == .positive ? t.value.positive : t.value.negative) / Double(base)
                driver = l.t("sum_driven", lowerFirst(l.driver(t.key)), t.key.rawValue, l.percent(share), l.label(label), l.aspect(c.aspect))
            }
            return l.t(c.retailer == Tally.allPosts ? "sum_change_net_all" : "sum_change_net", l.aspect(c.aspect), who(c.retailer), dir, l.net(c.from), l.net(c.to),
                       l.netRange(c.toInterval.lower, c.toInterval.upper), l.integer(c.toN), driver)
        case .share:
            return l.t(c.retailer == Tally.allPosts ? "sum_change_share_all" : "sum_change_share", who(c.retailer), l.aspect(c.aspect), dir, l.percent(c.from), l.percent(c.to),
                       l.percentRange(c.toInterval.lower, c.toInterval.upper))
        }
    }
}

/// A name used inside a sentence: first letter lower-cased unless it starts an acronym ("GDPR, …").
func lowerFirst(_ s: String) -> String {
    let chars = Array(s)
    guard chars.count > 1, !chars[1].isUppercase else { return s }
    return chars[0].lowercased() + String(chars.dropFirst())
}

func capitalized(_ s: String) -> String { s.isEmpty ? s : s.prefix(1).uppercased() + s.dropFirst() }
