import CairoKit
import DossierCharts
import DossierLayout
import Foundation

/// Shares a build's rendering between two threads (the machines Dossier runs on have at least
/// two cores).
///
/// The second thread, with its own ``Typesetter``, renders the standalone chart files (each
/// figure's PNG, SVG and PDF) from a queue, then the side outputs (stats.json and the HTML,
/// which need no page layout), while the calling thread lays out the document and renders its
/// PDF; the calling thread then renders page SVGs from the front of the page list and, when it
/// runs out of pages, charts left in the queue. The second thread then waits for the calling
/// thread's layout and lays the document out again (Pango layouts cannot cross threads) to
/// render pages from the back of the list only when the layout is cheap beside the pages it
/// would share: the PDF the calling thread renders meanwhile (``pdfSecondsPerPage`` a page)
/// must take longer than the layout did. A long briefing's pages then split between the two
/// threads, while a short one (the flagship at 1×: 7 pages laid out in 110 ms, rendered in
/// 20 ms each) is laid out once.
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

    /// Outputs that need no page layout, made by whichever thread gets to them first with its
    /// own typesetter; given the chart files rendered so far (path → bytes), returns files.
    typealias SideWork = @Sendable (_ typesetter: Typesetter, _ chartFiles: [String: [UInt8]]) throws -> [String: [UInt8]]

    /// The PDF's cost per page of text (CPU seconds, release build: the 1000× flagship's 2,871
    /// pages in 5.3 s): a second layout pays when the PDF the calling thread renders meanwhile
    /// takes longer than the layout did.
    static let pdfSecondsPerPage = 0.0018

    private let lock = NSCondition()
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
    /// Set once the side work was taken by a thread (or there is none).
    private var sideWork: SideWork?
    /// The calling thread's layout: its CPU seconds, once known.
    private var layoutSeconds: Double?
    /// Set when the calling thread stops handing out work (an error, or the end).
    private var abandoned = false

    /// Starts the second thread. `charts` (figure id → scene) are rendered as standalone SVG,
    /// PDF and PNG files; `document`, when given, is the content whose page SVGs the threads
    /// share.
    init(charts: [String: Scene], document: DocumentContent?, fontDirectory: String, date: String,
         twoThreads: Bool, trace: BuildTrace, sideWork: SideWork? = nil) {
        scenes = charts
        self.date = date
        self.sideWork = sideWork
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
                if try runSideWork(using: typesetter) { trace.mark("stats.json and HTML written") }
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

    /// Makes the side outputs with `typesetter` (which must belong to the calling thread)
    /// unless another thread took them; returns whether this one did.
    @discardableResult
    func runSideWork(using typesetter: Typesetter) throws -> Bool {
        let (work, charts): (SideWork?, [String: [UInt8]]) = lock.withLock {
            guard failure == nil, let work = sideWork else { return (nil, [:]) }
            sideWork = nil
            return (work, files)
        }
        guard let work else { return false }
        let made = try work(typesetter, charts)
        lock.withLock { files.merge(made) { first, _ in first } }
        return true
    }

    /// Records that the calling thread laid the document out into `pages` pages in `seconds`
    /// of CPU time (the second thread waits for it to decide whether to lay out again).
    func laidOut(pages: Int, seconds: Double) {
        lock.withLock {
            if pageCount == nil {
                pageCount = pages
                backPage = pages - 1
            }
            layoutSeconds = seconds
            lock.broadcast()
        }
    }

    /// Renders page SVGs of `layout` (laid out on the calling thread) until none are left,
    /// from the front or from the back of the page list; `scenes`, when given, are the
    /// layout's page scenes, already made.
    func renderPages(of layout: DocumentLayout, scenes: [Scene]? = nil, fromTheBack: Bool = false) throws {
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
            let bytes = try layout.pageSVG(index, scene: scenes?[index])
            lock.withLock { files[String(format: "pages/page-%02d.svg", index + 1)] = bytes }
        }
    }

    /// The calling thread's CPU time in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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

    /// Whether the pages not yet taken justify a second layout: waits until the calling thread
    /// has laid the document out (or given up), then compares its layout time with the PDF it
    /// renders before taking page SVGs.
    private func worthLayingOut() -> Bool {
        lock.withLock {
            while failure == nil, !abandoned, layoutSeconds == nil || pageCount == nil { lock.wait() }
            guard failure == nil, !abandoned, let layoutSeconds else { return false }
            let pagesLeft = backPage - frontPage + 1
            return Double(pagesLeft) * Self.pdfSecondsPerPage > layoutSeconds
        }
    }

    /// Hands out no more work (after an error on the calling thread) and waits for the second
    /// thread; harmless after ``finish()``.
    func abandon() {
        lock.withLock {
            nextTask = tasks.count
            frontPage = backPage + 1
            abandoned = true
            lock.broadcast()
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
