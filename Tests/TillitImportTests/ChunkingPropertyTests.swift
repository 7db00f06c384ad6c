import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

/// Importers must give the same events whatever chunk sizes the bytes arrive in (NIO's
/// ByteToMessageDecoder verifier idea): every fixture is read once whole and then with reads cut to
/// seeded random sizes; the seed is printed so a failure can be replayed.
@Suite struct ChunkingPropertyTests {
    static let cases: [(String, String)] = [
        ("twitter-v2-pages.jsonl", "auto"), ("twitter-v1.jsonl", "auto"), ("tweets.js", "auto"), ("reddit.ndjson", "auto"),
        ("amazon-2018.json", "auto"), ("trustpilot-events.json", "auto"), ("trustpilot-reviews.json", "auto"),
        ("google-reviews.json", "auto"), ("app-reviews-appstore.json", "auto"), ("mastodon-outbox.json", "auto"),
        ("bluesky.ndjson", "auto"), ("facebook-posts.json", "auto"), ("instagram-posts.json", "auto"),
        ("stackexchange-posts.xml", "auto"), ("stackexchange-broken.xml", "stackexchange"), ("rss-latin1.xml", "auto"),
        ("rss-cp1252.xml", "auto"), ("atom.xml", "auto"), ("semeval16.xml", "auto"), ("multimember.ndjson.gz", "ndjson"),
        ("long31.ndjson.zst", "ndjson"),
    ]

    func read(_ name: String, _ format: String, chunking: ChunkSizer?) throws -> [String] {
        var o = ImportOptions()
        o.chunking = chunking
        if name.hasPrefix("yelp") { o.joins = ["businesses": fixture("yelp-businesses.json")] }
        return try events(fixture(name), format: format, options: o).map(describe)
    }

    @Test("the same events whatever chunk sizes the bytes arrive in", arguments: cases)
    func sameEvents(_ name: String, _ format: String) throws {
        let reference = try read(name, format, chunking: nil)
        #expect(!reference.isEmpty)
        var seed = StableHash.value([name]) // deterministic per fixture; override with TILLIT_CHUNK_SEED
        if let s = FileBytes.environment("TILLIT_CHUNK_SEED"), let v = UInt64(s) { seed = v }
        print("chunking: \(name) seed \(seed) (rounds use seed+0…5; replay with TILLIT_CHUNK_SEED=\(seed))")
        for (round, maximum) in [1, 2, 3, 7, 64, 4096].enumerated() {
            let roundSeed = seed &+ UInt64(round)
            let got = try read(name, format, chunking: ChunkSizer(seed: roundSeed, maximum: maximum))
            if got != reference { print("chunking: \(name) differs with seed \(roundSeed), chunks of at most \(maximum) bytes") }
            #expect(got == reference, "seed \(roundSeed), maximum chunk \(maximum)")
        }
    }

    @Test("mapped inputs are chunk-size independent too")
    func mapped() throws {
        var o = ImportOptions()
        o.mappingPath = fixture("mapping-shop.json")
        let reference = try events(fixture("shop-reviews.json"), options: o).map(describe)
        o.chunking = ChunkSizer(seed: 42, maximum: 3)
        print("chunking: mapping-shop seed 42")
        #expect(try events(fixture("shop-reviews.json"), options: o).map(describe) == reference)
    }
}
