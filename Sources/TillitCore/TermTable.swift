/// A hash table from byte strings to dense ids, with lookups that take borrowed bytes (no `String`, no
/// allocation on the hot path). Keys live back to back in one arena; open addressing with linear probing.
///
///     var t = TermTable(); let id = t.insert(Array("bra".utf8))
///     Array("bra".utf8).withUnsafeBufferPointer { t.lookup($0) } == id  // true
public struct TermTable: Sendable {
    private var arena: [UInt8] = []
    private var offsets: [Int32] = [0]
    private var slots: [Int32]
    private var mask: Int

    public init(capacity: Int = 1024) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: -1, count: n)
        mask = n - 1
    }

    public var count: Int { offsets.count - 1 }

    /// The key bytes of an id.
    public func key(_ id: Int32) -> ArraySlice<UInt8> { arena[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])] }
    public func string(_ id: Int32) -> String { String(decoding: key(id), as: UTF8.self) }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for b in p { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The id of `key`, or nil.
    @inline(__always)
    public func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = TermTable.hash(key)
        let n = key.count
        return slots.withUnsafeBufferPointer { sl in
            offsets.withUnsafeBufferPointer { off in
                arena.withUnsafeBufferPointer { a in
                    var i = h & mask
                    while true {
                        let id = sl[i]
                        if id < 0 { return nil }
                        let s = Int(off[Int(id)]), e = Int(off[Int(id) + 1])
                        if e - s == n, n == 0 || memcmpBytes(a.baseAddress! + s, key.baseAddress!, n) { return id }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    public func lookup(_ key: [UInt8]) -> Int32? { key.withUnsafeBufferPointer { lookup($0) } }
    public func lookup(_ key: String) -> Int32? { lookup(Array(key.utf8)) }

    /// Inserts `key` if absent and returns its id.
    @discardableResult
    public mutating func insert(_ key: [UInt8]) -> Int32 {
        if let id = lookup(key) { return id }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: key)
        offsets.append(Int32(arena.count))
        place(id, hash: key.withUnsafeBufferPointer { TermTable.hash($0) })
        return id
    }
    @discardableResult
    public mutating func insert(_ key: String) -> Int32 { insert(Array(key.utf8)) }

    private mutating func place(_ id: Int32, hash: Int) {
        var i = hash & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = id
    }

    private mutating func grow() {
        let n = slots.count * 2
        slots = Array(repeating: -1, count: n)
        mask = n - 1
        for id in 0..<Int32(count) {
            let h = arena.withUnsafeBufferPointer { a in
                TermTable.hash(UnsafeBufferPointer(rebasing: a[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]))
            }
            place(id, hash: h)
        }
    }
}

@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n { if a[i] != b[i] { return false }; i += 1 }
    return true
}
