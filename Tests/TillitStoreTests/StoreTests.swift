import Testing
import TillitCore
import TillitStore
import TillitTestSupport
import TillitImport
#if canImport(Glibc)
import Glibc
#endif

/// A temporary store file (removed with its WAL files at the end).
func temporaryStorePath() -> String {
    let p = Golden.temporaryFile([], suffix: ".sqlite")
    unlink(p)
    return p
}

func removeStore(_ p: String) { for s in ["", "-wal", "-shm"] { unlink(p + s) } }

func post(_ id: String, week: Int = 47, author: String? = "a:0000000000000001", retailers: [String] = ["ica"],
          aspects: [StoredAspect] = [], text: String? = "text", source: String = "ndjson") -> StoredPost {
    let t = ISOWeek(year: 2026, week: week).start.seconds + 36_000
    return StoredPost(source: source, id: id, createdAt: Timestamp(seconds: t), lang: "sv", langConfidence: 990, author: author, rating: nil,
                      score: -2500, label: .negative, band: .negative, text: text, textMode: .full, origin: "f:1", lexiconVersion: "v1",
                      retailers: retailers.map { ($0, "name:" + $0) }, aspects: aspects)
}

func runInfo() -> RunInfo {
    RunInfo(inputs: ["f"], options: "{}", lexiconVersion: "v1", toolVersion: "0", pid: Int(getpid()), startedAt: "2026-01-01T00:00:00Z")
}

@Suite struct StoreTests {
    @Test("migrations are applied once and recorded; reopening changes nothing")
    func migrations() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let s1 = try SQLiteStore(path: path)
        #expect(s1.schemaVersion == Schema.latestVersion)
        let s2 = try SQLiteStore(path: path)
        #expect(s2.schemaVersion == Schema.latestVersion)
        #expect(try s2.db.scalar("SELECT count(*) FROM schema_migrations").int == Int64(Schema.migrations.count))
    }

    @Test("a store made by a newer tool is refused with a clear message")
    func newerSchemaRefused() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let s = try SQLiteStore(path: path)
        try s.db.run("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')")
        #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
    }

    @Test("posts are unique by (source, id): inserting again adds nothing; counts reconcile")
    func dedupe() throws {
        let s = try SQLiteStore(path: ":memory:")
        let run = try s.beginRun(runInfo())
        var c = RunCounts()
        c.read = 3; c.analysed = 3
        let n1 = try s.insert([post("1"), post("2"), post("1", source: "csv")], run: run, counts: c)
        #expect(n1 == 3)
        c.read = 5; c.analysed = 5
        let n2 = try s.insert([post("1"), post("2", source: "ndjson")], run: run, counts: c)
        #expect(n2 == 0)
        try s.finishRun(run, counts: c, status: .complete, finishedAt: "x")
        let r = try s.runs()[0]
        #expect(r.status == .complete && r.counts.inserted == 3 && r.counts.duplicates == 2)
        #expect(try s.summary().postsStored == 3)
    }

    @Test("forget --author erases the posts and every derived row, and reports the counts")
    func forgetAuthor() throws {
        let s = try SQLiteStore(path: ":memory:")
        let asp = [StoredAspect(aspect: .privacy, score: -5000, label: .negative, band: .negative, drivers: [.p1, .p7]),
                   StoredAspect(aspect: .personalization, score: 3000, label: .positive, band: .positive, drivers: [.z2])]
        let run = try s.beginRun(runInfo())
        _ = try s.insert([post("1", author: "a:aaaa", retailers: ["ica", "coop"], aspects: asp), post("2", author: "a:aaaa", aspects: asp),
                          post("3", author: "a:bbbb", aspects: asp)], run: run, counts: RunCounts())
        let before = try s.tally(weeks: ISOWeek(year: 2026, week: 1)...ISOWeek(year: 2026, week: 52))
        #expect(before[Tally.allPosts, ISOWeek(year: 2026, week: 47), nil].n == 3)
        let r = try s.forget(authorPseudonym: "a:aaaa")
        #expect(r.posts == 2 && r.retailerRows == 3 && r.aspectRows == 4 && r.driverRows == 6)
        for table in ["post_retailers", "post_aspects", "post_drivers"] {
            #expect(try s.db.scalar("SELECT count(*) FROM \(table) WHERE post_pk NOT IN (SELECT pk FROM posts)").int == 0)
        }
        #expect(try s.db.scalar("SELECT count(*) FROM posts WHERE author = 'a:aaaa'").int == 0)
        let after = try s.tally(weeks: ISOWeek(year: 2026, week: 1)...ISOWeek(year: 2026, week: 52))
        #expect(after[Tally.allPosts, ISOWeek(year: 2026, week: 47), nil].n == 1)
        #expect(after["coop", ISOWeek(year: 2026, week: 47), nil].n == 0)
        #expect(try s.summary().erased == 2)
        let one = try s.forget(source: "ndjson", id: "3")
        #expect(one.posts == 1 && one.derived == 1 + 2 + 3)
        #expect(try s.db.scalar("SELECT count(*) FROM posts").int == 0)
    }

    @Test("forgotten text does not stay in the database file (secure_delete, WAL checkpoint)")
    func forgetOverwrites() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        do {
            let s = try SQLiteStore(path: path)
            let run = try s.beginRun(runInfo())
            _ = try s.insert([post("1", author: "a:cccc", text: "MARKER-ZQXJ-secret-text")], run: run, counts: RunCounts())
            _ = try s.forget(authorPseudonym: "a:cccc")
        }
        for suffix in ["", "-wal"] {
            let bytes = (try? FileBytes.read(path + suffix)) ?? []
            #expect(!String(decoding: bytes, as: UTF8.self).contains("MARKER-ZQXJ"), "found in \(path + suffix)")
        }
    }

    @Test("the pseudonym key is created once per store and kept")
    func pseudonymKey() throws {
        let s = try SQLiteStore(path: ":memory:")
        let k1 = try s.pseudonymKey(), k2 = try s.pseudonymKey()
        #expect(k1.count == 32 && k1 == k2)
        let other = try SQLiteStore(path: ":memory:").pseudonymKey()
        #expect(other != k1)
    }

    @Test("stale running runs are marked interrupted")
    func reap() throws {
        let s = try SQLiteStore(path: ":memory:")
        let r = try s.beginRun(runInfo())
        try s.reapStaleRuns { _ in true }
        #expect(try s.runs().first { $0.id == r }?.status == .running)
        try s.reapStaleRuns { _ in false }
        #expect(try s.runs().first { $0.id == r }?.status == .interrupted)
    }
}

