import Testing
@testable import TillitCore

@Suite struct TimestampTests {
    @Test("ISO weeks follow ISO 8601 at year boundaries", arguments: [
        ("2026-11-20T10:15:00Z", "2026-W47"),
        ("2021-01-03T12:00:00Z", "2020-W53"),
        ("2024-12-30T00:00:00Z", "2025-W01"),
        ("2026-01-01T00:00:00Z", "2026-W01"),
    ])
    func isoWeek(_ raw: String, _ week: String) throws {
        let t = try #require(TimestampParser.parse(raw))
        #expect(t.isoWeek.description == week)
    }

    @Test("real dump spellings parse to the same UTC instant", arguments: [
        "2018-10-10T20:19:24Z", "2018-10-10T22:19:24+02:00", "2018-10-10 20:19:24", "1539202764", "1539202764000",
        "1539202764.5", "Wed Oct 10 20:19:24 +0000 2018", "Wed, 10 Oct 2018 20:19:24 GMT", "2018-10-10T20:19:24.123Z",
    ])
    func spellings(_ raw: String) throws {
        let t = try #require(TimestampParser.parse(raw))
        #expect(t.iso8601 == "2018-10-10T20:19:24Z")
    }

    @Test("garbage is not a timestamp", arguments: ["", "yesterday", "2018-13-01", "2018-02-30T00:00:00Z", "12:00"])
    func garbage(_ raw: String) { #expect(TimestampParser.parse(raw) == nil) }

    @Test func weekStartIsMonday() throws {
        let w = try #require(ISOWeek("2026-W47"))
        #expect(w.start.iso8601 == "2026-11-16T00:00:00Z")
        #expect(w.adding(weeks: -47).description == "2025-W52")
        #expect(ISOWeek("2026-W54") == nil)
    }
}

@Suite struct SentimentTests {
    @Test("bands and labels from the normalised score", arguments: [
        (-0.9, "strongly_negative", "negative"), (-0.3, "negative", "negative"), (0.0, "neutral", "neutral"),
        (0.04, "neutral", "neutral"), (0.3, "positive", "positive"), (0.61, "strongly_positive", "positive"),
    ])
    func bands(_ score: Double, _ band: String, _ label: String) {
        let s = Sentiment(score: score)
        #expect(s.band.rawValue == band)
        #expect(s.label.rawValue == label)
    }

    @Test("normalisation stays inside (-1, 1) and is monotone")
    func normalize() {
        var last = -1.0
        for x in stride(from: -100.0, through: 100.0, by: 0.5) {
            let v = Sentiment.normalize(x)
            #expect(v > -1 && v < 1)
            #expect(v >= last)
            last = v
        }
    }

    @Test func fixedFormatting() {
        #expect(formatNumber(0.5, 4) == "0.5")
        #expect(formatNumber(-0.00001, 4) == "0")
        #expect(formatNumber(3, 4) == "3")
        #expect(formatFixed(-1.23456, 3) == "-1.235")
    }
}

@Suite struct TermTableTests {
    @Test("ids are dense and lookups borrow bytes")
    func roundTrip() {
        var t = TermTable(capacity: 4)
        let words = (0..<5000).map { "w\($0)ä" }
        let ids = words.map { t.insert($0) }
        #expect(ids == (0..<5000).map(Int32.init))
        for (w, id) in zip(words, ids) { #expect(t.lookup(w) == id) }
        #expect(t.lookup("nope") == nil)
        #expect(t.string(42) == "w42ä")
    }
}

@Suite struct JSONBuilderTests {
    @Test("strings are escaped so that any text stays one JSON line")
    func escaping() {
        var out = ""
        JSONBuilder.appendEscaped("a\"b\\c\nd\u{01}\u{2028}é", to: &out)
        #expect(out == #""a\"b\\c\nd\u0001\u2028é""#)
    }
}
