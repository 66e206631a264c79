#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DossierBase
import Foundation

/// Loads one CSV resource into a ``Table`` following its schema, reporting problems to a sink.
///
/// A large file is cut into chunks at guessed record starts (``ChunkPlan``); each chunk is read
/// and converted into its own columns on its own thread, then the chunks are appended in file
/// order (each chunk keeps its own column buffers: nothing is copied) with their lines
/// renumbered, so that the table and the diagnostics are exactly those of a load on one
/// thread. Checks across rows (`unique`, primary keys) run on the merged table.
struct ResourceLoader {
    let resource: Resource
    /// The CSV file (confined to the project root); `nil` when reading ``bytes``.
    let file: ConfinedPath?
    /// Path as printed in diagnostics.
    let displayPath: String
    /// Read these bytes instead of the file (tests and fuzzing).
    var bytes: [UInt8]? = nil
    /// How the file is cut for a parallel load.
    var plan = ChunkPlan.automatic
    /// Where to record phase times, when tracing.
    var trace: LoadTrace? = nil
    /// Whether the readers find field ends through 64-byte masks (see ``CSVReader/usesBlockMasks``).
    var usesBlockMasks = true

    /// Reads the file. Returns `nil` if the file could not be read or the header does not match;
    /// `complete` is false when rows were lost (ragged rows, unterminated quote), in which case
    /// foreign keys pointing at this table are not checked (their errors would be cascades).
    func load(sink: inout DiagnosticSink) -> (table: Table, complete: Bool)? {
        let readers: [CSVReader]
        do {
            readers = try openReaders()
        } catch let e as PathProblem {
            let message = e.isMissing
                ? DiagnosticCatalogue.resourceFileNotFound(resource: resource.name, path: displayPath)
                : e.message(for: displayPath)
            sink.add(Diagnostic(file: displayPath, code: e.isMissing ? .fileNotFound : .ioError, message: message))
            return nil
        } catch let e as CSVReader.OpenError {
            sink.add(Diagnostic(file: displayPath, code: .ioError, message: DiagnosticCatalogue.ioError(e.message)))
            return nil
        } catch {
            sink.add(Diagnostic(file: displayPath, code: .ioError, message: DiagnosticCatalogue.ioError("\(error)")))
            return nil
        }
        let wall0 = LoadTrace.wall()
        var run = ChunkRun(resource: resource, displayPath: displayPath, readers: readers, sink: sink)
        run.trace = trace
        var chunks = run.run()
        var cpu = trace == nil ? 0 : LoadTrace.threadCPU()
        /// Ends phase `name` (tracing only).
        func mark(_ name: String) {
            guard let trace else { return }
            let now = LoadTrace.threadCPU()
            trace.add(file: displayPath, phase: name, seconds: now - cpu, bytes: readers[0].fileSize)
            cpu = now
        }
        guard var rows = chunks.merged(into: &sink) else { return nil }
        mark("merge")
        defer {
            sink = rows.sink
            trace?.add(file: displayPath, phase: "load (wall)", seconds: LoadTrace.wall() - wall0, bytes: readers[0].fileSize)
        }
        let fields = resource.schema.fields
        if !rows.headerSeen {
            rows.sink.add(Diagnostic(file: displayPath, line: 1, code: .emptyFile,
                                     message: DiagnosticCatalogue.emptyFile(expectedHeader: fields.map(\.name))))
            return nil
        }
        let table = Table(name: resource.name, fields: fields, storage: rows.builders.map { var b = $0; return b.finishStorage() },
                          sourceLines: rows.lines)
        mark("table")
        let schema = resource.schema
        if !schema.primaryKey.isEmpty {
            let idx = schema.primaryKey.compactMap { schema.fieldIndex(named: $0) }
            KeyChecks.checkUnique(table: table, fieldIndices: idx, isPrimaryKey: true, file: displayPath, sink: &rows.sink)
        }
        for (i, f) in fields.enumerated() where f.constraints.unique && !(schema.primaryKey == [f.name]) {
            KeyChecks.checkUnique(table: table, fieldIndices: [i], isPrimaryKey: false, file: displayPath, sink: &rows.sink)
        }
        mark("unique keys")
        return (table, rows.complete)
    }

    /// One reader per chunk, each but the last told where the next chunk starts.
    private func openReaders() throws -> [CSVReader] {
        let dialect = resource.dialect
        let first = try reader(dialect: dialect, start: 0)
        let starts = plan.starts(fileSize: first.fileSize) { offset, count in window(offset, count) }
        var readers = [first]
        for start in starts.dropFirst() {
            let reader = try reader(dialect: dialect, start: start)
            readers[readers.count - 1].stopOffset = start
            readers.append(reader)
        }
        return readers
    }

    /// A reader of ``bytes`` or of the file, from `start`.
    private func reader(dialect: CSVDialect, start: Int) throws -> CSVReader {
        let reader: CSVReader
        if let bytes {
            reader = CSVReader(bytes: bytes, dialect: dialect, chunkSize: chunkSize, start: start)
        } else {
            guard let file else { throw PathProblem.notFound }
            reader = try CSVReader(file: file, dialect: dialect, start: start)
        }
        reader.usesBlockMasks = usesBlockMasks
        return reader
    }

    /// The read buffer's size for ``bytes`` (tests: small, so that records straddle refills).
    var chunkSize = 1 << 20

    /// Up to `count` bytes of the input from `offset` (empty at the end or on error).
    private func window(_ offset: Int, _ count: Int) -> [UInt8] {
        if let bytes {
            guard offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        }
        guard let fd = try? file?.openForReading() else { return [] }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: count)
        let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        return n > 0 ? Array(out[0..<n]) : []
    }
}
