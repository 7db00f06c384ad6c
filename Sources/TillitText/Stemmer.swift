internal import CTillitStemmer

/// Snowball stemmer (libstemmer), used only as the last fallback when no explicit form matches.
public final class Stemmer {
    private let handle: OpaquePointer
    private var buffer = [UInt8](repeating: 0, count: 256)

    /// `language`: sv, da, nb or en.
    public init?(language: String) {
        let algo: String
        switch language {
        case "sv": algo = "swedish"
        case "da": algo = "danish"
        case "nb": algo = "norwegian"
        case "en": algo = "english"
        default: return nil
        }
        guard let h = tillit_stemmer_open(algo) else { return nil }
        handle = h
    }
    deinit { tillit_stemmer_close(handle) }

    public func stem(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard word.count > 0, word.count < 200 else { return Array(word) }
        let n = buffer.withUnsafeMutableBufferPointer { tillit_stem(handle, word.baseAddress!, Int32(word.count), $0.baseAddress!, 256) }
        return n < 0 ? Array(word) : Array(buffer[0..<Int(n)])
    }

    public func stem(_ word: String) -> String {
        let a = Array(word.utf8)
        return String(decoding: a.withUnsafeBufferPointer { stem($0) }, as: UTF8.self)
    }
}
