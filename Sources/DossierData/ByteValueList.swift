/// A short list of byte strings (enum values, boolean spellings) that a cell is compared with:
/// values of at most 8 bytes are kept as little-endian words, so that a cell of at most 8 bytes
/// is found with one load and a few word compares.
struct ByteValueList: Sendable {
    /// The values, in order.
    let values: [[UInt8]]
    private let shortWords: [UInt64]
    private let shortLengths: [Int]
    private let shortIndices: [Int]

    init(_ values: [[UInt8]]) {
        self.values = values
        let short = values.indices.filter { values[$0].count <= 8 }
        shortWords = short.map { k in values[k].reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        shortLengths = short.map { values[$0].count }
        shortIndices = short
    }

    var isEmpty: Bool { values.isEmpty }

    /// The index of the first value equal to `b`, if any. `b` must be followed by at least 8
    /// readable bytes (a field in the reader's buffer, see ``CSVReader/padding``).
    @inline(__always)
    func index(paddedField b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        if n <= 8, let p = b.baseAddress {
            let all = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            let word = n == 8 ? all : all & ((1 << UInt64(n &* 8)) &- 1)
            // Through buffer pointers: no bounds check per value in this per-cell loop.
            let found = shortWords.withUnsafeBufferPointer { words in
                shortLengths.withUnsafeBufferPointer { lengths in
                    var j = 0
                    while j < words.count {
                        if words[j] == word && lengths[j] == n { return j }
                        j &+= 1
                    }
                    return -1
                }
            }
            return found < 0 ? nil : shortIndices[found]
        }
        for k in 0..<values.count where FieldParsers.equals(b, values[k]) { return k }
        return nil
    }
}
