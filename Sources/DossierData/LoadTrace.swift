#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where the time of loading a data package goes, by phase: the tokenizer (reading, structural
/// scan, field split), the conversion of each field type (parsing and per-cell checks), the
/// merge of the chunks, the table, and the checks across rows (unique keys, foreign keys).
///
/// Phases are timed on the thread that ran them, summed over threads, so that a phase's MB/s
/// is what one core does: the phases inside a chunk (scan, conversions) on the monotonic clock,
/// with the chunk's CPU time beside its elapsed time; the others in thread CPU time. Filled only when a
/// caller asks for it (`dossier validate` under `DOSSIER_TRACE=1`); the load is otherwise
/// unchanged. Safe to fill from several threads.
package final class LoadTrace: @unchecked Sendable {
    /// One phase of one file.
    package struct Phase: Sendable, Equatable {
        /// The file as printed in diagnostics.
        package var file: String
        /// `chunks (thread CPU)`, `chunks (thread elapsed)`, `read+scan`, `convert <type>`, `merge`,
        /// `table`, `unique keys`, `foreign keys`, `load (wall)`.
        package var name: String
        /// CPU seconds (wall seconds for `load (wall)`).
        package var seconds: Double
        /// Bytes the phase went through (the file, or the cells of a type).
        package var bytes: Int
        /// Cells converted (conversion phases), else 0.
        package var cells: Int
    }

    private let lock = NSLock()
    private var recorded: [Phase] = []

    package init() {}

    /// Adds `seconds` (and `bytes`, `cells`) to phase `name` of `file`.
    package func add(file: String, phase name: String, seconds: Double, bytes: Int, cells: Int = 0) {
        lock.withLock {
            if let i = recorded.firstIndex(where: { $0.file == file && $0.name == name }) {
                recorded[i].seconds += seconds
                recorded[i].bytes += bytes
                recorded[i].cells += cells
            } else {
                recorded.append(Phase(file: file, name: name, seconds: seconds, bytes: bytes, cells: cells))
            }
        }
    }

    /// The phases in the order first recorded.
    package var phases: [Phase] { lock.withLock { recorded } }

    /// One line per phase: `trace: load <file> | <phase> | <ms> ms | <bytes> bytes | <cells> cells | <MB/s> MB/s`.
    package var lines: [String] {
        phases.map { p in
            let ms = (p.seconds * 10_000).rounded() / 10
            let rate = p.seconds > 0 ? Int((Double(p.bytes) / 1e6 / p.seconds).rounded()) : 0
            return "trace: load \(p.file) | \(p.name) | \(ms) ms | \(p.bytes) bytes | \(p.cells) cells | \(rate) MB/s"
        }
    }

    /// CPU time of the calling thread, in seconds.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Monotonic wall time, in seconds.
    static func wall() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// Conversion time by field type, gathered by one chunk's ``RowConsumer`` when tracing.
struct ConversionTimes {
    var seconds: [FieldType: Double] = [:]
    var bytes: [FieldType: Int] = [:]
    var cells: [FieldType: Int] = [:]

    /// Adds one column's share of a batch.
    mutating func add(_ type: FieldType, seconds s: Double, bytes b: Int, cells c: Int) {
        seconds[type, default: 0] += s
        bytes[type, default: 0] += b
        cells[type, default: 0] += c
    }

    /// Total conversion seconds.
    var total: Double { seconds.values.reduce(0, +) }
}
