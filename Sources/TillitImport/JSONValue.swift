/// A parsed JSON value. Numbers keep their source text, so ids beyond 2^53 survive exactly.
/// Objects keep member order and duplicates; `[key]` returns the last member of that name
/// (ECMAScript semantics), which is how real exports with repeated keys are read.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for m in members.reversed() where m.0 == key { return m.1 }
        return nil
    }

    /// Follows a dotted path (`user.screen_name`, `items.0.text`) or a JSON Pointer (`/user/screen_name`).
    public func at(_ path: String) -> JSONValue? {
        let parts: [Substring]
        if path.hasPrefix("/") {
            parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                Substring($0.replacingOccurrences("~1", "/").replacingOccurrences("~0", "~"))
            }
        } else {
            parts = path.split(separator: ".")
        }
        var cur: JSONValue = self
        for p in parts {
            switch cur {
            case .object: guard let next = cur[String(p)] else { return nil }; cur = next
            case .array(let items): guard let i = Int(p), i >= 0, i < items.count else { return nil }; cur = items[i]
            default: return nil
            }
        }
        return cur
    }

    /// Follows already split path components (member names, array indices).
    public func at(components: [String]) -> JSONValue? {
        var cur: JSONValue = self
        for p in components {
            switch cur {
            case .object: guard let next = cur[p] else { return nil }; cur = next
            case .array(let items): guard let i = Int(p), i >= 0, i < items.count else { return nil }; cur = items[i]
            default: return nil
            }
        }
        return cur
    }

    /// The value as text: strings as they are, numbers in their source spelling, booleans as words.
    public var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var double: Double? {
        switch self {
        case .number(let n): return Double(n)
        case .string(let s): return Double(s.trimmingASCIIWhitespaceLocal())
        default: return nil
        }
    }

    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }
}

extension StringProtocol {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        guard !a.isEmpty else { return String(self) }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: a) {
            out += rest[..<r.lowerBound]; out += b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
    func trimmingASCIIWhitespaceLocal() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

extension Substring {
    func range(of needle: String) -> Range<Substring.Index>? {
        guard !needle.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}
