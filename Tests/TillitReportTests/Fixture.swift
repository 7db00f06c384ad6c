import TillitCore
import TillitStore
import TillitTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The fixed store behind the report goldens: hand-written posts about three retailers over weeks
/// 36–47 of 2026, repeated in fixed numbers per week (ICA has a privacy spike in week 47, driven by a
/// data breach; Matas has too few posts to be more than a small sample).
enum Fixture {
    struct Template {
        var text: String
        var label: SentimentLabel
        var aspects: [(Aspect, SentimentLabel, [Driver])]
    }

    static let privacySpam = Template(text: "ICA skickar spam varje dag fast jag har avregistrerat mig. Ring inte 070-123 45 67 igen!", label: .negative,
                                      aspects: [(.privacy, .negative, [.p7, .p8])])
    static let privacyBreach = Template(text: "Dataläcka hos ICA: mina kortuppgifter läckte, och nu får jag mejl till anna.k@example.se från bedragare.",
                                        label: .negative, aspects: [(.privacy, .negative, [.p1])])
    static let privacyNeutral = Template(text: "Hur raderar man sitt konto hos ICA? Hittar inget om det i villkoren.", label: .neutral,
                                         aspects: [(.privacy, .neutral, [.p8, .p9])])
    static let offers = Template(text: "Älskar de personliga erbjudandena på Stammis, 300 kr i bonus den här månaden!", label: .positive,
                                 aspects: [(.personalization, .positive, [.z2, .z3])])
    static let offersButCreepy = Template(text: "Bra personliga erbjudanden men obehagligt hur mycket de vet om mig.", label: .neutral,
                                          aspects: [(.personalization, .positive, [.z2]), (.privacy, .negative, [.p6])])
    static let irrelevant = Template(text: "Erbjudandena passar inte alls, jag köper aldrig kattmat.", label: .negative,
                                     aspects: [(.personalization, .negative, [.z4])])
    static let plain = Template(text: "Bra priser på frukt idag.", label: .positive, aspects: [])
    static let coopSharing = Template(text: "Coop delar mina köpdata med tredje part utan samtycke. Jag bor på Storgatan 12, 123 45 Stockholm och fick reklam hem.",
                                      label: .negative, aspects: [(.privacy, .negative, [.p5, .p3])])
    static let coopMember = Template(text: "Medlemspriserna på Coop är riktigt bra för oss som handlar mycket.", label: .positive,
                                     aspects: [(.personalization, .positive, [.z3])])
    static let matasSpam = Template(text: "Matas sender nyhedsbreve hver dag, selvom jeg har afmeldt. Skriv til mig på 12 34 56 78 hvis I kan stoppe det.",
                                    label: .negative, aspects: [(.privacy, .negative, [.p7])])
    static let matasRecommend = Template(text: "Fine anbefalinger fra Matas ud fra det, jeg har købt før.", label: .positive,
                                         aspects: [(.personalization, .positive, [.z1])])

    /// (retailer, template, count) per week.
    static func schedule(_ week: Int) -> [(String, Template, Int)] {
        var s: [(String, Template, Int)] = []
        if week == 47 {
            s += [("ica", privacyBreach, 30), ("ica", privacySpam, 4), ("ica", offers, 8), ("ica", offersButCreepy, 2), ("ica", plain, 16)]
        } else {
            s += [("ica", privacySpam, 5 + week % 2), ("ica", privacyNeutral, 2), ("ica", offers, 8), ("ica", offersButCreepy, 1),
                  ("ica", irrelevant, 1 + week % 3), ("ica", plain, 22)]
        }
        s += [("coop", coopSharing, 2 + (week == 46 ? 1 : 0)), ("coop", coopMember, 6), ("coop", plain, 12)]
        s += [("matas", matasSpam, 1), ("matas", matasRecommend, 2), ("matas", plain, 2)]
        return s
    }

    static func score(_ l: SentimentLabel) -> Int64 { l == .positive ? 4200 : (l == .negative ? -5100 : 0) }
    static func band(_ l: SentimentLabel) -> SentimentBand { l == .positive ? .positive : (l == .negative ? .negative : .neutral) }

    static func posts() -> [StoredPost] {
        var out: [StoredPost] = []
        var n = 0
        for week in 36...47 {
            for (retailer, t, count) in schedule(week) {
                for k in 0..<count {
                    n += 1
                    let time = ISOWeek(year: 2026, week: week).start.seconds + Int64((k % 5) * 86_400 + 36_000 + n % 3600)
                    let aspects = t.aspects.map { a in
                        StoredAspect(aspect: a.0, score: score(a.1) + Int64(k * 37 % 900) * (a.1 == .negative ? -1 : 1), label: a.1, band: band(a.1), drivers: a.2)
                    }
                    let author = "a:" + String(String(UInt64(n % 61) &* 0x9E37_79B9_7F4A_7C15, radix: 16).suffix(16))
                    out.append(StoredPost(source: n % 3 == 0 ? "csv" : "ndjson", id: "p\(n)", createdAt: Timestamp(seconds: time),
                                          lang: retailer == "matas" ? "da" : "sv", langConfidence: 980, author: author, rating: nil,
                                          score: score(t.label), label: t.label, band: band(t.label), text: t.text, textMode: .full,
                                          origin: "fixture:\(n)", lexiconVersion: "fixture-lexicon-0001", retailers: [(retailer, "name:" + retailer)],
                                          aspects: aspects))
                }
            }
        }
        return out
    }

    static let retailers = [
        RetailerInfo(id: "coop", name: "Coop", sector: "grocery", countries: ["se", "dk"]),
        RetailerInfo(id: "ica", name: "ICA", sector: "grocery", countries: ["se"]),
        RetailerInfo(id: "matas", name: "Matas", sector: "health_beauty", countries: ["dk"]),
    ]

    /// Builds the fixed store in memory.
    static func store(posts: [StoredPost] = posts(), retailers: [RetailerInfo] = retailers) throws -> SQLiteStore {
        let s = try SQLiteStore(path: ":memory:")
        try s.upsertRetailers(retailers)
        let run = try s.beginRun(RunInfo(inputs: ["fixture.ndjson"], options: "{}", lexiconVersion: "fixture-lexicon-0001", toolVersion: "0.1.0",
                                         pid: 1, startedAt: "2026-11-23T00:00:00Z"))
        var c = RunCounts()
        c.read = posts.count + 3; c.analysed = posts.count; c.skipped = 2; c.rejected = 1
        _ = try s.insert(posts, run: run, counts: c)
        try s.finishRun(run, counts: c, status: .complete, finishedAt: "2026-11-23T00:00:01Z")
        return s
    }

    static let redactor = Redactor(streetSuffixes: ["gatan", "vägen", "gade", "vej"], streetWords: ["street", "allé"])
}
