import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

@Suite struct ReviewImportTests {
    @Test("Yelp reviews joined to the business file get the business name as a hint")
    func yelp() throws {
        let evs = try events(fixture("yelp-reviews.json"), options: joinsOptions(["businesses": fixture("yelp-businesses.json")]))
        let ps = posts(evs)
        #expect(ps.count == 3)
        #expect(hints(ps[0], .businessName) == ["ICA Maxi Lindhagen"])
        #expect(hints(ps[0], .businessID) == ["bizICA0001"])
        #expect(ps[0].rating == 2 && ps[0].author == "usr01")
        #expect(ps[0].createdAt?.iso8601 == "2026-10-12T18:03:11Z")
        #expect(hints(ps[1], .businessName) == ["IKEA Kungens Kurva"])
        #expect(hints(ps[2], .businessName).isEmpty) // not in the business file
        #expect(skipReasons(evs) == ["empty text"])
        // Without the join the id is still a hint.
        #expect(hints(posts(try events(fixture("yelp-reviews.json")))[0], .businessName).isEmpty)
        #expect(throws: ImportError.self) { _ = try events(fixture("reddit.ndjson"), options: joinsOptions(["businesses": fixture("yelp-businesses.json")])) }
        #expect(throws: ImportError.self) { _ = try events(fixture("yelp-reviews.json"), options: joinsOptions(["products": "x"])) }
    }

    @Test("Amazon 2018: variant duplicates collapsed, summary + text, ids synthesised deterministically")
    func amazon2018() throws {
        let evs = try events(fixture("amazon-2018.json"))
        let ps = posts(evs)
        #expect(ps.count == 3)
        #expect(skipReasons(evs) == ["duplicate variant review"])
        #expect(ps[0].text == "Five Stars\n\nWorks well. I like that the recommendations matched my skin type.")
        #expect(ps[0].id == "amzn-" + StableHash.hex(["A1SWEDE01", "B000VARIANT1", "1788220800"]))
        #expect(ps[0].id.count == 21)
        #expect(ps[0].rating == 5 && ps[0].author == "A1SWEDE01")
        #expect(ps[0].createdAt?.iso8601 == "2026-09-01T00:00:00Z")
        #expect(ps[1].text == "Stopped tracking me? No.") // summary only
        #expect(ps[2].text == "Fine.") // title repeating the text is dropped
        #expect(ps[2].createdAt?.iso8601 == "2026-10-13T00:00:00Z") // from reviewTime
        let again = posts(try events(fixture("amazon-2018.json"))).map(\.id)
        #expect(again == ps.map(\.id))
    }

    @Test("Amazon 2023: rating, title, text with <br />, timestamp in ms, parent_asin hint")
    func amazon2023() throws {
        let evs = try events(fixture("amazon-2023.jsonl"))
        let ps = posts(evs)
        #expect(ps.count == 1)
        #expect(ps[0].text == "Too personal\n\nThe app suggested this before I searched for it. How?\nNot buying again.")
        #expect(ps[0].createdAt?.seconds == 1_791_763_200)
        #expect(hints(ps[0], .businessID) == ["B0C0PARENT1"])
        #expect(skipReasons(evs) == ["duplicate variant review"])
    }

    @Test("Trustpilot webhook events: created reviews read, other events skipped; automatic titles dropped")
    func trustpilotEvents() throws {
        let evs = try events(fixture("trustpilot-events.json"))
        let ps = posts(evs)
        #expect(ps.map(\.id) == ["6a1b2c3d4e5f600000000001", "6a1b2c3d4e5f600000000003"])
        #expect(ps[0].text == "Alt for mange mails efter mit køb, og de ved præcis hvad jeg kiggede på. Føles som overvågning.")
        #expect(ps[0].rating == 2 && ps[0].languageHint == "da" && ps[0].author == "Sofie H")
        #expect(ps[1].text == "Great service\n\nFast delivery and the suggestions were actually useful.")
        #expect(skipReasons(evs) == ["event service-review-deleted (not a review)"])
    }

    @Test("Trustpilot API pages: the business unit becomes name, domain and id hints")
    func trustpilotAPI() throws {
        let evs = try events(fixture("trustpilot-reviews.json"))
        let ps = posts(evs)
        #expect(ps.count == 1)
        #expect(hints(ps[0], .businessName) == ["Elgiganten"])
        #expect(hints(ps[0], .domain) == ["elgiganten.se"])
        #expect(hints(ps[0], .businessID) == ["46d6a8800000640005000001"])
        #expect(ps[0].author == "Erik Svensson")
        #expect(skipReasons(evs) == ["empty text"])
    }

    @Test("Google Takeout reviews: 2024 and older property names; place names as hints; ratings without text skipped")
    func google() throws {
        let evs = try events(fixture("google-reviews.json"))
        let ps = posts(evs)
        #expect(ps.count == 2)
        #expect(hints(ps[0], .businessName) == ["Åhléns City"])
        #expect(ps[0].rating == 4 && ps[0].createdAt?.iso8601 == "2026-09-14T12:00:00Z")
        #expect(ps[0].url == "https://www.google.com/maps/place//data=!4m2!3m1!1s0x0:0x1111")
        #expect(ps[1].text == "Dyrt, men hyggelig.")
        #expect(hints(ps[1], .businessName) == ["Steen & Strøm"])
        #expect(ps[1].rating == 3)
        #expect(skipReasons(evs) == ["rating without text"])
        #expect(ps[0].id.hasPrefix("gmr-"))
    }

    @Test("app store scrapers: Google Play and App Store layouts; the app id is a business_id hint")
    func apps() throws {
        let play = posts(try events(fixture("app-reviews-play.json")))
        #expect(play.map(\.id) == ["gp:AOqpTOE0000000001", "gp:AOqpTOE0000000002"])
        #expect(play[0].text == "Appen vill ha tillgång till mina kontakter för att visa erbjudanden?? Nej tack.") // not the reply
        #expect(play[0].rating == 1 && play[0].author == "Lina" && play[0].createdAt?.iso8601 == "2026-11-01T10:22:33Z")
        #expect(hints(play[0], .businessID) == ["se.ica.handla"])
        let ios = posts(try events(fixture("app-reviews-appstore.json")))
        #expect(ios.count == 2)
        #expect(ios[0].text == "Kan ikke slette konto\n\nJeg kan ikke slette min konto i appen. Hvorfor gemmer I alt?")
        #expect(hints(ios[0], .businessID) == ["1234567890"]) // from the envelope
        #expect(ios[0].id.hasPrefix("app-"))
    }
}
