import TillitCore

/// What `--format auto` makes of an input's first bytes.
public enum Detection: Sendable, Equatable {
    case format(String)
    /// Not recognised; the reason says what was seen and what to do.
    case unrecognised(String)
}

/// Recognises dump formats from content: the first JSON object's keys (or the first record of a
/// JSON document), the XML root element, a JavaScript prefix, or a CSV/TSV header line.
/// It reads only the bytes it is given (≤ 64 KiB), parsing an incomplete JSON prefix leniently.
enum FormatDetector {
    static func recognise(_ head: [UInt8]) -> Detection {
        var i = 0
        if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
            // UTF-16 (XML only, in practice): look at the ASCII bytes.
            let ascii = head.dropFirst(2).filter { $0 != 0 }
            return recognise(Array(ascii))
        }
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, isASCIISpace(head[i]) { i += 1 }
        guard i < head.count else { return .unrecognised(head.isEmpty ? "empty input" : "only white space") }
        switch head[i] {
        case UInt8(ascii: "<"): return xml(head, from: i)
        case UInt8(ascii: "{"): return jsonObject(head, from: i)
        case UInt8(ascii: "["): return jsonArray(head, from: i)
        default: break
        }
        if let d = script(head, from: i) { return d }
        if let d = delimited(head, from: i) { return .format(d) }
        return .unrecognised("neither JSON, XML nor a CSV/TSV header")
    }

    // MARK: XML

    static func xml(_ h: [UInt8], from start: Int) -> Detection {
        guard let root = xmlRoot(h, from: start) else { return .unrecognised("XML without a root element in the first \(h.count) bytes") }
        let local = root.split(separator: ":").last.map(String.init) ?? root
        switch local {
        case "rss", "feed", "RDF": return .format("rss")
        case "posts", "comments": return .format("stackexchange")
        case "sentences", "Reviews": return .format("semeval")
        default: return .unrecognised("XML with root element <\(root)>; describe its records with --mapping FILE")
        }
    }

    /// The name of the first element, after the declaration, comments, PIs and a DOCTYPE.
    static func xmlRoot(_ h: [UInt8], from start: Int) -> String? {
        var i = start
        func starts(_ s: String, _ at: Int) -> Bool {
            let u = Array(s.utf8)
            return at + u.count <= h.count && Array(h[at..<(at + u.count)]) == u
        }
        func skip(past s: String) {
            let u = Array(s.utf8)
            while i + u.count <= h.count, Array(h[i..<(i + u.count)]) != u { i += 1 }
            i += u.count
        }
        while i < h.count {
            while i < h.count, isASCIISpace(h[i]) { i += 1 }
            guard i < h.count, h[i] == UInt8(ascii: "<") else { return nil }
            if starts("<?", i) { skip(past: "?>"); continue }
            if starts("<!--", i) { skip(past: "-->"); continue }
            if starts("<!DOCTYPE", i) || starts("<!doctype", i) {
                // The internal subset may hold '>' inside brackets.
                var depth = 0
                while i < h.count {
                    if h[i] == UInt8(ascii: "[") { depth += 1 } else if h[i] == UInt8(ascii: "]") { depth -= 1 } else if h[i] == UInt8(ascii: ">"), depth <= 0 { break }
                    i += 1
                }
                i += 1
                continue
            }
            i += 1
            let s = i
            while i < h.count, !isASCIISpace(h[i]), h[i] != UInt8(ascii: ">"), h[i] != UInt8(ascii: "/") { i += 1 }
            return i > s ? String(decoding: h[s..<i], as: UTF8.self) : nil
        }
        return nil
    }

    // MARK: JSON

    static func jsonObject(_ h: [UInt8], from start: Int) -> Detection {
        // NDJSON: the first line is a whole object. Otherwise one (pretty-printed) document.
        var e = start
        while e < h.count, h[e] != 10 { e += 1 }
        let line = h[start..<e].withUnsafeBufferPointer { b in try? JSONParser.parse(b).value }
        let obj = line ?? JSONPrefixParser.parse(h, from: start)
        guard let obj, case .object = obj else { return .unrecognised("a JSON object that could not be read") }
        if let f = classify(obj) { return f }
        if line == nil {
            // A document: classify the first record of its first array of objects.
            if case .object(let members) = obj {
                for (_, v) in members {
                    if let first = v.array?.first, case .object = first, let f = classify(first) {
                        if case .format = f { return f }
                    }
                }
            }
            return .format("json")
        }
        return .format("ndjson")
    }

    static func jsonArray(_ h: [UInt8], from start: Int) -> Detection {
        guard let v = JSONPrefixParser.parse(h, from: start), let items = v.array else { return .unrecognised("a JSON array that could not be read") }
        guard let first = items.first else { return .format("json") }
        guard case .object = first else { return .unrecognised("a JSON array of \(kind(first)) values, not of records") }
        if first["tweet"] != nil { return .format("twitter-archive") }
        return classify(first) ?? .format("json")
    }

    static func kind(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The format of one record (or page/envelope) from its keys.
    static func classify(_ o: JSONValue) -> Detection? {
        func has(_ k: String) -> Bool { o[k] != nil }
        func str(_ k: String) -> String? { o[k]?.text }
        // Envelopes and pages.
        if has("data"), has("includes") || has("meta") || has("__twarc"), o["data"]?.array != nil || o["data"]?["id"] != nil { return .format("twitter-v2") }
        if has("__twarc") || (has("author_id") && has("text") && (has("edit_history_tweet_ids") || has("conversation_id") || has("public_metrics"))) { return .format("twitter-v2") }
        if str("type") == "FeatureCollection" || (o["features"]?.array?.first?["properties"] != nil) { return .format("google-reviews") }
        if has("orderedItems") || ["OrderedCollection", "OrderedCollectionPage"].contains(str("type") ?? "") { return .format("mastodon") }
        if let t = str("type"), ["Create", "Announce", "Note"].contains(t), has("actor") || has("attributedTo") { return .format("mastodon") }
        if let t = str("type"), ["Person", "Service", "Application", "Group", "Organization"].contains(t), has("@context"), has("outbox") || has("inbox") {
            return .format("mastodon")
        }
        if let ev = o["events"]?.array?.first, ev["eventName"] != nil { return .format("trustpilot") }
        if has("eventName"), has("eventData") { return .format("trustpilot") }
        if str("type") == "object", case .object(let props)? = o["properties"], has("$schema") || props.first?.1["type"] != nil {
            return .unrecognised("a JSON Schema (a description of records, not records)")
        }
        // Tweets.
        if has("delete") || has("limit") || has("scrub_geo") || has("status_withheld") { return .format("twitter-v1") }
        if has("id_str"), has("text") || has("full_text") || has("extended_tweet"), has("user") { return .format("twitter-v1") }
        if has("tweet"), o["tweet"]?["full_text"] != nil || o["tweet"]?["id_str"] != nil { return .format("twitter-archive") }
        if has("id_str"), has("full_text"), !has("user") { return .format("twitter-archive") }
        // Bluesky.
        if has("did"), has("time_us") || has("kind") { return .format("bluesky") }
        // Reddit.
        if has("subreddit") || has("subreddit_id") || (has("created_utc") && (has("body") || has("selftext"))) { return .format("reddit") }
        // Reviews.
        if has("review_id"), has("business_id") { return .format("yelp") }
        if has("business_id"), has("name"), !has("text") { return .unrecognised("a Yelp business file: pass it to the reviews with --join businesses=FILE") }
        if has("reviewerID") || (has("asin") && (has("overall") || has("rating"))) || (has("parent_asin") && has("user_id")) { return .format("amazon") }
        if has("stars"), has("consumer") || has("businessUnit") || has("business_unit_id") { return .format("trustpilot") }
        if let first = o["reviews"]?.array?.first, first["stars"] != nil, first["consumer"] != nil { return .format("trustpilot") }
        if (has("reviewId") && (has("content") || has("score"))) || (has("review") && has("rating") && has("userName"))
            || (has("userName") && has("score") && has("text")) { return .format("app-reviews") }
        if let first = o["reviews"]?.array?.first, first["reviewId"] != nil || first["userName"] != nil { return .format("app-reviews") }
        // Meta exports.
        if has("media"), o["media"]?.array != nil, has("creation_timestamp") || has("title") || o["media"]?.array?.first?["creation_timestamp"] != nil { return .format("instagram") }
        if has("string_map_data") { return .format("instagram") }
        if has("timestamp"), has("data") || has("attachments") || has("title"), !has("text") { return .format("facebook") }
        if has("comments_v2") || has("status_updates_v2") { return .format("facebook") }
        return nil
    }

    // MARK: other

    /// `window.YTD.tweets.part0 = [` (Twitter/X account archive).
    static func script(_ h: [UInt8], from i: Int) -> Detection? {
        var e = i
        while e < h.count, h[e] != UInt8(ascii: "="), h[e] != 10, e - i < 200 { e += 1 }
        guard e < h.count, h[e] == UInt8(ascii: "=") else { return nil }
        let lhs = String(decoding: h[i..<e], as: UTF8.self).trimmingASCIIWhitespace()
        guard lhs.hasPrefix("window.") else { return nil }
        if lhs.hasPrefix("window.YTD.tweets.") || lhs.hasPrefix("window.YTD.tweet.") || lhs.hasPrefix("window.YTD.community_tweet.") { return .format("twitter-archive") }
        let part = lhs.split(separator: ".").dropFirst(2).first.map(String.init) ?? lhs
        return .unrecognised("a Twitter/X archive part '\(part)', which holds no tweets (use data/tweets.js)")
    }

    /// A header line: tabs beat commas.
    static func delimited(_ head: [UInt8], from i: Int) -> String? {
        var tabs = 0, commas = 0, k = i
        while k < head.count, head[k] != 10 {
            if head[k] == 9 { tabs += 1 } else if head[k] == 44 { commas += 1 }
            k += 1
        }
        if tabs > 0, tabs >= commas { return "tsv" }
        if commas > 0 { return "csv" }
        return nil
    }
}

/// Parses the complete part of a JSON prefix, closing containers left open at the end of the bytes
/// (an unfinished string, number or member is dropped). For detection only.
struct JSONPrefixParser {
    let h: [UInt8]
    var i: Int
    var depth = 0

    static func parse(_ h: [UInt8], from i: Int) -> JSONValue? {
        var p = JSONPrefixParser(h: h, i: i)
        return p.value()
    }

    mutating func ws() { while i < h.count, isASCIISpace(h[i]) { i += 1 } }

    /// nil when the value is cut off (or malformed) before anything usable.
    mutating func value() -> JSONValue? {
        ws()
        guard i < h.count, depth < 64 else { return nil }
        switch h[i] {
        case UInt8(ascii: "{"):
            depth += 1; defer { depth -= 1 }
            i += 1
            var members: [(String, JSONValue)] = []
            while true {
                ws()
                guard i < h.count else { return .object(members) }
                if h[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                if h[i] == UInt8(ascii: ",") { i += 1; continue }
                guard h[i] == UInt8(ascii: "\""), let k = string() else { return .object(members) }
                ws()
                guard i < h.count, h[i] == UInt8(ascii: ":") else { return .object(members) }
                i += 1
                guard let v = value() else { return .object(members) }
                members.append((k, v))
            }
        case UInt8(ascii: "["):
            depth += 1; defer { depth -= 1 }
            i += 1
            var items: [JSONValue] = []
            while true {
                ws()
                guard i < h.count else { return .array(items) }
                if h[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                if h[i] == UInt8(ascii: ",") { i += 1; continue }
                guard let v = value() else { return .array(items) }
                items.append(v)
            }
        case UInt8(ascii: "\""):
            return string().map { .string($0) }
        default:
            let s = i
            while i < h.count, !isASCIISpace(h[i]), h[i] != UInt8(ascii: ","), h[i] != UInt8(ascii: "]"), h[i] != UInt8(ascii: "}") { i += 1 }
            guard i < h.count else { return nil }
            return h[s..<i].withUnsafeBufferPointer { b in try? JSONParser.parse(b).value }
        }
    }

    mutating func string() -> String? {
        let s = i
        var k = i + 1
        while k < h.count {
            if h[k] == UInt8(ascii: "\\") { k += 2; continue }
            if h[k] == UInt8(ascii: "\"") { break }
            k += 1
        }
        guard k < h.count else { i = h.count; return nil }
        i = k + 1
        return h[s...k].withUnsafeBufferPointer { b in (try? JSONParser.parse(b).value)?.text }
    }
}
