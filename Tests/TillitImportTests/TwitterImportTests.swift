import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

@Suite struct TwitterImportTests {
    @Test("twarc2 pages: retweets take the full referenced text, authors come from includes, entities become hints")
    func pages() throws {
        let evs = try events(fixture("twitter-v2-pages.jsonl"), format: "twitter-v2")
        let ps = posts(evs)
        #expect(ps.map(\.id) == ["1600000000000000002", "1600000000000000003", "1600000000000000004"])
        let rt = ps[0]
        #expect(rt.text.hasSuffix("Läs mer: https://t.co/abc"))
        #expect(!rt.text.hasPrefix("RT @"))
        #expect(rt.author == "jonas")
        #expect(rt.createdAt?.iso8601 == "2026-11-02T09:30:00Z")
        #expect(rt.languageHint == "sv")
        #expect(hints(rt, .handle) == ["anna_k", "ICAsverige"])
        #expect(hints(rt, .domain) == ["ica.se"])
        #expect(rt.url == "https://twitter.com/jonas/status/1600000000000000002")
        #expect(ps[1].parentID == "1600000000000000002")
        #expect(ps[1].text == "@jonas Ja, och de säljer datan vidare & det står i villkoren")
        #expect(ps[2].languageHint == nil) // "und"
        #expect(skipReasons(evs) == ["empty text"])
        #expect(ps.allSatisfy { $0.origin.line >= 1 && $0.source == "twitter-v2" })
    }

    @Test("a response page with only errors (deleted tweets) is skipped, not rejected")
    func errorPage() throws {
        let path = Golden.temporaryFile(Array(#"{"errors": [{"resource_id": "1", "title": "Not Found Error"}], "meta": {"result_count": 0}}"#.utf8))
        let evs = try events(path, format: "twitter-v2")
        #expect(skipReasons(evs) == ["response page without tweets"])
    }

    @Test("flattened twarc2 lines read the inlined author and referenced tweet")
    func flattened() throws {
        let ps = posts(try events(fixture("twitter-v2-flat.jsonl")))
        #expect(ps.count == 2)
        #expect(ps[0].author == "jonas")
        #expect(ps[0].text.hasPrefix("Hur kan @ICAsverige veta"))
        #expect(ps[1].author == "anna_k")
    }

    @Test("v1.1: extended_tweet.full_text wins, retweets use retweeted_status, notices are skipped, big ids stay exact")
    func v1() throws {
        let evs = try events(fixture("twitter-v1.jsonl"))
        let ps = posts(evs)
        #expect(ps.map(\.id) == ["1600000000000000101", "1600000000000000102", "1600000000000000103", "123456789012345678901234567890"])
        #expect(ps[0].text.hasSuffix("@Matas_dk svar venligst https://t.co/x2"))
        #expect(hints(ps[0], .handle) == ["Matas_dk"])
        #expect(hints(ps[0], .domain) == ["matas.dk"])
        #expect(ps[1].text == ps[0].text)
        #expect(ps[1].author == "lars")
        #expect(ps[2].text == "Love how Tesco Clubcard & the app just know what I need <3")
        #expect(ps[2].parentID == "1600000000000000099")
        #expect(ps[0].createdAt?.iso8601 == "2026-11-03T12:00:00Z")
        #expect(skipReasons(evs) == ["delete notice", "limit notice", "stream notice (scrub_geo)"])
        let r = rejects(evs)
        #expect(r.count == 1)
        #expect(r[0].0.line == 8)
        #expect(r[0].1.hasPrefix("truncated last line"))
    }

    @Test("the account archive: JavaScript prefix, numbers as strings, {\"tweet\": …} wrappers")
    func archive() throws {
        let ps = posts(try events(fixture("tweets.js")))
        #expect(ps.map(\.id) == ["1500000000000000001", "1500000000000000002"])
        #expect(ps[0].text == "@coopsverige Varför vet ni vad jag köpte förra veckan? >:( https://t.co/q")
        #expect(ps[0].parentID == "1499999999999999999")
        #expect(hints(ps[0], .handle) == ["coopsverige"])
        #expect(hints(ps[0], .domain) == ["coop.se"])
        #expect(ps[0].origin.line == 2)
        #expect(ps[1].createdAt?.iso8601 == "2026-10-06T07:00:00Z")
    }
}
