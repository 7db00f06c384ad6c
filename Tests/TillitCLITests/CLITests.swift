import Testing
import TillitTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `tillit` executable (debug build beside the tests) and captures its output.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

func tillit(_ args: [String], stdin: String? = nil) -> Run {
    let root = Golden.packageRoot()
    let bin = root + "/.build/debug/tillit"
    let outPath = Golden.temporaryFile([]), errPath = Golden.temporaryFile([])
    let inPath = Golden.temporaryFile(Array((stdin ?? "").utf8))
    var command = "cd '\(root)' && '\(bin)'"
    for a in args { command += " '" + a.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'" }
    command += " <'\(inPath)' >'\(outPath)' 2>'\(errPath)'"
    let raw = system(command)
    let status = (raw >> 8) & 0xFF
    defer { unlink(outPath); unlink(errPath); unlink(inPath) }
    return Run(status: status, stdout: Golden.readFile(outPath) ?? "", stderr: Golden.readFile(errPath) ?? "")
}

@Suite(.serialized) struct CLITests {
    @Test("--help teaches with examples and exit codes; exit 0")
    func help() {
        let r = tillit(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("EXAMPLES") && r.stdout.contains("EXIT CODES"))
        #expect(tillit(["analyze", "--help"]).stdout.contains("--text-column"))
    }

    @Test("usage errors exit 1 with the message on stderr")
    func usage() {
        let r = tillit(["analyze", "--output-format", "xml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--output-format"))
        #expect(r.stdout.isEmpty)
    }

    @Test("a missing file is fatal: exit 3, file named")
    func missing() {
        let r = tillit(["analyze", "/nonexistent/posts.ndjson"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("/nonexistent/posts.ndjson"))
    }

    @Test("stdin NDJSON: records out, reconciliation on stderr, rejects reconcile and exit 2")
    func reconcile() {
        let dir = Golden.temporaryFile([])
        unlink(dir)
        let rejects = dir + ".rejects.jsonl"
        let input = "{\"id\":\"1\",\"text\":\"Jag gillar inte ICA\"}\n{broken\n{\"id\":\"3\",\"text\":\"\"}\n{\"id\":\"4\",\"text\":\"Love it\"}\n"
        let r = tillit(["analyze", "-", "--format", "ndjson", "--rejects", rejects], stdin: input)
        #expect(r.status == 2)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("{\"id\":\"1\",\"source\":\"ndjson\",\"lang\":") == true)
        #expect(r.stderr.contains("read 4 = analysed 2 + skipped 1 + rejected 1"))
        let rejected = Golden.readFile(rejects) ?? ""
        #expect(rejected.contains("\"line\":2") && rejected.contains("invalid JSON"))
        unlink(rejects)
    }

    @Test("CSV output has a header and one row per post; output files appear only when complete")
    func csvOut() {
        let out = Golden.temporaryFile([], suffix: ".csv")
        let input = "id,text\n1,\"Bra, men dyrt\"\n"
        let r = tillit(["analyze", "-", "--format", "csv", "--output-format", "csv", "-o", out], stdin: input)
        #expect(r.status == 0)
        let text = Golden.readFile(out) ?? ""
        #expect(text.hasPrefix("id,source,lang,"))
        #expect(text.split(separator: "\r\n").count == 2)
        unlink(out)
    }

    @Test("explain prints tokens, items and the score")
    func explain() {
        let r = tillit(["explain", "Jag gillar inte det", "--lang", "sv"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("tokens") && r.stdout.contains("negation") && r.stdout.contains("sentiment "))
    }

    @Test("formats lists one line per format")
    func formats() {
        let r = tillit(["formats"])
        #expect(r.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }.contains("ndjson"))
    }
}
