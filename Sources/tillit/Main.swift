import ArgumentParser
import TillitImport
#if canImport(Glibc)
import Glibc
#endif

/// Exit codes (docs/exit-codes.md): 0 ok, 1 usage, 2 some records rejected, 3 fatal.
enum ExitStatus: Int32 {
    case ok = 0, usage = 1, rejected = 2, fatal = 3, interrupted = 130
}

/// A failure that ends the command with a documented exit code and a message on stderr.
struct TillitFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var message: String
    var description: String { message }
}

@main
struct Main {
    static func main() {
        do {
            var command = try Tillit.parseAsRoot()
            try command.run()
            exit(0)
        } catch let f as TillitFailure {
            Diagnostics.error(f.message)
            exit(f.status.rawValue)
        } catch let e as FileError {
            Diagnostics.error(e.description)
            exit(ExitStatus.fatal.rawValue)
        } catch let e as ImportError {
            Diagnostics.error(e.description)
            exit(ExitStatus.fatal.rawValue)
        } catch {
            let code = Tillit.exitCode(for: error)
            if code == .success {
                Tillit.exit(withError: error) // --help, --version: prints and exits 0
            }
            let message = Tillit.fullMessage(for: error)
            if !message.isEmpty { Diagnostics.raw(message + "\n") }
            exit(code == .validationFailure ? ExitStatus.usage.rawValue : ExitStatus.fatal.rawValue)
        }
    }
}

/// Diagnostics go to stderr, data to stdout.
enum Diagnostics {
    static func error(_ s: String) { raw("tillit: error: \(s)\n") }
    static func warning(_ s: String) { raw("tillit: warning: \(s)\n") }
    static func note(_ s: String) { raw("tillit: \(s)\n") }
    static func raw(_ s: String) {
        var s = s
        s.withUTF8 { b in
            var off = 0
            while off < b.count {
                let n = write(2, b.baseAddress! + off, b.count - off)
                if n <= 0 { return }
                off += n
            }
        }
    }
}
