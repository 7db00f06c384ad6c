#if canImport(Glibc)
import Glibc
#endif
import TillitCore

/// Streams the records of one large JSON document element by element, in memory bounded by the
/// largest element: a top-level array (`[{…}, {…}]`), or an object holding record arrays
/// (`{"data": […]}`, `{"features": […]}`, `{"orderedItems": […]}`), at any member path.
///
/// Only the structure is scanned here; each element's bytes are handed over for parsing, with its
/// index, byte offset and line. A document with no record array is handed over whole (bounded), so
/// single-object exports still read. Repeated record members (a real Mastodon export has
/// `orderedItems` twice) are all streamed. A JavaScript assignment prefix
/// (`window.YTD.tweets.part0 = [`) is skipped when allowed; concatenated documents are read in turn.
///
///     let s = JSONArrayStreamer(source: src, recordPaths: [["features"]])
///     while try s.next({ item in … }) {}   // one .element per feature
public final class JSONArrayStreamer {
    /// One element: `bytes` are valid only inside the callback.
    public struct Element {
        public var bytes: UnsafeBufferPointer<UInt8>
        /// 0-based position among all records of the input.
        public var index: Int
        /// Byte offset of the element's first byte in the (decompressed) input.
        public var offset: Int64
        /// 1-based line of the element's first byte.
        public var line: Int
    }

    public enum Item {
        case element(Element)
        /// The input has no record array: the whole top-level object, as one record.
        case document(Element)
        /// Broken structure: what could not be read, where, and why. Reading stops after a
        /// structural error (the rest of the document cannot be delimited).
        case malformed(index: Int, offset: Int64, line: Int, reason: String, snippet: String)
    }

    public let source: ByteSource
    public let recordPaths: [[String]]
    public let allowScriptPrefix: Bool
    public let maximumElement: Int
    /// Largest top-level member kept for `document` and `envelope` (bigger ones are dropped).
    static let maximumRetained = 16 << 20

    private var buf: [UInt8]
    private var pos = 0
    private var end = 0
    private var mark: Int?
    private var base: Int64 = 0
    private var eof = false
    private var countedTo = 0     // buffer index up to which newlines are counted
    private var line = 1

    private struct Frame {
        var isArray: Bool
        var path: [String]
        var needComma = false
    }
    private var stack: [Frame] = []
    private enum State { case start, running, done }
    private var state = State.start
    private var index = 0
    private var recordsSeen = false
    private var retained: [([UInt8], [UInt8])] = []
    private var retainedBytes = 0
    private var retainOverflow = false
    private var envelopeValue: JSONValue?
    private var envelopeFrozen = false
    private var bomChecked = false
    private var docOffset: Int64 = 0
    private var docLine = 1

    public init(source: ByteSource, recordPaths: [[String]], allowScriptPrefix: Bool = false, maximumElement: Int = 64 << 20) {
        self.source = source
        self.recordPaths = recordPaths
        self.allowScriptPrefix = allowScriptPrefix
        self.maximumElement = maximumElement
        buf = [UInt8](repeating: 0, count: 1 << 16)
    }

    /// Top-level scalar and small members read before the first record (e.g. an `appId` next to
    /// `reviews`), as an object; nil when there are none.
    public var envelope: JSONValue? {
        if !envelopeFrozen { freezeEnvelope() }
        return envelopeValue
    }

    private func freezeEnvelope() {
        envelopeFrozen = true
        guard !retained.isEmpty else { return }
        var members: [(String, JSONValue)] = []
        for (k, v) in retained {
            guard let key = try? JSONParser.parse(k), let name = key.text, let value = try? JSONParser.parse(v) else { continue }
            members.append((name, value))
        }
        envelopeValue = .object(members)
    }

    // MARK: buffer

    private var absolute: Int64 { base + Int64(pos) }

    /// Counts newlines up to buffer index `k` (monotonic).
    private func lineAt(_ k: Int) -> Int {
        if k > countedTo {
            buf.withUnsafeBufferPointer { p in
                var q = countedTo
                while q < k, let r = memchr(p.baseAddress! + q, 10, k - q) {
                    line += 1
                    q = (UnsafeRawPointer(r) - UnsafeRawPointer(p.baseAddress!)) + 1
                }
            }
            countedTo = k
        }
        return line
    }

    /// Reads more input, keeping bytes from `mark` (or `pos`). False at end of input.
    private func more() throws(ImportError) -> Bool {
        if eof { return false }
        let keep = mark ?? pos
        if keep > 0 {
            _ = lineAt(keep)
            let n = end - keep
            if n > 0 { buf.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + keep, n) } }
            base += Int64(keep)
            pos -= keep; end -= keep; countedTo -= keep
            if let m = mark { mark = m - keep }
        }
        if end == buf.count { buf.append(contentsOf: repeatElement(0, count: buf.count)) }
        let n = try buf.withUnsafeMutableBufferPointer { (p) throws(ImportError) -> Int in
            try source.read(into: UnsafeMutableBufferPointer(rebasing: p[end...]))
        }
        if n == 0 { eof = true; return false }
        end += n
        return true
    }

    @inline(__always) private func peek() throws(ImportError) -> UInt8? {
        while pos == end { if !(try more()) { return nil } }
        return buf[pos]
    }

    private func skipSpace() throws(ImportError) {
        while let b = try peek(), isASCIISpace(b) { pos += 1 }
    }

    private func snippetAt(_ k: Int) -> String {
        buf.withUnsafeBufferPointer { p in snippet(UnsafeBufferPointer(rebasing: p[k..<end]), limit: 200) }
    }

    private func malformed(_ reason: String) -> Item {
        state = .done
        let at = min(pos, end)
        return .malformed(index: index, offset: base + Int64(at), line: lineAt(at), reason: reason, snippet: snippetAt(at))
    }

    // MARK: values

    private enum Scan { case complete, truncated, tooLarge(Int64) }

    /// Moves `pos` past one JSON value starting at `pos`, keeping it in the buffer from `mark`
    /// unless it exceeds `maximumElement`. Only structure is checked (strings, nesting).
    private func scanValue() throws(ImportError) -> Scan {
        let startAbs = absolute
        var depth = 0, inString = false, escape = false
        let first = buf[pos]
        let scalar = first != UInt8(ascii: "{") && first != UInt8(ascii: "[") && first != UInt8(ascii: "\"")
        var tooLarge = false
        while true {
            var done = false
            let limit = end
            var k = pos
            buf.withUnsafeBufferPointer { p in
                let window = UnsafeBufferPointer(rebasing: p[..<limit])
                while k < limit {
                    let b = p[k]
                    if inString {
                        if !escape, b != UInt8(ascii: "\\"), b != UInt8(ascii: "\"") {
                            // Jump to the next quote or backslash a word at a time.
                            var high: UInt64 = 0
                            k = JSONScan.stop(window, from: k + 1, high: &high)
                            continue
                        }
                        if escape { escape = false } else if b == UInt8(ascii: "\\") { escape = true } else if b == UInt8(ascii: "\"") {
                            inString = false
                            if depth == 0 { k += 1; done = true; return }
                        }
                        k += 1
                        continue
                    }
                    if scalar {
                        if b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || isASCIISpace(b) { done = true; return }
                        k += 1
                        continue
                    }
                    switch b {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth <= 0 { k += 1; done = true; return }
                    default: break
                    }
                    k += 1
                }
            }
            pos = k
            if done { return tooLarge ? .tooLarge(absolute - startAbs) : .complete }
            if !tooLarge, let m = mark, end - m > maximumElement { tooLarge = true; _ = lineAt(m); mark = nil }
            if !(try more()) {
                if scalar { return tooLarge ? .tooLarge(absolute - startAbs) : .complete }
                return .truncated
            }
        }
    }

    private func readKey() throws(ImportError) -> (raw: [UInt8], name: String)? {
        mark = pos
        defer { mark = nil }
        guard case .complete = try scanValue() else { return nil }
        let raw = Array(buf[mark!..<pos])
        guard let v = try? JSONParser.parse(raw), let name = v.text else { return nil }
        return (raw, name)
    }

    private func isRecordPath(_ p: [String]) -> Bool { recordPaths.contains(p) }
    private func leadsToRecords(_ p: [String]) -> Bool { recordPaths.contains { $0.count > p.count && Array($0.prefix(p.count)) == p } }

    // MARK: traversal

    /// Calls `body` with the next item; returns false at the end of input.
    public func next(_ body: (Item) throws -> Void) throws -> Bool {
        while true {
            switch state {
            case .done:
                return false
            case .start:
                if !bomChecked {
                    bomChecked = true
                    while end - pos < 3, try more() {}
                    if end - pos >= 3, buf[pos] == 0xEF, buf[pos + 1] == 0xBB, buf[pos + 2] == 0xBF { pos += 3 }
                }
                try skipSpace()
                guard let c = try peek() else { state = .done; return false }
                if c == UInt8(ascii: ";") { pos += 1; continue } // after a script assignment
                if allowScriptPrefix, c != UInt8(ascii: "["), c != UInt8(ascii: "{") {
                    // `window.YTD.tweets.part0 = [` — an identifier path and `=`.
                    while let b = try peek(), b != UInt8(ascii: "="), b != UInt8(ascii: "["), b != UInt8(ascii: "{"), b != 10 { pos += 1 }
                    if try peek() == UInt8(ascii: "=") { pos += 1 }
                    try skipSpace()
                }
                guard let d = try peek() else { state = .done; return false }
                if d == UInt8(ascii: "[") {
                    pos += 1; stack = [Frame(isArray: true, path: [])]; state = .running
                } else if d == UInt8(ascii: "{") {
                    docOffset = absolute; docLine = lineAt(pos)
                    pos += 1; stack = [Frame(isArray: false, path: [])]; state = .running
                    recordsSeen = false; retained = []; retainedBytes = 0; retainOverflow = false
                } else {
                    try body(malformed("not a JSON array or object (starts with '\(d >= 32 && d < 127 ? String(UnicodeScalar(d)) : "\\x" + String(d, radix: 16))')"))
                    return true
                }
            case .running:
                guard var top = stack.last else { state = .start; continue }
                try skipSpace()
                guard let c = try peek() else {
                    try body(malformed("truncated: the input ends inside the JSON document (after \(index) records)"))
                    return true
                }
                if top.needComma {
                    if c == UInt8(ascii: ",") { pos += 1; stack[stack.count - 1].needComma = false; continue }
                    if c == UInt8(ascii: top.isArray ? "]" : "}") {
                        pos += 1
                        stack.removeLast()
                        if stack.isEmpty, !top.isArray, !recordsSeen { try emitWholeDocument(body); return true }
                        continue
                    }
                    try body(malformed("expected ',' or '\(top.isArray ? "]" : "}")' after \(top.isArray ? "element \(index)" : "a member"); the rest of the document is not read"))
                    return true
                }
                if top.isArray {
                    if c == UInt8(ascii: "]") { pos += 1; stack.removeLast(); continue }
                    // One record.
                    recordsSeen = true
                    if !envelopeFrozen { freezeEnvelope() }
                    mark = pos
                    let startLine = lineAt(pos)
                    let startOffset = absolute
                    let scan = try scanValue()
                    stack[stack.count - 1].needComma = true
                    let i = index
                    index += 1
                    switch scan {
                    case .complete:
                        let m = mark!
                        mark = nil
                        let end = pos
                        try buf.withUnsafeBufferPointer { p in
                            try body(.element(Element(bytes: UnsafeBufferPointer(rebasing: p[m..<end]), index: i, offset: startOffset, line: startLine)))
                        }
                    case .tooLarge(let n):
                        mark = nil
                        try body(.malformed(index: i, offset: startOffset, line: startLine,
                                            reason: "element of \(n) bytes exceeds the \(maximumElement)-byte limit", snippet: ""))
                    case .truncated:
                        let m = mark ?? 0
                        mark = nil
                        state = .done
                        try body(.malformed(index: i, offset: startOffset, line: startLine,
                                            reason: "truncated: the input ends inside element \(i + 1)", snippet: snippetAt(m)))
                    }
                    return true
                }
                // An object member.
                if c == UInt8(ascii: "}") {
                    pos += 1; stack.removeLast()
                    if stack.isEmpty, !recordsSeen { try emitWholeDocument(body); return true }
                    continue
                }
                guard c == UInt8(ascii: "\""), let key = try readKey() else {
                    try body(malformed("expected a member name")); return true
                }
                try skipSpace()
                guard try peek() == UInt8(ascii: ":") else { try body(malformed("expected ':' after member \(key.name)")); return true }
                pos += 1
                try skipSpace()
                guard let v = try peek() else { continue }
                let childPath = top.path + [key.name]
                top.needComma = true
                stack[stack.count - 1] = top
                if v == UInt8(ascii: "["), isRecordPath(childPath) {
                    pos += 1
                    stack.append(Frame(isArray: true, path: childPath))
                    continue
                }
                if v == UInt8(ascii: "{"), leadsToRecords(childPath) {
                    pos += 1
                    stack.append(Frame(isArray: false, path: childPath))
                    continue
                }
                // Any other member: skipped, kept when at the top level and small.
                mark = pos
                let scan = try scanValue()
                let m = mark
                mark = nil
                switch scan {
                case .complete:
                    if stack.count == 1, let m {
                        let n = pos - m + key.raw.count
                        if retainedBytes + n <= JSONArrayStreamer.maximumRetained, !(recordsSeen && envelopeFrozen) {
                            retained.append((key.raw, Array(buf[m..<pos])))
                            retainedBytes += n
                        } else { retainOverflow = true }
                    }
                case .tooLarge:
                    if stack.count == 1 { retainOverflow = true }
                case .truncated:
                    try body(malformed("truncated: the input ends inside member \(key.name)")); return true
                }
            }
        }
    }

    /// The top-level object as one record, rebuilt from its kept members.
    private func emitWholeDocument(_ body: (Item) throws -> Void) throws {
        let at = index
        index += 1
        if retainOverflow {
            try body(.malformed(index: at, offset: docOffset, line: docLine,
                                reason: "no record array (looked for \(recordPaths.map { $0.joined(separator: ".") }.joined(separator: ", "))) and the document is larger than \(JSONArrayStreamer.maximumRetained) bytes", snippet: ""))
            return
        }
        var doc: [UInt8] = [UInt8(ascii: "{")]
        for (n, (k, v)) in retained.enumerated() {
            if n > 0 { doc.append(UInt8(ascii: ",")) }
            doc += k; doc.append(UInt8(ascii: ":")); doc += v
        }
        doc.append(UInt8(ascii: "}"))
        retained = []
        retainedBytes = 0
        try doc.withUnsafeBufferPointer { p in try body(.document(Element(bytes: p, index: at, offset: docOffset, line: docLine))) }
    }
}
