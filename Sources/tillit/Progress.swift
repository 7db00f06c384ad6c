#if canImport(Glibc)
import Glibc
#endif
import TillitCore
import TillitImport

/// Progress on stderr for long runs, only when stderr is a terminal: bytes read of the total, posts,
/// rate and ETA, redrawn at most once a second on one line. Silent otherwise (pipes, CI, files).
final class Progress {
    let enabled: Bool
    let watcher = SourceWatcher()
    let totalBytes: Int64
    let started = Clock.now()
    var last = 0.0
    var doneBytes: Int64 = 0
    var lastSource: ObjectIdentifier?

    init(enabled: Bool, inputs: [String]) {
        self.enabled = enabled
        var total: Int64 = 0
        for p in inputs where p != "-" {
            var st = stat()
            if stat(p, &st) == 0 { total += Int64(st.st_size) }
        }
        totalBytes = total
    }

    func tick(posts: Int) {
        guard enabled else { return }
        let now = Clock.now()
        guard now - last >= 1 else { return }
        last = now
        let read = watcher.bytesRead + doneBytes
        let elapsed = max(now - started, 0.001)
        let rate = Double(read) / 1e6 / elapsed
        var line = "\rtillit: \(formatFixed(Double(read) / 1e6, 1)) MB"
        if totalBytes > 0 {
            let frac = min(1, Double(read) / Double(totalBytes))
            line += " of \(formatFixed(Double(totalBytes) / 1e6, 1)) MB (\(formatFixed(frac * 100, 1)) %)"
            if frac > 0.001 {
                let eta = Int(elapsed / frac - elapsed)
                line += ", ETA \(eta / 60):\(eta % 60 < 10 ? "0" : "")\(eta % 60)"
            }
        }
        line += ", \(posts) posts, \(formatFixed(rate, 1)) MB/s, \(Int(Double(posts) / elapsed)) posts/s   "
        Diagnostics.raw(line)
    }

    func finish(posts: Int) {
        guard enabled, last > 0 else { return }
        Diagnostics.raw("\n")
    }
}
