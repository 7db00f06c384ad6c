#if canImport(Glibc)
import Glibc
#endif

/// Golden-file helper for tests: compares `actual` with `Tests/Fixtures/golden/<name>` byte for byte.
/// When the file is missing, or `TILLIT_RECORD_GOLDEN=1`, it writes the file and reports a recording.
public enum Golden {
    public enum Outcome: Equatable { case matched, recorded, mismatch(expected: String) }

    public static var root: String { packageRoot() + "/Tests/Fixtures/golden" }

    public static func check(_ name: String, _ actual: String) -> Outcome {
        let path = root + "/" + name
        let record = getenv("TILLIT_RECORD_GOLDEN").map { String(cString: $0) } == "1"
        if !record, let expected = readFile(path) {
            return expected == actual ? .matched : .mismatch(expected: expected)
        }
        writeFile(path, actual)
        return .recorded
    }

    /// The package root: the working directory of `swift test`, or found upwards from it.
    public static func packageRoot() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, 4096) != nil else { return "." }
        var dir = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while !dir.isEmpty {
            if access(dir + "/Package.swift", F_OK) == 0 { return dir }
            dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)])
        }
        return "."
    }

    public static func readFile(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func writeFile(_ path: String, _ s: String) {
        let dir = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        _ = mkdir(dir, 0o755)
        guard let f = fopen(path, "wb") else { return }
        let bytes = Array(s.utf8)
        _ = fwrite(bytes, 1, bytes.count, f)
        fclose(f)
    }

    /// Writes bytes to a fresh temporary file and returns its path.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String = "") -> String {
        var template = Array("/tmp/tillit-test-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if fd >= 0 {
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        if suffix.isEmpty { return path }
        rename(path, path + suffix)
        return path + suffix
    }
}
