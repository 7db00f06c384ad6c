import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

@Suite struct JSONStreamingTests {
    func stream(_ json: String, paths: [[String]] = [], script: Bool = false) throws -> [String] {
        let src = try ByteSource(path: Golden.temporaryFile(Array(json.utf8)))
        let s = JSONArrayStreamer(source: src, recordPaths: paths, allowScriptPrefix: script)
        var out: [String] = []
        while try s.next({ item in
            switch item {
            case .element(let e): out.append("e\(e.index)@\(e.offset):\(e.line) " + String(decoding: e.bytes, as: UTF8.self))
            case .document(let e): out.append("doc " + String(decoding: e.bytes, as: UTF8.self))
            case .malformed(let i, let off, let line, let reason, _): out.append("bad\(i)@\(off):\(line) \(reason)")
            }
        }) {}
        return out
    }

    @Test("a top-level array is streamed element by element with index, byte offset and line")
    func topLevel() throws {
        let out = try stream("[\n {\"a\": \"]\"},\n 2, \"x\\\"y\",\n {\"b\": [1, {\"c\": null}]}\n]")
        #expect(out == ["e0@3:2 {\"a\": \"]\"}", "e1@16:3 2", "e2@19:3 \"x\\\"y\"", "e3@28:4 {\"b\": [1, {\"c\": null}]}"])
    }

    @Test("record arrays inside objects are found by path; repeated keys are all read; the envelope is kept")
    func nested() throws {
        let json = #"{"appId": "se.app", "meta": {"n": 2}, "reviews": [{"id": 1}], "skip": [9], "reviews": [{"id": 2}]}"#
        let src = try ByteSource(path: Golden.temporaryFile(Array(json.utf8)))
        let s = JSONArrayStreamer(source: src, recordPaths: [["reviews"]])
        var got: [String] = []
        while try s.next({ if case .element(let e) = $0 { got.append(String(decoding: e.bytes, as: UTF8.self)) } }) {}
        #expect(got == [#"{"id": 1}"#, #"{"id": 2}"#])
        #expect(s.envelope?["appId"]?.text == "se.app")
        #expect(try stream(#"{"a": {"b": {"items": [1, 2]}, "c": 3}}"#, paths: [["a", "b", "items"]]).count == 2)
    }

    @Test("an object without a record array is one record; concatenated documents are read in turn")
    func wholeDocument() throws {
        let out = try stream("{\"id\": 1,\n \"text\": \"a\"}\n{\"id\": 2}", paths: [["data"]])
        #expect(out == [#"doc {"id":1,"text":"a"}"#, #"doc {"id":2}"#])
    }

    @Test("a JavaScript assignment prefix is skipped when allowed")
    func script() throws {
        #expect(try stream("window.YTD.tweets.part0 = [ {\"tweet\": {}} ];", script: true) == [#"e0@28:1 {"tweet": {}}"#])
        #expect(try stream("window.x = [1]").first?.hasPrefix("bad0@0:1 not a JSON array") == true)
    }

    @Test("a truncated document is reported with the element it ends in")
    func truncated() throws {
        let out = try stream("[{\"a\": 1}, {\"b\": \"cut")
        #expect(out.count == 2)
        #expect(out[1].hasPrefix("bad1@11:1 truncated: the input ends inside element 2"))
    }

    @Test("broken elements are rejected with index and byte offset, and the next ones still read")
    func brokenElement() throws {
        let path = Golden.temporaryFile(Array("[{\"text\": \"ok\"}, {\"text\": }, {\"text\": \"also ok\"}]".utf8))
        let evs = try events(path, format: "json")
        #expect(posts(evs).map(\.text) == ["ok", "also ok"])
        let r = rejects(evs)
        #expect(r.count == 1)
        #expect(r[0].1.hasPrefix("invalid JSON in element 2 (byte offset 26)"))
        #expect(r[0].0.record == 1)
    }

    @Test("key-filtered parsing builds only the wanted members and still rejects bad syntax elsewhere")
    func skim() throws {
        let json = Array(#"{"big": {"x": [1, 2, {"y": "z\n\u00e5"}]}, "id": 12345678901234567890123, "text": "hej", "n": -1.5e3}"#.utf8)
        let v = try json.withUnsafeBufferPointer { try JSONParser.parse($0, keeping: JSONKeySet(["id", "text"])).value }
        #expect(v == .object([("id", .number("12345678901234567890123")), ("text", .string("hej"))]))
        for bad in [#"{"big": {"x": [1,]}, "id": 1}"#, #"{"big": "\q", "id": 1}"#, #"{"big": tru, "id": 1}"#, #"{"big": 01, "id": 1}"#] {
            #expect(throws: JSONError.self) { try Array(bad.utf8).withUnsafeBufferPointer { try JSONParser.parse($0, keeping: JSONKeySet(["id"])) } }
        }
    }

    @Test("numbers beyond 2^53 stay exact ids in every reader")
    func bigIDs() throws {
        let p = Golden.temporaryFile(Array("{\"id\": 123456789012345678901234567890, \"text\": \"x\"}\n".utf8))
        #expect(posts(try events(p, format: "ndjson")).first?.id == "123456789012345678901234567890")
        let a = Golden.temporaryFile(Array("[{\"id\": 9007199254740993, \"text\": \"x\"}]".utf8))
        #expect(posts(try events(a, format: "json")).first?.id == "9007199254740993")
    }

    @Test("NDJSON vs one document is decided from the first line")
    func sniff() {
        #expect(JSONRecordReader.sniff(Array("{\"a\":1}\n{\"a\":2}\n".utf8), allowsScriptPrefix: false) == .lines)
        #expect(JSONRecordReader.sniff(Array("{\n  \"a\": 1\n}\n".utf8), allowsScriptPrefix: false) == .document)
        #expect(JSONRecordReader.sniff(Array("{\"a\":\n{\"a\":2}\n".utf8), allowsScriptPrefix: false) == .lines)
        #expect(JSONRecordReader.sniff(Array(" [1]".utf8), allowsScriptPrefix: false) == .document)
    }

    @Test("ByteSource.peek returns the bytes still to come, also when called twice")
    func peekTwice() throws {
        let src = try ByteSource(path: Golden.temporaryFile(Array("abcdefgh".utf8)))
        #expect(try src.peek(3) == Array("abc".utf8))
        #expect(try src.peek(5) == Array("abcde".utf8))
        var buf = [UInt8](repeating: 0, count: 16)
        let n = try buf.withUnsafeMutableBufferPointer { try src.read(into: $0) }
        #expect(Array(buf[0..<n]) == Array("abcde".utf8))
        #expect(try src.peek(10) == Array("fgh".utf8))
    }
}
