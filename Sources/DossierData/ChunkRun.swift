import Foundation

/// Reads the chunks of one file, each on its own thread into its own ``RowConsumer``, and merges
/// them in file order.
struct ChunkRun {
    let resource: Resource
    let displayPath: String
    let readers: [CSVReader]
    /// The sink so far (the first chunk continues it; later chunks start empty).
    let sink: DiagnosticSink
    /// Where to record phase times, when tracing.
    var trace: LoadTrace? = nil

    /// What one chunk produced.
    struct Outcome {
        var rows: RowConsumer
        /// The chunk ended exactly where the next one starts (so the next one is valid).
        var stoppedAtNext: Bool
        /// Chunk-relative line of the next chunk's first record.
        var nextLine: Int
        var failure: Failure?
    }

    enum Failure {
        /// The header does not match the schema (already reported).
        case header
        /// Reading failed.
        case io(String)
    }

    /// The outcomes of all chunks, in file order.
    struct Outcomes {
        let displayPath: String
        var all: [Outcome]

        /// The first chunk with every valid later chunk appended; `nil` (with the sink updated)
        /// when the load failed.
        mutating func merged(into sink: inout DiagnosticSink) -> RowConsumer? {
            // Move the outcomes out one by one (no copies: the columns must stay uniquely owned).
            var queue = Array(all.reversed())
            all = []
            guard var head = queue.popLast() else { return nil }
            var previous = (stopped: head.stoppedAtNext, nextLine: head.nextLine)
            var lineOffset = 0
            while head.failure == nil, previous.stopped, var next = queue.popLast() {
                lineOffset += previous.nextLine - 1
                if let failure = next.failure {
                    head.failure = failure
                    break
                }
                head.rows.absorb(&next.rows, lineOffset: lineOffset)
                previous = (next.stoppedAtNext, next.nextLine)
            }
            queue = []
            switch head.failure {
            case nil:
                return head.rows
            case .header:
                sink = head.rows.sink
                return nil
            case .io(let message):
                sink = head.rows.sink
                sink.add(Diagnostic(file: displayPath, code: .ioError, message: DiagnosticCatalogue.ioError(message)))
                return nil
            }
        }
    }

    /// Runs every chunk (in parallel when there are several) and returns their outcomes.
    func run() -> Outcomes {
        let job = Job(run: self)
        return Outcomes(displayPath: displayPath, all: ParallelSlots<Outcome>.map(readers.count) { job.run.runChunk($0) })
    }

    private func runChunk(_ i: Int) -> Outcome {
        let reader = readers[i]
        var chunkSink = sink
        if i > 0 {
            chunkSink = DiagnosticSink(cap: sink.cap)
            chunkSink.fileOrder = sink.fileOrder
        }
        var rows = RowConsumer(resource: resource, displayPath: displayPath, sink: chunkSink,
                               fileSize: reader.fileSize, chunkEnd: reader.stopOffset, firstChunk: i == 0)
        var failure: Failure? = nil
        let cpu0 = trace == nil ? 0 : LoadTrace.threadCPU(), wall0 = trace == nil ? 0 : LoadTrace.wall()
        if trace != nil { rows.conversion = ConversionTimes() }
        defer {
            if let trace, let times = rows.conversion {
                record(times, wall: LoadTrace.wall() - wall0, cpu: LoadTrace.threadCPU() - cpu0, reader: reader, into: trace)
            }
        }
        do {
            try reader.scan(into: &rows)
        } catch is RowConsumer.Stop {
            failure = .header
        } catch {
            failure = .io("\(error)")
        }
        return Outcome(rows: rows, stoppedAtNext: reader.stoppedAtBoundary, nextLine: reader.stopLine, failure: failure)
    }

    /// Records one chunk's phases: its conversions by type, the rest of its thread's time as
    /// the tokenizer's (reading, structural scan, field split), all in thread CPU time (see
    /// ``ConversionTimes``); the chunk's elapsed time beside its CPU time shows how much other
    /// work on the machine held the thread back.
    private func record(_ times: ConversionTimes, wall: Double, cpu: Double, reader: CSVReader, into trace: LoadTrace) {
        let bytes = max(0, min(reader.stoppedAtBoundary ? reader.stopOffset : reader.fileSize, reader.fileSize) - reader.startOffset)
        trace.add(file: displayPath, phase: "chunks (thread CPU)", seconds: cpu, bytes: bytes)
        trace.add(file: displayPath, phase: "chunks (thread elapsed)", seconds: wall, bytes: bytes)
        trace.add(file: displayPath, phase: "read+scan", seconds: max(0, cpu - times.total), bytes: bytes)
        for type in FieldType.allCases {
            guard let s = times.seconds(type) else { continue }
            trace.add(file: displayPath, phase: "convert \(type.rawValue)", seconds: s,
                      bytes: times.bytes[type] ?? 0, cells: times.cells[type] ?? 0)
        }
    }

    /// The run, shared by the workers: each uses only its own reader, and the rest is read-only.
    private struct Job: @unchecked Sendable {
        let run: ChunkRun
    }
}
