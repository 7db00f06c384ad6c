#if canImport(Glibc)
import Glibc
#endif
/// Splits a `ByteSource` into lines (LF or CRLF), with 1-based line numbers, in bounded memory.
/// A line longer than `maximumLine` is reported as overlong and skipped to its end.
public final class LineReader {
    public let source: ByteSource
    public let maximumLine: Int
    // Hot buffers: accessed only from this class, never overlapping (no dynamic exclusivity checks).
    @exclusivity(unchecked) private var buf: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    public private(set) var lineNumber = 0

    public enum Line {
        case line(UnsafeBufferPointer<UInt8>)
        /// A line over the limit; its bytes were discarded. `prefix` holds its first bytes for diagnostics.
        case overlong(length: Int, prefix: [UInt8])
    }

    public init(source: ByteSource, maximumLine: Int = 64 << 20) {
        self.source = source; self.maximumLine = maximumLine
        buf = [UInt8](repeating: 0, count: 1 << 20)
    }

    /// Whether the last line returned had no terminating newline (e.g. a collector killed mid-write).
    public private(set) var lastLineUnterminated = false

    /// Calls `body` with the next line (valid only inside the call); returns false at end of input.
    public func next(_ body: (Line) throws -> Void) throws -> Bool {
        var overlong = 0
        var prefix: [UInt8] = []
        while true {
            // Search for a newline in the buffered bytes.
            let nl: Int? = buf.withUnsafeBufferPointer { p -> Int? in
                guard end > start else { return nil }
                guard let r = memchr(p.baseAddress! + start, 10, end - start) else { return nil }
                return start + (UnsafeRawPointer(r) - UnsafeRawPointer(p.baseAddress! + start))
            }
            if let nl {
                lineNumber += 1
                lastLineUnterminated = false
                if overlong > 0 {
                    let total = overlong + (nl - start)
                    start = nl + 1
                    try body(.overlong(length: total, prefix: prefix))
                    return true
                }
                var e = nl
                if e > start, buf[e - 1] == 13 { e -= 1 }
                let s = start
                start = nl + 1
                try buf.withUnsafeBufferPointer { p in try body(.line(UnsafeBufferPointer(rebasing: p[s..<e]))) }
                return true
            }
            if eof {
                guard end > start || overlong > 0 else { return false }
                lineNumber += 1
                lastLineUnterminated = true
                let s = start, e = end
                start = end
                if overlong > 0 { try body(.overlong(length: overlong + (e - s), prefix: prefix)); return true }
                var ee = e
                if ee > s, buf[ee - 1] == 13 { ee -= 1 }
                try buf.withUnsafeBufferPointer { p in try body(.line(UnsafeBufferPointer(rebasing: p[s..<ee]))) }
                return true
            }
            // Need more data: compact, grow (up to the limit) or drop an overlong line.
            if start > 0 {
                let n = end - start
                buf.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + start, n) }
                end = n; start = 0
            }
            if end == buf.count {
                if buf.count < maximumLine {
                    buf.append(contentsOf: repeatElement(0, count: min(buf.count, maximumLine - buf.count + 1)))
                } else {
                    if overlong == 0 { prefix = Array(buf[0..<min(200, end)]) }
                    overlong += end
                    end = 0
                }
            }
            let n = try buf.withUnsafeMutableBufferPointer { (p) throws(ImportError) -> Int in
                try source.read(into: UnsafeMutableBufferPointer(rebasing: p[end...]))
            }
            if n == 0 { eof = true } else { end += n }
        }
    }
}
