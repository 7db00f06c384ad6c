/// A stable 64-bit FNV-1a hash, for ids synthesised from content (the same record always gets the
/// same id, on every machine and run).
///
///     StableHash.hex(["A3CIUOJXQ5VDQ2", "B0000530HU", "1472688000"])  // 16 hex digits
enum StableHash {
    static func value(_ parts: [String]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for (n, p) in parts.enumerated() {
            if n > 0 { h ^= 0x1F; h &*= 0x0000_0100_0000_01B3 } // unit separator between parts
            for b in p.utf8 { h ^= UInt64(b); h &*= 0x0000_0100_0000_01B3 }
        }
        return h
    }

    static func hex(_ parts: [String]) -> String {
        let s = String(value(parts), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
