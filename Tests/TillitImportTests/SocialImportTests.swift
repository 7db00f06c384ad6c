import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

@Suite struct SocialImportTests {
    @Test("Mastodon outbox: HTML to text, boosts skipped, both orderedItems arrays read")
    func mastodon() throws {
        let evs = try events(fixture("mastodon-outbox.json"))
        let ps = posts(evs)
        #expect(ps.map(\.id) == ["https://mastodon.nu/users/lisa/statuses/111000000000000001",
                                 "https://mastodon.nu/users/lisa/statuses/111000000000000003",
                                 "https://mastodon.nu/users/lisa/statuses/111000000000000004"])
        #expect(ps[0].text == "Hej @hm! Varför får jag \"personliga\" erbjudanden på saker jag bara tittat på?\nDet känns\u{A0}obehagligt & onödigt.\n\nLäs: https://www2.hm.com/sv_se/customer-service/legal-and-privacy.html #integritet")
        #expect(hints(ps[0], .handle) == ["hm"])
        #expect(hints(ps[0], .domain) == ["www2.hm.com"])
        #expect(ps[0].languageHint == "sv")
        #expect(ps[0].url == "https://mastodon.nu/@lisa/111000000000000001")
        #expect(ps[1].text == "Dataläcka\n\nCoop skickade ut mitt medlemsnummer i klartext.")
        #expect(ps[1].parentID == ps[0].id)
        #expect(skipReasons(evs) == ["boost without text", "activity Like"])
        #expect(ps[2].createdAt?.iso8601 == "2026-11-08T08:00:00Z")
    }

    @Test("Bluesky Jetstream: only created posts; likes, deletes and identity events skipped with reasons")
    func bluesky() throws {
        let evs = try events(fixture("bluesky.ndjson"))
        let ps = posts(evs)
        #expect(ps.map(\.id) == ["at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3lpost0001",
                                 "at://did:plc:bbbbbbbbbbbbbbbbbbbbbbbb/app.bsky.feed.post/3lpost0002"])
        #expect(ps[0].languageHint == "sv")
        #expect(hints(ps[0], .domain) == ["apotea.se"])
        #expect(hints(ps[0], .handle) == ["did:plc:apoteaapoteaapoteaapotea"])
        #expect(ps[1].parentID == ps[0].id)
        #expect(ps[1].createdAt?.iso8601 == "2026-11-06T10:02:00Z")
        #expect(skipReasons(evs) == ["not a post (app.bsky.feed.like)", "post delete", "identity event", "empty text (media only)"])
    }

    @Test("Facebook: mojibake repaired only where the repair is valid UTF-8; title fallback; places as hints")
    func facebook() throws {
        let evs = try events(fixture("facebook-posts.json"))
        let ps = posts(evs)
        #expect(ps.map(\.text) == ["Åhléns app föreslog exakt det jag googlat igår 😳 hur?", "Åsa Lind  recommends Bilka Fields.",
                                   "Café latte", "Läs deras villkor — de delar allt."])
        #expect(hints(ps[1], .businessName) == ["Bilka Fields"])
        #expect(hints(ps[3], .domain) == ["zalando.se"])
        #expect(ps[0].createdAt?.seconds == 1_790_000_000)
        #expect(skipReasons(evs) == ["no text (update without a post or title)"])
        let c = posts(try events(fixture("facebook-comments.json")))
        #expect(c.map(\.text) == ["Jätteobehagligt faktiskt"])
        #expect(c[0].author == "Åsa Lind")
    }

    @Test("Instagram: captions from the post or its media, mojibake repaired, posts without caption skipped")
    func instagram() throws {
        let evs = try events(fixture("instagram-posts.json"))
        #expect(posts(evs).map(\.text) == ["Ny jacka från Zalando 🧥 reklamen visste före mig", "Köpenhamn 🇩🇰"])
        #expect(posts(evs)[1].createdAt?.seconds == 1_791_000_101)
        #expect(skipReasons(evs) == ["no caption"])
    }

    @Test("mojibake repair leaves real Latin-1 text and already-correct text alone")
    func mojibake() {
        #expect(MojibakeRepair.repair("\u{00C3}\u{00A5}") == "å")
        #expect(MojibakeRepair.repair("Café") == "Café")
        #expect(MojibakeRepair.repair("Ångström 😀") == "Ångström 😀")
        #expect(MojibakeRepair.repair("plain") == "plain")
    }
}
