import Testing
import TillitTestSupport

/// The importers through the command line: format names, `--join`, `--mapping`, auto detection.
@Suite(.serialized) struct ImportCLITests {
    static func fixture(_ name: String) -> String { Golden.packageRoot() + "/Tests/Fixtures/import/" + name }

    @Test("tillit formats lists every format, one line each")
    func formats() {
        let r = tillit(["formats"])
        #expect(r.status == 0)
        let names = r.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        for f in ["twitter-v2", "twitter-v1", "twitter-archive", "reddit", "yelp", "amazon", "trustpilot", "google-reviews",
                  "app-reviews", "mastodon", "bluesky", "facebook", "instagram", "stackexchange", "rss", "semeval", "json", "mapping"] {
            #expect(names.contains(f), "\(f)")
        }
    }

    @Test("analyze reads Yelp with --join businesses=FILE and a mapped export with --mapping")
    func joinAndMapping() {
        let y = tillit(["analyze", Self.fixture("yelp-reviews.json"), "--format", "yelp", "--join", "businesses=" + Self.fixture("yelp-businesses.json"),
                        "--lang", "en", "-o", "-"])
        #expect(y.status == 0)
        #expect(y.stderr.contains("read 4 = analysed 3 + skipped 1 + rejected 0"))
        let m = tillit(["analyze", Self.fixture("shop-reviews.xml"), "--mapping", Self.fixture("mapping-xml.json"), "--lang", "sv", "-o", "-"])
        #expect(m.status == 0)
        #expect(m.stderr.contains("read 2 = analysed 2"))
    }

    @Test("auto detection reads a format from content; bad --join and --format mapping without a file are usage errors")
    func autoAndUsage() {
        let a = tillit(["analyze", Self.fixture("bluesky.ndjson"), "--lang", "en", "-o", "-"])
        #expect(a.status == 0)
        #expect(a.stderr.contains("skipped: empty text (media only) 1, identity event 1, not a post (app.bsky.feed.like) 1, post delete 1"))
        #expect(tillit(["analyze", Self.fixture("yelp-reviews.json"), "--join", "products"]).status == 1)
        #expect(tillit(["analyze", Self.fixture("yelp-reviews.json"), "--format", "mapping"]).status == 1)
        #expect(tillit(["analyze", Self.fixture("yelp-reviews.json"), "--join", "shops=x"]).status == 1)
    }
}
