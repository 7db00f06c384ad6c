#if canImport(Glibc)
import Glibc
#endif
internal import CTillitCompress
import TillitCore

/// Compression formats recognised from their magic bytes.
public enum Compression: String, Sendable {
    case none, gzip, zstd, bzip2, xz

    static func detect(_ b: ArraySlice<UInt8>) -> Compression {
        let a = Array(b.prefix(6))
        if a.count >= 2, a[0] == 0x1F, a[1] == 0x8B { return .gzip }
        if a.count >= 4, a[0] == 0x28, a[1] == 0xB5, a[2] == 0x2F, a[3] == 0xFD { return .zstd }
        if a.count >= 3, a[0] == 0x42, a[1] == 0x5A, a[2] == 0x68 { return .bzip2 }
        if a.count >= 6, a == [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00] { return .xz }
        return .none
    }
}

/// A fatal problem reading an input (cannot open, corrupt or truncated compressed stream).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public init(file: String, reason: String) { self.file = file; self.reason = reason }
    public var description: String { "\(file): \(reason)" }
}

/// Streams the bytes of a file or stdin (`-`), transparently decompressing gzip (multi-member), zstd
/// (windows up to 2 GiB), bzip2 and xz. Memory stays bounded by the chunk size whatever the input.
public final class ByteSource {
    public let name: String
    public private(set) var compression: Compression = .none
    private let fd: Int32
    private let ownsFD: Bool
    private var raw: [UInt8]
    private var rawStart = 0
    private var rawEnd = 0
    private var rawEOF = false
    private var decoder: OpaquePointer?
    /// Total bytes read from the underlying file (compressed).
    public private(set) var bytesIn: Int64 = 0
    public static let chunkSize = 1 << 20
    /// Test hook: when set, every `read(into:)` returns a seeded random number of bytes (1...maximum),
    /// so tests can prove that readers give the same records whatever chunk sizes the bytes arrive in.
    var chunking: ChunkSizer?

    public init(path: String) throws(ImportError) {
        name = path
        if path == "-" { fd = 0; ownsFD = false } else {
            let f = open(path, O_RDONLY)
            guard f >= 0 else { throw ImportError(file: path, reason: errnoText()) }
            var st = stat()
            if fstat(f, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { close(f); throw ImportError(file: path, reason: "is a directory") }
            fd = f; ownsFD = true
        }
        raw = [UInt8](repeating: 0, count: ByteSource.chunkSize)
        try fill()
        compression = Compression.detect(raw[rawStart..<rawEnd])
        let kind: Int32
        switch compression {
        case .none: kind = 0
        case .gzip: kind = Int32(TILLIT_GZIP)
        case .zstd: kind = Int32(TILLIT_ZSTD)
        case .bzip2: kind = Int32(TILLIT_BZIP2)
        case .xz: kind = Int32(TILLIT_XZ)
        }
        if kind != 0 {
            guard let d = tillit_dec_open(kind) else { throw ImportError(file: path, reason: "cannot start \(compression.rawValue) decoder") }
            decoder = d
        }
    }

    deinit {
        if let d = decoder { tillit_dec_close(d) }
        if ownsFD { close(fd) }
    }

    private func fill() throws(ImportError) {
        if rawStart > 0 {
            let n = rawEnd - rawStart
            if n > 0 { raw.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + rawStart, n) } }
            rawEnd = n; rawStart = 0
        }
        while rawEnd < raw.count, !rawEOF {
            let n = raw.withUnsafeMutableBufferPointer { p in Glibc.read(fd, p.baseAddress! + rawEnd, p.count - rawEnd) }
            if n < 0 { if errno == EINTR { continue }; throw ImportError(file: name, reason: errnoText()) }
            if n == 0 { rawEOF = true; break }
            rawEnd += n; bytesIn += Int64(n)
            if fd == 0 { break } // stdin: do not wait for a full buffer
        }
    }

    private var pending: [UInt8] = []
    private var pendingPos = 0

    /// The first `n` decompressed bytes still to be read (or fewer at end of input), without consuming them.
    public func peek(_ n: Int) throws(ImportError) -> [UInt8] {
        if pendingPos > 0 { pending.removeFirst(pendingPos); pendingPos = 0 }
        while pending.count < n {
            var buf = [UInt8](repeating: 0, count: n - pending.count)
            let k = try buf.withUnsafeMutableBufferPointer { (b) throws(ImportError) -> Int in try readDecoded(into: b) }
            if k == 0 { break }
            pending.append(contentsOf: buf[0..<k])
        }
        return Array(pending.prefix(n))
    }

    /// Reads up to `buffer.count` decompressed bytes into `buffer`; returns 0 at the end of input.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportError) -> Int {
        var buffer = buffer
        if var c = chunking {
            let k = c.nextSize()
            chunking = c
            if buffer.count > k { buffer = UnsafeMutableBufferPointer(rebasing: buffer[0..<k]) }
        }
        if pendingPos < pending.count {
            let n = min(buffer.count, pending.count - pendingPos)
            for k in 0..<n { buffer[k] = pending[pendingPos + k] }
            pendingPos += n
            if pendingPos == pending.count { pending = []; pendingPos = 0 }
            return n
        }
        return try readDecoded(into: buffer)
    }

    private func readDecoded(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportError) -> Int {
        if buffer.isEmpty { return 0 }
        while true {
            if rawStart == rawEnd, !rawEOF, decoder != nil { try fill() }
            guard let d = decoder else {
                if rawStart == rawEnd {
                    if rawEOF { return 0 }
                    // Plain input: read straight into the caller's buffer (no copy through `raw`).
                    while true {
                        let n = Glibc.read(fd, buffer.baseAddress!, buffer.count)
                        if n < 0 { if errno == EINTR { continue }; throw ImportError(file: name, reason: errnoText()) }
                        if n == 0 { rawEOF = true }
                        bytesIn += Int64(n)
                        return n
                    }
                }
                let n = min(buffer.count, rawEnd - rawStart)
                raw.withUnsafeBufferPointer { p in _ = memcpy(buffer.baseAddress!, p.baseAddress! + rawStart, n) }
                rawStart += n
                return n
            }
            if rawStart == rawEnd, rawEOF {
                if tillit_dec_at_boundary(d) == 0 {
                    throw ImportError(file: name, reason: "truncated \(compression.rawValue) stream (ends inside a compressed member after \(bytesIn) bytes)")
                }
                return 0
            }
            var used = 0, made = 0
            let rc = raw.withUnsafeBufferPointer { p in
                tillit_dec_run(d, p.baseAddress! + rawStart, rawEnd - rawStart, &used, buffer.baseAddress!, buffer.count, &made)
            }
            rawStart += used
            if rc != 0 {
                throw ImportError(file: name, reason: "corrupt \(compression.rawValue) data: \(String(cString: tillit_dec_error(d))) (after \(bytesIn) compressed bytes)")
            }
            if made > 0 { return made }
            if used == 0, rawStart < rawEnd, !rawEOF { try fill() }
            if used == 0, made == 0, rawEOF, rawStart < rawEnd {
                throw ImportError(file: name, reason: "trailing garbage after \(compression.rawValue) stream")
            }
        }
    }

    /// Reads everything (for formats that need the whole document), bounded by `limit` bytes.
    public func readAll(limit: Int) throws(ImportError) -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try buf.withUnsafeMutableBufferPointer { (b) throws(ImportError) -> Int in try read(into: b) }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
            if out.count > limit { throw ImportError(file: name, reason: "document larger than \(limit) bytes") }
        }
        return out
    }
}

/// A seeded source of chunk sizes for the chunking test hook (SplitMix64).
struct ChunkSizer: Sendable {
    var random: SplitMix64
    let maximum: Int
    init(seed: UInt64, maximum: Int) { random = SplitMix64(seed: seed); self.maximum = max(1, maximum) }
    mutating func nextSize() -> Int { 1 + Int(random.next() % UInt64(maximum)) }
}

func errnoText() -> String { String(cString: strerror(errno)) }
