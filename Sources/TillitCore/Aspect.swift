/// The two aspects Tillit measures.
public enum Aspect: String, Sendable, CaseIterable, Hashable, Comparable {
    case privacy, personalization
    public static func < (a: Aspect, b: Aspect) -> Bool { a.rawValue < b.rawValue }
}

/// A driver of an aspect, with the stable ids of TAXONOMY.md (P1–P10, Z1–Z6).
public enum Driver: String, Sendable, CaseIterable, Hashable, Comparable {
    case p1 = "P1", p2 = "P2", p3 = "P3", p4 = "P4", p5 = "P5", p6 = "P6", p7 = "P7", p8 = "P8", p9 = "P9", p10 = "P10"
    case z1 = "Z1", z2 = "Z2", z3 = "Z3", z4 = "Z4", z5 = "Z5", z6 = "Z6"

    public var aspect: Aspect { rawValue.hasPrefix("P") ? .privacy : .personalization }

    /// Order as in the taxonomy (P1…P10, Z1…Z6).
    public var ordinal: Int { Driver.allCases.firstIndex(of: self)! }
    public static func < (a: Driver, b: Driver) -> Bool { a.ordinal < b.ordinal }

    /// English short name (reports localise their own labels).
    public var title: String {
        switch self {
        case .p1: "Data security and breaches"
        case .p2: "Tracking and surveillance"
        case .p3: "Cookies and consent"
        case .p4: "GDPR, regulators, legality"
        case .p5: "Sharing or selling data"
        case .p6: "Creepiness, feeling watched"
        case .p7: "Intrusive marketing and spam"
        case .p8: "Control, deletion, opting out"
        case .p9: "Transparency and policies"
        case .p10: "Excessive data collection"
        case .z1: "Recommendations"
        case .z2: "Tailored offers and discounts"
        case .z3: "Loyalty programmes"
        case .z4: "Relevance and fit"
        case .z5: "Convenience, remembered preferences"
        case .z6: "Personalised communication and service"
        }
    }
}
