import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// Keyed pseudonyms for authors: `a:` + the first 16 hex digits of HMAC-SHA256(key, handle).
///
/// The handle is normalised first (surrounding spaces and a leading `@` dropped, lower-cased), so
/// `@Anna` and `anna` are one person. Without the key a pseudonym cannot be linked back to a handle or
/// recomputed from a list of candidate handles; with it, `tillit forget --author HANDLE` finds the posts.
///
///     Pseudonymizer(key: Array(repeating: 7, count: 32)).pseudonym("@Anna")  // "a:" + 16 hex digits
public struct Pseudonymizer: Sendable {
    private let key: SymmetricKey

    public init(key: [UInt8]) { self.key = SymmetricKey(data: key) }

    public static func normalize(_ handle: String) -> String {
        var h = Substring(handle)
        while let f = h.first, f.isWhitespace { h.removeFirst() }
        while let l = h.last, l.isWhitespace { h.removeLast() }
        if h.hasPrefix("@") { h.removeFirst() }
        return h.lowercased()
    }

    public func pseudonym(_ handle: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(Pseudonymizer.normalize(handle).utf8), using: key)
        let hex: [Character] = Array("0123456789abcdef")
        var out = "a:"
        for b in mac.prefix(8) { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
        return out
    }

    /// Reads a key file, creating it with 32 random bytes (mode 0600) when missing.
    public static func keyFile(_ path: String) throws -> [UInt8] {
        if let f = fopen(path, "rb") {
            defer { fclose(f) }
            var buf = [UInt8](repeating: 0, count: 256)
            let n = fread(&buf, 1, buf.count, f)
            guard n >= 32 else { throw StoreError("\(path): key file is shorter than 32 bytes") }
            return Array(buf[0..<n])
        }
        var rng = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw StoreError("\(path): cannot create key file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = key.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == key.count, fsync(fd) == 0 else { throw StoreError("\(path): cannot write key file") }
        return key
    }
}
