#if canImport(Glibc)
import Glibc
#endif

/// A buffered output to stdout (`-`) or to a file that appears only when complete: data goes to
/// `FILE.partial-PID` and is renamed over `FILE` on `commit()`; `discard()` (or deinit without commit)
/// removes the partial file, so nothing half-written is left behind.
public final class OutputFile {
    public let path: String
    private let tempPath: String?
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var committed = false
    public static let bufferSize = 1 << 16

    public init(path: String) throws(FileError) {
        self.path = path
        if path == "-" {
            fd = 1; tempPath = nil
        } else {
            let tmp = path + ".partial-\(getpid())"
            let f = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard f >= 0 else { throw FileError(path: path, reason: String(cString: strerror(errno))) }
            fd = f; tempPath = tmp
        }
        buffer.reserveCapacity(OutputFile.bufferSize * 2)
    }

    deinit { if !committed { discard() } }

    public func write(_ s: String) throws(FileError) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= OutputFile.bufferSize { try flush() }
    }

    public func write(_ bytes: [UInt8]) throws(FileError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= OutputFile.bufferSize { try flush() }
    }

    public func flush() throws(FileError) {
        var off = 0
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: String(cString: strerror(errno)))
            }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for files, atomically moves the finished file into place.
    public func commit() throws(FileError) {
        try flush()
        committed = true
        guard let tmp = tempPath else { return }
        if fsync(fd) != 0 { throw FileError(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
        if rename(tmp, path) != 0 { throw FileError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Drops a partial file.
    public func discard() {
        committed = true
        if let tmp = tempPath { close(fd); unlink(tmp) }
    }
}
