import CairoKit
import DossierCharts
import DossierLayout
import Foundation

/// Shares a build's rendering between two threads (the machines Dossier runs on have at least
/// two cores).
///
/// The second thread, with its own ``Typesetter``, renders the standalone chart files (each
/// figure's PNG, SVG and PDF) from a queue while the calling thread lays out the document and
/// renders its PDF; the calling thread then renders page SVGs from the front of the page list
/// and, when it runs out of pages, charts left in the queue. A second thread that runs out of
/// charts while many pages are left lays the document out again (Pango layouts cannot cross
/// threads) and renders pages from the back of the list: a long briefing's pages then split
/// between the two threads, while a short one is not laid out twice.
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

    /// The second thread lays the document out again only when at least this many pages are
    /// left: laying out costs about as much as rendering three pages.
    static let pagesWorthALayout = 4

    private let lock = NSLock()
    private let group = DispatchGroup()
    private let scenes: [String: Scene]
    private let date: String
    /// Rasters first: they take longest, and starting them early balances the two threads.
    private let tasks: [ChartTask]
    private var nextTask = 0
    /// Page SVGs: the calling thread takes pages from `frontPage` up, the second from
    /// `backPage` down. `pageCount` is nil until a layout has counted the pages.
    private var pageCount: Int?
    private var frontPage = 0
    private var backPage = 0
    private var files: [String: [UInt8]] = [:]
    private var failure: (any Error)?

    /// Starts the second thread. `charts` (figure id → scene) are rendered as standalone SVG,
    /// PDF and PNG files; `document`, when given, is the content whose page SVGs the threads
    /// share.
    init(charts: [String: Scene], document: DocumentContent?, fontDirectory: String, date: String,
         twoThreads: Bool, trace: BuildTrace) {
        scenes = charts
        self.date = date
        tasks = [Surface.Kind.png, .svg, .pdf].flatMap { kind in charts.keys.sorted().map { ChartTask(id: $0, kind: kind) } }
        // Without a second thread the calling thread renders everything itself.
        guard twoThreads else { return }
        group.enter()
        let thread = Thread { [self] in
            defer { group.leave() }
            do {
                let typesetter = try Typesetter(fontDirectory: fontDirectory)
                try renderCharts(using: typesetter)
                trace.mark("chart files rendered")
                if let document, worthLayingOut() {
                    let layout = try DocumentLayout(document, typesetter: typesetter)
                    try renderPages(of: layout, fromTheBack: true)
                    trace.mark("document laid out again, page SVGs rendered")
                }
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

    /// Renders page SVGs of `layout` (laid out on the calling thread) until none are left,
    /// from the front or from the back of the page list.
    func renderPages(of layout: DocumentLayout, fromTheBack: Bool = false) throws {
        let count = layout.pages.count
        try lock.withLock {
            if pageCount == nil {
                pageCount = count
                backPage = count - 1
            } else if pageCount != count {
                throw BuildError.internalFailure("the two threads laid the document out into \(pageCount ?? 0) and \(count) pages")
            }
        }
        while let index = takePage(fromTheBack: fromTheBack) {
            let bytes = try layout.pageSVG(index)
            lock.withLock { files[String(format: "pages/page-%02d.svg", index + 1)] = bytes }
        }
    }

    private func takeTask() -> ChartTask? {
        lock.withLock {
            guard failure == nil, nextTask < tasks.count else { return nil }
            defer { nextTask += 1 }
            return tasks[nextTask]
        }
    }

    private func takePage(fromTheBack: Bool) -> Int? {
        lock.withLock {
            guard failure == nil, frontPage <= backPage else { return nil }
            if fromTheBack {
                defer { backPage -= 1 }
                return backPage
            }
            defer { frontPage += 1 }
            return frontPage
        }
    }

    /// Whether the pages not yet taken justify a second layout (unknown counts as yes: the
    /// calling thread is still laying out).
    private func worthLayingOut() -> Bool {
        lock.withLock {
            guard failure == nil else { return false }
            guard pageCount != nil else { return true }
            return backPage - frontPage + 1 >= Self.pagesWorthALayout
        }
    }

    /// Hands out no more work (after an error on the calling thread) and waits for the second
    /// thread; harmless after ``finish()``.
    func abandon() {
        lock.withLock {
            nextTask = tasks.count
            frontPage = backPage + 1
        }
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
