import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport
#if canImport(Glibc)
import Glibc
#endif

@Suite struct XMLImportTests {
    @Test("Stack Exchange posts: Title + Body as text, tag wikis and empty rows skipped, answers keep their question")
    func posts_() throws {
        let evs = try events(fixture("stackexchange-posts.xml"))
        let ps = posts(evs)
        #expect(ps.map(\.id) == ["1", "3"])
        #expect(ps[0].text == "Can a loyalty programme keep my data forever?\n\nIs it legal for a shop to keep my purchase history for personalised offers?\n\nThey never asked & I can't opt out.")
        #expect(ps[0].createdAt?.iso8601 == "2026-10-01T08:00:00Z")
        #expect(ps[0].author == "10")
        #expect(ps[0].origin.line == 3)
        #expect(ps[1].text == "Under GDPR Art. 17 you can ask for erasure:\n\nwrite to the DPO\nkeep a copy\n\nx < y")
        #expect(ps[1].parentID == "1" && ps[1].author == "anon")
        #expect(skipReasons(evs) == ["tag wiki (not a post)", "empty text"])
    }

    @Test("Stack Exchange comments: plain Text, ids prefixed c, the post as parent")
    func comments() throws {
        let ps = posts(try events(fixture("stackexchange-comments.xml")))
        #expect(ps.map(\.id) == ["c1", "c2"])
        #expect(ps[0].text == "Same happened to me with a supermarket app & it was creepy.")
        #expect(ps[0].parentID == "1" && ps[1].author == "guest")
    }

    @Test("broken XML: records before the error stand, the rest is rejected with the line and where reading stopped")
    func broken() throws {
        let evs = try events(fixture("stackexchange-broken.xml"), format: "stackexchange")
        let ps = posts(evs)
        #expect(ps.count >= 30 && ps.count <= 40)
        #expect(ps.map(\.id) == (1...ps.count).map(String.init))
        let r = rejects(evs)
        #expect(r.count == 1)
        #expect(r[0].0.line == 43 || r[0].0.line == 44) // the broken row, or where its runaway attribute ends
        #expect(r[0].1.contains("Couldn't find end of Start Tag row"))
        #expect(r[0].1.hasSuffix("the document is not read after the record at line \(ps.count + 2) on"))
        #expect(!ps.contains { $0.id == "42" })
    }

    @Test("RSS in ISO-8859-1 with HTML entities XML does not define; CDATA and escaped markup to text")
    func latin1() throws {
        let evs = try events(fixture("rss-latin1.xml"))
        let ps = posts(evs)
        #expect(ps.count == 2)
        #expect(ps[0].text == "Butikens app återkommer med \"personliga\" erbjudanden\n\nJag köpte en jacka och\u{A0}fick reklam i tre veckor. Är det lagligt?")
        #expect(ps[0].id == "konsument-2026-11-app")
        #expect(ps[0].author == "Åsa Öberg")
        #expect(ps[0].createdAt?.iso8601 == "2026-11-09T06:30:00Z")
        #expect(ps[0].url == "https://konsument.example/2026/11/app")
        #expect(ps[1].text == "Café med kundklubb\n\nSmakade bra, men de ville ha mitt personnummer för att ge rabatt.\n\nNej tack.\n\nUppdatering: de har svarat.")
        #expect(ps[1].createdAt?.iso8601 == "2026-11-10T12:00:00Z")
        #expect(ps[1].id == "https://konsument.example/2026/11/cafe")
        #expect(skipReasons(evs) == ["item without text"])
    }

    @Test("windows-1252 feeds decode €, curly quotes and dashes")
    func cp1252() throws {
        let ps = posts(try events(fixture("rss-cp1252.xml")))
        #expect(ps.map(\.text) == ["“Smart” offers cost €5 less\n\nThey track what you look at – and that’s the price."])
    }

    @Test("Atom: text, html, xhtml and base64 content by type")
    func atom() throws {
        let ps = posts(try events(fixture("atom.xml")))
        #expect(ps.map(\.text) == ["Plain <title> stays\n\nThe loyalty app knows my shoe size.\n\nToo much.",
                                   "Escaped <b>markup</b> & entities\n\nShort summary", // double-escaped: the tags are text
                                   "Base64 body"])
        #expect(ps[0].url == "https://watch.example/1" && ps[0].author == "Jamie" && ps[0].id == "urn:uuid:entry-1")
        #expect(ps[0].createdAt?.iso8601 == "2026-11-11T09:00:00Z")
    }

    @Test("billion laughs stays bounded in time and memory and is rejected, not expanded")
    func billionLaughs() throws {
        var t0 = timespec(), t1 = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t0)
        let evs = try events(fixture("billion-laughs.xml"), format: "rss")
        clock_gettime(CLOCK_MONOTONIC, &t1)
        #expect(t1.tv_sec - t0.tv_sec < 5)
        #expect(posts(evs).allSatisfy { $0.text.utf8.count < 1000 })
        #expect(rejects(evs).contains { $0.1.contains("entity") })
    }

    @Test("external entities and the network are never used")
    func externalEntities() throws {
        let evs = try events(fixture("external-entity.xml"))
        let hostname = Golden.readFile("/etc/hostname")?.trimmingASCIIWhitespace() ?? ""
        for p in posts(evs) {
            #expect(p.text.hasSuffix("before after") || p.text.hasSuffix("before  after"))
            if !hostname.isEmpty { #expect(!p.text.contains(hostname)) }
        }
        #expect(!evs.isEmpty)
    }

    @Test("SemEval 2014 and 2015/16 as posts and as labelled sentences")
    func semeval() throws {
        let ps = posts(try events(fixture("semeval14.xml")))
        #expect(ps.map(\.id) == ["1001", "1002"])
        #expect(ps[0].text == "The staff was friendly but the app keeps asking for my location.")
        let s14 = try SemEvalReader.read(path: fixture("semeval14.xml"))
        #expect(s14.count == 2)
        #expect(s14[0].aspectTerms.map(\.polarity) == ["positive", "negative"])
        #expect(s14[0].aspectTerms[1].term == "app" && s14[0].aspectTerms[1].from == 35 && s14[0].aspectTerms[1].to == 38)
        #expect(s14[0].aspectCategories.map(\.category) == ["service", "anecdotes/miscellaneous"])
        #expect(s14[1].aspectCategories == [.init(category: "price", polarity: "neutral")])
        let s16 = try SemEvalReader.read(path: fixture("semeval16.xml"))
        #expect(s16.map(\.id) == ["r77:0", "r77:1"])
        #expect(s16[0].reviewID == "r77")
        #expect(s16[0].aspectTerms == [.init(term: "coupons", polarity: "positive", from: 21, to: 28)])
        #expect(s16[1].aspectTerms.isEmpty && s16[1].aspectCategories.map(\.polarity) == ["positive"])
        #expect(throws: ImportError.self) { _ = try SemEvalReader.read(path: fixture("stackexchange-broken.xml")) }
    }
}
