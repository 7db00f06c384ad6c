import TillitCore

/// A failure of the store that the command reports with its own message.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The embedded store: one SQLite file (WAL mode), schema in `Schema`, one `Database` connection.
public final class SQLiteStore: PostStore {
    public let db: Database

    /// Opens (and migrates) the store at `path`. `create: false` refuses a missing file.
    public init(path: String, create: Bool = true, readonly: Bool = false) throws {
        if (!create || readonly), path != ":memory:", !fileExists(path) {
            throw StoreError("\(path): no such store (run `tillit ingest … --db \(path)` first)")
        }
        db = try Database(path: path, create: create, readonly: readonly)
        if !readonly { try migrate() } else { try checkVersion() }
    }

    public var schemaVersion: Int {
        (try? db.scalar("SELECT max(version) FROM schema_migrations").int).flatMap { $0 }.map(Int.init) ?? 0
    }

    func checkVersion() throws {
        let v = schemaVersion
        if v > Schema.latestVersion {
            throw StoreError("\(db.path): the store has schema version \(v), newer than this tool knows (\(Schema.latestVersion)); use a newer tillit")
        }
        if v < Schema.latestVersion { throw StoreError("\(db.path): the store needs migrating; run `tillit ingest` with no inputs or any write command") }
    }

    public func migrate() throws {
        try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        try db.transaction {
            let current = schemaVersion
            if current > Schema.latestVersion {
                throw StoreError("\(db.path): the store has schema version \(current), newer than this tool knows (\(Schema.latestVersion)); use a newer tillit")
            }
            for m in Schema.migrations where m.version > current {
                try db.execute(m.sql)
                try db.run("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [.int(Int64(m.version)), .text(m.name)])
            }
        }
    }

    public func pseudonymKey() throws -> [UInt8] {
        try db.transaction {
            if let k = try db.scalar("SELECT value FROM secrets WHERE name = 'pseudonym_key'").blob, k.count >= 32 { return k }
            var rng = SystemRandomNumberGenerator()
            let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
            try db.run("INSERT INTO secrets (name, value) VALUES ('pseudonym_key', ?) ON CONFLICT (name) DO NOTHING", [.blob(key)])
            return try db.scalar("SELECT value FROM secrets WHERE name = 'pseudonym_key'").blob ?? key
        }
    }

    public func beginRun(_ info: RunInfo) throws -> Int {
        try db.transaction {
            try db.run("""
                INSERT INTO runs (status, inputs, options, lexicon_version, tool_version, pid, started_at)
                VALUES ('running', ?, ?, ?, ?, ?, ?)
                """, [.text(jsonArray(info.inputs)), .text(info.options), .text(info.lexiconVersion), .text(info.toolVersion),
                      .int(Int64(info.pid)), .text(info.startedAt)])
            return Int(db.lastInsertRowID)
        }
    }

    public func reapStaleRuns(isAlive: (Int) -> Bool) throws {
        let running = try db.query("SELECT id, pid FROM runs WHERE status = 'running' ORDER BY id") { ($0.int(0), $0.int(1)) }
        for (id, pid) in running where !isAlive(pid) {
            try db.run("UPDATE runs SET status = 'interrupted' WHERE id = ? AND status = 'running'", [.int(Int64(id))])
        }
    }

    public func contains(source: String, id: String) throws -> Bool {
        try !db.scalar("SELECT 1 FROM posts WHERE source = ? AND id = ?", [.text(source), .text(id)]).isNull
    }

    public func insert(_ posts: [StoredPost], run: Int, counts: RunCounts) throws -> Int {
        try db.transaction {
            var inserted = 0
            for p in posts {
                let changed = try db.run("""
                    INSERT INTO posts (source, id, run_id, created_at, week, lang, lang_confidence, author, rating, score, label, band,
                                       text, text_mode, origin, lexicon_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, id) DO NOTHING
                    """, [.text(p.source), .text(p.id), .int(Int64(run)), p.createdAt.map { .int($0.seconds) } ?? .null,
                          SQLValue(p.createdAt?.isoWeek.description), .text(p.lang), .int(Int64(p.langConfidence)), SQLValue(p.author),
                          SQLValue(p.rating), .int(p.score), .text(p.label.rawValue), .text(p.band.rawValue), SQLValue(p.text),
                          .text(p.textMode.rawValue), .text(p.origin), .text(p.lexiconVersion)])
                guard changed == 1 else { continue }
                inserted += 1
                let pk = db.lastInsertRowID
                var seen = Set<String>()
                for r in p.retailers where seen.insert(r.id).inserted {
                    try db.run("INSERT INTO post_retailers (post_pk, retailer_id, reason) VALUES (?, ?, ?)", [.int(pk), .text(r.id), .text(r.reason)])
                }
                for a in p.aspects {
                    try db.run("INSERT INTO post_aspects (post_pk, aspect, score, label, band) VALUES (?, ?, ?, ?, ?)",
                               [.int(pk), .text(a.aspect.rawValue), .int(a.score), .text(a.label.rawValue), .text(a.band.rawValue)])
                    for d in Set(a.drivers).sorted() {
                        try db.run("INSERT INTO post_drivers (post_pk, aspect, driver) VALUES (?, ?, ?)", [.int(pk), .text(a.aspect.rawValue), .text(d.rawValue)])
                    }
                }
            }
            var c = counts
            c.inserted = try Int(db.scalar("SELECT inserted FROM runs WHERE id = ?", [.int(Int64(run))]).int ?? 0) + inserted
            c.duplicates = counts.analysed - c.inserted
            try saveCounts(run, c)
            return inserted
        }
    }

    private func saveCounts(_ run: Int, _ c: RunCounts) throws {
        try db.run("""
            UPDATE runs SET read = ?, analysed = ?, skipped = ?, rejected = ?, inserted = ?, duplicates = ?, skipped_reasons = ? WHERE id = ?
            """, [.int(Int64(c.read)), .int(Int64(c.analysed)), .int(Int64(c.skipped)), .int(Int64(c.rejected)), .int(Int64(c.inserted)),
                  .int(Int64(c.duplicates)), .text(jsonObject(c.skippedReasons)), .int(Int64(run))])
    }

    public func finishRun(_ run: Int, counts: RunCounts, status: RunRecord.Status, finishedAt: String) throws {
        try db.transaction {
            var c = counts
            c.inserted = try Int(db.scalar("SELECT inserted FROM runs WHERE id = ?", [.int(Int64(run))]).int ?? 0)
            c.duplicates = c.analysed - c.inserted
            try saveCounts(run, c)
            try db.run("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?", [.text(status.rawValue), .text(finishedAt), .int(Int64(run))])
        }
    }

    public func upsertRetailers(_ retailers: [RetailerInfo]) throws {
        try db.transaction {
            for r in retailers {
                try db.run("""
                    INSERT INTO retailers (id, name, sector, countries) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, sector = excluded.sector, countries = excluded.countries
                    """, [.text(r.id), .text(r.name), .text(r.sector), .text(r.countries.joined(separator: ","))])
            }
        }
    }

    public func runs() throws -> [RunRecord] {
        try db.query("""
            SELECT id, status, inputs, lexicon_version, tool_version, read, analysed, skipped, rejected, inserted, duplicates
            FROM runs ORDER BY id
            """) { r in
            var c = RunCounts()
            c.read = r.int(5); c.analysed = r.int(6); c.skipped = r.int(7); c.rejected = r.int(8); c.inserted = r.int(9); c.duplicates = r.int(10)
            return RunRecord(id: r.int(0), status: RunRecord.Status(rawValue: r.text(1)) ?? .failed, inputs: r.text(2),
                             lexiconVersion: r.text(3), toolVersion: r.text(4), counts: c)
        }
    }

    public func retailers() throws -> [RetailerInfo] {
        try db.query("SELECT id, name, sector, countries FROM retailers ORDER BY id") {
            RetailerInfo(id: $0.text(0), name: $0.text(1), sector: $0.text(2), countries: $0.text(3).split(separator: ",").map(String.init))
        }
    }

    public func tally(weeks: ClosedRange<ISOWeek>) throws -> Tally {
        var t = Tally()
        let range: [SQLValue] = [.text(weeks.lowerBound.description), .text(weeks.upperBound.description)]
        func label(_ s: String) -> SentimentLabel { SentimentLabel(rawValue: s) ?? .neutral }
        func cell(_ n: Int, _ l: SentimentLabel, _ sum: Int64) -> TallyCell {
            var c = TallyCell()
            c.n = n; c.scoreSum = sum
            switch l { case .positive: c.positive = n; case .neutral: c.neutral = n; case .negative: c.negative = n }
            return c
        }
        // Volume and overall sentiment: every post, then per retailer.
        for row in try db.query("""
            SELECT week, label, count(*), sum(score) FROM posts WHERE week BETWEEN ? AND ? GROUP BY week, label ORDER BY week, label
            """, range, { ($0.text(0), $0.text(1), $0.int(2), Int64($0.int(3))) }) {
            guard let w = ISOWeek(row.0) else { continue }
            t.add(TallyKey(retailer: Tally.allPosts, week: w, aspect: nil), cell(row.2, label(row.1), row.3))
        }
        for row in try db.query("""
            SELECT p.week, r.retailer_id, p.label, count(*), sum(p.score) FROM posts p JOIN post_retailers r ON r.post_pk = p.pk
            WHERE p.week BETWEEN ? AND ? GROUP BY p.week, r.retailer_id, p.label ORDER BY p.week, r.retailer_id, p.label
            """, range, { ($0.text(0), $0.text(1), $0.text(2), $0.int(3), Int64($0.int(4))) }) {
            guard let w = ISOWeek(row.0) else { continue }
            t.add(TallyKey(retailer: row.1, week: w, aspect: nil), cell(row.3, label(row.2), row.4))
        }
        // Aspects.
        for row in try db.query("""
            SELECT p.week, a.aspect, a.label, count(*), sum(a.score) FROM posts p JOIN post_aspects a ON a.post_pk = p.pk
            WHERE p.week BETWEEN ? AND ? GROUP BY p.week, a.aspect, a.label ORDER BY p.week, a.aspect, a.label
            """, range, { ($0.text(0), $0.text(1), $0.text(2), $0.int(3), Int64($0.int(4))) }) {
            guard let w = ISOWeek(row.0), let a = Aspect(rawValue: row.1) else { continue }
            t.add(TallyKey(retailer: Tally.allPosts, week: w, aspect: a), cell(row.3, label(row.2), row.4))
        }
        for row in try db.query("""
            SELECT p.week, r.retailer_id, a.aspect, a.label, count(*), sum(a.score) FROM posts p
            JOIN post_retailers r ON r.post_pk = p.pk JOIN post_aspects a ON a.post_pk = p.pk
            WHERE p.week BETWEEN ? AND ? GROUP BY p.week, r.retailer_id, a.aspect, a.label ORDER BY p.week, r.retailer_id, a.aspect, a.label
            """, range, { ($0.text(0), $0.text(1), $0.text(2), $0.text(3), $0.int(4), Int64($0.int(5))) }) {
            guard let w = ISOWeek(row.0), let a = Aspect(rawValue: row.2) else { continue }
            t.add(TallyKey(retailer: row.1, week: w, aspect: a), cell(row.4, label(row.3), row.5))
        }
        // Drivers, by the aspect's label.
        func driverCell(_ d: Driver, _ l: SentimentLabel, _ n: Int) -> TallyCell {
            var c = TallyCell()
            c.drivers[d] = TallyCell.DriverCount(n: n, positive: l == .positive ? n : 0, negative: l == .negative ? n : 0)
            return c
        }
        for row in try db.query("""
            SELECT p.week, a.aspect, d.driver, a.label, count(*) FROM posts p JOIN post_aspects a ON a.post_pk = p.pk
            JOIN post_drivers d ON d.post_pk = p.pk AND d.aspect = a.aspect
            WHERE p.week BETWEEN ? AND ? GROUP BY p.week, a.aspect, d.driver, a.label ORDER BY p.week, a.aspect, d.driver, a.label
            """, range, { ($0.text(0), $0.text(1), $0.text(2), $0.text(3), $0.int(4)) }) {
            guard let w = ISOWeek(row.0), let a = Aspect(rawValue: row.1), let d = Driver(rawValue: row.2) else { continue }
            t.add(TallyKey(retailer: Tally.allPosts, week: w, aspect: a), driverCell(d, label(row.3), row.4))
        }
        for row in try db.query("""
            SELECT p.week, r.retailer_id, a.aspect, d.driver, a.label, count(*) FROM posts p
            JOIN post_retailers r ON r.post_pk = p.pk JOIN post_aspects a ON a.post_pk = p.pk
            JOIN post_drivers d ON d.post_pk = p.pk AND d.aspect = a.aspect
            WHERE p.week BETWEEN ? AND ?
            GROUP BY p.week, r.retailer_id, a.aspect, d.driver, a.label ORDER BY p.week, r.retailer_id, a.aspect, d.driver, a.label
            """, range, { ($0.text(0), $0.text(1), $0.text(2), $0.text(3), $0.text(4), $0.int(5)) }) {
            guard let w = ISOWeek(row.0), let a = Aspect(rawValue: row.2), let d = Driver(rawValue: row.3) else { continue }
            t.add(TallyKey(retailer: row.1, week: w, aspect: a), driverCell(d, label(row.4), row.5))
        }
        return t
    }

    public func examples(retailer: String, weeks: ClosedRange<ISOWeek>, driver: Driver, label: SentimentLabel, limit: Int) throws -> [ExamplePost] {
        let byRetailer = retailer != Tally.allPosts
        let sql = """
            SELECT p.source, p.id, p.week, p.author, p.text, a.score, a.label, p.lang FROM posts p
            JOIN post_aspects a ON a.post_pk = p.pk
            JOIN post_drivers d ON d.post_pk = p.pk AND d.aspect = a.aspect
            \(byRetailer ? "JOIN post_retailers r ON r.post_pk = p.pk AND r.retailer_id = ?" : "")
            WHERE d.driver = ? AND a.label = ? AND p.week BETWEEN ? AND ?
            ORDER BY (CASE WHEN p.text IS NULL THEN 1 ELSE 0 END), abs(a.score) DESC, p.week DESC, p.source, p.id LIMIT ?
            """
        var args: [SQLValue] = byRetailer ? [.text(retailer)] : []
        args += [.text(driver.rawValue), .text(label.rawValue), .text(weeks.lowerBound.description), .text(weeks.upperBound.description), .int(Int64(limit))]
        return try db.query(sql, args) { r in
            ExamplePost(source: r.text(0), id: r.text(1), week: r.text(2), author: r.optionalText(3), text: r.optionalText(4),
                        score: Int64(r.int(5)), label: SentimentLabel(rawValue: r.text(6)) ?? .neutral, lang: r.text(7))
        }
    }

    public func summary() throws -> StoreSummary {
        var s = StoreSummary()
        for r in try runs() {
            switch r.status {
            case .complete: s.runsComplete += 1
            case .interrupted, .running, .failed: s.runsInterrupted += 1
            }
            s.counts.read += r.counts.read; s.counts.analysed += r.counts.analysed; s.counts.skipped += r.counts.skipped
            s.counts.rejected += r.counts.rejected; s.counts.inserted += r.counts.inserted; s.counts.duplicates += r.counts.duplicates
        }
        s.erased = Int(try db.scalar("SELECT coalesce(sum(posts), 0) FROM erasures").int ?? 0)
        s.postsStored = Int(try db.scalar("SELECT count(*) FROM posts").int ?? 0)
        s.lexiconVersions = try db.query("SELECT DISTINCT lexicon_version FROM posts ORDER BY lexicon_version") { $0.text(0) }
        s.toolVersions = try db.query("SELECT DISTINCT tool_version FROM runs ORDER BY tool_version") { $0.text(0) }
        return s
    }

    public func window(weeks: ClosedRange<ISOWeek>) throws -> WindowSummary {
        var w = WindowSummary()
        let range: [SQLValue] = [.text(weeks.lowerBound.description), .text(weeks.upperBound.description)]
        w.posts = Int(try db.scalar("SELECT count(*) FROM posts WHERE week BETWEEN ? AND ?", range).int ?? 0)
        w.attributed = Int(try db.scalar("""
            SELECT count(*) FROM posts p WHERE p.week BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM post_retailers r WHERE r.post_pk = p.pk)
            """, range).int ?? 0)
        w.byLanguage = try db.query("SELECT lang, count(*) FROM posts WHERE week BETWEEN ? AND ? GROUP BY lang ORDER BY count(*) DESC, lang", range) {
            ($0.text(0), $0.int(1))
        }
        w.bySource = try db.query("SELECT source, count(*) FROM posts WHERE week BETWEEN ? AND ? GROUP BY source ORDER BY count(*) DESC, source", range) {
            ($0.text(0), $0.int(1))
        }
        return w
    }

    public func latestWeek() throws -> ISOWeek? {
        try db.scalar("SELECT max(week) FROM posts").text.flatMap(ISOWeek.init)
    }

    public func forget(authorPseudonym: String) throws -> ErasureReport {
        try erase(kind: "author", where: "author = ?", [.text(authorPseudonym)])
    }

    public func forget(source: String, id: String) throws -> ErasureReport {
        try erase(kind: "post", where: "source = ? AND id = ?", [.text(source), .text(id)])
    }

    public func sources(id: String) throws -> [String] {
        try db.query("SELECT source FROM posts WHERE id = ? ORDER BY source", [.text(id)]) { $0.text(0) }
    }

    private func erase(kind: String, where condition: String, _ args: [SQLValue]) throws -> ErasureReport {
        let report: ErasureReport = try db.transaction {
            var r = ErasureReport()
            let sub = "SELECT pk FROM posts WHERE \(condition)"
            r.driverRows = try db.run("DELETE FROM post_drivers WHERE post_pk IN (\(sub))", args)
            r.aspectRows = try db.run("DELETE FROM post_aspects WHERE post_pk IN (\(sub))", args)
            r.retailerRows = try db.run("DELETE FROM post_retailers WHERE post_pk IN (\(sub))", args)
            r.posts = try db.run("DELETE FROM posts WHERE \(condition)", args)
            if r.posts > 0 {
                try db.run("INSERT INTO erasures (kind, posts, derived) VALUES (?, ?, ?)", [.text(kind), .int(Int64(r.posts)), .int(Int64(r.derived))])
            }
            return r
        }
        // secure_delete zeroes freed pages; the checkpoint moves them out of the WAL file too.
        try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return report
    }
}

/// A JSON array of strings (deterministic).
func jsonArray(_ items: [String]) -> String {
    var j = JSONBuilder()
    j.raw("[")
    for (k, s) in items.enumerated() { if k > 0 { j.raw(",") }; j.string(s) }
    j.raw("]")
    return j.out
}

/// A JSON object of counts with sorted keys.
func jsonObject(_ items: [String: Int]) -> String {
    var j = JSONBuilder()
    j.raw("{")
    for (k, kv) in items.sorted(by: { $0.key < $1.key }).enumerated() { if k > 0 { j.raw(",") }; j.key(kv.key); j.raw(String(kv.value)) }
    j.raw("}")
    return j.out
}
