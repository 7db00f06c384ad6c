import Testing
import TillitCore
import TillitStore
import TillitTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The `tillit` executable built beside the tests (same build directory), or `.build/debug/tillit`.
func tillitExecutable() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, 4095)
    if n > 0 {
        let exe = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var dir = exe
        for _ in 0..<4 {
            guard let slash = dir.lastIndex(of: "/") else { break }
            dir = String(dir[..<slash])
            if access(dir + "/tillit", X_OK) == 0 { return dir + "/tillit" }
        }
    }
    return Golden.packageRoot() + "/.build/debug/tillit"
}

/// Starts `tillit` with arguments, stdout/stderr to /dev/null; returns the pid.
func spawnTillit(_ args: [String]) -> pid_t {
    let argv = ([tillitExecutable()] + args).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0]!, &actions, nil, argv, environ)
    return rc == 0 ? pid : -1
}

func waitExit(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
}

/// Every stored row of a store, keyed by (source, id), without store-specific keys (pk, run, pseudonym).
func storeRows(_ path: String) throws -> [String] {
    let s = try SQLiteStore(path: path)
    var rows = try s.db.query("""
        SELECT source, id, created_at, week, lang, lang_confidence, author IS NULL, rating, score, label, band, text, text_mode, origin, lexicon_version
        FROM posts ORDER BY source, id
        """) { r in (0..<15).map { "\(r[$0])" }.joined(separator: "|") }
    rows += try s.db.query("""
        SELECT p.source, p.id, r.retailer_id, r.reason FROM post_retailers r JOIN posts p ON p.pk = r.post_pk ORDER BY 1, 2, 3
        """) { r in (0..<4).map { "\(r[$0])" }.joined(separator: "|") }
    rows += try s.db.query("""
        SELECT p.source, p.id, a.aspect, a.score, a.label, a.band FROM post_aspects a JOIN posts p ON p.pk = a.post_pk ORDER BY 1, 2, 3
        """) { r in (0..<6).map { "\(r[$0])" }.joined(separator: "|") }
    rows += try s.db.query("""
        SELECT p.source, p.id, d.driver FROM post_drivers d JOIN posts p ON p.pk = d.post_pk ORDER BY 1, 2, 3
        """) { r in (0..<3).map { "\(r[$0])" }.joined(separator: "|") }
    return rows
}

/// A generated corpus of `n` posts about retailers, privacy and personalization (seeded, deterministic).
func killCorpus(_ n: Int) -> String {
    let texts = [
        "ICA sålde mina uppgifter till tredje part, helt oacceptabelt",
        "Älskar de personliga erbjudandena från Coop men det är obehagligt hur mycket de vet om mig",
        "Matas sender spam hver dag selvom jeg har afmeldt nyhedsbrevet",
        "Great personalised recommendations from Zalando this week",
        "Lidl hade bra priser på frukt idag",
        "Netto har altid udsolgt af kaffe",
        "Dataläcka hos Apotea: mina kortuppgifter har läckt",
        "Stammis-bonusen på ICA är riktigt bra",
    ]
    var out = ""
    for i in 0..<n {
        let week = 36 + i % 12
        let day = 1 + (i / 12) % 5
        let t = ISOWeek(year: 2026, week: week).start.seconds + Int64(day * 86_400 + (i % 600) * 60)
        out += "{\"id\":\"k\(i)\",\"created_at\":\"\(Timestamp(seconds: t).iso8601)\",\"author\":\"user\(i % 97)\",\"text\":\"\(texts[i % texts.count]) #\(i)\"}\n"
    }
    return out
}

/// Polls (read-only) until the store has a `running` run of process `pid`, for at most 20 s.
func waitForRunningRun(_ path: String, pid: pid_t) {
    for _ in 0..<4000 {
        if access(path, F_OK) == 0, let db = try? Database(path: path, create: false, readonly: true),
           let n = try? db.scalar("SELECT count(*) FROM runs WHERE status = 'running' AND pid = ?", [.int(Int64(pid))]).int, n > 0 {
            return
        }
        usleep(5000)
    }
}

@Suite(.serialized) struct KillTests {
    @Test("SIGKILL at random moments of an ingest, then ingesting again, gives exactly the rows of an uninterrupted run")
    func killAndResume() throws {
        let exe = tillitExecutable()
        try #require(access(exe, X_OK) == 0, "build the tillit executable first (\(exe))")
        let corpus = Golden.temporaryFile(Array(killCorpus(4000).utf8), suffix: ".ndjson")
        let lex = Golden.packageRoot() + "/Lexicons"
        let clean = temporaryStorePath(), killed = temporaryStorePath()
        defer { unlink(corpus); removeStore(clean); removeStore(killed) }
        let common = ["--lexicons", lex, "--batch-size", "100", "--store-text", "full", "-q"]
        // the uninterrupted run, timed to choose kill moments inside it
        var t0 = timespec(), t1 = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t0)
        let pid = spawnTillit(["ingest", corpus, "--db", clean] + common)
        #expect(waitExit(pid) == 0)
        clock_gettime(CLOCK_MONOTONIC, &t1)
        let durationUs = max(200_000, Int((t1.tv_sec - t0.tv_sec) * 1_000_000 + (t1.tv_nsec - t0.tv_nsec) / 1000))
        let seed: UInt64 = 47
        var rng = SplitMix64(seed: seed)
        var kills = 0
        for round in 0..<8 {
            let child = spawnTillit(["ingest", corpus, "--db", killed] + common)
            // even rounds: any moment from the start (lexicon loading, migration, batches);
            // odd rounds: a moment after the child's run row exists, so the kill lands inside batches
            if round % 2 == 1 { waitForRunningRun(killed, pid: child) }
            let delay = Int.random(in: 0..<(round % 2 == 1 ? durationUs / 2 : durationUs), using: &rng)
            usleep(useconds_t(delay))
            if kill(child, SIGKILL) == 0 { kills += 1 }
            _ = waitExit(child)
            // the store must be consistent after every kill
            if access(killed, F_OK) == 0 {
                let s = try SQLiteStore(path: killed)
                #expect(try s.db.scalar("PRAGMA integrity_check").text == "ok", "round \(round), seed \(seed)")
                #expect(try s.db.scalar("SELECT count(*) FROM post_aspects WHERE post_pk NOT IN (SELECT pk FROM posts)").int == 0)
            }
        }
        let final = spawnTillit(["ingest", corpus, "--db", killed] + common)
        #expect(waitExit(final) == 0)
        let a = try storeRows(clean), b = try storeRows(killed)
        #expect(a.count >= 4000)
        #expect(a == b, "rows differ after \(kills) kills (seed \(seed))")
        // a further ingest adds nothing
        let again = spawnTillit(["ingest", corpus, "--db", killed] + common)
        #expect(waitExit(again) == 0)
        #expect(try storeRows(killed) == b)
        let runs = try SQLiteStore(path: killed).runs()
        print("kill test: \(kills) SIGKILLs, \(runs.filter { $0.status == .interrupted }.count) runs interrupted mid-batch, \(b.count) rows identical (seed \(seed))")
        // the final two runs complete; a child may also finish before its kill moment
        #expect(runs.filter { $0.status == .complete }.count >= 2)
        #expect(runs.filter { $0.status == .interrupted }.count >= 1, "no kill landed inside a run (seed \(seed))")
        #expect(runs.allSatisfy { $0.status != .running })
    }

    @Test("ingest via the CLI: re-ingesting adds nothing; forget by handle erases; analyze --author-key pseudonymizes")
    func cli() throws {
        let exe = tillitExecutable()
        try #require(access(exe, X_OK) == 0)
        let corpus = Golden.temporaryFile(Array(killCorpus(50).utf8), suffix: ".ndjson")
        let db = temporaryStorePath()
        let lex = Golden.packageRoot() + "/Lexicons"
        defer { unlink(corpus); removeStore(db) }
        #expect(waitExit(spawnTillit(["ingest", corpus, "--db", db, "--lexicons", lex])) == 0)
        #expect(waitExit(spawnTillit(["ingest", corpus, "--db", db, "--lexicons", lex])) == 0)
        let s = try SQLiteStore(path: db)
        #expect(try s.db.scalar("SELECT count(*) FROM posts").int == 50)
        #expect(try s.db.scalar("SELECT count(*) FROM posts WHERE author NOT LIKE 'a:%'").int == 0)
        let runs = try s.runs()
        #expect(runs.count == 2 && runs[1].counts.inserted == 0 && runs[1].counts.duplicates == 50)
        // user0 wrote posts k0, k97: forget by handle (any case, with @)
        #expect(waitExit(spawnTillit(["forget", "--db", db, "--author", "@USER0"])) == 0)
        #expect(try SQLiteStore(path: db).db.scalar("SELECT count(*) FROM posts").int == 49)
        #expect(waitExit(spawnTillit(["forget", "--db", db, "--post", "ndjson:k1"])) == 0)
        #expect(try SQLiteStore(path: db).db.scalar("SELECT count(*) FROM posts").int == 48)
        #expect(waitExit(spawnTillit(["forget", "--db", db, "--post", "k2"])) == 0)
        #expect(try SQLiteStore(path: db).db.scalar("SELECT count(*) FROM posts").int == 47)
        // analyze --author-key: a key file with mode 0600 is created, authors become a:…
        let key = Golden.temporaryFile([], suffix: ".key"), out = Golden.temporaryFile([], suffix: ".jsonl")
        unlink(key)
        defer { unlink(key); unlink(out) }
        #expect(waitExit(spawnTillit(["analyze", corpus, "--author-key", key, "-o", out, "--lexicons", lex, "-q"])) == 0)
        var st = stat()
        #expect(stat(key, &st) == 0 && st.st_mode & 0o777 == 0o600 && st.st_size == 32)
        let records = Golden.readFile(out) ?? ""
        #expect(records.contains("\"author\":\"a:") && !records.contains("\"author\":null") && !records.contains("user0"))
    }
}
