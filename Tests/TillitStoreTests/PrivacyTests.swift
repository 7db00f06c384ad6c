import Testing
import TillitCore
import TillitStore

@Suite struct PseudonymizerTests {
    @Test("pseudonyms are HMAC-SHA256 (RFC 4231 test case 2) cut to 16 hex digits")
    func rfc4231() {
        let p = Pseudonymizer(key: Array("Jefe".utf8))
        // HMAC-SHA256("Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e6a042426089575c7…
        #expect(p.pseudonym("what do ya want for nothing?") == "a:5bdcc146bf60754e")
    }

    @Test("handles are normalised: @, case and surrounding spaces do not change the pseudonym")
    func normalised() {
        let p = Pseudonymizer(key: Array(repeating: 7, count: 32))
        #expect(p.pseudonym("@Anna") == p.pseudonym(" anna "))
        #expect(p.pseudonym("anna") != p.pseudonym("anne"))
        #expect(Pseudonymizer(key: Array(repeating: 8, count: 32)).pseudonym("anna") != p.pseudonym("anna"))
    }
}

@Suite struct RedactorTests {
    static let redactor = Redactor(streetSuffixes: ["gatan", "vägen", "gade", "vej", "allé"], streetWords: ["street", "allé", "road", "vej"])

    @Test("personal data is replaced", arguments: [
        ("Mejla mig på anna.k+ica@example.se tack", "Mejla mig på [email] tack"),
        ("Ring 070-123 45 67 eller +46 70 123 45 67", "Ring [phone] eller [phone]"),
        ("Mit nummer er 12 34 56 78.", "Mit nummer er [phone]."),
        ("Personnummer 19850612-1234 och 850612-1234", "Personnummer [id-number] och [id-number]"),
        ("CPR 120685-1234 blev vist", "CPR [id-number] blev vist"),
        ("Kortet 4111 1111 1111 1111 debiterades", "Kortet [card] debiterades"),
        ("Jag bor på Storgatan 12, 123 45 Stockholm och", "Jag bor på [address] och"),
        ("Leveret til Vesterbrogade 3B, 1620 København V", "Leveret til [address] V"),
        ("Nørre Allé 7 i Aarhus", "[address] i Aarhus"),
        ("sent to 221B Baker Street last week", "sent to [address] last week"),
    ])
    func redacts(_ input: String, _ expected: String) {
        #expect(RedactorTests.redactor.redact(input) == expected)
    }

    @Test("ordinary numbers, dates, prices and street names without a number stay", arguments: [
        "Den 2026-11-20 kostade det 1 234 kr, 20.11.2026 kl. 10:15",
        "ICA på Drottninggatan har bra frukt",
        "Order 4711 kom efter 3 dagar, 25 % rabatt",
        "I gave it 5 stars in 2025",
    ])
    func keeps(_ input: String) {
        #expect(RedactorTests.redactor.redact(input) == input)
    }

    @Test("redacting twice changes nothing")
    func idempotent() {
        let s = "anna@example.com, 070-123 45 67, Storgatan 12, 4111 1111 1111 1111"
        let once = RedactorTests.redactor.redact(s)
        #expect(RedactorTests.redactor.redact(once) == once)
    }
}

@Suite struct TallyTests {
    @Test("tallies form a commutative monoid: any order and grouping gives the same result")
    func monoid() {
        let seed: UInt64 = 20_261_120
        var rng = SplitMix64(seed: seed)
        var parts: [Tally] = []
        for _ in 0..<8 {
            var t = Tally()
            for _ in 0..<50 {
                let key = TallyKey(retailer: ["ica", "coop", Tally.allPosts].randomElement(using: &rng)!,
                                   week: ISOWeek(year: 2026, week: Int.random(in: 40...47, using: &rng)),
                                   aspect: [nil, Aspect.privacy, .personalization].randomElement(using: &rng)!)
                let label = SentimentLabel.allCases.randomElement(using: &rng)!
                t.add(key, label: label, score: Int64.random(in: -10_000...10_000, using: &rng),
                      drivers: Array(Driver.allCases.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng))))
            }
            parts.append(t)
        }
        let forward = parts.reduce(Tally(), +)
        let backward = parts.reversed().reduce(Tally(), +)
        var shuffled = parts
        shuffled.shuffle(using: &rng)
        let pairs = stride(from: 0, to: shuffled.count, by: 2).map { shuffled[$0] + shuffled[$0 + 1] }.reduce(Tally(), +)
        #expect(forward == backward, "seed \(seed)")
        #expect(forward == pairs, "seed \(seed)")
        #expect(forward + Tally() == forward)
    }
}
