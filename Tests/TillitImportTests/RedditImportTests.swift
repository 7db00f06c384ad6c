import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

@Suite struct RedditImportTests {
    @Test("comments and submissions; created_utc as int, float or string; [deleted]/[removed] skipped; &amp; decoded")
    func reddit() throws {
        let evs = try events(fixture("reddit.ndjson"))
        let ps = posts(evs)
        #expect(ps.map(\.id) == ["k1abc01", "1xyz01", "1xyz02", "1xyz03", "k1abc05"])
        #expect(ps[0].text == "Lidl-appen är faktiskt bra, men jag gillar inte att de spårar var jag är & när jag handlar. > Stäng av platsdelning!")
        #expect(ps[0].createdAt?.seconds == 1_794_000_000)
        #expect(ps[0].parentID == "t3_1xyz00")
        #expect(ps[0].url == "https://www.reddit.com/r/sweden/comments/1xyz00/lidl_appen/k1abc01/")
        #expect(ps[0].hints.isEmpty) // the subreddit is not a retailer hint
        #expect(ps[1].text == "Netto Plus og mine data\n\nAppen husker alt hvad jeg køber. Er det ok?")
        #expect(ps[1].createdAt?.seconds == 1_794_000_300)
        #expect(ps[2].createdAt?.seconds == 1_794_000_400)
        #expect(hints(ps[2], .domain) == ["amazon.co.uk"])
        #expect(ps[3].text == "Willys samlar in för mycket data") // removed self text: the title stays
        #expect(ps[4].text == "Caf\u{FFFD} bra men appen \u{FFFD}r kn\u{FFFD}pp") // invalid UTF-8 repaired
        #expect(skipReasons(evs) == ["[deleted]", "[removed]", "[deleted]"])
        let r = rejects(evs)
        #expect(r.map(\.0.line) == [4, 10])
        #expect(r.allSatisfy { $0.1.hasPrefix("invalid JSON") })
        #expect(evs.count == 10) // every line is accounted for
    }

    @Test("a 2 GiB-window zstd stream (zstd --long=31) and multi-member gzip read transparently",
          arguments: ["long31.ndjson.zst", "multimember.ndjson.gz"])
    func containers(_ name: String) throws {
        let ps = posts(try events(fixture(name), format: "ndjson"))
        #expect(ps.map(\.text) == ["Bra service", "Dålig leverans"])
    }
}
