import Foundation

/// Values computed at most once per build for equal keys, shared by the build's two threads:
/// a request for a key another thread is computing waits for that result instead of computing
/// it again. The stored outcome is the value or the error the computation gave, so a repeat
/// sees exactly what the first request saw. Used for the rows an analysis prepares (many
/// analyses read the same `table`, `join`, `derive`, `where`) and for exact tests (a
/// `sensitivity` variant repeats its base `crosstab`).
package final class ComputeOnce<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private enum Entry {
        case pending
        case done(Result<Value, any Error>)
    }

    private let condition = NSCondition()
    private var entries: [Key: Entry] = [:]

    package init() {}

    /// The value for `key`: computed by `compute` the first time, the stored outcome after.
    package func value(for key: Key, compute: () throws -> Value) throws -> Value {
        condition.lock()
        while case .pending = entries[key] { condition.wait() }
        if case let .done(outcome) = entries[key] {
            condition.unlock()
            return try outcome.get()
        }
        entries[key] = .pending
        condition.unlock()
        let outcome = Result { try compute() }
        condition.lock()
        entries[key] = .done(outcome)
        condition.broadcast()
        condition.unlock()
        return try outcome.get()
    }
}
