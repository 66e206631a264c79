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
/// Phases are timed in CPU time of the thread that ran them, summed over threads, so that a
/// phase's MB/s is what one core does whatever else runs on the machine (conversions are
/// sampled, see ``ConversionTimes``; the tokenizer's time is the rest of its chunk's). Filled only when a
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

/// Conversion time by field type, gathered by one chunk's ``RowConsumer`` when tracing: the
/// CPU time of one batch in ``sampleEvery``, scaled to all batches.
struct ConversionTimes {
    /// Batches between two timed ones.
    static let sampleEvery = 8
    private var sampledSeconds: [FieldType: Double] = [:]
    var bytes: [FieldType: Int] = [:]
    var cells: [FieldType: Int] = [:]
    private var batches = 0
    private var sampledBatches = 0

    /// Counts a batch; true when it is to be timed.
    mutating func startBatch() -> Bool {
        batches += 1
        return batches % Self.sampleEvery == 1
    }

    /// Adds one column's cells of a batch.
    mutating func add(_ type: FieldType, bytes b: Int, cells c: Int) {
        bytes[type, default: 0] += b
        cells[type, default: 0] += c
    }

    /// Adds a timed batch: `cpu` seconds in all, split by the columns' monotonic times.
    mutating func addSample(cpu: Double, walls: [(FieldType, Double)]) {
        sampledBatches += 1
        let total = walls.reduce(0) { $0 + $1.1 }
        for (type, wall) in walls {
            sampledSeconds[type, default: 0] += total > 0 ? cpu * wall / total : cpu / Double(walls.count)
        }
    }

    /// Estimated CPU seconds converting cells of `type`.
    func seconds(_ type: FieldType) -> Double? {
        guard let s = sampledSeconds[type], sampledBatches > 0 else { return nil }
        return s * Double(batches) / Double(sampledBatches)
    }

    /// Estimated CPU seconds of all conversions.
    var total: Double { FieldType.allCases.compactMap { seconds($0) }.reduce(0, +) }
}
