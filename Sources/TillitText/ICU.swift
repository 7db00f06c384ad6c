internal import CTillitICU

/// ICU's word break iterator over UTF-8 bytes (one per thread: ICU iterators are not thread-safe).
public final class WordBreaker {
    private let handle: OpaquePointer
    private var ends: [Int32] = Array(repeating: 0, count: 256)
    private var status: [Int32] = Array(repeating: 0, count: 256)

    public init() {
        guard let h = tillit_wb_open() else { fatalError("ICU word break iterator could not be opened (is libicu installed?)") }
        handle = h
    }
    deinit { tillit_wb_close(handle) }

    /// Segments `bytes` and calls `body(start, end, ruleStatus)` for each segment (byte offsets relative to `bytes`).
    public func segments(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int32) -> Void) {
        guard bytes.count > 0 else { return }
        var n: Int32 = 0
        while true {
            let cap = Int32(ends.count)
            n = ends.withUnsafeMutableBufferPointer { e in
                status.withUnsafeMutableBufferPointer { s in
                    tillit_wb_segment(handle, bytes.baseAddress!, Int32(bytes.count), e.baseAddress!, s.baseAddress!, cap)
                }
            }
            if n == -1 { body(0, bytes.count, 0); return }
            if n < 0 {
                ends = Array(repeating: 0, count: Int(-n) + 16); status = ends
                continue
            }
            break
        }
        var start = 0
        for k in 0..<Int(n) {
            let e = Int(ends[k])
            body(start, e, status[k])
            start = e
        }
    }
}

/// NFKC_Casefold and NFC through ICU.
public enum ICUNormalizer {
    /// Appends NFKC_Casefold(`bytes`) to `out`. Invalid UTF-8 is replaced by U+FFFD.
    public static func appendCasefolded(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard bytes.count > 0 else { return }
        var cap = bytes.count * 3 + 16
        while true {
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: cap))
            let n = out.withUnsafeMutableBufferPointer { o in
                tillit_nfkc_casefold(bytes.baseAddress!, Int32(bytes.count), o.baseAddress! + start, Int32(cap))
            }
            if n >= 0 { out.removeLast(cap - Int(n)); return }
            out.removeLast(cap)
            if n == Int32.min { return }
            cap = Int(-n) + 16
        }
    }

    public static func casefold(_ s: String) -> String {
        var out: [UInt8] = []
        var s = s
        s.withUTF8 { appendCasefolded($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func nfc(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b -> String in
            guard b.count > 0 else { return "" }
            var cap = b.count * 3 + 16
            while true {
                var out = [UInt8](repeating: 0, count: cap)
                let n = out.withUnsafeMutableBufferPointer { tillit_nfc(b.baseAddress!, Int32(b.count), $0.baseAddress!, Int32(cap)) }
                if n >= 0 { return String(decoding: out[0..<Int(n)], as: UTF8.self) }
                if n == Int32.min { return String(decoding: b, as: UTF8.self) }
                cap = Int(-n) + 16
            }
        }
    }

    /// The ICU version Tillit is linked against.
    public static var icuVersion: String {
        var buf = [CChar](repeating: 0, count: 32)
        let n = tillit_icu_version(&buf, 32)
        return String(decoding: buf[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Unicode properties of code points, from ICU.
public enum CodePoint {
    @inline(__always) public static func isAlphabetic(_ c: UInt32) -> Bool { c < 0x80 ? isASCIILetter(UInt8(c)) : tillit_is_alphabetic(c) != 0 }
    @inline(__always) public static func isUppercase(_ c: UInt32) -> Bool { c < 0x80 ? (c >= 65 && c <= 90) : tillit_is_uppercase(c) != 0 }
    @inline(__always) public static func isLowercase(_ c: UInt32) -> Bool { c < 0x80 ? (c >= 97 && c <= 122) : tillit_is_lowercase(c) != 0 }
    public static func isPictographic(_ c: UInt32) -> Bool { c >= 0x80 && (tillit_is_extended_pictographic(c) != 0 || tillit_is_regional_indicator(c) != 0) }
    public static func isEmojiModifier(_ c: UInt32) -> Bool { tillit_is_emoji_modifier(c) != 0 }
    public static func isDigit(_ c: UInt32) -> Bool { c < 0x80 ? (c >= 48 && c <= 57) : tillit_is_digit(c) != 0 }
}

@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

/// Decodes the UTF-8 scalar at `i` (replacement character for malformed input); returns it and its length.
@inline(__always)
func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = p[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    let n = p.count
    if b0 >= 0xC2, b0 < 0xE0, i + 1 < n, p[i + 1] & 0xC0 == 0x80 {
        return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
    }
    if b0 >= 0xE0, b0 < 0xF0, i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
        return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F), 3)
    }
    if b0 >= 0xF0, b0 < 0xF5, i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 {
        return ((UInt32(b0 & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12) | (UInt32(p[i + 2] & 0x3F) << 6) | UInt32(p[i + 3] & 0x3F), 4)
    }
    return (0xFFFD, 1)
}
