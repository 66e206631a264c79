import Foundation

/// A typed column as the loader leaves it: the cells of each chunk of the file in that chunk's
/// own buffer, in file order (as Arrow's chunked arrays). Loading thus never joins the chunks;
/// the public ``Column`` is built on first use through ``column``, then cached (the buffers are
/// released).
final class ChunkedColumn: @unchecked Sendable {
    /// Each chunk's cells, by storage type.
    enum Chunks {
        case integer([NullableChunk<Int>])
        case number([NullableChunk<Double>])
        case boolean([NullableChunk<Bool>])
        case date([NullableChunk<CivilDate>])
    }

    /// Number of cells.
    let count: Int
    private let lock = NSLock()
    private var chunks: Chunks? // guarded by lock; nil once `cache` is built
    private var cache: Column? // guarded by lock

    init(_ chunks: Chunks) {
        self.chunks = chunks
        switch chunks {
        case .integer(let c): count = c.reduce(0) { $0 + $1.count }
        case .number(let c): count = c.reduce(0) { $0 + $1.count }
        case .boolean(let c): count = c.reduce(0) { $0 + $1.count }
        case .date(let c): count = c.reduce(0) { $0 + $1.count }
        }
    }

    /// The cells as one ``Column`` (joined once, then cached).
    var column: Column {
        lock.lock()
        defer { lock.unlock() }
        if let cache { return cache }
        let joined: Column
        switch chunks {
        case .integer(let c): joined = .integer(Self.join(c, count))
        case .number(let c): joined = .number(Self.join(c, count))
        case .boolean(let c): joined = .boolean(Self.join(c, count))
        case .date(let c): joined = .date(Self.join(c, count))
        case nil: joined = .integer([])
        }
        cache = joined
        chunks = nil
        return joined
    }

    /// The chunks, or (once joined) the joined column, as they are now.
    var parts: (chunks: Chunks?, joined: Column?) {
        lock.lock()
        defer { lock.unlock() }
        return (chunks, cache)
    }

    /// Calls `body` with every integer cell in order (through the chunks when the column has
    /// not been joined yet); returns false, calling nothing, when this is not an integer column.
    func forEachInteger(_ body: (Int?) throws -> Void) rethrows -> Bool {
        switch parts {
        case (.integer(let c)?, _):
            for chunk in c { try chunk.forEach(body) }
            return true
        case (_, .integer(let a)?):
            for v in a { try body(v) }
            return true
        default:
            return false
        }
    }

    private static func join<T>(_ chunks: [NullableChunk<T>], _ count: Int) -> [T?] {
        [T?](unsafeUninitializedCapacity: count) { out, initialized in
            var at = 0
            for chunk in chunks {
                if let dst = out.baseAddress { chunk.copy(into: dst + at) }
                at += chunk.count
            }
            initialized = at
        }
    }
}
