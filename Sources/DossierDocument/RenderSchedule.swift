import CairoKit
import DossierCharts
import Foundation

/// Shares a build's rendering between two threads (the machines Dossier runs on have at least
/// two cores). A second thread, with its own ``Typesetter``, renders the standalone chart files
/// (each figure's PNG, SVG and PDF) from a queue while the calling thread lays out the document
/// and renders its PDF and page SVGs; then the calling thread takes charts from the same queue
/// until it is empty. (Laying the document out once, on the calling thread, is cheaper than
/// laying it out on both: Pango layouts cannot cross threads.)
///
/// Cairo, Pango and fontconfig objects are never shared between the threads: each has its own
/// typesetter and makes its own layouts and surfaces. Every output depends only on its inputs,
/// never on which thread rendered it, so the bytes are those of a single-threaded render.
final class RenderSchedule: @unchecked Sendable {
    /// A standalone chart file to render.
    private struct ChartTask {
        let id: String
        let kind: Surface.Kind
    }

    private let lock = NSLock()
    private let group = DispatchGroup()
    private let scenes: [String: Scene]
    private let date: String
    /// Rasters first: they take longest, and starting them early balances the two threads.
    private let tasks: [ChartTask]
    private var nextTask = 0
    private var files: [String: [UInt8]] = [:]
    private var failure: (any Error)?

    /// Starts the second thread on `charts` (figure id → scene), rendered as standalone SVG,
    /// PDF and PNG files.
    init(charts: [String: Scene], fontDirectory: String, date: String) {
        scenes = charts
        self.date = date
        tasks = [Surface.Kind.png, .svg, .pdf].flatMap { kind in charts.keys.sorted().map { ChartTask(id: $0, kind: kind) } }
        group.enter()
        let thread = Thread { [self] in
            defer { group.leave() }
            do {
                let typesetter = try Typesetter(fontDirectory: fontDirectory)
                try renderCharts(using: typesetter)
                BuildTrace.mark("chart files rendered")
            } catch {
                lock.withLock { failure = failure ?? error }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Renders queued chart files with `typesetter` (which must belong to the calling thread)
    /// until none are left.
    func renderCharts(using typesetter: Typesetter) throws {
        while let task = takeTask() {
            guard let scene = scenes[task.id] else { continue }
            let bytes = try ChartExporter.render(scene, as: task.kind, typesetter: typesetter, pixelScale: 2, date: date)
            lock.withLock { files["charts/\(task.id).\(task.kind.rawValue)"] = bytes }
        }
    }

    private func takeTask() -> ChartTask? {
        lock.withLock {
            guard failure == nil, nextTask < tasks.count else { return nil }
            defer { nextTask += 1 }
            return tasks[nextTask]
        }
    }

    /// Hands out no more chart files (after an error on the calling thread) and waits for the
    /// second thread; harmless after ``finish()``.
    func abandon() {
        lock.withLock { nextTask = tasks.count }
        group.wait()
    }

    /// Waits for the second thread and returns every file rendered, or throws the first error.
    func finish() throws -> [String: [UInt8]] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        return files
    }
}
