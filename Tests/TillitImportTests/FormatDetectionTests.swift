import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

@Suite struct FormatDetectionTests {
    @Test("auto recognises every fixture from content", arguments: [
        ("twitter-v2-pages.jsonl", "twitter-v2"), ("twitter-v2-flat.jsonl", "twitter-v2"), ("twitter-v1.jsonl", "twitter-v1"),
        ("tweets.js", "twitter-archive"), ("reddit.ndjson", "reddit"), ("yelp-reviews.json", "yelp"),
        ("amazon-2018.json", "amazon"), ("amazon-2023.jsonl", "amazon"), ("trustpilot-events.json", "trustpilot"),
        ("trustpilot-reviews.json", "trustpilot"), ("google-reviews.json", "google-reviews"), ("app-reviews-play.json", "app-reviews"),
        ("app-reviews-appstore.json", "app-reviews"), ("mastodon-outbox.json", "mastodon"), ("bluesky.ndjson", "bluesky"),
        ("facebook-posts.json", "facebook"), ("facebook-comments.json", "facebook"), ("instagram-posts.json", "instagram"),
        ("stackexchange-posts.xml", "stackexchange"), ("stackexchange-comments.xml", "stackexchange"), ("rss-latin1.xml", "rss"),
        ("rss-cp1252.xml", "rss"), ("atom.xml", "rss"), ("semeval14.xml", "semeval"), ("semeval16.xml", "semeval"),
        ("two.ndjson.zst", "ndjson"), ("long31.ndjson.zst", "ndjson"),
    ])
    func fixtures(_ name: String, _ format: String) throws {
        let src = try ByteSource(path: fixture(name))
        #expect(Formats.recognise(try src.peek(Formats.detectionWindow)) == .format(format))
        let (_, opened) = try Formats.open(path: fixture(name), format: "auto", options: ImportOptions())
        #expect(opened == format)
    }

    @Test("what auto cannot read is named, not guessed", arguments: [
        (#"{"business_id": "b1", "name": "ICA", "categories": "Food"}"#, "Yelp business file"),
        (#"{"type": "object", "properties": {"id": {"type": "string"}}}"#, "JSON Schema"),
        ("<?xml version=\"1.0\"?><!-- c --><!DOCTYPE x [<!ENTITY a \"b\">]><catalog/>", "root element <catalog>"),
        ("window.YTD.like.part0 = [", "archive part 'like'"),
        ("", "empty input"),
        ("[1, 2]", "array of number values"),
    ])
    func unrecognised(_ content: String, _ expected: String) {
        guard case .unrecognised(let why) = Formats.recognise(Array(content.utf8)) else { Issue.record("recognised \(content)"); return }
        #expect(why.contains(expected))
    }

    @Test("a pretty-printed document is classified by its first record even when cut at the window")
    func cutDocument() {
        let head = "{\n  \"meta\": {\"n\": 1},\n  \"data\": [\n    {\"id\": \"1\", \"text\": \"RT\", \"author_id\": \"2\", \"conversation_id\": \"1\", \"lang\": \"en\"},\n    {\"id\": \"2\", \"te"
        #expect(Formats.detect(Array(head.utf8)) == "twitter-v2")
        #expect(Formats.detect(Array("[\n  {\n    \"timestamp\": 1375662123,\n    \"data\": [\n      \n    ],\n    \"title\": \"x".utf8)) == "facebook")
    }

    @Test("UTF-16 XML is recognised by its root")
    func utf16() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in xml.utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        #expect(Formats.detect(bytes) == "rss")
    }

    @Test("tillit formats lists every format once, each with a summary")
    func registry() {
        let names = Formats.all.map(\.name)
        #expect(Set(names).count == names.count)
        for f in ["twitter-v2", "twitter-v1", "twitter-archive", "reddit", "yelp", "amazon", "trustpilot", "google-reviews", "app-reviews",
                  "mastodon", "bluesky", "facebook", "instagram", "stackexchange", "rss", "semeval", "json", "ndjson", "csv", "tsv", "mapping"] {
            #expect(names.contains(f))
        }
        #expect(Formats.all.allSatisfy { !$0.summary.isEmpty && !$0.summary.contains("\n") })
    }
}
