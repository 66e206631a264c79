import Foundation

/// Runs independent tasks on the calling thread and one more thread, each thread taking the
/// next task until none are left; results come back in task order, so the outcome never
/// depends on which thread ran what. Analyses and figure compilation use it: a build's
/// phases are short, and two threads are what the machines Dossier runs on always have.
///
/// A thread that needs its own non-shareable state (a ``Typesetter``: Pango objects stay on
/// the thread that made them) gets it from `makeState` once, on that thread; the calling
/// thread passes its own as `callerState`.
enum TwoThreadMap {
    /// Results of `body(state, index)` for `index` in `0..<count`, or the error of the
    /// lowest-numbered task that failed (the one a sequential run would have reported).
    /// With `twoThreads` false (``BuildOptions/twoThreads``) every task runs on the calling
    /// thread (for comparison and debugging; the outputs are the same bytes). `helperDone`,
    /// when given, runs on the second thread as its last step (a ``BuildTrace`` mark).
    static func map<State, Result: Sendable>(
        _ count: Int, twoThreads: Bool = true, callerState: State, makeState: @escaping @Sendable () throws -> State,
        helperDone: (@Sendable () -> Void)? = nil,
        _ body: @escaping @Sendable (State, Int) throws -> Result
    ) throws -> [Result] {
        if count < 2 || !twoThreads {
            return try (0..<count).map { try body(callerState, $0) }
        }
        let shared = Shared<Result>(count: count)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer {
                helperDone?()
                done.signal()
            }
            do {
                let state = try makeState()
                shared.work(state: state, body)
            } catch {
                // Without its own state this thread takes no task; the caller runs them all.
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        shared.work(state: callerState, body)
        done.wait()
        return try shared.results()
    }

    /// The task counter and the results, behind one lock.
    private final class Shared<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var outcomes: [Swift.Result<Result, any Error>?]

        init(count: Int) { outcomes = Array(repeating: nil, count: count) }

        func work<State>(state: State, _ body: (State, Int) throws -> Result) {
            while let index = take() {
                let outcome = Swift.Result { try body(state, index) }
                lock.withLock { outcomes[index] = outcome }
            }
        }

        private func take() -> Int? {
            lock.withLock {
                guard next < outcomes.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func results() throws -> [Result] {
            try lock.withLock { outcomes }.map { outcome in
                guard let outcome else { preconditionFailure("every task runs before the threads finish") }
                return try outcome.get()
            }
        }
    }
}
