#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The CPU time that pool threads (not the thread that started the work) spent in
/// ``ParallelSlots/map(_:_:)`` tasks, summed over the process: the CSV loader's chunk workers
/// and the text columns' parallel materialisation. No build phase marks those threads, so a
/// build trace (`DOSSIER_TRACE=1`) reads this total to name them instead of counting them as
/// unexplained. Two clock reads per task; always on.
package enum PoolThreadCPU {
    private static let state = State()

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var milliseconds = 0.0 // guarded by lock
    }

    /// Milliseconds of pool-thread CPU so far.
    package static var total: Double { state.lock.withLock { state.milliseconds } }

    /// Adds `milliseconds` to the total.
    static func add(_ milliseconds: Double) {
        state.lock.withLock { state.milliseconds += milliseconds }
    }

    /// The calling thread's CPU time in milliseconds.
    static func threadMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
}
