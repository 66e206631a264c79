@testable import DossierBuild
import Foundation
import Testing

/// Tasks run on two threads, but results and errors are those of a sequential run.
@Suite struct TwoThreadMapTests {
    struct Failure: Error, Equatable { let index: Int }

    /// A per-thread state that records which thread made it.
    final class ThreadTag { let isMain = Thread.isMainThread; let name = UUID() }

    @Test func resultsComeBackInTaskOrder() throws {
        let results = try TwoThreadMap.map(200, callerState: 0, makeState: { 1000 }) { state, index in
            // Uneven work so that both threads take tasks out of order.
            var x = 0.0
            for k in 0..<(index % 7 == 0 ? 20_000 : 10) { x += Double(k) }
            return (index, state, x > -1)
        }
        #expect(results.map(\.0) == Array(0..<200))
        #expect(results.allSatisfy { $0.2 })
        #expect(Set(results.map(\.1)).isSubset(of: [0, 1000]))
    }

    /// Indices recorded from either thread.
    final class Taken: @unchecked Sendable {
        private let lock = NSLock()
        private var indices: [Int] = []
        func add(_ index: Int) { lock.withLock { indices.append(index) } }
        var all: [Int] { lock.withLock { indices } }
    }

    /// `order` (the figures' maps first) is the order tasks are taken in; results and the
    /// error reported are still those of index order.
    @Test func tasksAreTakenInTheGivenOrder() throws {
        let order = [4, 2, 0, 1, 3]
        let taken = Taken()
        let results = try TwoThreadMap.map(5, twoThreads: false, order: order, callerState: (), makeState: {}) { _, index in
            taken.add(index)
            return index * 10
        }
        #expect(taken.all == order)
        #expect(results == [0, 10, 20, 30, 40])
        #expect(throws: Failure(index: 1)) {
            _ = try TwoThreadMap.map(5, twoThreads: false, order: order, callerState: (), makeState: {}) { _, index in
                if index == 1 || index == 2 { throw Failure(index: index) }
                return index
            }
        }
        // Two threads: the second makes its state only once the calling thread has started,
        // so the calling thread's first task is the order's first.
        let started = DispatchSemaphore(value: 0)
        let onCaller = Taken()
        let both = try TwoThreadMap.map(5, order: order, callerState: true, makeState: { started.wait(); return false }) { isCaller, index in
            if isCaller {
                onCaller.add(index)
                if onCaller.all.count == 1 { started.signal() }
            }
            return index
        }
        #expect(onCaller.all.first == 4)
        #expect(both == [0, 1, 2, 3, 4])
        // Not a permutation: index order.
        let plain = Taken()
        _ = try TwoThreadMap.map(3, twoThreads: false, order: [0, 0, 1], callerState: (), makeState: {}) { _, index in plain.add(index) }
        #expect(plain.all == [0, 1, 2])
    }

    @Test func theFirstFailingTaskInOrderIsReported() {
        #expect(throws: Failure(index: 3)) {
            _ = try TwoThreadMap.map(50, callerState: (), makeState: {}) { _, index in
                if index == 3 || index == 40 { throw Failure(index: index) }
                return index
            }
        }
    }

    @Test func eachThreadMakesItsOwnStateOnce() throws {
        let caller = ThreadTag()
        let tags = try TwoThreadMap.map(64, callerState: caller, makeState: { ThreadTag() }) { tag, _ in
            tag.name
        }
        // At most two distinct states: the caller's and the one made on the second thread.
        #expect(Set(tags).count <= 2)
        #expect(tags.contains(caller.name) || Set(tags).count == 1)
    }

    @Test func noTasksOrOneRunOnTheCaller() throws {
        #expect(try TwoThreadMap.map(0, callerState: 7, makeState: { 8 }) { state, _ in state }.isEmpty)
        #expect(try TwoThreadMap.map(1, callerState: 7, makeState: { 8 }) { state, _ in state } == [7])
    }

    /// `BuildOptions.twoThreads` false (`DOSSIER_THREADS=1` on the command line): no second
    /// thread, no second state, the same results.
    @Test func oneThreadWhenAskedRunsEverythingOnTheCaller() throws {
        let states = try TwoThreadMap.map(64, twoThreads: false, callerState: 7, makeState: { 8 }) { state, _ in state }
        #expect(states == Array(repeating: 7, count: 64))
        let squares = try TwoThreadMap.map(64, twoThreads: false, callerState: (), makeState: {}) { _, index in index * index }
        #expect(squares == (0..<64).map { $0 * $0 })
    }
}
