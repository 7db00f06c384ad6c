import TillitCore

/// Report language: every text, number and week format of the HTML (CSV and JSON stay neutral).
///
///     ReportLocale(.sv).integer(1234)        // "1 234"
///     ReportLocale(.da).decimal(1234.5, 1)   // "1.234,5"
///     ReportLocale(.sv).week(ISOWeek(year: 2026, week: 47))  // "vecka 47"
public struct ReportLocale: Sendable {
    public enum Code: String, Sendable, CaseIterable { case en, sv, da }
    public let code: Code
    public init(_ code: Code) { self.code = code }

    var decimalSeparator: String { code == .en ? "." : "," }
    var groupSeparator: String {
        switch code {
        case .en: ","
        case .sv: "\u{00A0}"
        case .da: "."
        }
    }

    /// Groups of three digits with the locale's separator.
    public func integer(_ v: Int) -> String {
        let digits = String(abs(v))
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += groupSeparator }
            out.append(ch)
        }
        return (v < 0 ? "\u{2212}" : "") + out
    }

    /// A number with exactly `digits` decimals, grouped, with a true minus sign.
    public func decimal(_ v: Double, _ digits: Int) -> String {
        let s = formatFixed(abs(v), digits)
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        var out = integer(Int(parts[0]) ?? 0)
        if parts.count > 1 { out += decimalSeparator + parts[1] }
        let isZero = !s.contains(where: { $0 != "0" && $0 != "." })
        return (v < 0 && !isZero ? "\u{2212}" : "") + out
    }

    /// A share 0…1 as a whole percentage: "14 %" (sv, da), "14%" (en).
    public func percent(_ v: Double) -> String {
        decimal((v * 100), 0) + (code == .en ? "%" : "\u{00A0}%")
    }

    /// A percentage range: "10–19 %".
    public func percentRange(_ lo: Double, _ hi: Double) -> String {
        decimal(lo * 100, 0) + "–" + decimal(hi * 100, 0) + (code == .en ? "%" : "\u{00A0}%")
    }

    /// Net sentiment −1…1 shown on a −100…+100 scale with its sign: "+12", "−48", "0".
    public func net(_ v: Double) -> String {
        let r = (v * 100).rounded()
        if r == 0 { return "0" }
        return (r > 0 ? "+" : "\u{2212}") + integer(Int(abs(r)))
    }

    public func netRange(_ lo: Double, _ hi: Double) -> String { net(lo) + " … " + net(hi) }

    public func week(_ w: ISOWeek) -> String {
        switch code {
        case .en: "week \(w.week)"
        case .sv: "vecka \(w.week)"
        case .da: "uge \(w.week)"
        }
    }

    /// "weeks 36–47" (with years when they differ).
    public func weeks(_ a: ISOWeek, _ b: ISOWeek) -> String {
        let word = code == .en ? "weeks" : (code == .sv ? "veckorna" : "ugerne")
        if a.year == b.year { return "\(word) \(a.week)–\(b.week)" }
        return "\(word) \(a.week) \(a.year) – \(b.week) \(b.year)"
    }

    public func aspect(_ a: Aspect) -> String {
        switch (a, code) {
        case (.privacy, .en): "privacy"
        case (.privacy, .sv): "integritet"
        case (.privacy, .da): "privatliv"
        case (.personalization, .en): "personalization"
        case (.personalization, .sv), (.personalization, .da): "personalisering"
        }
    }

    public func label(_ l: SentimentLabel) -> String {
        switch (l, code) {
        case (.positive, .en): "positive"
        case (.neutral, .en): "neutral"
        case (.negative, .en): "negative"
        case (.positive, .sv): "positiva"
        case (.neutral, .sv): "neutrala"
        case (.negative, .sv): "negativa"
        case (.positive, .da): "positive"
        case (.neutral, .da): "neutrale"
        case (.negative, .da): "negative"
        }
    }

    public func driver(_ d: Driver) -> String {
        switch code {
        case .en: return d.title
        case .sv:
            switch d {
            case .p1: return "Datasäkerhet och läckor"
            case .p2: return "Spårning och övervakning"
            case .p3: return "Cookies och samtycke"
            case .p4: return "GDPR, myndigheter, laglighet"
            case .p5: return "Delning eller försäljning av data"
            case .p6: return "Obehag, känslan av att vara iakttagen"
            case .p7: return "Påträngande marknadsföring och spam"
            case .p8: return "Kontroll, radering, avregistrering"
            case .p9: return "Öppenhet och villkor"
            case .p10: return "Överdriven datainsamling"
            case .z1: return "Rekommendationer"
            case .z2: return "Personliga erbjudanden och rabatter"
            case .z3: return "Lojalitetsprogram"
            case .z4: return "Relevans och träffsäkerhet"
            case .z5: return "Bekvämlighet, sparade val"
            case .z6: return "Personlig kommunikation och service"
            }
        case .da:
            switch d {
            case .p1: return "Datasikkerhed og læk"
            case .p2: return "Sporing og overvågning"
            case .p3: return "Cookies og samtykke"
            case .p4: return "GDPR, myndigheder, lovlighed"
            case .p5: return "Deling eller salg af data"
            case .p6: return "Ubehag, følelsen af at blive iagttaget"
            case .p7: return "Påtrængende markedsføring og spam"
            case .p8: return "Kontrol, sletning, afmelding"
            case .p9: return "Gennemsigtighed og vilkår"
            case .p10: return "Overdreven dataindsamling"
            case .z1: return "Anbefalinger"
            case .z2: return "Personlige tilbud og rabatter"
            case .z3: return "Loyalitetsprogrammer"
            case .z4: return "Relevans og træfsikkerhed"
            case .z5: return "Bekvemmelighed, gemte valg"
            case .z6: return "Personlig kommunikation og service"
            }
        }
    }

    /// A fixed text by key; `{0}`, `{1}` … are replaced by `args`.
    public func t(_ key: String, _ args: String...) -> String {
        var s = ReportLocale.texts[key]?[code.rawValue] ?? ReportLocale.texts[key]?["en"] ?? key
        for (i, a) in args.enumerated() { s = s.replacingAll("{\(i)}", with: a) }
        return s
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
