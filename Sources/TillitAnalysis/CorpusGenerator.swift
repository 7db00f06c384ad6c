import TillitCore
import TillitImport

/// Generates large synthetic corpora for scale tests from the template data in `Corpora/generator/`
/// (templates per language with slots; slot values in `slots.tsv`). Deterministic: the same seed,
/// count and options give byte-identical output, whatever the machine.
public struct CorpusGenerator {
    public struct Template { var topic: String; var weight: Int; var text: String }
    public struct RetailerSlot { var name: String; var handle: String; var languages: [String] }

    public static let formats = ["ndjson", "csv", "twitter-v2", "reddit", "trustpilot", "rss"]
    /// Language mix of generated posts (sv, da, en), as in the demo corpus.
    public static let languageWeights: [(String, Int)] = [("sv", 45), ("da", 30), ("en", 25)]

    var templates: [String: [Template]] = [:]
    var cumulative: [String: [Int]] = [:]
    var slots: [String: [String: [String]]] = [:]   // slot -> lang -> values
    var retailers: [RetailerSlot] = []

    public init(directory: String) throws {
        for (lang, _) in CorpusGenerator.languageWeights {
            let f = LexiconFile(name: "\(lang).tsv", text: try FileBytes.readString(directory + "/\(lang).tsv"))
            var list: [Template] = []
            for e in f.entries where e.fields.count >= 3 {
                guard let w = Int(e.fields[1]), w > 0 else { continue }
                list.append(Template(topic: e.fields[0], weight: w, text: e.fields[2]))
            }
            guard !list.isEmpty else { throw FileError(path: directory + "/\(lang).tsv", reason: "no templates") }
            templates[lang] = list
            var acc = 0
            cumulative[lang] = list.map { acc += $0.weight; return acc }
        }
        let s = LexiconFile(name: "slots.tsv", text: try FileBytes.readString(directory + "/slots.tsv"))
        for e in s.entries where e.fields.count >= 3 {
            if e.fields[0] == "retailer" {
                let langs = e.fields.count > 4 ? e.fields[4].split(separator: ",").map(String.init) : ["sv", "da", "en"]
                retailers.append(RetailerSlot(name: e.fields[2], handle: e.fields.count > 3 ? e.fields[3] : e.fields[2], languages: langs))
            } else {
                slots[e.fields[0], default: [:]][e.fields[1], default: []].append(e.fields[2])
            }
        }
        guard !retailers.isEmpty else { throw FileError(path: directory + "/slots.tsv", reason: "no retailer lines") }
    }

    /// The generator's random source (SplitMix64, identical everywhere).
    public typealias Random = SplitMix64

    /// One generated post: id, language, retailer, time, author and text.
    public struct Generated { public var id: String; public var lang: String; public var retailer: RetailerSlot; public var created: Timestamp; public var author: String; public var text: String; public var topic: String; public var rating: Int }

    public func post(_ index: Int, rng: inout Random, start: Timestamp, seconds: Int64) -> Generated {
        var pick = rng.below(100), lang = "sv"
        for (l, w) in CorpusGenerator.languageWeights { if pick < w { lang = l; break }; pick -= w }
        let list = templates[lang]!, cum = cumulative[lang]!
        let r = rng.below(cum.last!)
        var lo = 0, hi = cum.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if cum[mid] > r { hi = mid } else { lo = mid + 1 } }
        let template = list[lo]
        let candidates = retailers.filter { $0.languages.contains(lang) }
        let retailer = candidates.isEmpty ? retailers[rng.below(retailers.count)] : candidates[rng.below(candidates.count)]
        var text = ""
        var rest = Substring(template.text)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            text += fill(String(rest[rest.index(after: open)..<close]), lang: lang, retailer: retailer, rng: &rng)
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        let created = Timestamp(seconds: start.seconds + Int64(rng.next() % UInt64(max(seconds, 1))))
        let author = "user\(rng.below(max(1000, index / 20 + 1000)))"
        let negative = template.text.contains("{neg}") || template.text.contains("{emoji_neg}") || template.topic.hasPrefix("P")
        let rating = negative ? 1 + rng.below(2) : 4 + rng.below(2)
        return Generated(id: String(100_000_000 + index), lang: lang, retailer: retailer, created: created, author: author, text: text, topic: template.topic, rating: rating)
    }

    func fill(_ slot: String, lang: String, retailer: RetailerSlot, rng: inout Random) -> String {
        switch slot {
        case "retailer": return retailer.name
        case "handle": return "@" + retailer.handle
        case "amount":
            if lang == "en" { return "£\(1 + rng.below(60)).\(10 + rng.below(90))" }
            return "\(9 + rng.below(990)) kr"
        default:
            let values = slots[slot]?[lang] ?? slots[slot]?["*"] ?? []
            return values.isEmpty ? "" : values[rng.below(values.count)]
        }
    }

    /// One output line (or CSV row) for a generated post in `format`.
    public func render(_ g: Generated, format: String) -> String {
        var j = JSONBuilder()
        switch format {
        case "csv":
            return [g.id, g.created.iso8601, g.lang, String(g.rating), g.retailer.name, g.author, g.text].map(CSVField.escape).joined(separator: ",") + "\r\n"
        case "twitter-v2":
            j.raw("{"); j.key("id"); j.string(g.id); j.raw(","); j.key("text"); j.string(g.text)
            j.raw(","); j.key("author_id"); j.string(String(g.author.hashValueStable)); j.raw(","); j.key("created_at"); j.string(g.created.iso8601.replacingZ())
            j.raw(","); j.key("lang"); j.string(g.lang); j.raw(","); j.key("conversation_id"); j.string(g.id)
            j.raw(","); j.key("edit_history_tweet_ids"); j.raw("["); j.string(g.id); j.raw("]")
            j.raw(","); j.key("author"); j.raw("{"); j.key("username"); j.string(g.author); j.raw("}}")
        case "reddit":
            j.raw("{"); j.key("id"); j.string(String(UInt64(g.id)! * 7919 % 2_176_782_336, radix: 36)); j.raw(","); j.key("body"); j.string(g.text)
            j.raw(","); j.key("author"); j.string(g.author); j.raw(","); j.key("created_utc"); j.raw(String(g.created.seconds))
            j.raw(","); j.key("subreddit"); j.string(g.lang == "sv" ? "sweden" : (g.lang == "da" ? "Denmark" : "CasualUK")); j.raw("}")
        case "rss":
            var x = "<item><guid isPermaLink=\"false\">" + xmlEscape(g.id) + "</guid>"
            x += "<title>" + xmlEscape(g.retailer.name) + "</title>"
            x += "<description>" + xmlEscape(g.text) + "</description>"
            x += "<pubDate>" + g.created.rfc822 + "</pubDate>"
            x += "<author>" + xmlEscape(g.author) + "</author></item>\n"
            return x
        case "trustpilot":
            j.raw("{"); j.key("id"); j.string(g.id); j.raw(","); j.key("stars"); j.raw(String(g.rating))
            j.raw(","); j.key("title"); j.string(""); j.raw(","); j.key("text"); j.string(g.text)
            j.raw(","); j.key("language"); j.string(g.lang); j.raw(","); j.key("createdAt"); j.string(g.created.iso8601)
            j.raw(","); j.key("consumer"); j.raw("{"); j.key("displayName"); j.string(g.author); j.raw("}")
            j.raw(","); j.key("businessUnit"); j.raw("{"); j.key("displayName"); j.string(g.retailer.name); j.raw("}}")
        default:
            j.raw("{"); j.key("id"); j.string(g.id); j.raw(","); j.key("created_at"); j.string(g.created.iso8601)
            j.raw(","); j.key("lang"); j.string(g.lang); j.raw(","); j.key("author"); j.string(g.author)
            j.raw(","); j.key("text"); j.string(g.text); j.raw("}")
        }
        return j.out + "\n"
    }

    public static func csvHeader() -> String { "id,created_at,lang,rating,retailer,author,text\r\n" }
}

extension String {
    /// A hash that does not change between runs (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h % 10_000_000_000
    }
    /// `…Z` → `….000Z` (Twitter's API v2 spelling).
    func replacingZ() -> String { hasSuffix("Z") ? String(dropLast()) + ".000Z" : self }
}

extension CorpusGenerator {
    /// The RSS 2.0 document head and tail around generated items.
    public static func rssHeader() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Tillit synthetic feed</title><link>https://example.invalid/</link><description>Generated by tillit corpus generate</description>\n"
    }
    public static func rssFooter() -> String { "</channel></rss>\n" }
}

func xmlEscape(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

extension Timestamp {
    /// RFC 822 / 1123 date as RSS writes it: `Tue, 24 Nov 2026 12:07:21 GMT`.
    public var rfc822: String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let c = components
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(days[weekday - 1]), \(two(c.day)) \(months[c.month - 1]) \(c.year) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) GMT"
    }
}
