import DossierData
import Foundation

/// Phase timings of a build, printed to standard error when ``BuildOptions/trace`` is set
/// (the command line sets it for `DOSSIER_TRACE=1`): for each phase, the wall time since the build started and the CPU time
/// the calling thread spent since its previous mark. It shows where a briefing's build time
/// goes (`bench/RESULTS.md` quotes it) without a profiler; outputs are unaffected.
///
/// A helper thread (the data prefetch, the second thread of analyses and figures) marks its
/// own phase when it ends, labelled `[second]`; CPU is counted per operating-system thread, so
/// two helper threads never share a running total. ``markUnmarked()`` ends the trace with the
/// CPU of the pool threads (the CSV loader's chunk workers, ``PoolThreadCPU``), then the
/// process CPU no line accounted for (the start-up before the first mark, and any thread that
/// marks nothing).
final class BuildTrace: Sendable {
    private let enabled: Bool
    private let state = State()
    /// Where lines go (standard error unless a test collects them).
    private let write: @Sendable (String) -> Void
    /// ``PoolThreadCPU/total`` when the trace started (the total is the process's).
    private let poolAtStart: Double

    init(enabled: Bool, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.enabled = enabled
        self.write = write
        poolAtStart = enabled ? PoolThreadCPU.total : 0
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        let origin = Date()
        /// Thread CPU time at each thread's previous mark, by thread (``threadKey``).
        var previousCPU: [Int: Double] = [:]
        /// CPU of every mark so far.
        var marked = 0.0
    }

    /// Records the end of `phase` on the calling thread.
    func mark(_ phase: String) {
        guard enabled else { return }
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        let cpu = Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
        let label = Thread.isMainThread ? "main" : "second"
        let line: String = state.lock.withLock {
            let thread = threadKey()
            let spent = cpu - (state.previousCPU[thread] ?? 0)
            state.previousCPU[thread] = cpu
            state.marked += spent
            return Self.line(wall: Date().timeIntervalSince(state.origin) * 1000, cpu: spent, thread: label, phase: phase)
        }
        write(line)
    }

    /// A closure marking `phase` (for ``TwoThreadMap``'s `helperDone`).
    func marker(_ phase: String) -> @Sendable () -> Void {
        { [self] in mark(phase) }
    }

    /// A number for the calling thread, unique in the process and kept in its thread
    /// dictionary: a thread that ended and a new one never share a key (a `pthread_t` can be
    /// reused).
    private func threadKey() -> Int {
        let dictionary = Thread.current.threadDictionary
        if let key = dictionary[Self.threadKeyName] as? Int { return key }
        let key = Self.keys.next()
        dictionary[Self.threadKeyName] = key
        return key
    }

    private static let threadKeyName = "DossierBuild.BuildTrace.thread"
    private static let keys = KeyCounter()

    private final class KeyCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func next() -> Int {
            lock.withLock {
                count += 1
                return count
            }
        }
    }

    /// Records the pool threads' CPU (``PoolThreadCPU``) since the trace started, then the
    /// process CPU (user and system, all threads) that no line counted so far.
    func markUnmarked() {
        guard enabled else { return }
        let pool = max(0, PoolThreadCPU.total - poolAtStart)
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        let process = Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
        let lines: String = state.lock.withLock {
            let wall = Date().timeIntervalSince(state.origin) * 1000
            return Self.line(wall: wall, cpu: pool, thread: "pool", phase: "pool threads (the CSV loader's chunk workers)")
                + Self.line(wall: wall, cpu: max(0, process - state.marked - pool),
                            thread: "process", phase: "not in a marked phase (unmarked threads, start-up)")
        }
        write(lines)
    }

    private static func line(wall: Double, cpu: Double, thread: String, phase: String) -> String {
        "trace: " + pad(wall) + " ms wall " + pad(cpu) + " ms cpu  [\(thread)] \(phase)\n"
    }

    private static func pad(_ milliseconds: Double) -> String {
        let text = String((milliseconds * 10).rounded() / 10)
        return String(repeating: " ", count: max(0, 7 - text.count)) + text
    }
}
