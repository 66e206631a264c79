import CCairo
import Foundation

/// A glyph's outline as Cairo gave it (`cairo_glyph_path`), in plain values: its commands
/// and their points, in points around the glyph origin (y down). Copied on the thread that
/// owns the font and formatted as SVG path data there (``GlyphOutlineSet``).
struct GlyphPath: Sendable, Equatable {
    /// `M`, `L`, `C` or `Z`, in order.
    var commands: [UInt8] = []
    /// Each command's points' x and y, in order (one point for M and L, three for C).
    var coordinates: [Double] = []

    /// No outline (a blank glyph).
    init() {}

    /// The outline in `path` (`cairo_copy_path`).
    init(_ path: UnsafeMutablePointer<cairo_path_t>) {
        let count = Int(path.pointee.num_data)
        commands.reserveCapacity(count)
        coordinates.reserveCapacity(2 * count)
        var index = 0
        while index < count, let data = path.pointee.data {
            let header = data[index].header
            let points: Int
            switch header.type {
            case CAIRO_PATH_MOVE_TO: commands.append(UInt8(ascii: "M")); points = 1
            case CAIRO_PATH_LINE_TO: commands.append(UInt8(ascii: "L")); points = 1
            case CAIRO_PATH_CURVE_TO: commands.append(UInt8(ascii: "C")); points = 3
            default: commands.append(UInt8(ascii: "Z")); points = 0
            }
            for offset in stride(from: 1, through: points, by: 1) {
                coordinates.append(data[index + offset].point.x)
                coordinates.append(data[index + offset].point.y)
            }
            index += max(Int(header.length), 1)
        }
    }

    /// Appends the outline as SVG path data (`M x y L x y C … Z`), each number rounded to
    /// `digits` decimals, each command separated by a space: the one SVG path formatter for
    /// Cairo paths (``CairoPathData`` writes through it).
    func append(digits: Int, to out: inout [UInt8]) {
        // Commands with their points are assembled in a stack buffer (1,024 bytes: the most
        // the standard library puts on the stack without asking for the stack's bounds) and
        // appended whenever it might not hold one more, and at the end.
        let commandRoom = 2 + 6 * (DecimalWriter.maxLength + 1)
        let capacity = 1024
        // Room for the whole path at once (about 8 bytes a number), grown as appending would.
        let needed = out.count + commands.count * 2 + coordinates.count * 9
        if out.capacity < needed { out.reserveCapacity(Swift.max(needed, 2 * out.capacity)) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            guard let base = buffer.baseAddress else { return }
            var next = 0
            var count = 0
            for (index, command) in commands.enumerated() {
                if count > capacity - commandRoom {
                    out.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
                    count = 0
                }
                if index > 0 {
                    base[count] = UInt8(ascii: " ")
                    count += 1
                }
                base[count] = command
                count += 1
                let points = command == UInt8(ascii: "C") ? 3 : command == UInt8(ascii: "Z") ? 0 : 1
                for _ in 0..<points {
                    base[count] = UInt8(ascii: " ")
                    count += 1
                    count += Self.write(coordinates[next], digits: digits, to: base + count)
                    base[count] = UInt8(ascii: " ")
                    count += 1
                    count += Self.write(coordinates[next + 1], digits: digits, to: base + count)
                    next += 2
                }
            }
            if count > 0 { out.append(contentsOf: UnsafeBufferPointer(start: base, count: count)) }
        }
    }

    /// `value` with `digits` decimals (``DecimalWriter/write3(_:to:)`` for three, the
    /// outlines' and pages' precision).
    @inline(__always)
    private static func write(_ value: Double, digits: Int, to start: UnsafeMutablePointer<UInt8>) -> Int {
        digits == 3 ? DecimalWriter.write3(value, to: start) : DecimalWriter.write(value, digits: digits, to: start)
    }
}

/// Glyph outlines formatted as SVG path data once for every thread that writes them; with a
/// ``GlyphOutlineStore``, those an earlier process formatted are taken from it.
final class FormattedOutlines: @unchecked Sendable {
    private let lock = NSLock()
    private var outlines: [GlyphOutlines.GlyphKey: [UInt8]] = [:]
    private var store: GlyphOutlineStore?

    /// Takes the outlines `store` holds from now on, and notes there those formatted here.
    func keep(in store: GlyphOutlineStore) {
        lock.withLock { self.store = store }
    }

    /// The path data of `key`'s glyph (whose font is named `font`): from the store when it
    /// holds it, else made from `path()` (on the calling thread, outside the lock) and
    /// formatted on first use. Two threads that miss at once both make it; the bytes are the
    /// same, and the first stored is kept.
    func outline(_ key: GlyphOutlines.GlyphKey, font: String, path: () -> GlyphPath) -> [UInt8] {
        let (known, store) = lock.withLock { (outlines[key], self.store) }
        if let known { return known }
        let kept = store?.outline(font: font, glyph: key.glyph)
        var data: [UInt8] = []
        if let kept {
            data = kept
        } else {
            path().append(digits: 3, to: &data)
        }
        let (stored, added) = lock.withLock { () -> ([UInt8], Bool) in
            if let first = outlines[key] { return (first, false) }
            outlines[key] = data
            return (data, true)
        }
        if added, kept == nil { store?.add(GlyphOutlineStore.Outline(font: font, glyph: key.glyph, path: data)) }
        return stored
    }

    /// The number of outlines formatted or taken from the store.
    var count: Int { lock.withLock { outlines.count } }
}
