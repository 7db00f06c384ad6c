import TillitCore

/// Inline SVG charts. Every chart has a `<title>`, labels its series in text (not by colour alone),
/// draws small samples hollow and grey with a †, and scales with its container (viewBox, no fixed size).
struct SVG {
    var out = ""
    let width: Double
    let height: Double

    init(width: Double, height: Double, title: String, id: String) {
        self.width = width; self.height = height
        out = "<svg class=\"chart\" id=\"svg-\(id)\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"t-\(id)\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"t-\(id)\">\(HTML.escape(title))</title>"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ stroke: String, width w: Double = 1, dash: String? = nil,
                       opacity: Double? = nil) {
        out += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(w))\""
        if let d = dash { out += " stroke-dasharray=\"\(d)\"" }
        if let o = opacity { out += " stroke-opacity=\"\(f(o))\"" }
        out += "/>"
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, opacity: Double? = nil) {
        out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, w)))\" height=\"\(f(max(0, h)))\" fill=\"\(fill)\""
        if let s = stroke { out += " stroke=\"\(s)\"" }
        if let o = opacity { out += " fill-opacity=\"\(f(o))\"" }
        out += "/>"
    }

    /// Text (escaped). `anchor`: start, middle, end.
    mutating func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "start", cls: String? = nil, fill: String? = nil, weight: String? = nil) {
        out += "<text x=\"\(f(x))\" y=\"\(f(y))\""
        if anchor != "start" { out += " text-anchor=\"\(anchor)\"" }
        if let c = cls { out += " class=\"\(c)\"" }
        if let c = fill { out += " fill=\"\(c)\"" }
        if let w = weight { out += " font-weight=\"\(w)\"" }
        out += ">\(HTML.escape(s))</text>"
    }

    /// A marker: circle (privacy) or diamond (personalization); hollow when `small`.
    mutating func marker(_ x: Double, _ y: Double, aspect: Aspect, small: Bool, r: Double = 5) {
        let color = small ? Palette.small : (aspect == .privacy ? Palette.privacy : Palette.personalization)
        let fill = small ? "#FFFFFF" : color
        if aspect == .privacy {
            out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"2\"/>"
        } else {
            let d = r * 1.25
            out += "<path d=\"M\(f(x)) \(f(y - d))L\(f(x + d)) \(f(y))L\(f(x)) \(f(y + d))L\(f(x - d)) \(f(y))Z\" fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"2\"/>"
        }
    }

    mutating func path(_ d: String, stroke: String, fill: String = "none", width w: Double = 2, dash: String? = nil, opacity: Double? = nil) {
        out += "<path d=\"\(d)\" stroke=\"\(stroke)\" fill=\"\(fill)\" stroke-width=\"\(f(w))\""
        if let o = opacity { out += " fill-opacity=\"\(f(o))\"" }
        if let dd = dash { out += " stroke-dasharray=\"\(dd)\"" }
        out += "/>"
    }

    mutating func raw(_ s: String) { out += s }

    func finish() -> String { out + "</svg>" }
}

/// Coordinates with one decimal (deterministic text).
func f(_ v: Double) -> String { formatNumber(v, 1) }

/// Charts used by the weekly report and the benchmark.
enum Charts {
    /// One row of a forest plot: a label, and per aspect an interval (−1…1), n and small-sample flag.
    struct ForestRow {
        var label: String
        var values: [(aspect: Aspect, interval: Statistics.Interval, n: Int, small: Bool)]
    }

    /// Net sentiment with 95 % intervals per row on a −100…+100 axis.
    static func forest(_ rows: [ForestRow], id: String, title: String, locale l: ReportLocale) -> String {
        let left = 170.0, right = 90.0, width = 760.0, rowH = 30.0, top = 34.0
        let plotW = width - left - right
        let height = top + Double(rows.count) * rowH + 36
        var s = SVG(width: width, height: height, title: title, id: id)
        func x(_ v: Double) -> Double { left + (v + 1) / 2 * plotW }
        for g in stride(from: -1.0, through: 1.0, by: 0.5) {
            s.line(x(g), top - 6, x(g), height - 30, g == 0 ? "#8A8F98" : Palette.grid, width: g == 0 ? 1.2 : 1)
            s.text(x(g), height - 14, l.net(g), anchor: "middle", cls: "axis")
        }
        // legend: the aspects drawn, then the small-sample marker
        let drawn = reportAspects.filter { a in rows.contains { $0.values.contains { $0.aspect == a } } }
        for (k, a) in drawn.enumerated() {
            s.marker(left + 6 + Double(k) * 134, 14, aspect: a, small: false)
            s.text(left + 16 + Double(k) * 134, 18, capitalized(l.aspect(a)), cls: "lab")
        }
        s.marker(left + 320, 14, aspect: .privacy, small: true)
        s.text(left + 330, 18, l.t("legend_small"), cls: "lab")
        s.text(width - 4, 18, rows.contains { $0.values.count > 1 } ? l.t("legend_n") : "n", anchor: "end", cls: "axis")
        for (i, r) in rows.enumerated() {
            let cy = top + Double(i) * rowH + rowH / 2
            if i % 2 == 0 { s.rect(0, cy - rowH / 2, width, rowH, fill: "#F6F7F9") }
            let anySmall = r.values.allSatisfy(\.small)
            s.text(left - 10, cy + 4, truncate(r.label, 24) + (anySmall ? " †" : ""), anchor: "end", cls: "lab", fill: anySmall ? Palette.muted : nil)
            var ns: [String] = []
            for (k, v) in r.values.enumerated() {
                let dy = r.values.count > 1 ? (k == 0 ? -5.0 : 5.0) : 0
                guard v.n > 0 else { ns.append("–"); continue }
                let color = v.small ? Palette.small : (v.aspect == .privacy ? Palette.privacy : Palette.personalization)
                s.line(x(v.interval.lower), cy + dy, x(v.interval.upper), cy + dy, color, width: 2)
                s.marker(x(v.interval.estimate), cy + dy, aspect: v.aspect, small: v.small, r: 4.5)
                ns.append(l.integer(v.n))
            }
            s.text(width - 4, cy + 4, ns.joined(separator: " / "), anchor: "end", cls: "num")
        }
        return s.finish()
    }

    /// Privacy × personalization net sentiment, one labelled point per retailer.
    static func quadrant(_ points: [QuadrantPoint], names: (String) -> String, smallSample: Int, id: String, title: String, locale l: ReportLocale) -> String {
        let width = 760.0, height = 590.0, left = 60.0, right = 30.0, top = 50.0, bottom = 76.0
        let pw = width - left - right, ph = height - top - bottom
        var s = SVG(width: width, height: height, title: title, id: id)
        func x(_ v: Double) -> Double { left + (v + 1) / 2 * pw }
        func y(_ v: Double) -> Double { top + (1 - (v + 1) / 2) * ph }
        // quadrant tints and names
        s.rect(x(0), y(1), pw / 2, ph / 2, fill: Palette.positive, opacity: 0.07)
        s.rect(x(-1), y(0), pw / 2, ph / 2, fill: Palette.negative, opacity: 0.07)
        // quadrant names outside the plot, so points at the corners never hide them
        s.text(x(1), 16, "↗ " + l.t("q_positive_both"), anchor: "end", cls: "qlab", fill: "#00734F")
        s.text(x(-1), 16, "↖ " + l.t("q_privacy_negative_only"), cls: "qlab")
        s.text(x(1), top + ph + 36, "↘ " + l.t("q_personalization_negative_only"), anchor: "end", cls: "qlab")
        s.text(x(-1), top + ph + 36, "↙ " + l.t("q_negative_both"), cls: "qlab", fill: "#B34700")
        for g in stride(from: -1.0, through: 1.0, by: 0.5) {
            s.line(x(g), top, x(g), top + ph, g == 0 ? "#8A8F98" : Palette.grid, width: g == 0 ? 1.2 : 1)
            s.line(left, y(g), left + pw, y(g), g == 0 ? "#8A8F98" : Palette.grid, width: g == 0 ? 1.2 : 1)
            s.text(x(g), top + ph + 16, l.net(g), anchor: "middle", cls: "axis")
            s.text(left - 6, y(g) + 4, l.net(g), anchor: "end", cls: "axis")
        }
        s.text(left + pw / 2, top + ph + 60, l.t("axis_privacy"), anchor: "middle", cls: "lab")
        s.raw("<text class=\"lab\" text-anchor=\"middle\" transform=\"translate(14 \(f(top + ph / 2))) rotate(-90)\">\(HTML.escape(l.t("axis_personalization")))</text>")
        // points: big samples drawn last (on top); labels placed to avoid overlaps
        var placed: [(Double, Double, Double)] = []
        let order = points.sorted { a, b in
            let sa = min(a.privacy.n, a.personalization.n), sb = min(b.privacy.n, b.personalization.n)
            return sa != sb ? sa < sb : a.retailer < b.retailer
        }
        for p in order {
            let small = min(p.privacy.n, p.personalization.n) < smallSample
            let px = x(p.privacy.net.estimate), py = y(p.personalization.net.estimate)
            let color = small ? Palette.small : Palette.ink
            s.out += "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"5\" fill=\"\(small ? "#FFFFFF" : Palette.ink)\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            let label = truncate(names(p.retailer), 18) + (small ? " †" : "")
            let w = Double(label.count) * 6.6
            var lx = px + 8, ly = py + 4
            if lx + w > left + pw { lx = px - 8 - w }
            var tries = 0
            while tries < 12, placed.contains(where: { abs($0.1 - ly) < 12 && lx < $0.0 + $0.2 && $0.0 < lx + w }) {
                ly += (tries % 2 == 0 ? 1 : -1) * Double(tries / 2 + 1) * 12
                tries += 1
            }
            placed.append((lx, ly, w))
            s.text(lx, ly, label, cls: small ? "lab small" : "lab")
        }
        return s.finish()
    }

    /// Driver shares as bars with interval whiskers and the reference study as dotted marks.
    static func drivers(_ rows: [DriverShare], aspect: Aspect, id: String, title: String, locale l: ReportLocale, smallSample: Int) -> String {
        let left = 260.0, right = 70.0, width = 760.0, rowH = 26.0, top = 30.0
        let pw = width - left - right
        let height = top + Double(rows.count) * rowH + 40
        var s = SVG(width: width, height: height, title: title, id: id)
        func x(_ v: Double) -> Double { left + v * pw }
        for g in stride(from: 0.0, through: 1.0, by: 0.25) {
            s.line(x(g), top - 4, x(g), height - 30, Palette.grid)
            s.text(x(g), height - 14, l.percent(g), anchor: "middle", cls: "axis")
        }
        let color = aspect == .privacy ? Palette.negative : Palette.positive
        let base = rows.first?.base ?? 0
        let small = base < smallSample
        s.rect(left, 8, 14, 10, fill: small ? Palette.small : color)
        s.text(left + 20, 17, l.t("legend_this") + (small ? " †" : ""), cls: "lab")
        if aspect == .privacy {
            s.line(left + 200, 13, left + 224, 13, Palette.reference, width: 2, dash: "2 3")
            s.text(left + 230, 17, l.t("legend_reference"), cls: "lab")
        }
        for (i, r) in rows.enumerated() {
            let cy = top + Double(i) * rowH + rowH / 2
            s.text(left - 10, cy + 4, "\(r.driver.rawValue) · \(truncate(l.driver(r.driver), 32))", anchor: "end", cls: "lab")
            s.rect(left, cy - 7, x(r.share.estimate) - left, 14, fill: small ? Palette.small : color, opacity: 0.85)
            if r.base > 0 {
                s.line(x(r.share.lower), cy, x(r.share.upper), cy, Palette.ink, width: 1.2)
                s.line(x(r.share.lower), cy - 4, x(r.share.lower), cy + 4, Palette.ink, width: 1.2)
                s.line(x(r.share.upper), cy - 4, x(r.share.upper), cy + 4, Palette.ink, width: 1.2)
            }
            if let b = r.benchmark {
                s.line(x(b), cy - 11, x(b), cy + 11, Palette.reference, width: 2, dash: "2 3")
            }
            var label = l.percent(r.share.estimate)
            if let b = r.benchmark { label += " (\(l.percent(b)))" }
            s.text(width - 4, cy + 4, label, anchor: "end", cls: "num")
        }
        return s.finish()
    }

    /// Net sentiment per week with its interval band, and the posts on the aspect per week as bars;
    /// spikes are marked with ▲ and their top driver.
    static func trend(_ points: [TrendPoint], weeks: [ISOWeek], id: String, title: String, locale l: ReportLocale, smallSample: Int) -> String {
        let width = 760.0, panelH = 190.0, left = 56.0, right = 16.0
        let aspects = reportAspects
        let height = Double(aspects.count) * (panelH + 30) + 20
        var s = SVG(width: width, height: height, title: title, id: id)
        let pw = width - left - right
        let step = pw / Double(max(1, weeks.count))
        func x(_ i: Int) -> Double { left + step * (Double(i) + 0.5) }
        for (k, a) in aspects.enumerated() {
            let top = 20 + Double(k) * (panelH + 30)
            let netTop = top + 16, netH = 104.0, barTop = netTop + netH + 12, barH = 36.0
            func y(_ v: Double) -> Double { netTop + (1 - (v + 1) / 2) * netH }
            let color = a == .privacy ? Palette.privacy : Palette.personalization
            let series = weeks.map { w in points.first { $0.aspect == a && $0.week == w } }
            s.marker(left + 6, top + 2, aspect: a, small: false, r: 4)
            s.text(left + 16, top + 6, capitalized(l.aspect(a)) + " · " + l.t("col_net").lowercased(), cls: "lab", weight: "600")
            s.text(left + pw, top + 6, l.t("legend_trend"), anchor: "end", cls: "tiny")
            for g in [-1.0, 0, 1] {
                s.line(left, y(g), left + pw, y(g), g == 0 ? "#8A8F98" : Palette.grid)
                s.text(left - 6, y(g) + 4, l.net(g), anchor: "end", cls: "axis")
            }
            // interval band over weeks with posts
            var band: [(Int, Statistics.Interval)] = []
            for (i, p) in series.enumerated() { if let p = p, p.figures.n > 0 { band.append((i, p.figures.net)) } }
            // the band is drawn per run of consecutive weeks; a lone week gets an interval whisker
            var runs: [[(Int, Statistics.Interval)]] = []
            for b in band {
                if let last = runs.last?.last, last.0 == b.0 - 1 { runs[runs.count - 1].append(b) } else { runs.append([b]) }
            }
            for run in runs {
                if run.count == 1 {
                    let b = run[0]
                    s.line(x(b.0), y(b.1.upper), x(b.0), y(b.1.lower), color, width: 6, opacity: 0.25)
                    continue
                }
                var d = "M"
                for (j, b) in run.enumerated() { d += (j == 0 ? "" : "L") + "\(f(x(b.0))) \(f(y(b.1.upper)))" }
                for b in run.reversed() { d += "L\(f(x(b.0))) \(f(y(b.1.lower)))" }
                s.path(d + "Z", stroke: "none", fill: color, width: 0, opacity: 0.16)
            }
            if band.count >= 2 {
                // the line breaks over weeks without posts on the aspect
                var d = ""
                for (j, b) in band.enumerated() {
                    let joined = j > 0 && band[j - 1].0 == b.0 - 1
                    d += (joined ? "L" : "M") + "\(f(x(b.0))) \(f(y(b.1.estimate)))"
                }
                s.path(d, stroke: color, width: 2)
            }
            let maxN = max(1, series.compactMap { $0?.figures.n }.max() ?? 1)
            for (i, p) in series.enumerated() {
                let n = p?.figures.n ?? 0
                if n > 0, let p = p { s.marker(x(i), y(p.figures.net.estimate), aspect: a, small: n < smallSample, r: 3.5) }
                let h = barH * Double(n) / Double(maxN)
                s.rect(x(i) - step * 0.3, barTop + barH - h, step * 0.6, h, fill: color, opacity: p?.spike != nil ? 0.95 : 0.45)
                s.text(x(i), barTop + barH + 14, String(weeks[i].week), anchor: "middle", cls: "axis")
                if n > 0 { s.text(x(i), barTop + barH - h - 3, l.integer(n), anchor: "middle", cls: "tiny") }
                if let sp = p?.spike {
                    let label = "▲ " + l.t("legend_spike") + (sp.topDriver.map { " " + $0.rawValue } ?? "")
                    s.text(x(i), barTop + barH - h - 15, label, anchor: "middle", cls: "spike", fill: Palette.negative, weight: "700")
                }
            }
        }
        return s.finish()
    }

    /// Posts per retailer as horizontal bars with counts and shares.
    static func shareOfVoice(_ rows: [(label: String, count: Int)], total: Int, id: String, title: String, locale l: ReportLocale) -> String {
        let left = 170.0, right = 110.0, width = 760.0, rowH = 24.0, top = 10.0
        let pw = width - left - right
        let height = top + Double(max(1, rows.count)) * rowH + 10
        var s = SVG(width: width, height: height, title: title, id: id)
        let maxC = max(1, rows.map(\.count).max() ?? 1)
        for (i, r) in rows.enumerated() {
            let cy = top + Double(i) * rowH + rowH / 2
            s.text(left - 10, cy + 4, truncate(r.label, 24), anchor: "end", cls: "lab")
            s.rect(left, cy - 7, pw * Double(r.count) / Double(maxC), 14, fill: Palette.privacy, opacity: 0.8)
            let share = total > 0 ? Double(r.count) / Double(total) : 0
            s.text(width - 4, cy + 4, "\(l.integer(r.count)) · \(l.percent(share))", anchor: "end", cls: "num")
        }
        return s.finish()
    }

    /// A 100 % bar: positive, neutral, negative shares with their percentages written in.
    static func breakdown(_ fig: AspectFigures, id: String, title: String, locale l: ReportLocale, small: Bool) -> String {
        let width = 360.0, height = 30.0
        var s = SVG(width: width, height: height, title: title, id: id)
        guard fig.n > 0 else {
            s.rect(0, 4, width, 22, fill: "#F1F3F4")
            s.text(width / 2, 19, l.t("no_data"), anchor: "middle", cls: "tiny")
            return s.finish()
        }
        var x0 = 0.0
        let parts: [(Double, String, String)] = [(fig.positive.estimate, Palette.positive, "+"), (fig.neutral.estimate, Palette.neutral, "○"),
                                                 (fig.negative.estimate, Palette.negative, "−")]
        for (v, c, sym) in parts {
            let w = width * v
            s.rect(x0, 4, w, 22, fill: c, opacity: small ? 0.45 : 1)
            if w >= 44 { s.text(x0 + w / 2, 19, "\(sym) \(l.percent(v))", anchor: "middle", cls: "bar", fill: c == Palette.neutral ? Palette.ink : "#FFFFFF") }
            x0 += w
        }
        return s.finish()
    }
}

/// Cuts a label to `n` characters with an ellipsis.
func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
