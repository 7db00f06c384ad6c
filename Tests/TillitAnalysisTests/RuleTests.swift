import Testing
import TillitCore
import TillitTestSupport
@testable import TillitAnalysis

/// Rule tests on a small fixture lexicon (Tests/Fixtures/lexicons), so each expectation names its cause.
let fixtureBundle: LexiconBundle = try! LexiconLoader(directory: Golden.packageRoot() + "/Tests/Fixtures/lexicons").load()

func analyse(_ text: String, _ lang: Language, bundle: LexiconBundle = fixtureBundle) -> PostAnalysis {
    Analyzer(bundle: bundle).analyze(Post(id: "t", source: "test", text: text), forceLanguage: lang, keepText: true)
}

func rules(_ a: PostAnalysis) -> [String] { a.sentiment.items.flatMap { $0.evidence.map(\.rule) } }

@Suite struct SentimentRuleTests {
    @Test("negation after the verb in a V2 main clause (sv)")
    func negationAfterVerb() {
        let a = analyse("Jag gillar inte det här", .sv)
        #expect(a.sentiment.sentiment.label == .negative)
        #expect(rules(a).contains("negation"))
    }

    @Test("negation before the word (sv, en, da)", arguments: [("Det var inte bra", Language.sv), ("It was not good", .en), ("Det var ikke godt", .da)])
    func negationBefore(_ text: String, _ lang: Language) {
        #expect(analyse(text, lang).sentiment.sentiment.label == .negative)
    }

    @Test("a negator does not cross a clause boundary")
    func negationScope() {
        let a = analyse("Bra, inte dyrt", .sv)
        let bra = a.sentiment.items.first { $0.evidence.first?.text == "Bra" }
        #expect(bra?.value == 1.9)
    }

    @Test("a following negator that belongs to the next word is not applied backwards")
    func forwardNegatorClaimed() {
        let a = analyse("bra inte dålig", .sv)
        #expect(a.sentiment.items.first?.value == 1.9)
    }

    @Test("idioms replace their words: 'inte illa' is positive")
    func idiom() {
        let a = analyse("Inte illa alls", .sv)
        #expect(a.sentiment.sentiment.label == .positive)
        #expect(rules(a).first == "lexicon.phrase")
    }

    @Test("contrast: the clause after 'men' weighs more")
    func contrast() {
        let a = analyse("Maten var god men dyrt", .sv)
        let values = a.sentiment.items.map(\.value)
        #expect(values.count == 2)
        #expect(abs(values[0] - 1.9 * 0.5) < 1e-9)
        #expect(abs(values[1] + 1.2 * 1.5) < 1e-9)
    }

    @Test("boosters, ALL CAPS and exclamation marks add emphasis")
    func emphasis() {
        let plain = analyse("It is good", .en).sentiment.raw
        let boosted = analyse("It is very good", .en).sentiment.raw
        let caps = analyse("It is GOOD", .en).sentiment.raw
        let bang = analyse("It is good!!!", .en).sentiment.raw
        #expect(boosted > plain && caps > plain && bang > plain)
    }

    @Test("compound-internal intensifier: skit|bra is more positive than bra")
    func compound() {
        let a = analyse("skitbra", .sv)
        #expect(a.sentiment.items.first?.value == 1.9 + 0.5)
        #expect(rules(a).contains("compound.intensifier"))
    }

    @Test("irrealis damps: 'skulle vara bra' is weaker than 'är bra'")
    func irrealis() {
        #expect(analyse("det skulle vara bra", .sv).sentiment.raw < analyse("det är bra", .sv).sentiment.raw)
    }

    @Test("emoji and emoticons carry sentiment")
    func emoji() {
        #expect(analyse("👍🏽", .sv).sentiment.sentiment.label == .positive)
        #expect(analyse("ok :)", .sv).sentiment.sentiment.label == .positive)
    }
}

@Suite struct AspectRuleTests {
    @Test("the issue's example: personalization positive (Z2), privacy negative (P6)")
    func mixed() {
        let a = analyse("Älskar de personliga erbjudandena men det är obehagligt hur mycket ICA vet om mig", .sv)
        #expect(a.aspects[.personalization]?.sentiment.label == .positive)
        #expect(a.aspects[.personalization]?.drivers == [.z2])
        #expect(a.aspects[.privacy]?.sentiment.label == .negative)
        #expect(a.aspects[.privacy]?.drivers == [.p6])
    }

    @Test("compound heads carry the cue: 'dataläckan' is P1 and negative")
    func head() {
        let a = analyse("Ännu en dataläckan hos dem", .sv)
        #expect(a.aspects[.privacy]?.drivers == [.p1])
        #expect(a.aspects[.privacy]?.sentiment.label == .negative)
    }

    @Test("a false friend blocks the cue: parcel tracking is not P2")
    func block() {
        #expect(analyse("Kunde inte spåra paketet", .sv).aspects[.privacy] == nil)
    }

    @Test("a negated cue flips: never any spam is positive about P7")
    func negatedCue() {
        let a = analyse("Jag har aldrig fått spam från dem", .sv)
        #expect(a.aspects[.privacy]?.sentiment.label == .positive)
    }
}

@Suite struct RetailerRuleTests {
    @Test("unambiguous names, handles and domains attribute with their reason")
    func plain() {
        let a = analyse("Handlade på icas hemsida, se ica.se eller @ICAsverige", .sv)
        #expect(a.retailers.map(\.id) == ["ica"])
        #expect(a.retailers.first?.reason == "name:icas")
    }

    @Test("an ambiguous name needs context or capitalisation; a negative context vetoes", arguments: [
        ("I have no power left", [String]()),
        ("Købte et tv hos power i går", ["power"]),
        ("Jeg har handlet hos POWER i går", ["power"]),
        ("Lånet i ICA Banken var dyrt", [String]()),
    ])
    func ambiguous(_ text: String, _ ids: [String]) {
        #expect(analyse(text, .da).retailers.map(\.id) == ids)
    }

    @Test("source metadata comes first")
    func metadata() {
        var p = Post(id: "1", source: "t", text: "Bra butik")
        p.hints = [TargetHint(.businessName, "ICA Maxi Lindhagen")]
        let a = Analyzer(bundle: fixtureBundle).analyze(p, forceLanguage: .sv)
        #expect(a.retailers.first?.reason == "metadata:business_name")
    }
}

@Suite struct RecordTests {
    @Test("the JSON record has the documented fields in a fixed order")
    func record() {
        var p = Post(id: "42", source: "ndjson", text: "Jag gillar inte ICA", author: "anna")
        p.createdAt = TimestampParser.parse("2026-11-20T10:00:00Z")
        p.rating = 2
        let a = Analyzer(bundle: fixtureBundle).analyze(p)
        let json = RecordEncoder(lexiconVersion: "v", toolVersion: "t").json(a)
        let keys = ["\"id\"", "\"source\"", "\"lang\"", "\"lang_confidence\"", "\"lang_source\"", "\"created_at\"", "\"week\"", "\"author\"",
                    "\"rating\"", "\"retailers\"", "\"sentiment\"", "\"aspects\"", "\"lexicon_version\"", "\"tillit_version\""]
        var last = json.startIndex
        for k in keys {
            let r = json.firstRange(of: k)
            #expect(r != nil, "missing \(k)")
            if let r { #expect(r.lowerBound >= last); last = r.lowerBound }
        }
        #expect(json.contains(#""week":"2026-W47""#))
        #expect(json.contains(#""lang":"sv""#))
        #expect(json.contains(#""privacy":null"#))
    }

    @Test("explain output for fixture texts matches its golden file", arguments: ["sv-mixed", "en-contrast"])
    func explainGolden(_ name: String) {
        let text = name == "sv-mixed" ? "Älskar de personliga erbjudandena men det är obehagligt hur mycket ICA vet om mig" : "I don't like it, but it is GOOD!!! :)"
        let a = analyse(text, name.hasPrefix("sv") ? .sv : .en)
        let rendered = ExplanationPrinter(analysis: a, bundle: fixtureBundle).render()
        let outcome = Golden.check("explain-\(name).txt", rendered.replacingVersion(fixtureBundle.version))
        if case .mismatch(let expected) = outcome { Issue.record("golden differs:\n--- expected\n\(expected)\n--- actual\n\(rendered)") }
    }
}

extension String {
    func replacingVersion(_ v: String) -> String {
        guard let r = firstRange(of: String(v.prefix(12))) else { return self }
        var s = self
        s.replaceSubrange(r, with: "<version>")
        return s
    }
}

@Suite struct TargetSentimentTests {
    @Test("opinion targets take the sentiment of their own clause")
    func targets() {
        let a = Analyzer(bundle: fixtureBundle)
        let text = "The food was great but the service was bad"
        let food = text.utf8.firstRange(of: "food".utf8)!
        let service = text.utf8.firstRange(of: "service".utf8)!
        let start = text.utf8.startIndex
        let f = a.targetSentiment(text, target: text.utf8.distance(from: start, to: food.lowerBound)..<text.utf8.distance(from: start, to: food.upperBound), forceLanguage: .en)
        let s = a.targetSentiment(text, target: text.utf8.distance(from: start, to: service.lowerBound)..<text.utf8.distance(from: start, to: service.upperBound), forceLanguage: .en)
        #expect(f.target.label == .positive)
        #expect(s.target.label == .negative)
    }
}
