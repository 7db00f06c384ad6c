import TillitCore

/// Shared Twitter/X mapping: hints from entities and status URLs.
enum TwitterSupport {
    static let ownHosts: Set<String> = ["twitter.com", "x.com", "t.co", "mobile.twitter.com"]

    /// Mentions and linked domains from v1.1 / archive `entities`.
    static func v1Hints(_ entities: JSONValue?, into hints: inout [TargetHint]) {
        guard let e = entities else { return }
        for m in e["user_mentions"]?.array ?? [] { MapperSupport.add(m.string("screen_name").map { TargetHint(.handle, $0) }, to: &hints) }
        for u in e["urls"]?.array ?? [] {
            if let url = u.string("expanded_url") ?? u.string("url") { MapperSupport.add(MapperSupport.domainHint(url, ignoring: ownHosts), to: &hints) }
        }
    }

    /// Mentions and linked domains from v2 `entities`.
    static func v2Hints(_ entities: JSONValue?, into hints: inout [TargetHint]) {
        guard let e = entities else { return }
        for m in e["mentions"]?.array ?? [] { MapperSupport.add(m.string("username").map { TargetHint(.handle, $0) }, to: &hints) }
        for u in e["urls"]?.array ?? [] {
            if let url = u.string("unwound_url") ?? u.string("expanded_url") ?? u.string("url") {
                MapperSupport.add(MapperSupport.domainHint(url, ignoring: ownHosts), to: &hints)
            }
        }
    }

    static func statusURL(id: String, user: String?) -> String {
        if let u = user { return "https://twitter.com/\(u)/status/\(id)" }
        return "https://twitter.com/i/web/status/\(id)"
    }
}
