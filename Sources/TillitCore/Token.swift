/// What kind of text a token is.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case word, number, emoji, emoticon, punctuation, hashtag, mention, url, abbreviation, symbol, space

    public var name: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .emoji: "emoji"
        case .emoticon: "emoticon"
        case .punctuation: "punct"
        case .hashtag: "hashtag"
        case .mention: "mention"
        case .url: "url"
        case .abbreviation: "abbrev"
        case .symbol: "symbol"
        case .space: "space"
        }
    }
}

/// Surface properties of a token that rules use.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Every cased letter is upper case and there are at least two letters ("BRA", "NEVER").
    public static let allCaps = TokenFlags(rawValue: 1)
    /// A letter repeated three or more times ("sååå", "soooo").
    public static let elongated = TokenFlags(rawValue: 2)
    /// A word produced by splitting a hashtag body.
    public static let inHashtag = TokenFlags(rawValue: 4)
    /// The first letter is upper case.
    public static let capitalized = TokenFlags(rawValue: 8)
    /// Preceded by a line break (a paragraph or list boundary in the source).
    public static let afterNewline = TokenFlags(rawValue: 16)
}

/// A token: a byte range into the text, its normalised form (a byte range into the normalisation arena),
/// kind and flags. No per-token `String` is created while analysing.
public struct Token: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var normStart: Int32
    public var normEnd: Int32
    public var kind: TokenKind
    public var flags: TokenFlags

    public init(start: Int32, end: Int32, normStart: Int32 = 0, normEnd: Int32 = 0, kind: TokenKind, flags: TokenFlags = []) {
        self.start = start; self.end = end; self.normStart = normStart; self.normEnd = normEnd
        self.kind = kind; self.flags = flags
    }
    public var isWordLike: Bool { kind == .word || kind == .abbreviation }
}

/// A text with its tokens: the unit every scorer reads.
public struct AnalyzedText: Sendable {
    /// The text's UTF-8 bytes.
    public var bytes: [UInt8]
    public var tokens: [Token]
    /// Normalised (NFKC_Casefold) forms of all tokens, back to back.
    public var arena: [UInt8]

    public init(bytes: [UInt8] = [], tokens: [Token] = [], arena: [UInt8] = []) {
        self.bytes = bytes; self.tokens = tokens; self.arena = arena
    }

    /// The token's original text.
    public func surface(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self)
    }
    /// The token's normalised text.
    public func normalized(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: arena[Int(t.normStart)..<Int(t.normEnd)], as: UTF8.self)
    }
    /// Runs `body` over the token's normalised bytes without copying.
    @inline(__always)
    public func withNormalized<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let t = tokens[i]
        return arena.withUnsafeBufferPointer { buf in
            body(UnsafeBufferPointer(rebasing: buf[Int(t.normStart)..<Int(t.normEnd)]))
        }
    }
}
