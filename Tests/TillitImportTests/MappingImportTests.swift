import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

@Suite struct MappingImportTests {
    func mapped(_ data: String, _ mapping: String) throws -> [ImportEvent] {
        var o = ImportOptions()
        o.mappingPath = fixture(mapping)
        return try events(fixture(data), format: "auto", options: o)
    }

    @Test("JSON: a nested record array, fallbacks, joined and transformed text, timestamp pattern, envelope hint, skip rule")
    func json() throws {
        let evs = try mapped("shop-reviews.json", "mapping-shop.json")
        let ps = posts(evs)
        #expect(ps.count == 2)
        #expect(ps[0].id == "9007199254740993123")
        #expect(ps[0].source == "shop-export")
        #expect(ps[0].text == "Bra lampa\n\nMen varför kräver \"Club\" min födelsedag?")
        #expect(ps[0].createdAt?.iso8601 == "2026-11-09T14:05:00Z")
        #expect(ps[0].author == "Lampfan" && ps[0].rating == 4 && ps[0].languageHint == "sv")
        #expect(hints(ps[0], .businessName) == ["Clas Ohlson"])
        #expect(hints(ps[0], .domain) == ["clasohlson.com"])
        #expect(ps[1].id.hasPrefix("shop-export-") && ps[1].rating == 2.5)
        #expect(skipReasons(evs) == ["hidden by the shop"])
        #expect(rejects(evs).map(\.1) == ["no text (looked for /headline, /body)"])
    }

    @Test("XML: record elements, attributes, child text and markup")
    func xml() throws {
        let ps = posts(try mapped("shop-reviews.xml", "mapping-xml.json"))
        #expect(ps.map(\.id) == ["x1", "x2"])
        #expect(ps[0].text == "Kassan\n\nDe frågade efter mejl för kvittot.")
        #expect(ps[0].author == "Nils" && ps[0].rating == 2 && ps[0].createdAt?.iso8601 == "2026-11-09T00:00:00Z")
        #expect(hints(ps[0], .businessID) == ["store-042"])
        #expect(ps[1].text == "Toppen")
    }

    @Test("NDJSON with epoch milliseconds")
    func ndjson() throws {
        let evs = try mapped("chat.ndjson", "mapping-ndjson.json")
        #expect(posts(evs).map(\.id) == ["m1"])
        #expect(posts(evs)[0].createdAt?.seconds == 1_793_707_200)
        #expect(rejects(evs).count == 1)
    }

    @Test("mapping files are checked with clear messages", arguments: [
        (#"{"fields": {}}"#, "fields.text is required"),
        (#"{"fields": {"text": "a", "body": "b"}}"#, "unknown field 'body'"),
        (#"{"fields": {"text": {"path": "a", "transform": "shout"}}}"#, "unknown transform 'shout'"),
        (#"{"fields": {"text": "a", "created": {"path": "t", "format": "dd/mm"}}}"#, "unknown timestamp format"),
        (#"{"format": "xml", "fields": {"text": "a"}}"#, "XML mappings need records"),
        (#"{"fields": {"text": "a"}, "hints": [{"kind": "shop", "path": "x"}]}"#, "each hint needs a kind"),
        ("[", "not valid JSON"),
    ])
    func badMapping(_ spec: String, _ message: String) {
        do {
            _ = try MappingSpec.parse(Array(spec.utf8), file: "m.json")
            Issue.record("accepted \(spec)")
        } catch {
            #expect(error.reason.contains(message))
        }
    }

    @Test("timestamp patterns", arguments: [
        ("%d/%m/%Y %H:%M", "20/11/2026 10:15", "2026-11-20T10:15:00Z"),
        ("%Y-%m-%dT%H:%M:%S%z", "2026-11-20T10:15:00+01:00", "2026-11-20T09:15:00Z"),
        ("%d %b %Y", "5 Nov 2026", "2026-11-05T00:00:00Z"),
        ("%m %e, %Y", "09 1, 2016", "2016-09-01T00:00:00Z"),
        ("epoch-ms", "1793707200999", "2026-11-03T12:00:00Z"),
        ("auto", "Tue Nov 03 12:00:00 +0000 2026", "2026-11-03T12:00:00Z"),
    ])
    func patterns(_ spec: String, _ raw: String, _ iso: String) {
        #expect(TimestampPattern(spec).parse(raw)?.iso8601 == iso)
    }
}
