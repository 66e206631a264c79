import Foundation

/// One result slot per parallel task: task `i` writes slot `i` once, and the slots are read
/// after every task has returned (`DispatchQueue.concurrentPerform` waits for them), so no
/// two threads touch the same memory at the same time — hence the unchecked `Sendable`.
final class ParallelSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    /// `count` empty slots.
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }

    /// Stores the result of task `i`.
    func put(_ i: Int, _ value: T) { storage[i] = value }

    /// Moves out the result of task `i` (which must have run).
    func take(_ i: Int) -> T {
        guard let value = storage[i] else { fatalError("parallel task \(i) produced no result") }
        storage[i] = nil
        return value
    }

    /// Runs `body` for 0..<count (in parallel when count > 1) and returns the results in order.
    static func map(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = ParallelSlots<T>(count: count)
        if count == 1 {
            slots.put(0, body(0))
        } else {
            // Pool threads' CPU is counted for the build trace (``PoolThreadCPU``); the calling
            // thread's is its own phase's.
            let caller = pthread_self()
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let onPool = pthread_equal(pthread_self(), caller) == 0
                let start = onPool ? PoolThreadCPU.threadMilliseconds() : 0
                slots.put(i, body(i))
                if onPool { PoolThreadCPU.add(PoolThreadCPU.threadMilliseconds() - start) }
            }
        }
        return (0..<count).map { slots.take($0) }
    }
}
