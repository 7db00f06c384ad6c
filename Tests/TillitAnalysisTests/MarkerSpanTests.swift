import Testing
import TillitCore
import TillitTestSupport
@testable import TillitAnalysis

/// Marker-span rule tests (swift-format style): `⟦…⟧` marks the words a rule must point at; the test
/// strips the markers, analyses the text and checks that an evidence entry of that rule covers exactly
/// the marked bytes. Each case names language, rule and text.
struct MarkedText {
    let text: String
    let span: Range<Int>

    init(_ marked: String) {
        var out = "", start = 0, end = 0
        for ch in marked {
            if ch == "⟦" { start = out.utf8.count } else if ch == "⟧" { end = out.utf8.count } else { out.append(ch) }
        }
        text = out
        span = start..<end
    }
}

@Suite struct MarkerSpanTests {
    static let cases: [(Language, String, String)] = [
        (.sv, "negation", "Jag gillar ⟦inte⟧ det här"),            // after the verb (V2 main clause)
        (.sv, "negation", "Det var ⟦inte⟧ bra"),                   // before the word
        (.sv, "negation", "Jag tycker att de ⟦aldrig⟧ är bra"), // subordinate clause, before the verb
        (.sv, "booster", "Maten var ⟦mycket⟧ god"),
        (.sv, "dampener", "Personalen var ⟦lite⟧ trevlig"),
        (.sv, "contrast.before", "Maten var god ⟦men⟧ dyrt"),
        (.sv, "contrast.after", "Maten var god ⟦men⟧ dyrt"),
        (.sv, "irrealis", "Det ⟦skulle⟧ vara bra"),
        (.sv, "emoji", "Hämtade paketet ⟦👍🏽⟧"),
        (.sv, "compound.intensifier", "Leveransen var ⟦skitbra⟧"),
        (.da, "negation", "Jeg ⟦ikke⟧ elsker det"),
        (.da, "negation", "Det var ⟦ikke⟧ godt"),
        (.da, "booster", "Det var ⟦meget⟧ godt"),
        (.da, "contrast.after", "Godt ⟦men⟧ dårlig"),
        (.da, "irrealis", "Det ⟦ville⟧ være godt"),
        (.en, "negation", "I ⟦don't⟧ like it"),
        (.en, "negation", "It was ⟦not⟧ good"),
        (.en, "booster", "It was ⟦very⟧ good"),
        (.en, "contrast.before", "It was good ⟦but⟧ bad"),
        (.en, "irrealis", "It ⟦would⟧ be good"),
        (.en, "caps", "It was ⟦GOOD⟧ indeed"),
        (.en, "emoji", "Arrived today ⟦:)⟧"),
    ]

    @Test("a rule points at the marked words", arguments: cases)
    func marked(_ lang: Language, _ rule: String, _ marked: String) {
        let m = MarkedText(marked)
        let a = Analyzer(bundle: fixtureBundle).analyze(Post(id: "m", source: "test", text: m.text), forceLanguage: lang, keepText: true)
        guard let t = a.text else { Issue.record("no tokens"); return }
        let spans: [Range<Int>] = a.sentiment.items.flatMap(\.evidence).filter { $0.rule == rule && !$0.tokens.isEmpty }.map {
            Int(t.tokens[$0.tokens.lowerBound].start)..<Int(t.tokens[$0.tokens.upperBound - 1].end)
        }
        #expect(spans.contains(m.span), "\(rule) in '\(m.text)': expected bytes \(m.span), got \(spans)")
    }

    @Test("no rule fires where none should: a negator in another clause leaves the word alone")
    func outOfScope() {
        let a = Analyzer(bundle: fixtureBundle).analyze(Post(id: "m", source: "test", text: "Inte billigt, men bra"), forceLanguage: .sv, keepText: true)
        let bra = a.sentiment.items.first { $0.evidence.first?.text == "bra" }
        #expect(bra?.evidence.contains { $0.rule == "negation" } == false)
    }
}
