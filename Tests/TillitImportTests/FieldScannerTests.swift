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
        let ndjson = Golden.temporaryFile(Array(FieldScannerTests.records.joined(separator: "\n").utf8))
        let array = Golden.temporaryFile(Array(("[" + FieldScannerTests.records.joined(separator: ",\n") + "]").utf8))
        func strip(_ e: ImportEvent) -> String {
            switch e {
            case .post(var p): p.origin = RecordOrigin(); p.source = ""; if p.id.contains(":") { p.id = "synthetic" }; return describe(.post(p))
            case .skipped(_, let r): return "skipped \(r)"
            case .rejected(_, let r, _): return "rejected \(r)"
            }
        }
        let fast = try events(ndjson, format: "ndjson").map(strip)
        let general = try events(array, format: "json").map(strip)
        #expect(fast.count == FieldScannerTests.records.count)
        #expect(fast == general)
        #expect(fast[1].contains(#"text="Café 😀 \"q\" \\ / \n\t""#))
        #expect(fast[1].contains("post 12345678901234567890123 "))
        #expect(fast[2].contains("author=nested"))
        #expect(fast[3].contains(#"text="last wins""#))
        #expect(fast[9].contains("text=\"lone \u{FFFD} surrogate\""))
    }

    @Test("Reddit lines (fast path) and the same records in a JSON array (parsed path) map alike")
    func reddit() throws {
        let lines = (Golden.readFile(fixture("reddit.ndjson")) ?? "").split(separator: "\n").map(String.init)
        let good = lines.filter { (try? JSONParser.parse(Array($0.utf8))) != nil }
        #expect(good.count == 8)
        let ndjson = Golden.temporaryFile(Array(good.joined(separator: "\n").utf8))
        let array = Golden.temporaryFile(Array(("[" + good.joined(separator: ",\n") + "]").utf8))
        func strip(_ e: ImportEvent) -> String {
            switch e {
            case .post(var p): p.origin = RecordOrigin(); return describe(.post(p))
            case .skipped(_, let r): return "skipped \(r)"
            case .rejected(_, let r, _): return "rejected \(r)"
            }
        }
        let fast = try events(ndjson, format: "reddit").map(strip)
        #expect(fast == (try events(array, format: "reddit").map(strip)))
        #expect(fast.count == 8)
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
