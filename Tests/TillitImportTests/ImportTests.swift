import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

func events(_ path: String, format: String = "auto", options: ImportOptions = ImportOptions()) throws -> [ImportEvent] {
    let (reader, _) = try Formats.open(path: path, format: format, options: options)
    var out: [ImportEvent] = []
    while let e = try reader.next() { out.append(e) }
    return out
}

func posts(_ evs: [ImportEvent]) -> [Post] { evs.compactMap { if case .post(let p) = $0 { return p }; return nil } }
func rejects(_ evs: [ImportEvent]) -> [(RecordOrigin, String)] {
    evs.compactMap { if case .rejected(let o, let r, _) = $0 { return (o, r) }; return nil }
}
func fixture(_ name: String) -> String { Golden.packageRoot() + "/Tests/Fixtures/import/" + name }

@Suite struct JSONParserTests {
    @Test("ids beyond 2^53 keep every digit")
    func bigIDs() throws {
        let v = try JSONParser.parse(Array(#"{"id": 1234567890123456789012, "f": 1.5e3}"#.utf8))
        #expect(v["id"]?.text == "1234567890123456789012")
    }

    @Test("duplicate keys: the last member wins, all are kept")
    func duplicates() throws {
        let v = try JSONParser.parse(Array(#"{"a": 1, "a": [2]}"#.utf8))
        #expect(v["a"] == .array([.number("2")]))
        if case .object(let m) = v { #expect(m.count == 2) }
    }

    @Test("nesting is bounded")
    func depth() {
        let bomb = Array(String(repeating: "[", count: 100_000).utf8)
        #expect(throws: JSONError.self) { try JSONParser.parse(bomb) }
    }

    @Test("invalid UTF-8 inside strings is repaired to U+FFFD per maximal subpart and counted")
    func repair() throws {
        let bytes: [UInt8] = Array(#"{"t":"a"#.utf8) + [0xFF, 0xC3] + Array(#"b"}"#.utf8)
        let (v, repairs) = try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }
        #expect(v["t"]?.text == "a\u{FFFD}\u{FFFD}b")
        #expect(repairs == 2)
        let cut: [UInt8] = Array(#"{"t":"x"#.utf8) + [0xE2, 0x82, 0x41, 0xF0, 0x9F, 0x98] + Array(#"y"}"#.utf8)
        let (w, n) = try cut.withUnsafeBufferPointer { try JSONParser.parse($0) }
        #expect(w["t"]?.text == "x\u{FFFD}A\u{FFFD}y")
        #expect(w["t"]?.text == String(decoding: [0x78, 0xE2, 0x82, 0x41, 0xF0, 0x9F, 0x98, 0x79], as: UTF8.self))
        #expect(n == 2)
    }

    @Test("escapes and surrogate pairs", arguments: [(#""\u00e5\n""#, "å\n"), (#""\ud83d\ude00""#, "😀"), (#""\udc00""#, "\u{FFFD}")])
    func escapes(_ json: String, _ expected: String) throws {
        #expect(try JSONParser.parse(Array(json.utf8)).text == expected)
    }

    @Test("syntax errors say where", arguments: [#"{"a":}"#, #"{"a":1"#, "[1,]", #"{"a" 1}"#, "tru", "01"])
    func errors(_ json: String) {
        #expect(throws: JSONError.self) { try JSONParser.parse(Array(json.utf8)) }
    }
}

@Suite struct NDJSONTests {
    @Test("broken lines are rejected with their line; blank lines are not records; a truncated last line is named")
    func broken() throws {
        let path = Golden.temporaryFile(Array("{\"id\":\"1\",\"text\":\"ok\"}\n\n{\"id\":2,\"text\":\n{\"id\":\"3\",\"text\":\"\"}\n{\"id\":\"4\",\"text\":\"cut".utf8), suffix: ".ndjson")
        let evs = try events(path, format: "ndjson")
        #expect(evs.count == 4)
        #expect(posts(evs).map(\.id) == ["1"])
        let r = rejects(evs)
        #expect(r.map(\.0.line) == [3, 5])
        #expect(r[1].1.hasPrefix("truncated last line"))
        #expect(evs.contains { if case .skipped(_, let reason) = $0 { return reason == "empty text" }; return false })
    }

    @Test("gzip (also multi-member), zstd, bzip2 and xz are read transparently",
          arguments: ["two.ndjson.gz", "multimember.ndjson.gz", "two.ndjson.zst", "two.ndjson.bz2", "two.ndjson.xz"])
    func compressed(_ name: String) throws {
        let ps = posts(try events(fixture(name)))
        #expect(ps.map(\.text) == ["Bra service", "Dålig leverans"])
        #expect(ps[0].languageHint == "sv")
    }

    @Test("a truncated zstd stream is a clear error, not silence")
    func truncated() {
        #expect(throws: ImportError.self) { _ = try events(fixture("truncated.ndjson.zst"), format: "ndjson") }
    }

    @Test("numeric epoch and nested author fields map to the post")
    func mapping() throws {
        let path = Golden.temporaryFile(Array(#"{"id_str":"99","full_text":"hej","user":{"screen_name":"anna"},"created_at":"Wed Oct 10 20:19:24 +0000 2018"}"#.utf8))
        let p = try #require(posts(try events(path, format: "ndjson")).first)
        #expect(p.id == "99" && p.author == "anna" && p.createdAt?.iso8601 == "2018-10-10T20:19:24Z")
    }
}

@Suite struct CSVTests {
    @Test("quoted fields hold delimiters, tabs, newlines, bare CR and doubled quotes")
    func quoting() throws {
        let csv = "id,text,lang\r\n1,\"a, \"\"b\"\"\tc\nd\re\",sv\r\n2,plain,da\n3,\"\",en\r4,\"x\",en"
        let evs = try events(Golden.temporaryFile(Array(csv.utf8)), format: "csv")
        let ps = posts(evs)
        #expect(ps.map(\.text) == ["a, \"b\"\tc\nd\re", "plain", "x"])
        #expect(ps.map(\.id) == ["1", "2", "4"])
        #expect(ps[1].origin.line == 5)
        #expect(evs.count == 4)
    }

    @Test("rows with the wrong number of fields and unterminated quotes are rejected with their line")
    func rejectsBadRows() throws {
        let tsv = "id\ttext\n1\tok\n2\ttoo\tmany\n3\t\"never closed\n"
        let evs = try events(Golden.temporaryFile(Array(tsv.utf8)), format: "tsv")
        #expect(posts(evs).map(\.id) == ["1"])
        #expect(rejects(evs).map(\.0.line) == [3, 4])
    }

    @Test("column options choose the fields; a missing text column is a clear error")
    func columns() throws {
        var o = ImportOptions()
        o.fields.prefer(id: "rid", text: "body", created: "when")
        let csv = "rid,body,when\nr1,Hej,2026-11-20\n"
        let p = try #require(posts(try events(Golden.temporaryFile(Array(csv.utf8)), format: "csv", options: o)).first)
        #expect(p.id == "r1" && p.text == "Hej" && p.createdAt?.isoWeek.description == "2026-W47")
        #expect(throws: ImportError.self) { _ = try events(Golden.temporaryFile(Array("a,b\n1,2\n".utf8)), format: "csv") }
    }

    @Test("auto detection looks at content, not the file name", arguments: [
        ("{\"text\":\"x\"}\n", "ndjson"), ("id,text\n1,x\n", "csv"), ("id\ttext\n1\tx\n", "tsv"),
    ])
    func detect(_ content: String, _ format: String) {
        #expect(Formats.detect(Array(content.utf8)) == format)
    }
}
