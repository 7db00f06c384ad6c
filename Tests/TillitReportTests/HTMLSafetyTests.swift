import Testing
import TillitCore
import TillitStore
import TillitReport

@Suite struct HTMLSafetyTests {
    static let hostile = [
        "<script>alert(1)</script>", "</blockquote><script src=//evil.example/x.js></script>", "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)", "javascript:alert(document.cookie)", "<a href=\"javascript:alert(1)\">click</a>",
        "abc\u{202E}gnp.exe\u{202C} \u{2066}rtl\u{2069}", String(repeating: "W", count: 20_000), "<svg onload=alert(1)>", "<!-- x --><style>*{}</style>",
        "&lt;script&gt;", "\u{0000}\u{0007}\u{001B}[31m",
    ]

    /// Tags the writers emit; anything else in the output came from input.
    static let allowedTags: Set<String> = ["!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "div", "h1", "h2", "h3", "h4",
                                           "p", "section", "ol", "li", "nav", "a", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
                                           "span", "svg", "line", "rect", "text", "circle", "path", "blockquote", "bdi", "br", "code"]

    static let allowedAttributes: Set<String> = ["class", "id", "href", "title", "lang", "charset", "name", "content", "http-equiv", "viewBox", "role",
                                                 "aria-labelledby", "aria-label", "xmlns", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "fill",
                                                 "stroke", "stroke-width", "stroke-dasharray", "fill-opacity", "stroke-opacity", "text-anchor", "font-weight", "transform",
                                                 "cx", "cy", "r", "d", "colspan"]

    func hostileStore() throws -> SQLiteStore {
        var posts: [StoredPost] = []
        for (i, h) in HTMLSafetyTests.hostile.enumerated() {
            for week in 44...47 {
                let t = ISOWeek(year: 2026, week: week).start.seconds + Int64(i * 60)
                posts.append(StoredPost(source: h, id: h + "\(week)", createdAt: Timestamp(seconds: t), lang: h, langConfidence: 500, author: h,
                                        rating: nil, score: -5000, label: .negative, band: .negative, text: h + " " + h, textMode: .full, origin: h,
                                        lexiconVersion: h, retailers: [(h, h)],
                                        aspects: [StoredAspect(aspect: .privacy, score: -5000, label: .negative, band: .negative, drivers: [.p1]),
                                                  StoredAspect(aspect: .personalization, score: 5000, label: .positive, band: .positive, drivers: [.z2])]))
            }
        }
        return try Fixture.store(posts: posts, retailers: HTMLSafetyTests.hostile.map { RetailerInfo(id: $0, name: $0, sector: $0, countries: [$0]) })
    }

    func check(_ html: String) {
        let script = html.lowercased().contains("<script")
        #expect(!script)
        #expect(!html.contains("<img") && !html.contains("<svg onload") && !html.contains("<!--"))
        #expect(!html.contains("href=\"javascript") && !html.contains("href='javascript"))
        #expect(!html.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || $0.value == 0 || $0.value == 0x1B })
        // every tag is one the writer emits, with only the writer's attributes, each value quoted
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            var body = rest[rest.index(after: lt)...].prefix { $0 != ">" }
            rest = rest[rest.index(after: lt)...]
            if body.hasPrefix("!DOCTYPE") { continue }
            if body.hasPrefix("/") { body = body.dropFirst() }
            let name = body.prefix { $0 != " " }
            #expect(HTMLSafetyTests.allowedTags.contains(String(name)), "unexpected tag <\(name.prefix(40))")
            var attrs = body.dropFirst(name.count)
            while !attrs.isEmpty {
                attrs = attrs.drop { $0 == " " }
                if attrs.isEmpty || attrs == "/" { break }
                let an = attrs.prefix { $0 != "=" && $0 != " " }
                let ok = HTMLSafetyTests.allowedAttributes.contains(String(an)) && attrs.dropFirst(an.count).hasPrefix("=\"")
                #expect(ok, "unexpected attribute in <\(body.prefix(80))")
                if !ok { break }
                let value = attrs.dropFirst(an.count + 2)
                guard let close = value.firstIndex(of: "\"") else { Issue.record("unterminated attribute"); break }
                attrs = value[value.index(after: close)...]
            }
        }
        // huge words are cut and wrap
        let huge = html.contains(String(repeating: "W", count: 400))
        #expect(!huge, "an unbroken 400-character word reached the HTML")
        #expect(html.contains("overflow-wrap:anywhere"))
    }

    @Test("hostile text in quotes, retailer names and ids, sources, ids, authors and languages cannot inject markup")
    func weekly() throws {
        let s = try hostileStore()
        for code in ReportLocale.Code.allCases {
            var o = WeeklyReport.Options(week: ISOWeek(year: 2026, week: 47))
            o.locale = code
            let r = try WeeklyReport.build(store: s, options: o, redactor: Fixture.redactor)
            #expect(!(r.examples.values.flatMap { $0.values.flatMap { $0 } }).isEmpty)
            check(HTMLReportWriter(report: r).html())
            for f in r.figures {
                // CSV cells starting with = + - @ are neutralised; JSON is escaped
                #expect(!f.csv.split(separator: "\r\n").contains { $0.hasPrefix("=") })
                #expect(!f.json.contains("\u{0000}"))
            }
        }
    }

    @Test("the benchmark is safe with the same input")
    func benchmark() throws {
        let store = try hostileStore()
        let b = try BenchmarkReport.build(store: store, options: BenchmarkReport.Options(from: ISOWeek(year: 2026, week: 40), to: ISOWeek(year: 2026, week: 47)))
        check(b.html())
    }

    @Test("escape handles every special character")
    func escape() {
        #expect(HTML.escape("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escape("a\u{202E}b\u{2066}c") == "abc")
        #expect(HTML.slug("ica") == "ica")
        #expect(HTML.slug("x\"><img").hasPrefix("x-img-") && HTML.slug("x\"><img") != HTML.slug("x<img"))
    }
}
