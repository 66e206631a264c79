/// Short cell values (1 to 7 bytes) already known to pass a column's per-cell check (a
/// `pattern`): codes and identifiers repeat, so most cells of such a column are found here
/// with one word load and one compare instead of a call to the checker.
///
/// Direct-mapped: each value has one slot, and a newer value takes an older one's. Only
/// passing values are kept, so a failing value always reaches the checker (and its report).
/// One cache per column builder (per chunk): never shared between threads.
struct ShortValueVerdicts {
    /// Slot count (a power of two).
    private static let slotCount = 256
    /// The cached keys (``key(paddedField:)``), 0 for an empty slot.
    private var keys = [UInt64](repeating: 0, count: slotCount)

    init() {}

    /// The key of a value of 1 to 7 bytes: its bytes (little-endian) with its length in the top
    /// byte, never 0; `nil` for other lengths. `b` must be followed by at least 8 readable bytes
    /// (a field in the reader's buffer, see ``CSVReader/padding``).
    @inline(__always)
    static func key(paddedField b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let n = b.count
        guard n > 0, n < 8, let p = b.baseAddress else { return nil }
        let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) & ((1 &<< UInt64(n &* 8)) &- 1)
        return word | UInt64(n) &<< 56
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 56)
    }

    /// Whether the value with `key` is known to pass.
    @inline(__always)
    func passes(_ key: UInt64) -> Bool {
        keys.withUnsafeBufferPointer { $0[Self.slot(key)] == key }
    }

    /// Records that the value with `key` passes.
    @inline(__always)
    mutating func recordPass(_ key: UInt64) {
        let i = Self.slot(key)
        keys.withUnsafeMutableBufferPointer { $0[i] = key }
    }
}
