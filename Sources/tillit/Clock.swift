#if canImport(Glibc)
import Glibc
#endif
import TillitImport
import TillitAnalysis

/// Wall-clock seconds and peak memory, for `--timings` diagnostics only (never in data outputs).
enum Clock {
    static func now() -> Double { monotonicSeconds() }

    /// Peak resident set size (VmHWM) in MB, from /proc/self/status.
    static func peakMemoryMB() -> Int {
        guard let s = try? FileBytes.readString("/proc/self/status") else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}
