import ArgumentParser
import TillitImport
#if canImport(Glibc)
import Glibc
#endif

struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the input formats, one line each.",
        discussion: "Compression (gzip, zstd, bzip2, xz) is recognised from the bytes for every format; --format auto recognises the format from content."
    )

    /// Import throughput (no analysis), for scripts/bench-import.sh.
    @Option(name: .customLong("bench"), help: .hidden)
    var bench: String?
    @Option(name: .customLong("format"), help: .hidden)
    var format: String = "auto"

    func run() throws {
        if let path = bench { return try runBench(path) }
        let w = Formats.all.map(\.name.count).max() ?? 8
        for f in Formats.all { print(f.name + String(repeating: " ", count: w - f.name.count + 2) + f.summary) }
    }

    func runBench(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else { throw TillitFailure(status: .fatal, message: "\(path): cannot stat") }
        var t0 = timespec(), t1 = timespec(), c0 = timespec(), c1 = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t0)
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0)
        let (reader, fmt) = try Formats.open(path: path, format: format, options: ImportOptions())
        var posts = 0, skipped = 0, rejected = 0, textBytes = 0
        while let e = try reader.next() {
            switch e {
            case .post(let p): posts += 1; textBytes += p.text.utf8.count
            case .skipped: skipped += 1
            case .rejected: rejected += 1
            }
        }
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1)
        clock_gettime(CLOCK_MONOTONIC, &t1)
        let wall = Double(t1.tv_sec - t0.tv_sec) + Double(t1.tv_nsec - t0.tv_nsec) / 1e9
        let cpu = Double(c1.tv_sec - c0.tv_sec) + Double(c1.tv_nsec - c0.tv_nsec) / 1e9
        let mb = Double(st.st_size) / 1e6
        func f(_ x: Double, _ digits: Int) -> String {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let v = Int((x * scale).rounded())
            let frac = String(v % Int(scale))
            return "\(v / Int(scale))." + String(repeating: "0", count: digits - frac.count) + frac
        }
        print("import \(fmt): \(st.st_size) bytes; wall \(f(wall, 3)) s = \(f(mb / wall, 1)) MB/s; cpu \(f(cpu, 3)) s = \(f(mb / cpu, 1)) MB/s per core; "
              + "posts \(posts), skipped \(skipped), rejected \(rejected), text \(textBytes) bytes")
    }
}
