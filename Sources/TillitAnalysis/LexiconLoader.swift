import TillitCore
import TillitText
import TillitImport

/// Loads `Lexicons/` into a `LexiconBundle`. Keys are normalised (NFKC_Casefold) and tokenized with the
/// same tokenizer as the texts, so a key matches exactly what the analyser sees.
public struct LexiconLoader {
    public var directory: String
    /// User lexicons (`--lexicon PATH`): VADER TSV, AFINN TSV or `term<TAB>score`, added to `language`.
    public var extraLexicons: [(path: String, language: Language?)] = []
    /// User retailer files (`--retailers FILE`), same columns as `retailers.tsv`.
    public var extraRetailers: [String] = []

    public init(directory: String) { self.directory = directory }

    public func load() throws(FileError) -> LexiconBundle {
        var b = LexiconBundle(directory: directory)
        var hasher = ContentHasher()
        func read(_ rel: String, required: Bool = false) throws(FileError) -> LexiconFile? {
            let path = directory + "/" + rel
            guard FileBytes.exists(path) else {
                if required { throw FileError(path: path, reason: "missing lexicon file") }
                return nil
            }
            let text = try FileBytes.readString(path)
            hasher.add(rel); hasher.add(text)
            b.files.append(rel)
            return LexiconFile(name: rel, text: text)
        }
        // 1. Tokenizer protection data first: emoticons and abbreviations.
        let emojiFile = try read("emoji.tsv")
        var abbrevFiles: [LexiconFile] = []
        for lang in Language.analysed { if let f = try read("\(lang.rawValue)/abbreviations.txt") { abbrevFiles.append(f) } }
        if let f = emojiFile {
            for e in f.entries where !e.key.isEmpty && e.key.utf8.allSatisfy({ $0 < 0x80 }) { b.tokenizerRules.addEmoticon(e.key) }
        }
        for f in abbrevFiles { for e in f.entries { b.tokenizerRules.addAbbreviation(ICUNormalizer.casefold(e.key)) } }
        let tokenizer = Tokenizer(rules: b.tokenizerRules)
        let keyTokens: (String) -> [String] = { key in
            let t = tokenizer.tokenize(ICUNormalizer.casefold(key))
            return t.tokens.indices.map { t.normalized($0) }
        }
        // 2. Emoji valences.
        if let f = emojiFile {
            for e in f.entries {
                guard let v = score(e, f, &b.diagnostics) else { continue }
                let t = tokenizer.tokenize(e.key)
                let key = t.tokens.count == 1 ? Array(t.arena) : Array(ICUNormalizer.casefold(e.key).utf8)
                b.emoji.add(key, v, source: "\(f.name):\(e.line)")
            }
        }
        // 3. Languages.
        for lang in Language.analysed {
            var lex = LanguageLexicon(language: lang)
            let code = lang.rawValue
            if let f = try read("\(code)/valence.tsv", required: true) { addValence(f, &lex, keyTokens, &b.diagnostics) }
            if let f = try read("\(code)/idioms.tsv") { addValence(f, &lex, keyTokens, &b.diagnostics) }
            for (file, role) in [("negators.txt", WordRoles.negator), ("irrealis.txt", .irrealis), ("clause_breaks.txt", .clauseBreak), ("anaphors.txt", .anaphor)] {
                if let f = try read("\(code)/\(file)") {
                    for e in f.entries { addRole(keyTokens(e.key), role, booster: 0, source: EntrySource(file: f.name, line: e.line), &lex) }
                }
            }
            if let f = try read("\(code)/boosters.tsv") {
                for e in f.entries {
                    guard let v = number(e, 1, f, &b.diagnostics, range: -2...2) else { continue }
                    addRole(keyTokens(e.key), .booster, booster: v, source: EntrySource(file: f.name, line: e.line), &lex)
                }
            }
            if let f = try read("\(code)/contrast.tsv") {
                for e in f.entries {
                    guard e.fields.count >= 2 else { b.diagnostics.append(LexiconDiagnostic(.error, f.name, e.line, "expected term<TAB>role")); continue }
                    let role: WordRoles
                    switch e.fields[1].trimmingASCIIWhitespace() {
                    case "but": role = .contrastBut
                    case "although": role = .contrastAlthough
                    default: b.diagnostics.append(LexiconDiagnostic(.error, f.name, e.line, "role must be 'but' or 'although'")); continue
                    }
                    addRole(keyTokens(e.key), role, booster: 0, source: EntrySource(file: f.name, line: e.line), &lex)
                }
            }
            if let f = try read("\(code)/prefixes.tsv") {
                for e in f.entries {
                    guard e.fields.count >= 3, let v = Double(e.fields[2].trimmingASCIIWhitespace()) else {
                        b.diagnostics.append(LexiconDiagnostic(.error, f.name, e.line, "expected prefix<TAB>role<TAB>value")); continue
                    }
                    let id = lex.term(ICUNormalizer.casefold(e.key))
                    switch e.fields[1].trimmingASCIIWhitespace() {
                    case "intensifier": lex.info[Int(id)].roles.insert(.intensifierPrefix); lex.info[Int(id)].prefixValue = v
                    case "positive", "negative": lex.info[Int(id)].prefixValence = v
                    default: b.diagnostics.append(LexiconDiagnostic(.error, f.name, e.line, "role must be intensifier, positive or negative"))
                    }
                }
            }
            if let f = try read("\(code)/linking.txt") { lex.linking = f.entries.map { Array($0.key.utf8) }; lex.compounds = !lex.linking.isEmpty }
            if let f = try read("\(code)/endings.txt") { lex.endings = f.entries.map { Array($0.key.utf8) }.sorted { $0.count > $1.count } }
            if let f = try read("\(code)/aspects.tsv") { addAspects(f, &lex, keyTokens, &b.diagnostics) }
            if let f = try read("\(code)/aspect_blocks.tsv") {
                for e in f.entries {
                    guard e.fields.count >= 2 else { b.diagnostics.append(LexiconDiagnostic(.error, f.name, e.line, "expected expression<TAB>driver")); continue }
                    let spec = e.fields[1].trimmingASCIIWhitespace()
                    let driver = Driver(rawValue: spec.uppercased())
                    if driver == nil && spec != "*" { b.diagnostics.append(LexiconDiagnostic(.error, f.name, e.line, "unknown driver '\(spec)'")); continue }
                    let terms = keyTokens(e.key).map { lex.term($0) }
                    lex.addPhrase(Phrase(terms: terms, meaning: .block(driver), source: EntrySource(file: f.name, line: e.line)))
                }
            }
            if let f = try read("\(code)/function_words.txt") {
                addFunctionWords(f, lang, &b)
                for e in f.entries { lex.frequentForms.insert(ICUNormalizer.casefold(e.key)) }
            }
            b.languages[lang] = lex
        }
        if let f = try read("nb/function_words.txt") { addFunctionWords(f, .nb, &b) }
        // Sentiment vocabularies are weaker language evidence (words shared by languages cancel out).
        for lang in Language.analysed {
            let lex = b.languages[lang]!
            for id in 0..<Int32(lex.terms.count) where lex.info[Int(id)].valence != nil {
                let w = lex.terms.string(id)
                if w.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) { b.identifier.addVocabulary(word: w, language: lang) }
            }
        }
        // 4. User lexicons.
        for extra in extraLexicons {
            let text = try FileBytes.readString(extra.path)
            hasher.add(extra.path); hasher.add(text)
            let f = LexiconFile(name: extra.path, text: text)
            let targets = extra.language.map { [$0] } ?? Language.analysed
            for lang in targets { addValence(f, &b.languages[lang]!, keyTokens, &b.diagnostics, userFormat: true) }
        }
        // 5. Retailers.
        if let f = try read("retailers.tsv") { addRetailers(f, &b, keyTokens) }
        for path in extraRetailers {
            let text = try FileBytes.readString(path)
            hasher.add(path); hasher.add(text)
            addRetailers(LexiconFile(name: path, text: text), &b, keyTokens)
        }
        for lang in Language.analysed {
            b.stems[lang] = WordResolver.stemTable(for: b.languages[lang]!, stemmer: Stemmer(language: lang.rawValue))
        }
        b.version = hasher.hex
        return b
    }

    // MARK: pieces

    func score(_ e: LexiconEntry, _ f: LexiconFile, _ d: inout [LexiconDiagnostic]) -> Double? {
        number(e, 1, f, &d, range: -4...4)
    }

    func number(_ e: LexiconEntry, _ column: Int, _ f: LexiconFile, _ d: inout [LexiconDiagnostic], range: ClosedRange<Double>) -> Double? {
        guard e.fields.count > column, let v = Double(e.fields[column].trimmingASCIIWhitespace()) else {
            d.append(LexiconDiagnostic(.error, f.name, e.line, "expected a number in column \(column + 1)"))
            return nil
        }
        guard range.contains(v) else {
            d.append(LexiconDiagnostic(.error, f.name, e.line, "value \(v) outside \(range.lowerBound)…\(range.upperBound)"))
            return nil
        }
        return v
    }

    func addValence(_ f: LexiconFile, _ lex: inout LanguageLexicon, _ keyTokens: (String) -> [String],
                    _ d: inout [LexiconDiagnostic], userFormat: Bool = false) {
        for e in f.entries {
            // VADER's TSV has term, mean, sd, ratings; AFINN and plain lists have term, score.
            guard let v = score(e, f, &d) else { continue }
            let toks = keyTokens(e.key)
            guard !toks.isEmpty else { continue }
            let src = EntrySource(file: f.name, line: e.line)
            if toks.count == 1 {
                let id = lex.term(toks[0])
                lex.info[Int(id)].valence = v
                lex.info[Int(id)].valenceSource = src
            } else {
                let terms = toks.map { lex.term($0) }
                lex.removeValencePhrase(terms)
                lex.addPhrase(Phrase(terms: terms, meaning: .valence(v), source: src))
            }
        }
    }

    func addRole(_ toks: [String], _ role: WordRoles, booster: Double, source: EntrySource, _ lex: inout LanguageLexicon) {
        guard !toks.isEmpty else { return }
        if toks.count == 1 {
            let id = lex.term(toks[0])
            lex.info[Int(id)].roles.insert(role)
            if booster != 0 { lex.info[Int(id)].booster = booster }
        } else {
            lex.addPhrase(Phrase(terms: toks.map { lex.term($0) }, meaning: .role(role, booster: booster), source: source))
        }
    }

    func addAspects(_ f: LexiconFile, _ lex: inout LanguageLexicon, _ keyTokens: (String) -> [String], _ d: inout [LexiconDiagnostic]) {
        for e in f.entries {
            guard e.fields.count >= 4 else { d.append(LexiconDiagnostic(.error, f.name, e.line, "expected term<TAB>driver<TAB>kind<TAB>polarity")); continue }
            guard let driver = Driver(rawValue: e.fields[1].trimmingASCIIWhitespace().uppercased()) else {
                d.append(LexiconDiagnostic(.error, f.name, e.line, "unknown driver '\(e.fields[1])'")); continue
            }
            guard let kind = AspectCue.Kind(rawValue: e.fields[2].trimmingASCIIWhitespace()) else {
                d.append(LexiconDiagnostic(.error, f.name, e.line, "kind must be word, head or mwe")); continue
            }
            guard let pol = number(e, 3, f, &d, range: -4...4) else { continue }
            let key = ICUNormalizer.casefold(e.key)
            let cue = AspectCue(driver: driver, kind: kind, polarity: pol, term: key, source: EntrySource(file: f.name, line: e.line))
            let toks = keyTokens(key)
            guard !toks.isEmpty else { continue }
            if kind == .head, toks.count == 1 {
                lex.addHeadCue(toks[0], cue)
            } else if toks.count == 1 {
                let id = lex.term(toks[0])
                lex.addWordCue(id, cue)
            } else {
                lex.addPhrase(Phrase(terms: toks.map { lex.term($0) }, meaning: .aspectCue(cue), source: cue.source))
            }
        }
    }

    func addFunctionWords(_ f: LexiconFile, _ lang: Language, _ b: inout LexiconBundle) {
        for e in f.entries {
            let w = e.fields.count > 1 ? Float(e.fields[1].trimmingASCIIWhitespace()) ?? 1 : 1
            b.identifier.add(word: ICUNormalizer.casefold(e.key), language: lang, weight: w / 10)
        }
    }

    func addRetailers(_ f: LexiconFile, _ b: inout LexiconBundle, _ keyTokens: (String) -> [String]) {
        for e in f.entries {
            if e.key == "id" { continue } // column header
            guard e.fields.count >= 7 else {
                b.diagnostics.append(LexiconDiagnostic(.error, f.name, e.line, "expected at least 7 columns (id, name, aliases, handles, domains, sector, country)")); continue
            }
            func list(_ i: Int) -> [String] {
                guard i < e.fields.count else { return [] }
                return e.fields[i].split(separator: "|").map { String($0).trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
            }
            let ctx = list(8)
            let r = Retailer(id: e.key.trimmingASCIIWhitespace(), name: e.fields[1], aliases: list(2).map(ICUNormalizer.casefold),
                             handles: list(3), domains: list(4), sector: e.fields[5], countries: list(6).flatMap { $0.split(separator: ",").map(String.init) },
                             ambiguous: e.fields.count > 7 && e.fields[7].trimmingASCIIWhitespace().lowercased() == "yes",
                             context: ctx.filter { !$0.hasPrefix("!") }, negativeContext: ctx.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) },
                             source: EntrySource(file: f.name, line: e.line))
            b.registry.add(r, tokenize: keyTokens)
        }
    }
}

/// A 128-bit content hash (two FNV-1a 64 lanes) for lexicon versions: stable across runs and machines.
struct ContentHasher {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142
    mutating func add(_ s: String) {
        for byte in s.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9
        }
        a = (a ^ 0xFF) &* 0x0000_0100_0000_01b3
    }
    var hex: String {
        func h(_ v: UInt64) -> String { let s = String(v, radix: 16); return String(repeating: "0", count: 16 - s.count) + s }
        return h(a) + h(b)
    }
}
