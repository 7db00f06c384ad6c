import ArgumentParser
import TillitStore
import TillitImport
#if canImport(Glibc)
import Glibc
#endif

/// The store a command reads or writes.
struct StoreOptions: ParsableArguments {
    static let defaultPath = "out/tillit.sqlite"

    @Option(name: .customLong("db"), help: ArgumentHelp("The store: a SQLite file (created by ingest when missing).", discussion: "Default: \(StoreOptions.defaultPath).", valueName: "PATH"))
    var path: String = StoreOptions.defaultPath

    /// Opens the store; `create` makes it (and its directory) when missing.
    func open(create: Bool) throws -> SQLiteStore {
        if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") {
            throw TillitFailure(status: .usage, message: "PostgreSQL stores are not supported yet (docs/store.md); use a SQLite file path")
        }
        if create, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try FileBytes.makeDirectories(String(path[..<slash]))
        }
        do {
            return try SQLiteStore(path: path, create: create)
        } catch let e as StoreError {
            throw TillitFailure(status: .fatal, message: e.message)
        } catch let e as DatabaseError {
            throw TillitFailure(status: .fatal, message: "\(path): \(e.description)")
        }
    }
}

/// Set by SIGINT/SIGTERM; long-running commands stop at the next safe point.
nonisolated(unsafe) var stopRequested: sig_atomic_t = 0

func installStopHandler() {
    signal(SIGINT) { _ in stopRequested = 1 }
    signal(SIGTERM) { _ in stopRequested = 1 }
}

/// `--author-key FILE` for commands that write records outside a store.
enum AuthorKey {
    static func pseudonymizer(_ path: String) throws -> (String) -> String {
        do {
            let p = Pseudonymizer(key: try Pseudonymizer.keyFile(path))
            return { p.pseudonym($0) }
        } catch {
            throw TillitFailure(status: .fatal, message: "\(error)")
        }
    }
}
