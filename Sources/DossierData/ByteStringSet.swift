#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of byte strings, each with an integer payload (foreign-key targets, pattern verdicts),
/// hashed without making Strings: open addressing over one byte arena, no per-value allocation.
struct ByteStringSet {
    /// Value index per slot, -1 when empty; a power of two long, at most half full.
    private var slots = [Int32](repeating: -1, count: 16)
    private var slotHashes = [UInt64](repeating: 0, count: 16)
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var payloads: [Int] = []

    init() {}

    /// Number of values.
    var count: Int { ends.count }

    @inline(__always)
    private func start(_ k: Int) -> Int { k == 0 ? 0 : ends[k - 1] }

    @inline(__always)
    private func equals(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = start(k)
        guard ends[k] - s == b.count else { return false }
        guard let bp = b.baseAddress, b.count > 0 else { return true }
        return arena.withUnsafeBufferPointer { a in
            guard let ap = a.baseAddress else { return false }
            // Codes and identifiers are short: compare them inline rather than through a call.
            if b.count <= 16 {
                for j in 0..<b.count where ap[s + j] != bp[j] { return false }
                return true
            }
            return memcmp(ap + s, bp, b.count) == 0
        }
    }

    /// The slot holding `b`, or the empty slot where it would go.
    @inline(__always)
    private func slot(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[i]
            if k < 0 || (slotHashes[i] == h && equals(Int(k), b)) { return i }
            i = (i + 1) & mask
        }
    }

    /// Index of the stored value equal to `b`, if any. The probe of ``slot(_:hash:)`` through
    /// buffer pointers (no bounds check, no closure per compare): a foreign key looks up every
    /// row of its column here, after the load, on one thread per chunk.
    func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = StringInterner.hash(b)
        let found = slots.withUnsafeBufferPointer { s in
            slotHashes.withUnsafeBufferPointer { hashes in
                ends.withUnsafeBufferPointer { e in
                    arena.withUnsafeBufferPointer { a in Self.probe(b, hash: h, s, hashes, e, a) }
                }
            }
        }
        return found < 0 ? nil : found
    }

    /// The value index equal to `b` in the table `slots` / `hashes` (values' `ends` in `arena`), or -1.
    @inline(__always)
    private static func probe(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt64, _ slots: UnsafeBufferPointer<Int32>,
                              _ hashes: UnsafeBufferPointer<UInt64>, _ ends: UnsafeBufferPointer<Int>,
                              _ arena: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count &- 1
        let n = b.count
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = Int(slots[i])
            if k < 0 { return -1 }
            if hashes[i] == h {
                let start = k == 0 ? 0 : ends[k &- 1]
                if ends[k] &- start == n && sameBytes(arena, from: start, b) { return k }
            }
            i = (i &+ 1) & mask
        }
    }

    /// Whether `arena[start..<start + b.count]` equals `b` (the caller checked the lengths).
    @inline(__always)
    private static func sameBytes(_ arena: UnsafeBufferPointer<UInt8>, from start: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let bp = b.baseAddress, b.count > 0 else { return true }
        guard let ap = arena.baseAddress else { return false }
        if b.count <= 16 {
            for j in 0..<b.count where ap[start &+ j] != bp[j] { return false }
            return true
        }
        return memcmp(ap + start, bp, b.count) == 0
    }

    /// Whether a value equal to `b` is stored.
    func contains(_ b: UnsafeBufferPointer<UInt8>) -> Bool { find(b) != nil }

    /// The payload stored with the value equal to `b`, if any.
    func payload(of b: UnsafeBufferPointer<UInt8>) -> Int? { find(b).map { payloads[$0] } }

    /// Inserts `b` with `payload`; if an equal value is already stored, keeps it and returns its payload.
    @discardableResult
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, payload: Int) -> Int? {
        let h = StringInterner.hash(b)
        let i = slot(b, hash: h)
        if slots[i] >= 0 { return payloads[Int(slots[i])] }
        slots[i] = Int32(ends.count)
        slotHashes[i] = h
        arena.append(contentsOf: b)
        ends.append(arena.count)
        payloads.append(payload)
        if ends.count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        (slots, slotHashes) = OpenAddressing.doubled(slots, slotHashes)
    }

    /// All values, in insertion order (for suggestions).
    var values: [String] {
        (0..<ends.count).map { k in String(decoding: arena[start(k)..<ends[k]], as: UTF8.self) }
    }
}
