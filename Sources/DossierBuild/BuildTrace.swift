import Foundation

/// Phase timings of a build, printed to standard error when ``BuildOptions/trace`` is set
/// (the command line sets it for `DOSSIER_TRACE=1`): for each phase, the wall time since the build started and the CPU time
/// the calling thread spent since its previous mark. It shows where a briefing's build time
/// goes (`bench/RESULTS.md` quotes it) without a profiler; outputs are unaffected.
final class BuildTrace: Sendable {
    private let enabled: Bool
    private let state = State()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        let origin = Date()
        /// Thread CPU time at each thread's previous mark, by thread name.
        var previousCPU: [String: Double] = [:]
    }

    /// Records the end of `phase` on the calling thread.
    func mark(_ phase: String) {
        guard enabled else { return }
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        let cpu = Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
        let thread = Thread.isMainThread ? "main" : "second"
        let line: String = state.lock.withLock {
            let spent = cpu - (state.previousCPU[thread] ?? 0)
            state.previousCPU[thread] = cpu
            let wall = Date().timeIntervalSince(state.origin) * 1000
            return "trace: " + Self.pad(wall) + " ms wall " + Self.pad(spent) + " ms cpu  [\(thread)] \(phase)\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func pad(_ milliseconds: Double) -> String {
        let text = String((milliseconds * 10).rounded() / 10)
        return String(repeating: " ", count: max(0, 7 - text.count)) + text
    }
}
