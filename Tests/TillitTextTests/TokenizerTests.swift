import Testing
import TillitCore
@testable import TillitText

func rules() -> TokenizerRules {
    var r = TokenizerRules()
    for e in [":)", ":-(", "<3", ":d", "xd", ":'("] { r.addEmoticon(e) }
    for a in ["p.g.a.", "bl.a.", "f.eks.", "e.g."] { r.addAbbreviation(a) }
    return r
}

func tokens(_ s: String) -> [String] {
    let t = Tokenizer(rules: rules()).tokenize(s)
    return t.tokens.indices.map { "\(t.surface($0))/\(t.tokens[$0].kind.name)" }
}

@Suite struct TokenizerTests {
    @Test("tokens per language and quirk", arguments: [
        ("Sååå bra!!!", ["Sååå/word", "bra/word", "!!!/punct"]),
        ("jag gillar inte det :)", ["jag/word", "gillar/word", "inte/word", "det/word", ":)/emoticon"]),
        ("bra:D", ["bra/word", ":D/emoticon"]),
        ("<3 <3", ["<3/emoticon", "<3/emoticon"]),
        ("#dataläcka hos @ICA_Sverige", ["#dataläcka/hashtag", "dataläcka/word", "hos/word", "@ICA_Sverige/mention"]),
        ("#PrivacyMatters", ["#PrivacyMatters/hashtag", "Privacy/word", "Matters/word"]),
        ("se https://www.ica.se/erbjudanden, nu", ["se/word", "https://www.ica.se/erbjudanden/url", ",/punct", "nu/word"]),
        ("p.g.a. leveransen", ["p.g.a./abbrev", "leveransen/word"]),
        ("f.eks. Matas", ["f.eks./abbrev", "Matas/word"]),
        ("don’t?!", ["don’t/word", "?!/punct"]),
        ("👍🏽 👨‍👩‍👧 ❤️", ["👍🏽/emoji", "👨‍👩‍👧/emoji", "❤️/emoji"]),
        ("kr 1 234,50", ["kr/word", "1/number", "234,50/number"]),
    ])
    func table(_ text: String, _ expected: [String]) {
        #expect(tokens(text) == expected)
    }

    @Test("flags: ALL CAPS, capitalised, elongated, hashtag words")
    func flags() {
        let t = Tokenizer(rules: rules()).tokenize("ALDRIG Bra sååå #ica")
        #expect(t.tokens[0].flags.contains(.allCaps))
        #expect(t.tokens[1].flags.contains(.capitalized) && !t.tokens[1].flags.contains(.allCaps))
        #expect(t.tokens[2].flags.contains(.elongated))
        #expect(t.tokens[4].flags.contains(.inHashtag))
    }

    @Test("normalisation is NFKC_Casefold and keeps diacritics")
    func normalisation() {
        let t = Tokenizer(rules: rules()).tokenize("FÅR Ærlig ÖL Straße ﬁne")
        #expect(t.tokens.indices.map { t.normalized($0) } == ["får", "ærlig", "öl", "strasse", "fine"])
        #expect(ICUNormalizer.casefold(ICUNormalizer.casefold("ÅÄÖ Æ")) == ICUNormalizer.casefold("ÅÄÖ Æ"))
    }

    @Test("NFC and NFD input give the same tokens; ranges are in bounds and ordered (seeded property)")
    func property() {
        var rng = SplitMix64(seed: 20261124)
        let alphabet = ["a", "å", "ä", "ö", "æ", "ø", "e\u{301}", "A\u{30A}", " ", "!", "?", ":)", "#", "@", "👍🏽", "\n", ".", ",", "1", "’"]
        let tokenizer = Tokenizer(rules: rules())
        for _ in 0..<300 {
            let n = Int(rng.next() % 30)
            let s = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            let t = tokenizer.tokenize(s)
            var lastStart: Int32 = 0
            for tok in t.tokens {
                // Hashtag words lie inside their hashtag token, so starts (not ranges) are ordered.
                #expect(tok.start >= lastStart && tok.end > tok.start && Int(tok.end) <= t.bytes.count)
                lastStart = tok.start
            }
            let nfc = tokenizer.tokenize(ICUNormalizer.nfc(s))
            let a = nfc.tokens.indices.map { nfc.normalized($0) }
            let decomposed = s.replacingNFD()
            let nfd = tokenizer.tokenize(decomposed)
            let b = nfd.tokens.indices.map { nfd.normalized($0) }
            #expect(a == b, "seed 20261124, input \(s.debugDescription)")
        }
    }
}

extension String {
    /// Canonical decomposition of the letters this test uses.
    func replacingNFD() -> String {
        var out = ""
        for ch in self {
            switch ch {
            case "å": out += "a\u{30A}"
            case "ä": out += "a\u{308}"
            case "ö": out += "o\u{308}"
            case "é": out += "e\u{301}"
            case "Å": out += "A\u{30A}"
            default: out.append(ch)
            }
        }
        return out
    }
}
