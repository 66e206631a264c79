import CairoKit
import Foundation
import Testing
@testable import DossierBuild

/// The page SVGs both threads of a build share (``RenderSchedule/share(_:)``): whichever
/// thread is free takes the next page, and every page is written exactly once, whatever order
/// the threads get to the queue in; an error or an abandoned build stops both without a hang.
@Suite("Shared page queue")
struct SharedPageQueueTests {
    static let fonts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fonts")

    /// Pages that count how often each is written, and take a seeded, uneven time to write.
    final class CountingPages: SharedPages, @unchecked Sendable {
        let count: Int
        private let lock = NSLock()
        private var writes: [Int]
        private var threads: Set<String> = []
        private let delays: [UInt32]
        private let failing: Int?

        init(count: Int, seed: UInt64, failing: Int? = nil) {
            self.count = count
            writes = Array(repeating: 0, count: count)
            var state = seed
            delays = (0..<count).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return UInt32(state >> 33) % 400
            }
            self.failing = failing
        }

        func svg(_ index: Int, typesetter: Typesetter) throws -> [UInt8]? {
            usleep(delays[index])
            lock.withLock {
                writes[index] += 1
                threads.insert(Thread.isMainThread ? "main" : "\(Unmanaged.passUnretained(Thread.current).toOpaque())")
            }
            if index == failing { throw BuildError.internalFailure("page \(index + 1) failed") }
            return Array("page \(index + 1)".utf8)
        }

        var counts: [Int] { lock.withLock { writes } }
        var threadCount: Int { lock.withLock { threads.count } }
    }

    /// A typesetter for the calling thread (the pages here draw nothing with it).
    static func typesetter() throws -> Typesetter { try Typesetter(fontDirectory: fonts.path) }

    /// Blocks the second thread's side work until released.
    final class Gate: @unchecked Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        func release() { semaphore.signal() }
        func wait() { semaphore.wait() }
    }

    /// A schedule with no charts that shares pages, with `sideWork` for its second thread.
    static func schedule(twoThreads: Bool, sideWork: RenderSchedule.SideWork? = nil) -> RenderSchedule {
        RenderSchedule(charts: [:], sharesPages: true, fontDirectory: fonts.path, date: "2026-01-01T00:00:00Z",
                       twoThreads: twoThreads, trace: BuildTrace(enabled: false), sideWork: sideWork)
    }

    static func expectEveryPageOnce(_ files: [String: [UInt8]], _ pages: CountingPages) {
        #expect(pages.counts == Array(repeating: 1, count: pages.count))
        #expect(files.count == pages.count)
        for index in 0..<pages.count {
            #expect(files[CachedPages.path(index)] == Array("page \(index + 1)".utf8))
        }
    }

    @Test("both threads take pages as they come", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func bothThreadsRace(seed: UInt64) throws {
        let pages = CountingPages(count: 60, seed: seed)
        let schedule = Self.schedule(twoThreads: true)
        defer { schedule.abandon() }
        schedule.share(pages)
        try schedule.renderSharedPages(using: Self.typesetter())
        Self.expectEveryPageOnce(try schedule.finish(), pages)
    }

    @Test("the second thread writes every page when the calling thread is busy")
    func secondThreadAlone() throws {
        let pages = CountingPages(count: 25, seed: 7)
        let schedule = Self.schedule(twoThreads: true)
        defer { schedule.abandon() }
        schedule.share(pages)
        let files = try schedule.finish()
        try schedule.renderSharedPages(using: Self.typesetter())
        Self.expectEveryPageOnce(files, pages)
        #expect(pages.threadCount == 1)
    }

    @Test("the calling thread writes every page while the second thread is held in its side work")
    func callingThreadFirst() throws {
        let pages = CountingPages(count: 25, seed: 11)
        let gate = Gate()
        let schedule = Self.schedule(twoThreads: true) { _, _ in
            gate.wait()
            return ["side.txt": []]
        }
        defer { schedule.abandon() }
        schedule.share(pages)
        try schedule.renderSharedPages(using: Self.typesetter())
        #expect(pages.counts == Array(repeating: 1, count: pages.count), "all written before the second thread is released")
        gate.release()
        var files = try schedule.finish()
        #expect(files.removeValue(forKey: "side.txt") != nil)
        Self.expectEveryPageOnce(files, pages)
    }

    @Test("one thread writes every page itself")
    func oneThread() throws {
        let pages = CountingPages(count: 12, seed: 3)
        let schedule = Self.schedule(twoThreads: false)
        defer { schedule.abandon() }
        try schedule.renderSharedPages(using: Self.typesetter())
        #expect(pages.counts.allSatisfy { $0 == 0 }, "nothing before the pages are shared")
        schedule.share(pages)
        try schedule.renderSharedPages(using: Self.typesetter())
        Self.expectEveryPageOnce(try schedule.finish(), pages)
    }

    @Test("a build abandoned before its pages are shared does not wait for them")
    func abandonedBeforeSharing() throws {
        let schedule = Self.schedule(twoThreads: true)
        schedule.abandon()
        #expect(try schedule.finish().isEmpty)
    }

    @Test("a page that fails stops both threads and fails the build", arguments: [0, 17, 39])
    func failingPage(failing: Int) throws {
        let pages = CountingPages(count: 40, seed: UInt64(failing), failing: failing)
        let schedule = Self.schedule(twoThreads: true)
        defer { schedule.abandon() }
        schedule.share(pages)
        let calling = Result { try schedule.renderSharedPages(using: Self.typesetter()) }
        let finished = Result { try schedule.finish() }
        #expect((try? calling.get()) == nil || (try? finished.get()) == nil)
        #expect(pages.counts.allSatisfy { $0 <= 1 })
    }

    /// Pages that note the thread that releases them (a snapshot's scenes carry the calling
    /// thread's Pango layouts, which must be released there).
    final class ReleaseProbe: SharedPages, @unchecked Sendable {
        let count = 30
        final class Record: @unchecked Sendable {
            private let lock = NSLock()
            private var thread: String?
            func released(on name: String) { lock.withLock { thread = name } }
            var releasedOn: String? { lock.withLock { thread } }
        }
        let record: Record
        init(_ record: Record) { self.record = record }
        deinit { record.released(on: Self.threadName()) }
        func svg(_ index: Int, typesetter: Typesetter) throws -> [UInt8]? { Array("page \(index + 1)".utf8) }
        static func threadName() -> String { "\(pthread_self())" }
    }

    @Test("the shared pages are released on the calling thread, by finish() or abandon()", arguments: [false, true])
    func sharedPagesReleasedOnTheCallingThread(abandoned: Bool) throws {
        let record = ReleaseProbe.Record()
        let schedule = Self.schedule(twoThreads: true)
        defer { schedule.abandon() }
        do {
            let pages = ReleaseProbe(record)
            schedule.share(pages)
        }
        try schedule.renderSharedPages(using: Self.typesetter())
        #expect(record.releasedOn == nil, "the schedule holds the pages until the second thread is done")
        if abandoned { schedule.abandon() } else { _ = try schedule.finish() }
        #expect(record.releasedOn == ReleaseProbe.threadName())
    }
}
