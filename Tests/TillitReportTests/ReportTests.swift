import Testing
import TillitCore
import TillitStore
import TillitReport
import TillitTestSupport

enum ISOWeekFixture { static let w47 = ISOWeek(year: 2026, week: 47) }

func expectGolden(_ name: String, _ actual: String) {
    switch Golden.check(name, actual) {
    case .matched, .recorded: break
    case .mismatch(let expected):
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false), e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(a, e)).firstIndex { $0.0 != $0.1 } ?? min(a.count, e.count)
        Issue.record("golden \(name) differs at line \(line + 1); run with TILLIT_RECORD_GOLDEN=1 to accept")
    }
}

@Suite struct ReportTests {
    func weekly(_ locale: ReportLocale.Code) throws -> WeeklyReport {
        var o = WeeklyReport.Options(week: ISOWeekFixture.w47)
        o.locale = locale
        return try WeeklyReport.build(store: Fixture.store(), options: o, redactor: Fixture.redactor)
    }

    @Test("weekly report: HTML (en, sv, da) and every figure as CSV and JSON match their goldens")
    func goldens() throws {
        for code in ReportLocale.Code.allCases {
            let r = try weekly(code)
            expectGolden("report/report-\(code.rawValue).html", HTMLReportWriter(report: r).html())
            if code == .en {
                for f in r.figures {
                    expectGolden("report/\(f.name).csv", f.csv)
                    expectGolden("report/\(f.name).json", f.json)
                }
            }
        }
    }

    @Test("benchmark: HTML, CSV and JSON match their goldens")
    func benchmarkGoldens() throws {
        var o = BenchmarkReport.Options(from: ISOWeek(year: 2026, week: 36), to: ISOWeekFixture.w47)
        o.locale = .en
        let b = try BenchmarkReport.build(store: Fixture.store(), options: o)
        expectGolden("report/benchmark.html", b.html())
        for f in b.figures {
            expectGolden("report/\(f.name).csv", f.csv)
            expectGolden("report/\(f.name).json", f.json)
        }
        var se = o
        se.country = "se"
        let filtered = try BenchmarkReport.build(store: Fixture.store(), options: se)
        #expect(filtered.ranking[.privacy]!.map(\.retailer).sorted() == ["coop", "ica"])
    }

    @Test("the same store gives byte-identical output, whatever order posts were stored in")
    func deterministic() throws {
        let a = try weekly(.en)
        let b = try WeeklyReport.build(store: Fixture.store(posts: Fixture.posts().reversed()), options: a.options, redactor: Fixture.redactor)
        #expect(HTMLReportWriter(report: a).html() == HTMLReportWriter(report: b).html())
        #expect(a.figures.map(\.json) == b.figures.map(\.json))
    }

    @Test("figures reflect the fixture: ICA's privacy share jump in week 47 is significant and a spike driven by P1")
    func figures() throws {
        let r = try weekly(.en)
        let ica = try #require(r.changes.first { $0.retailer == "ica" && $0.aspect == .privacy && $0.metric == .share })
        #expect(ica.significant)
        #expect(r.spikes.contains { $0.retailer == "ica" && $0.aspect == .privacy && $0.week == ISOWeekFixture.w47 && $0.topDriver == .p1 })
        #expect(!r.changes.contains { $0.retailer == "coop" && $0.significant })
        #expect(r.summary.count >= 3 && r.summary.count <= 5)
        #expect(r.summary.contains { $0.contains("ICA") && $0.contains("rose") })
        // counts reconcile in the method figure
        let method = r.figures.first { $0.name == "method" }!.rows
        func value(_ key: String) -> FigureValue? { method.first { $0[0] == FigureValue.text(key) }?[1] }
        #expect(value("read") == FigureValue.int(Fixture.posts().count + 3))
        #expect(value("posts_in_store") == FigureValue.int(Fixture.posts().count))
        // small samples are marked, not hidden
        let kpi = r.figures.first { $0.name == "kpi" }!
        #expect(kpi.rows.contains { $0[0] == .text("matas") && $0.last == .bool(true) })
        // quotes are redacted
        let quotes = r.figures.first { $0.name == "examples" }!.rows.compactMap { row -> String? in if case .text(let s) = row.last! { s } else { nil } }
        #expect(!quotes.isEmpty)
        #expect(quotes.allSatisfy { !$0.contains("@example.se") && !$0.contains("070-123") && !$0.contains("Storgatan 12") && !$0.contains("12 34 56 78") })
    }

    @Test("when nothing changed significantly, the summary says so")
    func nothingChanged() throws {
        var o = WeeklyReport.Options(week: ISOWeek(year: 2026, week: 45))
        o.locale = .en
        let r = try WeeklyReport.build(store: Fixture.store(), options: o, redactor: Fixture.redactor)
        #expect(!r.changes.contains { $0.significant })
        #expect(r.summary.contains { $0.hasPrefix("Nothing changed significantly since week 44") })
    }
}
