import TillitCore
import TillitStore

/// Writes the weekly report as one self-contained HTML page: inline CSS and SVG, no script, no external
/// resource. All text that came from posts, sources or the store is escaped with `HTML.escape`.
public struct HTMLReportWriter {
    public let report: WeeklyReport
    public init(report: WeeklyReport) { self.report = report }

    var l: ReportLocale { report.locale }
    var small: Int { report.options.smallSample }
    func e(_ s: String) -> String { HTML.escape(s) }

    func caption(_ figure: String, retailer: String? = nil) -> String {
        var s = l.t("figure_data", "\(figure).csv · \(figure).json")
        if let r = retailer { s += " (retailer_id = \(truncate(r, 40)))" }
        return "<figcaption>\(e(s))</figcaption>"
    }

    public func html() -> String {
        let r = report
        var h = "<!DOCTYPE html>\n<html lang=\"\(l.code.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        h += "<title>\(e(l.t("title"))) – \(e(r.options.week.description))</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n<main>\n"
        let volume = r.volume[Tally.allPosts]!.week
        h += "<header class=\"top\"><div class=\"brand\">Tillit</div><h1>\(e(l.t("title")))</h1>"
        h += "<p class=\"sub\">\(e(l.t("subtitle", capitalized(l.week(r.options.week)) + " \(r.options.week.year) (\(r.options.week.description))", l.integer(volume), r.windowLabel)))</p>"
        h += "</header>\n"
        h += "<section class=\"summary\" id=\"summary\"><h2>\(e(l.t("summary_heading")))</h2><ol>"
        for s in r.summary { h += "<li>\(e(s))</li>" }
        h += "</ol></section>\n"
        h += "<nav class=\"toc\" aria-label=\"\(e(l.t("contents")))\"><a href=\"#overview\">\(e(l.t("overview_heading", l.week(r.options.week))))</a>"
        h += "<a href=\"#quadrant\">\(e(capitalized(l.aspect(.privacy)) + " × " + l.aspect(.personalization)))</a>"
        h += "<a href=\"#drivers\">\(e(l.t("col_driver")))</a><a href=\"#trends\">\(e(l.t("trend_heading", "").trimmingCharacters(", ")))</a>"
        h += "<a href=\"#retailers\">\(e(l.t("retailers_heading")))</a><a href=\"#method\">\(e(l.t("method_heading")))</a></nav>\n"
        h += overview()
        h += quadrantAndNet()
        h += driversSection(Tally.allPosts, level: 2)
        h += "<section id=\"trends\"><h2>\(e(l.t("trend_heading", r.windowLabel)))</h2>"
        h += "<figure id=\"fig-trend\">" + Charts.trend(r.trend.filter { $0.retailer == Tally.allPosts }, weeks: r.weekList, id: "trend",
                                                            title: l.t("trend_heading", r.windowLabel), locale: l, smallSample: small)
        h += caption("trend", retailer: Tally.allPosts) + "</figure></section>\n"
        h += changesSection()
        h += "<div id=\"retailers\"></div>\n"
        for id in r.focus where (r.windowFigures[id]![.privacy]!.n + r.windowFigures[id]![.personalization]!.n) > 0 {
            h += retailerSection(id)
        }
        h += methodSection()
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    // MARK: sections

    func netCell(_ x: AspectFigures, sig: Change?) -> String {
        guard x.n > 0 else { return "<td class=\"small\">–</td>" }
        var s = "<td\(x.n < small ? " class=\"small\"" : "")>\(e(l.net(x.net.estimate)))"
        if let c = sig { s += c.to > c.from ? " <span class=\"up\" title=\"\(e(l.t("significant")))\">▲</span>" : " <span class=\"down\" title=\"\(e(l.t("significant")))\">▼</span>" }
        s += "<span class=\"ci\">\(e(l.netRange(x.net.lower, x.net.upper)))</span></td>"
        return s
    }

    func shareCell(_ x: AspectFigures, sig: Change?) -> String {
        guard x.posts > 0 else { return "<td class=\"small\">–</td>" }
        var s = "<td\(x.posts < small ? " class=\"small\"" : "")>\(e(l.percent(x.share.estimate)))"
        if let c = sig { s += c.to > c.from ? " <span class=\"up\">▲</span>" : " <span class=\"down\">▼</span>" }
        s += "<span class=\"ci\">\(e(l.percentRange(x.share.lower, x.share.upper))) · n \(e(l.integer(x.n)))</span></td>"
        return s
    }

    func sig(_ r: String, _ a: Aspect, _ m: Change.Metric) -> Change? {
        report.changes.first { $0.retailer == r && $0.aspect == a && $0.metric == m && $0.significant }
    }

    func overview() -> String {
        let r = report
        var h = "<section id=\"overview\"><h2>\(e(l.t("overview_heading", l.week(r.options.week))))</h2>"
        h += "<figure id=\"fig-kpi\"><div class=\"scroll\"><table><thead><tr class=\"group\"><th></th><th></th>"
        h += "<th colspan=\"2\">\(e(capitalized(l.aspect(.privacy))))</th><th colspan=\"2\">\(e(capitalized(l.aspect(.personalization))))</th></tr>"
        h += "<tr><th>\(e(l.t("col_retailer")))</th><th>\(e(l.t("col_posts")))<span class=\"ci\">\(e(l.t("col_change", l.week(r.previous))))</span></th>"
        for _ in 0..<2 { h += "<th>\(e(l.t("col_share")))</th><th>\(e(l.t("col_net")))</th>" }
        h += "</tr></thead><tbody>"
        for id in [Tally.allPosts] + r.focus {
            let v = r.volume[id]!
            let isAll = id == Tally.allPosts
            var cls: [String] = []
            if isAll { cls.append("all") }
            h += "<tr\(cls.isEmpty ? "" : " class=\"\(cls.joined(separator: " "))\"")><td>"
            h += isAll ? e(truncate(r.title(id), 60)) : "<a href=\"#r-\(HTML.slug(id))\">\(e(truncate(r.name(id), 60)))</a>"
            h += "</td><td>\(e(l.integer(v.week)))<span class=\"ci\">\(e(l.integer(v.previous)))</span></td>"
            for a in reportAspects {
                let x = r.thisWeek[id]![a]!
                h += shareCell(x, sig: sig(id, a, .share)) + netCell(x, sig: sig(id, a, .net))
            }
            h += "</tr>"
        }
        h += "</tbody></table></div>" + caption("kpi") + "</figure>"
        var notes = [l.t("net_explain"), l.t("small_note", String(small)), l.t("sig_note", l.week(r.previous))]
        if r.focus.count < r.retailers.count {
            notes.insert(l.t("focus_note", String(r.focus.count), String(r.retailers.count)), at: 0)
        }
        h += "<p class=\"note\">" + notes.map(e).joined(separator: "<br>") + "</p>"
        // share of voice
        let rows = r.focus.filter { r.volume[$0]!.week > 0 }
            .sorted { r.volume[$0]!.week != r.volume[$1]!.week ? r.volume[$0]!.week > r.volume[$1]!.week : $0 < $1 }
        h += "<h3>\(e(l.t("sov_heading", l.week(r.options.week))))</h3><figure id=\"fig-share_of_voice\">"
        h += Charts.shareOfVoice(rows.map { (r.name($0), r.volume[$0]!.week) }, total: rows.reduce(0) { $0 + r.volume[$1]!.week },
                                 id: "share_of_voice", title: l.t("sov_heading", l.week(r.options.week)), locale: l)
        h += caption("share_of_voice") + "</figure></section>\n"
        return h
    }

    func quadrantAndNet() -> String {
        let r = report
        var h = "<section id=\"quadrant\"><h2>\(e(l.t("quadrant_heading", r.windowLabel)))</h2>"
        let points = r.quadrant.filter { r.focus.contains($0.retailer) }
        if points.isEmpty {
            h += "<p class=\"note\">\(e(l.t("no_data")))</p>"
        } else {
            h += "<figure id=\"fig-quadrant\">" + Charts.quadrant(points, names: r.name, smallSample: small, id: "quadrant",
                                                                   title: l.t("quadrant_heading", r.windowLabel), locale: l)
            h += caption("quadrant") + "</figure>"
        }
        h += "<h3>\(e(l.t("forest_heading", r.windowLabel)))</h3><figure id=\"fig-net_sentiment\">"
        let rows = ([Tally.allPosts] + r.focus).map { id in
            Charts.ForestRow(label: r.title(id), values: reportAspects.map { a in
                let x = r.windowFigures[id]![a]!
                return (a, x.net, x.n, x.n < small)
            })
        }
        h += Charts.forest(rows, id: "net_sentiment", title: l.t("forest_heading", r.windowLabel), locale: l)
        h += caption("net_sentiment") + "</figure><p class=\"note\">\(e(l.t("net_explain")))</p></section>\n"
        return h
    }

    func driversSection(_ id: String, level: Int) -> String {
        let r = report
        var h = level == 2 ? "<section id=\"drivers\">" : ""
        for a in reportAspects {
            // retailer sections show only the drivers that occur (plus those of the reference study)
            let rows = r.drivers.filter { $0.retailer == id && $0.driver.aspect == a && (level == 2 || $0.count > 0 || $0.benchmark != nil) }
            let base = r.drivers.first { $0.retailer == id && $0.driver.aspect == a }?.base ?? 0
            if level == 3 && base == 0 { continue }
            let key = a == .privacy ? "drivers_neg_heading" : "drivers_pos_heading"
            let name = a == .privacy ? "drivers_privacy_negative" : "drivers_personalization_positive"
            h += "<h\(level)>\(e(l.t(key, r.windowLabel)))</h\(level)>"
            h += "<p class=\"note\">\(e(l.t(a == .privacy ? "base_neg" : "base_pos", l.integer(base))))\(base < small ? " †" : "")</p>"
            let figID = name + (id == Tally.allPosts ? "" : "-" + HTML.slug(id))
            h += "<figure id=\"fig-\(figID)\">" + Charts.drivers(rows, aspect: a, id: figID, title: l.t(key, r.windowLabel), locale: l, smallSample: small)
            h += caption(name, retailer: id == Tally.allPosts ? Tally.allPosts : id) + "</figure>"
        }
        if level == 2 { h += "<p class=\"note\">\(e(l.t("m_reference")))</p></section>\n" }
        return h
    }

    func changesSection() -> String {
        let r = report
        var h = "<section id=\"changes\"><h2>\(e(l.t("changes_heading", l.week(r.previous))))</h2><figure id=\"fig-changes\">"
        let sig = r.changes.filter(\.significant)
        if sig.isEmpty {
            h += "<p>\(e(l.t("no_change"))) <span class=\"note\">(\(e(l.integer(r.changes.count))) tests)</span></p>"
        } else {
            h += "<div class=\"scroll\"><table><thead><tr><th>\(e(l.t("col_retailer")))</th><th>\(e(l.t("col_aspect")))</th><th>\(e(l.t("col_measure")))</th>"
            h += "<th>\(e(l.week(r.previous)))</th><th>\(e(l.week(r.options.week)))</th><th>p (Holm)</th></tr></thead><tbody>"
            for c in sig {
                let loc = l
                let fmt: (Double) -> String = c.metric == .net ? { loc.net($0) } : { loc.percent($0) }
                h += "<tr><td>\(e(truncate(r.title(c.retailer), 60)))</td><td>\(e(l.aspect(c.aspect)))</td><td>\(e(l.t(c.metric == .net ? "metric_net" : "metric_share")))</td>"
                h += "<td>\(e(fmt(c.from)))<span class=\"ci\">n \(e(l.integer(c.fromN)))</span></td>"
                h += "<td>\(e(fmt(c.to))) <span class=\"\(c.to > c.from ? "up" : "down")\">\(c.to > c.from ? "▲" : "▼")</span><span class=\"ci\">n \(e(l.integer(c.toN)))</span></td>"
                h += "<td>\(e(l.decimal(c.pAdjusted, 4)))</td></tr>"
            }
            h += "</tbody></table></div>"
        }
        h += caption("changes") + "</figure></section>\n"
        return h
    }

    func kpi(_ value: String, _ label: String, _ ci: String?, small isSmall: Bool, mark: String = "") -> String {
        "<div class=\"kpi\(isSmall ? " small" : "")\"><div class=\"v\">\(e(value))\(mark)\(isSmall ? " †" : "")</div><div class=\"l\">\(e(label))</div>"
            + (ci.map { "<div class=\"ci\">\(e($0))</div>" } ?? "") + "</div>"
    }

    func retailerSection(_ id: String) -> String {
        let r = report
        let slug = HTML.slug(id)
        var h = "<section class=\"retailer\" id=\"r-\(slug)\"><h2>\(e(truncate(r.name(id), 60)))</h2>"
        let v = r.volume[id]!
        h += "<div class=\"kpis\">"
        h += kpi(l.integer(v.week), l.t("col_posts") + ", " + l.week(r.options.week), l.t("col_change", l.week(r.previous)) + ": " + l.integer(v.previous), small: false)
        for a in reportAspects {
            let x = r.thisWeek[id]![a]!
            let mark = sig(id, a, .net).map { $0.to > $0.from ? " <span class=\"up\">▲</span>" : " <span class=\"down\">▼</span>" } ?? ""
            h += kpi(x.n > 0 ? l.net(x.net.estimate) : "–", l.t("col_net") + " · " + l.aspect(a) + ", " + l.week(r.options.week),
                     x.n > 0 ? l.netRange(x.net.lower, x.net.upper) + " · n " + l.integer(x.n) : "n 0", small: x.n < small, mark: mark)
        }
        h += "</div>"
        // window breakdown
        h += "<figure id=\"fig-net_sentiment-\(slug)\"><div class=\"scroll\"><table><thead><tr><th>\(e(l.t("col_aspect")))</th>"
        h += "<th>\(e(l.t("col_mentions")))</th><th>\(e(l.t("col_breakdown")))</th><th>\(e(l.t("col_net")))</th></tr></thead><tbody>"
        for a in reportAspects {
            let x = r.windowFigures[id]![a]!
            let isSmall = x.n < small
            h += "<tr\(isSmall ? " class=\"small\"" : "")><td>\(e(capitalized(l.aspect(a))))\(isSmall ? " †" : "")</td>"
            h += "<td>\(e(l.integer(x.n)))<span class=\"ci\">\(e(l.percent(x.share.estimate))) · \(e(l.percentRange(x.share.lower, x.share.upper)))</span></td>"
            h += "<td class=\"bd\">" + Charts.breakdown(x, id: "bd-\(slug)-\(a.rawValue)", title: l.t("col_breakdown") + " · " + l.aspect(a), locale: l, small: isSmall)
            if x.n > 0 {
                h += "<span class=\"ci\">+ \(e(l.percentRange(x.positive.lower, x.positive.upper))) · − \(e(l.percentRange(x.negative.lower, x.negative.upper)))</span>"
            }
            h += "</td>" + netCell(x, sig: nil) + "</tr>"
        }
        h += "</tbody></table></div>" + caption("net_sentiment", retailer: id) + "</figure>"
        h += "<h3>\(e(l.t("trend_heading", r.windowLabel)))</h3><figure id=\"fig-trend-\(slug)\">"
        h += Charts.trend(r.trend.filter { $0.retailer == id }, weeks: r.weekList, id: "trend-\(slug)", title: truncate(r.name(id), 60) + " · " + l.t("trend_heading", r.windowLabel),
                          locale: l, smallSample: small)
        h += caption("trend", retailer: id) + "</figure>"
        h += driversSection(id, level: 3)
        if let ex = r.examples[id], !ex.isEmpty {
            h += "<div class=\"examples\"><h3>\(e(l.t("examples_heading")))</h3>"
            for (d, list) in ex.sorted(by: { $0.key < $1.key }) {
                h += "<h4>\(e(d.rawValue)) · \(e(l.driver(d)))</h4>"
                for x in list {
                    h += "<blockquote class=\"\(x.label == .negative ? "neg" : "pos")\"><bdi>\(e(x.text ?? l.t("text_not_stored")))</bdi>"
                    h += "<span class=\"meta\">\(e(truncate(x.source, 40))):\(e(truncate(x.id, 60))) · \(e(x.week)) · \(e(l.t("author"))) \(e(truncate(x.author ?? "–", 40))) · \(e(truncate(x.lang, 12)))</span></blockquote>"
                }
            }
            h += "<p class=\"note\">" + caption("examples", retailer: id).replacingAll("figcaption", with: "span") + "</p></div>"
        }
        h += "</section>\n"
        return h
    }

    func methodSection() -> String {
        let r = report
        let s = r.store, c = s.counts
        var h = "<section class=\"method\" id=\"method\"><h2>\(e(l.t("method_heading")))</h2><figure id=\"fig-method\">"
        h += "<p>\(e(l.t("m_runs", l.integer(s.runsComplete + s.runsInterrupted), l.integer(s.runsComplete), l.integer(s.runsInterrupted))))</p>"
        h += "<p>\(e(l.t("m_reconcile", l.integer(c.read), l.integer(c.analysed), l.integer(c.skipped), l.integer(c.rejected), l.integer(c.inserted), l.integer(c.duplicates))))</p>"
        h += "<p>\(e(l.t("m_stored", l.integer(c.inserted), l.integer(s.erased), l.integer(s.postsStored), l.integer(r.windowSummary.posts), r.windowLabel, l.integer(r.windowSummary.attributed))))</p>"
        let langs = r.windowSummary.byLanguage.map { "\(truncate($0.0, 12)) \(l.integer($0.1))" }.joined(separator: ", ")
        let sources = r.windowSummary.bySource.map { "\(truncate($0.0, 40)) \(l.integer($0.1))" }.joined(separator: ", ")
        h += "<p>\(e(l.t("m_languages", langs.isEmpty ? "–" : langs, sources.isEmpty ? "–" : sources)))</p>"
        h += "<p>\(e(l.t("m_versions", s.lexiconVersions.isEmpty ? "–" : s.lexiconVersions.map { truncate($0, 40) }.joined(separator: ", "), s.toolVersions.joined(separator: ", "))))</p>"
        h += "<p>\(e(l.t("m_stats", String(r.options.minTestN), l.integer(r.changes.count))))</p>"
        h += "<p>\(e(l.t("small_note", String(small))))</p>"
        h += "<p>\(e(l.t("m_limits")))</p><p>\(e(l.t("m_reference")))</p>"
        h += caption("method") + "</figure></section>\n"
        return h
    }
}

extension String {
    /// Drops the given characters from both ends.
    func trimmingCharacters(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
