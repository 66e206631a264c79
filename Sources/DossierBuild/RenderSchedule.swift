import CairoKit
import DossierCharts
import DossierLayout
import Foundation

/// Shares a build's rendering between two threads (the machines Dossier runs on have at least
/// two cores).
///
/// The second thread, with its own ``Typesetter``, renders the standalone chart files (each
/// figure's PNG, SVG and PDF) from a queue, then the side outputs (stats.json and the HTML,
/// which need no page layout), while the calling thread lays out the document, records its
/// pages' glyph runs (``PageGlyphSnapshot``, shared by ``share(_:)``) and renders its PDF.
/// Page SVGs are written from the recorded runs, with no layout (each thread outlines the
/// glyphs with its own typesetter's fonts), so both threads take pages from one queue as soon
/// as they are free: the second after its charts and side work,
/// the calling thread after the PDF (and then the charts left in the queue).
///
/// With an ``OutputStaging``, each file is staged as soon as it is rendered. Chart files,
/// stats.json, the HTML and the PDF are offered to it, and the second thread stages them beside
/// its other work: while it waits for the pages, and one after each page SVG it writes. Each
/// page SVG is staged at once by the thread that wrote it (``OutputStaging/stageNow(_:_:creating:)``).
/// Once the document is laid out, the calling thread reserves the pages' and the PDF's
/// temporaries (``reserve(pages:also:)``), and the second thread creates them ahead, empty
/// (``OutputStaging/createAhead()``): while it waits for the pages to be recorded, and one
/// after each page it writes. Creating a file is most of what staging it costs where the file
/// system must find a free inode (ext4 without a journal skips every recently deleted one), and
/// it is serialised per folder, so one thread does it, beside the calling thread's layout, PDF
/// and pages rather than after them: the calling thread stages a page at once only into a
/// temporary created ahead, and queues it otherwise. When the last page is written, both threads stage what is left
/// (``stageFinished()``).
///
/// Cairo, Pango and fontconfig objects are never used by both threads: each has its own
/// typesetter and makes its own layouts and surfaces. The shared pages' scenes still carry
/// the calling thread's Pango layouts (``PageGlyphSnapshot``), unused by the second thread,
/// which drops its hold on them before it ends; ``finish()`` and ``abandon()`` then drop the
/// schedule's, so they are released on the calling thread, never on the second.
/// Every output depends only on its inputs, never on which thread rendered it, so the bytes
/// are those of a single-threaded render.
final class RenderSchedule: @unchecked Sendable {
    /// A standalone chart file to render.
    private struct ChartTask {
        let id: String
        let kind: Surface.Kind
    }

    /// Outputs that need no page layout, made by whichever thread gets to them first with its
    /// own typesetter; given the chart files rendered so far (path → bytes), returns files.
    typealias SideWork = @Sendable (_ typesetter: Typesetter, _ chartFiles: [String: [UInt8]]) throws -> [String: [UInt8]]

    private let lock = NSCondition()
    private let group = DispatchGroup()
    private let scenes: [String: Scene]
    private let date: String
    /// Rasters first: they take longest, and starting them early balances the two threads.
    private let tasks: [ChartTask]
    private var nextTask = 0
    /// The pages whose SVGs the threads share, once recorded (``share(_:)``).
    private var pages: (any SharedPages)?
    /// Whether the second thread waits for pages to share.
    private let sharesPages: Bool
    /// The next page SVG to write.
    private var nextPage = 0
    private var files: [String: [UInt8]] = [:]
    private var failure: (any Error)?
    /// Set once the side work was taken by a thread (or there is none).
    private var sideWork: SideWork?
    /// Set when the calling thread stops handing out work (an error, or the end).
    private var abandoned = false
    /// Where finished files are staged in the output folder, if the build writes one.
    private let staging: OutputStaging?
    /// Set once ``finish()`` returned the files (staging is then the commit's).
    private var finished = false
    /// Called with each page's index before its SVG is written (a test hook that may throw).
    private let beforePage: (@Sendable (Int) throws -> Void)?
    /// Outputs whose temporaries the second thread is to reserve and create ahead
    /// (``reserve(pages:also:)``), until it takes them.
    private var toReserve: (pages: Int, also: [String])?

    /// Starts the second thread. `charts` (figure id → scene) are rendered as standalone SVG,
    /// PDF and PNG files; with `sharesPages`, the second thread then waits for the pages the
    /// calling thread will ``share(_:)`` (or ``abandon()``) and writes page SVGs.
    init(charts: [String: Scene], sharesPages: Bool, fontDirectory: String, date: String,
         twoThreads: Bool, trace: BuildTrace, sideWork: SideWork? = nil, staging: OutputStaging? = nil,
         beforePage: (@Sendable (Int) throws -> Void)? = nil) {
        scenes = charts
        self.beforePage = beforePage
        self.staging = staging
        self.date = date
        self.sideWork = sideWork
        self.sharesPages = sharesPages
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
                if sharesPages { try renderSharedPagesWhenShared(using: typesetter, trace: trace) }
                if stageFinished() { trace.mark("outputs hashed and staged early") }
            } catch {
                lock.withLock { failure = failure ?? error }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Renders queued chart files with `typesetter` (which must belong to the calling thread)
    /// until none are left. The PNGs share one ``RasterMemory``: its pages are faulted in once.
    func renderCharts(using typesetter: Typesetter) throws {
        let memory = RasterMemory()
        while let task = takeTask() {
            guard let scene = scenes[task.id] else { continue }
            let bytes = try ChartExporter.render(scene, as: task.kind, typesetter: typesetter, pixelScale: 2, date: date,
                                                 memory: memory)
            let path = "charts/\(task.id).\(task.kind.rawValue)"
            lock.withLock { files[path] = bytes }
            staging?.offer(path, bytes)
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
        staging?.offer(made)
        return true
    }

    /// Hands the recorded pages to both threads: the second starts on them when it is free.
    func share(_ pages: any SharedPages) {
        lock.withLock {
            self.pages = pages
            lock.broadcast()
        }
    }

    /// Writes page SVGs of `pages` with `typesetter` (the calling thread's) until none are
    /// left, taking each from the queue both threads share (each page is written once, by
    /// whichever thread takes it), and stages each at once: the second thread always, the
    /// calling thread when its temporary was created ahead (else it is queued). With `second`,
    /// one queued file is also staged and one temporary created ahead after each page:
    /// creating files is the kernel's work, serialised per folder, so one thread does it, beside
    /// the other thread's rendering rather than after it.
    private func renderPages(_ pages: any SharedPages, using typesetter: Typesetter, second: Bool = false) throws {
        while let index = takePage(of: pages.count) {
            try beforePage?(index)
            guard let bytes = try pages.svg(index, typesetter: typesetter) else { continue }
            let path = CachedPages.path(index)
            lock.withLock { files[path] = bytes }
            staging?.stageNow(path, bytes, creating: second)
            if second, let staging {
                _ = staging.stageOne()
                _ = staging.createAhead()
            }
        }
    }

    /// The second thread's page SVGs: waits for the pages (creating temporaries ahead
    /// meanwhile) and writes them. Its only hold on the pages is in here: gone when it returns.
    private func renderSharedPagesWhenShared(using typesetter: Typesetter, trace: BuildTrace) throws {
        guard let pages = waitForPages(trace: trace) else { return }
        reserveAhead()
        try renderPages(pages, using: typesetter, second: true)
        trace.mark("page SVGs rendered")
    }

    /// Asks the second thread to create ahead the temporaries of the `pages` page SVGs and of
    /// `also` (paths): called by the calling thread once the document is laid out.
    func reserve(pages: Int, also: [String]) {
        guard staging != nil else { return }
        lock.withLock {
            toReserve = (pages, also)
            lock.broadcast()
        }
    }

    /// Reserves what ``reserve(pages:also:)`` asked for, once, on the second thread (the
    /// paths are made here, not on the calling thread); returns whether it did.
    @discardableResult
    private func reserveAhead() -> Bool {
        guard let staging, let asked = lock.withLock({ defer { toReserve = nil }; return toReserve }) else { return false }
        staging.reserve(asked.also + (0..<asked.pages).map(CachedPages.path))
        return true
    }

    /// Writes the shared pages' SVGs with `typesetter` (which must belong to the calling
    /// thread) until none are left (nothing before ``share(_:)``).
    func renderSharedPages(using typesetter: Typesetter) throws {
        guard let pages = lock.withLock({ pages }) else { return }
        try renderPages(pages, using: typesetter)
    }

    /// Stages the files offered so far and not yet staged, one at a time, while no thread has
    /// failed and the build goes on; returns whether it staged any.
    func stageFinished() -> Bool {
        guard let staging else { return false }
        var any = false
        while lock.withLock({ failure == nil && !abandoned }), staging.stageOne() { any = true }
        return any
    }

    private func takeTask() -> ChartTask? {
        lock.withLock {
            guard failure == nil, nextTask < tasks.count else { return nil }
            defer { nextTask += 1 }
            return tasks[nextTask]
        }
    }

    /// The next page of `count` not yet taken by either thread.
    private func takePage(of count: Int) -> Int? {
        lock.withLock {
            guard failure == nil, !abandoned, nextPage < count else { return nil }
            defer { nextPage += 1 }
            return nextPage
        }
    }

    /// The pages to share: waits until the calling thread has shared them, or given up,
    /// staging finished files and creating reserved temporaries ahead meanwhile.
    private func waitForPages(trace: BuildTrace) -> (any SharedPages)? {
        var staged = false, created = false
        while lock.withLock({ failure == nil && !abandoned && pages == nil }) {
            reserveAhead()
            if let staging, staging.stageOne() {
                staged = true
            } else if let staging, staging.createAhead() {
                if staged { trace.mark("outputs hashed and staged while waiting for the pages") }
                staged = false
                created = true
            } else {
                // Nothing to do until the pages are shared or temporaries are reserved.
                lock.withLock {
                    while failure == nil, !abandoned, pages == nil, toReserve == nil { lock.wait() }
                }
            }
        }
        if staged { trace.mark("outputs hashed and staged while waiting for the pages") }
        if created { trace.mark("temporaries created ahead while waiting for the pages") }
        return lock.withLock {
            guard failure == nil, !abandoned else { return nil }
            return pages
        }
    }

    /// Hands out no more work (after an error on the calling thread) and waits for the second
    /// thread; harmless after ``finish()``.
    func abandon() {
        lock.withLock {
            // Before finish(), this is a failed build: staging stops (the build discards it).
            if !finished { staging?.stop() }
            nextTask = tasks.count
            abandoned = true
            lock.broadcast()
        }
        group.wait()
        dropPages()
    }

    /// Drops the shared pages, on the calling thread, once the second thread is done with them
    /// (their layouts are the calling thread's: see ``PageGlyphSnapshot``).
    private func dropPages() {
        let dropped = lock.withLock {
            defer { pages = nil }
            return pages
        }
        withExtendedLifetime(dropped) {}
    }

    /// Waits for the second thread and returns every file rendered, or throws the first error.
    func finish() throws -> [String: [UInt8]] {
        group.wait()
        dropPages()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        finished = true
        return files
    }
}

/// Pages whose SVGs either thread can write (``SharedPageSVGs``).
protocol SharedPages: Sendable {
    /// The number of pages.
    var count: Int { get }
    /// Page `index`'s SVG (0-based), written on the calling thread, which owns `typesetter`;
    /// nil leaves the page out of the schedule's files (the caller makes it after ``RenderSchedule/finish()``).
    func svg(_ index: Int, typesetter: Typesetter) throws -> [UInt8]?
}
