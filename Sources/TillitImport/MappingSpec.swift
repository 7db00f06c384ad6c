import TillitCore

/// A user's description of a JSON, NDJSON or XML dump: where the records are and which fields hold
/// what (docs/importers.md has the full reference and examples).
///
///     {"records": "/data/items", "fields": {"id": "/review_id", "text": ["/body", "/title"]}}
public struct MappingSpec: Sendable {
    /// How one post field is found: paths tried in order (or all joined), then transforms.
    public struct Field: Sendable {
        public var paths: [String]
        /// When set, every path that has a value is used, joined with this separator.
        public var join: String?
        public var transforms: [String]
        /// Timestamp format (created only).
        public var format: TimestampPattern
    }
    public struct Hint: Sendable {
        public var kind: TargetHint.Kind
        public var field: Field
    }
    public struct SkipRule: Sendable {
        public var path: String
        public var equals: [String]
        public var reason: String
    }

    public enum Container: String, Sendable { case auto, ndjson, json, xml }

    public var container: Container
    /// JSON Pointers / dotted paths to record arrays (JSON), or record element names (XML).
    public var records: [String]
    public var source: String
    public var fields: [String: Field]
    public var hints: [Hint]
    public var skips: [SkipRule]

    public static let fieldNames = ["id", "text", "created", "author", "rating", "lang", "parent", "url"]
    public static let transforms = ["html-to-text", "decode-entities", "repair-mojibake", "trim", "lowercase", "host"]

    /// Parses a mapping file's JSON.
    public static func parse(_ bytes: [UInt8], file: String) throws(ImportError) -> MappingSpec {
        func fail(_ why: String) -> ImportError { ImportError(file: file, reason: "mapping: \(why)") }
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw fail("not valid JSON: \(error)") }
        guard case .object(let top) = root else { throw fail("the mapping must be a JSON object") }
        let known: Set<String> = ["format", "records", "source", "fields", "hints", "skip", "comment", "$comment"]
        if let bad = top.first(where: { !known.contains($0.0) }) { throw fail("unknown key '\(bad.0)' (known: \(known.sorted().joined(separator: ", ")))") }
        var spec = MappingSpec(container: .auto, records: [], source: "mapping", fields: [:], hints: [], skips: [])
        if let f = root["format"] {
            guard let s = f.text, let c = Container(rawValue: s) else { throw fail("format must be auto, ndjson, json or xml") }
            spec.container = c
        }
        switch root["records"] {
        case nil: break
        case .string(let s)?: spec.records = [s]
        case .array(let a)?: spec.records = a.compactMap(\.text)
        default: throw fail("records must be a path or a list of paths")
        }
        if spec.container == .xml, spec.records.isEmpty { throw fail("XML mappings need records: the record element name") }
        if let s = root["source"]?.text { spec.source = s }
        guard case .object(let fields)? = root["fields"] else { throw fail("fields must be an object (at least \"text\")") }
        for (name, v) in fields {
            guard fieldNames.contains(name) else { throw fail("unknown field '\(name)' (known: \(fieldNames.joined(separator: ", ")))") }
            spec.fields[name] = try field(v, name: name, fail)
        }
        guard spec.fields["text"] != nil else { throw fail("fields.text is required") }
        for h in root["hints"]?.array ?? [] {
            guard let k = h["kind"]?.text, let kind = TargetHint.Kind(rawValue: k) else {
                throw fail("each hint needs a kind: business_name, business_id, handle, domain or retailer")
            }
            spec.hints.append(Hint(kind: kind, field: try field(h, name: "hint", fail)))
        }
        for s in root["skip"]?.array ?? [] {
            guard let p = s["path"]?.text else { throw fail("each skip rule needs a path") }
            let eq: [String] = s["equals"]?.array?.compactMap(\.text) ?? s["equals"]?.text.map { [$0] } ?? []
            spec.skips.append(SkipRule(path: p, equals: eq, reason: s["reason"]?.text ?? "skipped by mapping (\(p))"))
        }
        return spec
    }

    static func field(_ v: JSONValue, name: String, _ fail: (String) -> ImportError) throws(ImportError) -> Field {
        var f = Field(paths: [], join: nil, transforms: [], format: TimestampPattern("auto"))
        switch v {
        case .string(let s): f.paths = [s]
        case .array(let a): f.paths = a.compactMap(\.text)
        case .object:
            if let p = v["path"]?.text { f.paths = [p] }
            if let ps = v["paths"]?.array { f.paths += ps.compactMap(\.text) }
            f.join = v["join"]?.text
            if let t = v["transform"] { f.transforms = t.array?.compactMap(\.text) ?? t.text.map { [$0] } ?? [] }
            if let fmt = v["format"]?.text {
                f.format = TimestampPattern(fmt)
                guard f.format.isValid else { throw fail("\(name): unknown timestamp format '\(fmt)' (auto, epoch-s, epoch-ms, epoch-us, iso8601, rfc822, twitter or a %Y-%m-%d pattern)") }
            }
        default: throw fail("\(name) must be a path, a list of paths or an object with paths")
        }
        guard !f.paths.isEmpty else { throw fail("\(name) has no paths") }
        for t in f.transforms where !transforms.contains(t) { throw fail("\(name): unknown transform '\(t)' (known: \(transforms.joined(separator: ", ")))") }
        return f
    }

    /// Applies the field's transforms to one value.
    static func transform(_ s: String, _ transforms: [String]) -> String {
        var v = s
        for t in transforms {
            switch t {
            case "html-to-text": v = HTMLText.plainText(v)
            case "decode-entities": v = HTMLText.decodeEntities(v)
            case "repair-mojibake": v = MojibakeRepair.repair(v)
            case "trim": v = v.trimmingASCIIWhitespace()
            case "lowercase": v = v.lowercased()
            case "host": v = MapperSupport.host(v) ?? v
            default: break
            }
        }
        return v
    }

    /// The field's value from a record, given a lookup of one path.
    func value(_ name: String, _ lookup: (String) -> String?) -> String? {
        guard let f = fields[name] else { return nil }
        return MappingSpec.resolve(f, lookup)
    }

    static func resolve(_ f: Field, _ lookup: (String) -> String?) -> String? {
        if let sep = f.join {
            let parts = f.paths.compactMap(lookup).map { transform($0, f.transforms) }.filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: sep)
        }
        for p in f.paths { if let v = lookup(p), !v.isEmpty { return transform(v, f.transforms) } }
        return nil
    }

    /// The post for one record, whatever its shape, through `lookup` (JSON paths or XML paths).
    func post(_ lookup: (String) -> String?, origin: RecordOrigin) -> ImportEvent {
        for s in skips {
            let v = lookup(s.path)
            if s.equals.isEmpty ? v != nil : s.equals.contains(v ?? "\u{0}") { return .skipped(origin, reason: s.reason) }
        }
        guard let text = value("text", lookup) else {
            return .rejected(origin, reason: "no text (looked for \(fields["text"]!.paths.joined(separator: ", ")))", snippet: "")
        }
        if MapperSupport.isBlank(text) { return .skipped(origin, reason: "empty text") }
        let createdRaw = value("created", { lookup($0) })
        let id = value("id", lookup) ?? "\(source)-" + StableHash.hex([createdRaw ?? "", text])
        var post = Post(id: id, source: source, text: text, origin: origin)
        if let c = createdRaw { post.createdAt = fields["created"]!.format.parse(c) }
        post.author = value("author", lookup)
        post.rating = value("rating", lookup).flatMap { Double($0.trimmingASCIIWhitespace()) }
        post.languageHint = value("lang", lookup)
        post.parentID = value("parent", lookup)
        post.url = value("url", lookup)
        for h in hints {
            if h.field.join == nil, h.field.paths.count > 1 {
                // Every path that has a value gives a hint.
                for p in h.field.paths { if let v = lookup(p), !v.isEmpty { MapperSupport.add(TargetHint(h.kind, MappingSpec.transform(v, h.field.transforms)), to: &post.hints) } }
            } else if let v = MappingSpec.resolve(h.field, lookup) {
                MapperSupport.add(TargetHint(h.kind, v), to: &post.hints)
            }
        }
        return .post(post)
    }
}
