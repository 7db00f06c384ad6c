internal import CTillitSQLite

/// A value bound to or read from SQL.
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])

    public var int: Int64? { if case .int(let v) = self { v } else if case .double(let d) = self { Int64(d) } else { nil } }
    public var double: Double? { if case .double(let v) = self { v } else if case .int(let i) = self { Double(i) } else { nil } }
    public var text: String? { if case .text(let v) = self { v } else { nil } }
    public var blob: [UInt8]? { if case .blob(let v) = self { v } else if case .text(let s) = self { Array(s.utf8) } else { nil } }
    public var isNull: Bool { self == .null }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral v: Int64) { self = .int(v) }
    public init(stringLiteral v: String) { self = .text(v) }
    public init(_ s: String?) { self = s.map { .text($0) } ?? .null }
    public init(_ i: Int?) { self = i.map { .int(Int64($0)) } ?? .null }
    public init(_ d: Double?) { self = d.map { .double($0) } ?? .null }
}

/// A failure reported by SQLite, with the statement that caused it.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public var code: Int32
    public var message: String
    public var sql: String
    public var description: String { sql.isEmpty ? "database: \(message)" : "database: \(message) (in: \(sql.prefix(120)))" }
}

/// One SQLite connection (a `final class` owning the C handle, closed in `deinit`).
///
/// Prepared statements are cached by their SQL text. Writers use WAL journaling and a busy timeout, so a
/// reader (a report) and a writer (an ingest) can use one file at the same time, and a crash at any
/// moment leaves the last committed transaction intact.
///
///     let db = try Database(path: ":memory:")
///     try db.execute("CREATE TABLE t(x)"); try db.run("INSERT INTO t VALUES (?)", [.int(1)])
///     try db.query("SELECT x FROM t") { $0.int(0) }  // [1]
public final class Database {
    public let path: String
    private let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    private var depth = 0

    /// Opens `path`; `create` makes the file when missing; `readonly` opens without write access.
    public init(path: String, create: Bool = true, readonly: Bool = false, busyTimeoutMs: Int32 = 30_000) throws(DatabaseError) {
        self.path = path
        var err = [CChar](repeating: 0, count: 512)
        guard let h = tillit_sql_open(path, create ? 1 : 0, readonly ? 1 : 0, &err, 512) else {
            let msg = String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw DatabaseError(code: -1, message: "\(path): \(msg)", sql: "")
        }
        handle = h
        tillit_sql_busy_timeout(h, busyTimeoutMs)
        if !readonly && path != ":memory:" {
            // WAL: readers never block the writer; synchronous=NORMAL is durable at each checkpoint and
            // never corrupts (SQLite's documented guarantee for WAL). secure_delete overwrites erased rows.
            try execute("PRAGMA journal_mode=WAL")
            try execute("PRAGMA synchronous=NORMAL")
        }
        try execute("PRAGMA foreign_keys=ON")
        try execute("PRAGMA secure_delete=ON")
    }

    deinit {
        cache.removeAll()
        tillit_sql_close(handle)
    }

    /// SQLite's library version ("3.40.1").
    public static var libraryVersion: String { String(cString: tillit_sql_version()) }

    var lastMessage: String { String(cString: tillit_sql_errmsg(handle)) }

    /// Runs statements that return no rows (several may be separated by `;`).
    public func execute(_ sql: String) throws(DatabaseError) {
        let rc = tillit_sql_exec(handle, sql)
        guard rc == 0 else { throw DatabaseError(code: rc, message: lastMessage, sql: sql) }
    }

    /// The cached prepared statement for `sql`.
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        if let s = cache[sql] { return s }
        let n = Int32(sql.utf8.count)
        guard let st = tillit_sql_prepare(handle, sql, n) else { throw DatabaseError(code: -1, message: lastMessage, sql: sql) }
        let s = Statement(stmt: st, sql: sql, db: self)
        cache[sql] = s
        return s
    }

    /// Runs one statement with arguments; returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ args: [SQLValue] = []) throws(DatabaseError) -> Int {
        let s = try prepare(sql)
        try s.bind(args)
        defer { s.reset() }
        while try s.step() {}
        return Int(tillit_sql_changes(handle))
    }

    /// Runs a query and maps each row.
    public func query<T>(_ sql: String, _ args: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        let s = try prepare(sql)
        try s.bind(args)
        defer { s.reset() }
        var out: [T] = []
        while try s.step() { out.append(try map(Row(statement: s))) }
        return out
    }

    /// The first column of the first row, if any.
    public func scalar(_ sql: String, _ args: [SQLValue] = []) throws(DatabaseError) -> SQLValue {
        let s = try prepare(sql)
        try s.bind(args)
        defer { s.reset() }
        return try s.step() ? Row(statement: s)[0] : .null
    }

    public var lastInsertRowID: Int64 { tillit_sql_last_rowid(handle) }

    /// Runs `body` in a transaction (`BEGIN IMMEDIATE`: the write lock is taken at once, so two writers
    /// wait for each other instead of failing at commit). Nested calls join the outer transaction.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if depth > 0 { depth += 1; defer { depth -= 1 }; return try body() }
        try execute("BEGIN IMMEDIATE")
        depth = 1
        do {
            let v = try body()
            depth = 0
            try execute("COMMIT")
            return v
        } catch {
            depth = 0
            try? execute("ROLLBACK")
            throw error
        }
    }

    fileprivate func error(_ rc: Int32, _ sql: String) -> DatabaseError { DatabaseError(code: rc, message: lastMessage, sql: sql) }
}

/// A prepared statement (owned by its `Database`'s cache).
public final class Statement {
    let stmt: OpaquePointer
    public let sql: String
    unowned let db: Database

    init(stmt: OpaquePointer, sql: String, db: Database) { self.stmt = stmt; self.sql = sql; self.db = db }
    deinit { tillit_sql_finalize(stmt) }

    public func bind(_ args: [SQLValue]) throws(DatabaseError) {
        for (k, v) in args.enumerated() {
            let i = Int32(k + 1)
            let rc: Int32
            switch v {
            case .null: rc = tillit_sql_bind_null(stmt, i)
            case .int(let x): rc = tillit_sql_bind_int64(stmt, i, x)
            case .double(let x): rc = tillit_sql_bind_double(stmt, i, x)
            case .text(let s):
                var s = s
                rc = s.withUTF8 { tillit_sql_bind_text(stmt, i, $0.baseAddress, Int32($0.count)) }
            case .blob(let b): rc = b.withUnsafeBufferPointer { tillit_sql_bind_blob(stmt, i, $0.baseAddress, Int32($0.count)) }
            }
            guard rc == 0 else { throw db.error(rc, sql) }
        }
    }

    /// Advances; true when a row is available.
    public func step() throws(DatabaseError) -> Bool {
        let rc = tillit_sql_step(stmt)
        if rc == Int32(TILLIT_SQL_ROW) { return true }
        if rc == Int32(TILLIT_SQL_DONE) { return false }
        throw db.error(rc, sql)
    }

    public func reset() { _ = tillit_sql_reset(stmt) }

    var columnCount: Int { Int(tillit_sql_column_count(stmt)) }

    func value(_ col: Int) -> SQLValue {
        let c = Int32(col)
        switch tillit_sql_column_type(stmt, c) {
        case Int32(TILLIT_SQL_INTEGER): return .int(tillit_sql_column_int64(stmt, c))
        case Int32(TILLIT_SQL_FLOAT): return .double(tillit_sql_column_double(stmt, c))
        case Int32(TILLIT_SQL_TEXT):
            var n: Int32 = 0
            guard let p = tillit_sql_column_bytes(stmt, c, &n) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: p, count: Int(n)), as: UTF8.self))
        case Int32(TILLIT_SQL_BLOB):
            var n: Int32 = 0
            guard let p = tillit_sql_column_bytes(stmt, c, &n) else { return .blob([]) }
            return .blob(Array(UnsafeBufferPointer(start: p, count: Int(n))))
        default: return .null
        }
    }
}

/// The current row of a query.
public struct Row {
    let statement: Statement
    public subscript(_ col: Int) -> SQLValue { statement.value(col) }
    public func int(_ col: Int) -> Int { Int(statement.value(col).int ?? 0) }
    public func double(_ col: Int) -> Double { statement.value(col).double ?? 0 }
    public func text(_ col: Int) -> String { statement.value(col).text ?? "" }
    public func optionalText(_ col: Int) -> String? { statement.value(col).text }
    public var count: Int { statement.columnCount }
}
