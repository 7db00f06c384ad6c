import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

/// The NDJSON hot path (a lazy field scanner that parses only winning values) must map every record
/// exactly as the general path (a parsed value through the same `FieldMap`).
@Suite struct FieldScannerTests {
    static let records: [String] = [
        #"{"id": "1", "text": "plain ascii", "lang": "sv", "created_utc": 1790000000, "author": "a", "stars": 4.5}"#,
        #"{"id": 12345678901234567890123, "body": "Caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n\t", "created_at": "2026-11-20T10:15:00+01:00"}"#,
        #"{"text": null, "full_text": "fallback after null", "user": {"screen_name": "nested"}, "rating": "3"}"#,
        #"{"text": "first", "text": "last wins", "score": -1.25e1, "timestamp": "1790000000123"}"#,
        #"{"content": "råtext med åäö och emoji 🛒", "user": {"username": "u2"}, "date": "Sat, 07 Sep 2002 00:00:01 GMT"}"#,
        #"{"message": "   ", "id": "blank"}"#,
        #"{"id": "no text here"}"#,
        #"{"text": {"nested": "object"}}"#,
        #"{"text": 42, "id": true}"#,
        #"{"review_text": "lone \udc00 surrogate", "retailer": "ICA", "langs": ["da", "sv"]}"#,
        #"{"a": [1, {"b": [true, false, null]}], "text": "after nesting", "overall": 5}"#,
        #"{"text": "x", "created_utc": 1.5e9}"#,
    ]

    @Test("the lazy field scanner and the parsed-value path give the same posts")
    func samePosts() throws {
        let mapper = JSONPostMapper(fields: FieldMap(), source: "ndjson")
        let origin = RecordOrigin(file: "x.ndjson", line: 1, record: 0)
        var scratch: [JSONField] = []
        var out: [String] = []
        for r in FieldScannerTests.records {
            let bytes = Array(r.utf8)
            let viaValue = describe(mapper.map(try JSONParser.parse(bytes), origin: origin))
            let viaBytes = describe(try bytes.withUnsafeBufferPointer { try mapper.map(bytes: $0, origin: origin, scratch: &scratch) })
            #expect(viaBytes == viaValue, "\(r)")
            out.append(viaBytes)
        }
        #expect(out[1].contains(#"text="Café 😀 \"q\" \\ / \n\t""#))
        #expect(out[1].contains("post 12345678901234567890123 "))
        #expect(out[2].contains("author=nested"))
        #expect(out[3].contains(#"text="last wins""#))
        #expect(out[5].hasPrefix("skipped") && out[6].hasPrefix("rejected") && out[7].hasPrefix("rejected"))
        #expect(out[9].contains("text=\"lone \u{FFFD} surrogate\""))
    }

    @Test("Reddit: the field-scanner path and the parsed-value path map every fixture line alike")
    func reddit() throws {
        let lines = (Golden.readFile(fixture("reddit.ndjson")) ?? "").split(separator: "\n").map(String.init)
        let mapper = RedditMapper()
        let origin = RecordOrigin(file: "r.ndjson", line: 1, record: 0)
        var checked = 0
        for l in lines {
            let bytes = Array(l.utf8)
            guard let v = try? JSONParser.parse(bytes) else { continue }
            var out: [ImportEvent] = []
            let handled = try bytes.withUnsafeBufferPointer { try mapper.mapBytes($0, RecordContext(origin: origin), into: &out) }
            #expect(handled)
            #expect(out.map(describe) == [describe(mapper.event(v, origin))])
            checked += 1
        }
        #expect(checked == 8)
    }

    @Test("invalid UTF-8 and broken syntax on the hot path are repaired or rejected like elsewhere")
    func badBytes() throws {
        let lines: [UInt8] = Array(#"{"text": "ok"#.utf8) + [0xE2, 0x82] + Array("\"}\n".utf8)
            + Array(#"{"text": "a", }"#.utf8) + [10]
            + Array(#"{"text": "ctrl"#.utf8) + [0x01] + Array("\"}\n".utf8)
        let evs = try events(Golden.temporaryFile(lines), format: "ndjson")
        #expect(posts(evs).map(\.text) == ["ok\u{FFFD}"]) // one U+FFFD for the maximal subpart E2 82
        #expect(rejects(evs).map(\.0.line) == [2, 3])
    }

    @Test("numbers are read exactly as Double would", arguments: ["0", "-0", "4.35", "1790000000", "123456789012345", "1.7976931348623157e308", "0.1", "-12.5", "9007199254740993"])
    func numbers(_ spelling: String) {
        let b = Array(spelling.utf8)
        #expect(b.withUnsafeBufferPointer { JSONNumber.double($0) } == Double(spelling))
    }
}
