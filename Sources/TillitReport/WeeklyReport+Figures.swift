import TillitCore
import TillitStore

extension WeeklyReport {
    var locale: ReportLocale { ReportLocale(options.locale) }
    var keys: [String] { [Tally.allPosts] + retailers }
    func title(_ r: String) -> String { r == Tally.allPosts ? locale.t("all_posts") : name(r) }

    /// Every figure of the report, in the order the HTML shows them.
    public var figures: [Figure] {
        [summaryFigure, kpiFigure, shareOfVoiceFigure, quadrantFigure, netFigure, driverFigure(.privacy), driverFigure(.personalization),
         trendFigure, changesFigure, spikesFigure, examplesFigure, methodFigure]
    }

    func interval(_ i: Statistics.Interval) -> [FigureValue] { [.number(i.estimate), .number(i.lower), .number(i.upper)] }

    var summaryFigure: Figure {
        Figure(name: "summary", title: locale.t("summary_heading"), columns: ["sentence", "text"],
               rows: summary.enumerated().map { [.int($0.offset + 1), .text($0.element)] })
    }

    var kpiFigure: Figure {
        var f = Figure(name: "kpi", title: locale.t("overview_heading", locale.week(options.week)), columns: [
            "retailer_id", "retailer", "week", "aspect", "posts", "posts_previous", "n", "share", "share_lower", "share_upper",
            "positive", "positive_lower", "positive_upper", "neutral", "neutral_lower", "neutral_upper", "negative", "negative_lower", "negative_upper",
            "net", "net_lower", "net_upper", "n_previous", "net_previous", "net_change_significant", "share_change_significant", "small_sample"])
        for r in keys {
            for a in reportAspects {
                let x = thisWeek[r]![a]!, p = lastWeek[r]![a]!
                let netSig = changes.contains { $0.retailer == r && $0.aspect == a && $0.metric == .net && $0.significant }
                let shareSig = changes.contains { $0.retailer == r && $0.aspect == a && $0.metric == .share && $0.significant }
                f.rows.append([.text(r), .text(title(r)), .text(options.week.description), .text(a.rawValue), .int(x.posts), .int(p.posts), .int(x.n)]
                              + interval(x.share) + interval(x.positive) + interval(x.neutral) + interval(x.negative) + interval(x.net)
                              + [.int(p.n), p.n > 0 ? .number(p.net.estimate) : .null, .bool(netSig), .bool(shareSig), .bool(x.n < options.smallSample)])
            }
        }
        return f
    }

    var shareOfVoiceFigure: Figure {
        let total = retailers.reduce(0) { $0 + volume[$1]!.week }
        var f = Figure(name: "share_of_voice", title: locale.t("sov_heading", locale.week(options.week)),
                       columns: ["retailer_id", "retailer", "week", "posts", "share_of_retailer_posts", "posts_window"])
        for r in retailers.sorted(by: { volume[$0]!.week != volume[$1]!.week ? volume[$0]!.week > volume[$1]!.week : $0 < $1 }) {
            let v = volume[r]!
            f.rows.append([.text(r), .text(name(r)), .text(options.week.description), .int(v.week),
                           .number(total > 0 ? Double(v.week) / Double(total) : 0), .int(v.window)])
        }
        return f
    }

    var windowLabel: String { locale.weeks(window.lowerBound, window.upperBound) }

    var quadrantFigure: Figure {
        var f = Figure(name: "quadrant", title: locale.t("quadrant_heading", windowLabel), columns: [
            "retailer_id", "retailer", "from", "to", "privacy_n", "privacy_net", "privacy_net_lower", "privacy_net_upper",
            "personalization_n", "personalization_net", "personalization_net_lower", "personalization_net_upper", "quadrant", "small_sample"])
        for q in quadrant {
            f.rows.append([.text(q.retailer), .text(name(q.retailer)), .text(window.lowerBound.description), .text(window.upperBound.description),
                           .int(q.privacy.n)] + interval(q.privacy.net) + [.int(q.personalization.n)] + interval(q.personalization.net)
                          + [.text(q.quadrant.rawValue), .bool(min(q.privacy.n, q.personalization.n) < options.smallSample)])
        }
        return f
    }

    var netFigure: Figure {
        var f = Figure(name: "net_sentiment", title: locale.t("forest_heading", windowLabel), columns: [
            "retailer_id", "retailer", "from", "to", "aspect", "posts", "n", "positive", "neutral", "negative", "net", "net_lower", "net_upper",
            "mean_score", "small_sample"])
        for r in keys {
            for a in reportAspects {
                let x = windowFigures[r]![a]!
                f.rows.append([.text(r), .text(title(r)), .text(window.lowerBound.description), .text(window.upperBound.description), .text(a.rawValue),
                               .int(x.posts), .int(x.n), .int(x.counts.positive), .int(x.counts.neutral), .int(x.counts.negative)]
                              + interval(x.net) + [.number(x.counts.meanScore), .bool(x.n < options.smallSample)])
            }
        }
        return f
    }

    func driverFigure(_ a: Aspect) -> Figure {
        let name = a == .privacy ? "drivers_privacy_negative" : "drivers_personalization_positive"
        var f = Figure(name: name, title: locale.t(a == .privacy ? "drivers_neg_heading" : "drivers_pos_heading", windowLabel), columns: [
            "retailer_id", "retailer", "from", "to", "driver", "driver_name", "label", "count", "base", "share", "share_lower", "share_upper",
            "reference_share", "small_sample"])
        for d in drivers where d.driver.aspect == a {
            f.rows.append([.text(d.retailer), .text(title(d.retailer)), .text(window.lowerBound.description), .text(window.upperBound.description),
                           .text(d.driver.rawValue), .text(locale.driver(d.driver)), .text(d.label.rawValue), .int(d.count), .int(d.base)]
                          + interval(d.share) + [d.benchmark.map { .number($0) } ?? .null, .bool(d.base < options.smallSample)])
        }
        return f
    }

    var trendFigure: Figure {
        var f = Figure(name: "trend", title: locale.t("trend_heading", windowLabel), columns: [
            "retailer_id", "retailer", "week", "aspect", "posts", "n", "share", "net", "net_lower", "net_upper", "negative", "negative_lower",
            "negative_upper", "spike", "spike_driver", "small_sample"])
        for t in trend {
            f.rows.append([.text(t.retailer), .text(title(t.retailer)), .text(t.week.description), .text(t.aspect.rawValue), .int(t.figures.posts),
                           .int(t.figures.n), .number(t.figures.share.estimate)] + interval(t.figures.net) + interval(t.figures.negative)
                          + [.bool(t.spike != nil), t.spike?.topDriver.map { .text($0.rawValue) } ?? .null, .bool(t.figures.n < options.smallSample)])
        }
        return f
    }

    var changesFigure: Figure {
        var f = Figure(name: "changes", title: locale.t("changes_heading", locale.week(previous)), columns: [
            "retailer_id", "retailer", "aspect", "metric", "from_week", "to_week", "from", "to", "from_n", "to_n", "z", "p", "p_holm", "significant"])
        for c in changes {
            f.rows.append([.text(c.retailer), .text(title(c.retailer)), .text(c.aspect.rawValue), .text(c.metric.rawValue), .text(previous.description),
                           .text(options.week.description), .number(c.from), .number(c.to), .int(c.fromN), .int(c.toN), .number(c.z), .number(c.p),
                           .number(c.pAdjusted), .bool(c.significant)])
        }
        return f
    }

    var spikesFigure: Figure {
        var f = Figure(name: "spikes", title: locale.t("legend_spike"), columns: ["retailer_id", "retailer", "aspect", "week", "count", "baseline", "p", "top_driver"])
        for s in spikes {
            f.rows.append([.text(s.retailer), .text(title(s.retailer)), .text(s.aspect.rawValue), .text(s.week.description), .int(s.count),
                           .number(s.baseline), .number(s.p), s.topDriver.map { .text($0.rawValue) } ?? .null])
        }
        return f
    }

    var examplesFigure: Figure {
        var f = Figure(name: "examples", title: locale.t("examples_heading"), columns: [
            "retailer_id", "retailer", "driver", "source", "id", "week", "author", "lang", "label", "score", "quote"])
        for r in retailers {
            for (d, list) in (examples[r] ?? [:]).sorted(by: { $0.key < $1.key }) {
                for e in list {
                    f.rows.append([.text(r), .text(name(r)), .text(d.rawValue), .text(e.source), .text(e.id), .text(e.week),
                                   e.author.map { .text($0) } ?? .null, .text(e.lang), .text(e.label.rawValue), .number(Double(e.score) / 10_000),
                                   e.text.map { .text($0) } ?? .null])
                }
            }
        }
        return f
    }

    var methodFigure: Figure {
        var f = Figure(name: "method", title: locale.t("method_heading"), columns: ["key", "value"])
        let c = store.counts
        let rows: [(String, FigureValue)] = [
            ("runs_complete", .int(store.runsComplete)), ("runs_interrupted", .int(store.runsInterrupted)),
            ("read", .int(c.read)), ("analysed", .int(c.analysed)), ("skipped", .int(c.skipped)), ("rejected", .int(c.rejected)),
            ("stored_new", .int(c.inserted)), ("already_stored", .int(c.duplicates)), ("erased", .int(store.erased)),
            ("posts_in_store", .int(store.postsStored)), ("window_from", .text(window.lowerBound.description)),
            ("window_to", .text(window.upperBound.description)), ("posts_in_window", .int(windowSummary.posts)),
            ("attributed_in_window", .int(windowSummary.attributed)),
            ("languages", .text(windowSummary.byLanguage.map { "\($0.0):\($0.1)" }.joined(separator: " "))),
            ("sources", .text(windowSummary.bySource.map { "\($0.0):\($0.1)" }.joined(separator: " "))),
            ("lexicon_versions", .text(store.lexiconVersions.joined(separator: " "))), ("tool_versions", .text(store.toolVersions.joined(separator: " "))),
            ("tests", .int(changes.count)), ("small_sample_threshold", .int(options.smallSample)), ("alpha", .number(options.alpha)),
        ]
        f.rows = rows.map { [.text($0.0), $0.1] }
        return f
    }
}
