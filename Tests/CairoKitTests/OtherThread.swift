import Foundation

/// Runs test code on a thread of its own, as the build's second thread runs: for what must
/// work with no object of the test's thread. Shared with DossierBuildTests by a symbolic link.
enum OtherThread {
    /// Why ``run(_:)`` has no result.
    struct NoResult: Error {}

    /// What a thread computed.
    private final class Box<Value: Sendable>: @unchecked Sendable { var result: Result<Value, any Error>? }

    /// `body`'s result, computed on a new thread (its error rethrown here).
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) throws -> Value {
        let box = Box<Value>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try body() }
            done.signal()
        }
        thread.start()
        done.wait()
        return try (box.result ?? .failure(NoResult())).get()
    }
}
