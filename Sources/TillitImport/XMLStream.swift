#if canImport(Glibc)
import Glibc
#endif
internal import CTillitXML

/// A pull reader over libxml2's streaming `xmlTextReader`, fed from a `ByteSource`.
///
/// The network and external entities are never used (`XML_PARSE_NONET`, an external-entity loader
/// that loads nothing, no DTD loading, no entity substitution), and libxml2's limits on entity
/// amplification and node size stay on, so hostile documents (billion laughs) stay bounded.
/// The encoding comes from the BOM or the XML declaration (ISO-8859-1, windows-1252, UTF-16 …).
final class XMLStream {
    private var reader: OpaquePointer?
    private let input: XMLInput

    enum NodeType: Int32 {
        case element = 1, text = 3, cdata = 4, entityReference = 5, whitespace = 13, significantWhitespace = 14, endElement = 15, other = 0
    }

    /// `htmlEntities`: rewrite HTML named references XML does not define (`&aacute;`) to numeric ones.
    /// `recover`: keep going after well-formedness errors (feeds), instead of stopping.
    init(source: ByteSource, htmlEntities: Bool, recover: Bool) throws(ImportError) {
        input = XMLInput(source: source, htmlEntities: htmlEntities)
        let ctx = Unmanaged.passUnretained(input).toOpaque()
        let read: tillit_xml_read_fn = { ctx, buf, len in
            guard let ctx, let buf else { return -1 }
            let input = Unmanaged<XMLInput>.fromOpaque(ctx).takeUnretainedValue()
            return input.read(into: UnsafeMutableRawPointer(buf).assumingMemoryBound(to: UInt8.self), count: Int(len))
        }
        guard let r = source.name.withCString({ tillit_xml_open(read, ctx, $0, nil, recover ? 1 : 0) }) else {
            throw ImportError(file: source.name, reason: "cannot start the XML reader")
        }
        reader = r
    }

    deinit { if let r = reader { tillit_xml_close(r) } }

    private var r: OpaquePointer { reader! }

    /// Advances: true at a node, false at the end. A fatal error throws the input's error or returns
    /// false with `error` set.
    func next() throws(ImportError) -> Bool {
        let rc = tillit_xml_next(r)
        if let e = input.error { throw e }
        if rc == 1 { return true }
        if rc < 0 { failed = true }
        return false
    }

    /// Whether reading stopped at a fatal error (see `lastError`).
    private(set) var failed = false

    var nodeType: NodeType { NodeType(rawValue: tillit_xml_node_type(r)) ?? .other }
    var depth: Int { Int(tillit_xml_depth(r)) }
    var isEmptyElement: Bool { tillit_xml_is_empty(r) == 1 }
    var name: String { tillit_xml_name(r).map { String(cString: $0) } ?? "" }
    var value: String? { tillit_xml_value(r).map { String(cString: $0) } }
    var line: Int { Int(tillit_xml_line(r)) }

    var attributes: [(String, String)] {
        let n = tillit_xml_attribute_count(r)
        guard n > 0 else { return [] }
        var out: [(String, String)] = []
        out.reserveCapacity(Int(n))
        for i in 0..<n {
            var name: UnsafePointer<CChar>?
            var value: UnsafePointer<CChar>?
            if tillit_xml_attribute(r, i, &name, &value) == 1, let name {
                out.append((String(cString: name), value.map { String(cString: $0) } ?? ""))
            }
        }
        return out
    }

    /// The last parser error and its line.
    var lastError: (message: String, line: Int)? {
        var line: Int32 = 0
        guard let m = tillit_xml_last_error(r, &line) else { return nil }
        return (String(cString: m), Int(line))
    }

    var errorCount: Int { Int(tillit_xml_error_count(r)) }
}

/// Feeds libxml2 from a `ByteSource`, optionally rewriting HTML named entities to numeric references.
final class XMLInput {
    let source: ByteSource
    private var rewrite: Bool
    private var decided = false
    var error: ImportError?
    private var raw = [UInt8](repeating: 0, count: 1 << 16)
    private var out: [UInt8] = []
    private var outPos = 0
    private var carry: [UInt8] = []
    private var eof = false

    init(source: ByteSource, htmlEntities: Bool) {
        self.source = source
        rewrite = htmlEntities
    }

    /// Fills `buf` completely unless the input ends: libxml2 then sees the same blocks whatever
    /// sizes the source delivers, so parsing (and where a fatal error stops it) never depends on them.
    func read(into buf: UnsafeMutablePointer<UInt8>, count: Int) -> Int32 {
        var filled = 0
        do {
            while filled < count {
                if outPos >= out.count {
                    out.removeAll(keepingCapacity: true)
                    outPos = 0
                    if eof { break }
                    let n = try raw.withUnsafeMutableBufferPointer { (p) throws(ImportError) -> Int in try source.read(into: p) }
                    if !decided, n > 0 {
                        decided = true
                        // Only ASCII-compatible encodings can be rewritten byte-wise.
                        if n >= 2, raw[0] == 0 || raw[1] == 0 || (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) { rewrite = false }
                    }
                    if n == 0 {
                        eof = true
                        out = carry; carry = []
                        continue
                    }
                    if rewrite { XMLInput.rewriteEntities(carry + raw[0..<n], into: &out, carry: &carry, final: false) } else { out.append(contentsOf: raw[0..<n]) }
                    continue
                }
                let k = min(count - filled, out.count - outPos)
                out.withUnsafeBufferPointer { p in _ = memcpy(buf + filled, p.baseAddress! + outPos, k) }
                outPos += k
                filled += k
            }
            return Int32(filled)
        } catch {
            self.error = error
            return -1
        }
    }

    static let xmlPredefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// Copies `b` to `out`, turning `&name;` for HTML entities that XML lacks into `&#N;`. An
    /// unfinished reference at the end is kept in `carry` for the next chunk.
    static func rewriteEntities(_ b: [UInt8], into out: inout [UInt8], carry: inout [UInt8], final: Bool) {
        carry = []
        out.reserveCapacity(out.count + b.count)
        var i = 0
        let n = b.count
        while i < n {
            guard let amp = b[i...].firstIndex(of: UInt8(ascii: "&")) else { out.append(contentsOf: b[i...]); return }
            out.append(contentsOf: b[i..<amp])
            var k = amp + 1
            while k < n, k - amp <= HTMLEntities.longestName + 1 {
                let c = b[k]
                if (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) { k += 1 } else { break }
            }
            if k == n, !final, k - amp <= HTMLEntities.longestName + 1 { carry = Array(b[amp...]); return }
            if k < n, b[k] == UInt8(ascii: ";"), k > amp + 1 {
                let name = String(decoding: b[(amp + 1)..<k], as: UTF8.self)
                if !xmlPredefined.contains(name), let cp = HTMLEntities.codePoint(name) {
                    out.append(contentsOf: Array("&#\(cp);".utf8))
                    i = k + 1
                    continue
                }
            }
            out.append(UInt8(ascii: "&"))
            i = amp + 1
        }
    }
}
