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
    /// `order`, when given (a permutation of `0..<count`), is the order in which the tasks are
    /// taken: the longest first, so that the two threads finish together (the calling thread
    /// takes the first, the second thread the next once it has made its state).
    static func map<State, Result: Sendable>(
        _ count: Int, twoThreads: Bool = true, order: [Int]? = nil, callerState: State,
        makeState: @escaping @Sendable () throws -> State,
        helperDone: (@Sendable () -> Void)? = nil,
        _ body: @escaping @Sendable (State, Int) throws -> Result
    ) throws -> [Result] {
        let order = order.flatMap { $0.count == count && Set($0) == Set(0..<count) ? $0 : nil } ?? Array(0..<count)
        if count < 2 || !twoThreads {
            if order == Array(0..<count) { return try (0..<count).map { try body(callerState, $0) } }
            var results: [Result?] = Array(repeating: nil, count: count)
            var failure: (index: Int, error: any Error)?
            for index in order {
                do {
                    results[index] = try body(callerState, index)
                } catch {
                    // The lowest-numbered task's error, as a run in index order reports it.
                    if failure.map({ index < $0.index }) ?? true { failure = (index, error) }
                }
            }
            if let failure { throw failure.error }
            return results.map { result in
                guard let result else { preconditionFailure("every task ran") }
                return result
            }
        }
        let shared = Shared<Result>(order: order)
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
        private let order: [Int]
        private var outcomes: [Swift.Result<Result, any Error>?]

        init(order: [Int]) {
            self.order = order
            outcomes = Array(repeating: nil, count: order.count)
        }

        func work<State>(state: State, _ body: (State, Int) throws -> Result) {
            while let index = take() {
                let outcome = Swift.Result { try body(state, index) }
                lock.withLock { outcomes[index] = outcome }
            }
        }

        private func take() -> Int? {
            lock.withLock {
                guard next < order.count else { return nil }
                defer { next += 1 }
                return order[next]
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
