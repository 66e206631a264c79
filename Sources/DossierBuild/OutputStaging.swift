import DossierReport
import Foundation

/// Stages a build's outputs in the output folder as soon as their bytes are final, while the
/// build still renders others (the second thread stages beside its page SVGs and while the
/// calling thread renders the PDF, see ``RenderSchedule``): each output is hashed for the manifest
/// (``SHA256/outputHex(_:)``, remembered for it), compared with the folder's file
/// (``FileComparison``) and, when it differs, written under its temporary name
/// (``TemporaryName``). ``OutputCommit`` then compares and stages only the outputs left, and
/// switches the set as before: the journal and the renames are unchanged.
///
/// Nothing is created in the folder before its exclusive ``OutputLock`` is held and an
/// interrupted build's leftovers are recovered (``OutputRecovery``). The lock is only tried
/// here: when another process holds it, nothing is staged early, and the commit waits for the
/// lock as it always did. An error while staging early (a folder that is a link, a full disk)
/// stops early staging and leaves that output to the commit, which reports the error as it
/// would have. A build that fails calls ``discard()``: every temporary staged here is removed,
/// the folders it created too when empty, and the previous outputs are as they were; a crash
/// leaves temporaries without a journal, which the next build removes.
///
/// Outputs whose paths are known before their bytes (the page SVGs, once the document is laid
/// out) can be reserved (``reserve(_:)``): an idle thread creates their temporaries ahead,
/// empty (``createAhead()``, ``TemporariesAhead``), and staging one of them then writes into
/// it. Those temporaries are this staging's like the others: removed by ``discard()``, and by
/// ``handOver()`` when no output was staged into them.
final class OutputStaging: @unchecked Sendable {
    /// What staging found for one output.
    struct Outcome {
        /// The bytes compared with the folder's file (the build's own array).
        let bytes: [UInt8]
        /// Whether they were written under the output's temporary name (false: the folder's
        /// file already holds them).
        let staged: Bool
    }

    /// The output folder.
    let directory: URL
    private let base: String
    private let condition = NSCondition()
    private var queue: [(path: String, bytes: [UInt8])] = []
    /// Every path queued (each is staged once: a second offer of it is ignored).
    private var offered: Set<String> = []
    private var nextQueued = 0
    private var outcomes: [String: Outcome] = [:]
    /// Outputs being hashed, compared or written outside the condition's lock.
    private var inFlight = 0
    private var lock: OutputLock?
    /// Whether the folder was recovered under ``lock``.
    private var recovered = false
    /// False once staging early stopped (the lock was busy, an error, a discard or the commit).
    private var active: Bool
    /// Folders under the output folder made ready for staging (created if needed, confined).
    private var readyFolders: Set<String> = [""]
    /// Folders this staging created (removed again by ``discard()`` when empty).
    private var createdFolders: [String] = []
    /// Temporaries created ahead of their outputs' bytes (``reserve(_:)``).
    private var ahead = TemporariesAhead()
    /// Files of the output folder known by their stamps (``FileComparison``), when the build
    /// has a cache.
    var memo: FileDigestMemo?
    /// Test hook: called with each output's path after it was staged or found identical.
    var afterOutput: (@Sendable (String) -> Void)?
    /// Test hook: called with each output's path after its temporary was created ahead.
    var afterCreatedAhead: (@Sendable (String) -> Void)?

    /// How many temporaries were created ahead (``createAhead()``) and how many of them an
    /// output was staged into.
    struct Statistics: Equatable {
        var created = 0
        var writtenInto = 0
    }

    private var counts = Statistics()

    /// The temporaries created ahead so far, and those staged into (tests, the trace).
    var statistics: Statistics {
        condition.withLock { counts }
    }

    /// Stages into `directory` (created when missing). With `enabled` false nothing is staged
    /// early; the commit does everything.
    init(directory: URL, enabled: Bool = true) {
        self.directory = directory
        base = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        active = enabled
    }

    /// Adds outputs whose bytes are final (relative paths) to the queue.
    func offer(_ path: String, _ bytes: [UInt8]) {
        condition.withLock {
            guard active, offered.insert(path).inserted else { return }
            queue.append((path, bytes))
        }
    }

    /// Adds outputs whose bytes are final to the queue, in path order.
    func offer(_ files: [String: [UInt8]]) {
        for path in files.keys.sorted() { offer(path, files[path] ?? []) }
    }

    /// Stages the next queued output; false when none is queued or staging early stopped.
    /// Any thread may call it, several at once (each output is taken once).
    func stageOne() -> Bool {
        let taken: (path: String, bytes: [UInt8], created: Bool)? = condition.withLock {
            guard active, nextQueued < queue.count, lockAndRecover() else { return nil }
            let item = queue[nextQueued]
            // Dropped from the queue: the array is kept by the outcome (or the build) only.
            queue[nextQueued] = ("", [])
            nextQueued += 1
            return begin(item.path, item.bytes)
        }
        guard let taken else { return false }
        return finish(taken.path, taken.bytes, created: taken.created)
    }

    /// Stages `bytes`, final, as `path` now, on the calling thread (the one that made them,
    /// while they are in its caches), unless `path` was offered before; false when it was, or
    /// when staging early stopped (then the commit stages it). With `creating` false, only
    /// into a temporary created ahead: otherwise `path` is queued (``offer(_:_:)``) for a
    /// thread that creates files (two threads creating files in one folder take turns, and
    /// the one that waits may spin).
    @discardableResult
    func stageNow(_ path: String, _ bytes: [UInt8], creating: Bool = true) -> Bool {
        let taken: Bool? = condition.withLock {
            guard active, !offered.contains(path) else { return nil }
            if !creating, !ahead.isCreated(path) {
                offered.insert(path)
                queue.append((path, bytes))
                return nil
            }
            offered.insert(path)
            guard lockAndRecover() else { return nil }
            return begin(path, bytes)?.created
        }
        guard let created = taken else { return false }
        return finish(path, bytes, created: created)
    }

    /// Takes `path` for staging on the calling thread: its folder made ready, its temporary
    /// claimed when it was created ahead (waiting while another thread creates it); nil when
    /// staging early stopped. Call with `condition` held.
    private func begin(_ path: String, _ bytes: [UInt8]) -> (path: String, bytes: [UInt8], created: Bool)? {
        guard prepareFolder(of: path) else { return nil }
        var claim = TemporariesAhead.Claim.creating
        while claim == .creating {
            // Stopped (while waiting): a discard may have removed the temporaries and gone on.
            guard active else { return nil }
            claim = ahead.claim(path)
            if claim == .creating { condition.wait() }
        }
        inFlight += 1
        return (path, bytes, claim == .created)
    }

    /// Stages `path` taken by ``begin(_:_:)`` and records the outcome; false when it failed
    /// (staging early stops).
    private func finish(_ path: String, _ bytes: [UInt8], created: Bool) -> Bool {
        let outcome = stage(path, bytes, created: created)
        condition.withLock {
            inFlight -= 1
            if let outcome {
                outcomes[path] = outcome
                if created, outcome.staged { counts.writtenInto += 1 }
            } else {
                active = false
            }
            condition.broadcast()
        }
        afterOutput?(path)
        return outcome != nil
    }

    /// Stages queued outputs until none is left (or staging early stopped).
    func stageAll() {
        while stageOne() {}
    }

    /// Hashes `bytes`, compares them with the folder's file and stages them when they differ
    /// (into the empty temporary created ahead, when `created`); nil on an error (the
    /// temporary, if begun, is removed).
    private func stage(_ path: String, _ bytes: [UInt8], created: Bool) -> Outcome? {
        let temporary = base + TemporaryName.forPath(path)
        guard RelativePath.isConfined(path) else {
            if created { try? OutputCommit.removeStale(temporary) }
            return nil
        }
        _ = SHA256.outputHex(bytes)
        if FileComparison.holds(base + path, bytes, memo: memo) {
            if created { try? OutputCommit.removeStale(temporary) }
            return Outcome(bytes: bytes, staged: false)
        }
        do {
            if created {
                try OutputWriter.writeCreated(bytes, at: temporary)
            } else {
                try OutputCommit.removeStale(temporary)
                try OutputWriter.writeNew(bytes, at: temporary)
            }
        } catch {
            try? OutputCommit.removeStale(temporary)
            return nil
        }
        return Outcome(bytes: bytes, staged: true)
    }

    /// Reserves the temporaries of `paths` (relative output paths whose bytes are not made yet)
    /// to be created ahead by ``createAhead()``, in order.
    func reserve(_ paths: [String]) {
        condition.withLock {
            guard active else { return }
            ahead.reserve(paths.filter { !offered.contains($0) })
        }
    }

    /// Creates the next reserved temporary, empty, unless the output folder holds a file at
    /// its output's path (the output may be identical: staging decides); false when none is
    /// left or staging early stopped. Any thread may call it, several at once.
    func createAhead() -> Bool {
        let taken: String? = condition.withLock {
            guard active, lockAndRecover(), let path = ahead.takeNext() else { return nil }
            guard RelativePath.isConfined(path), prepareFolder(of: path) else {
                ahead.finish(path, created: false)
                return nil
            }
            inFlight += 1
            return path
        }
        guard let path = taken else { return false }
        var created = false
        if !OutputRecovery.exists(base + path) {
            let temporary = base + TemporaryName.forPath(path)
            do {
                try OutputCommit.removeStale(temporary)
                try OutputWriter.createEmpty(at: temporary)
                created = true
            } catch {
                // Left to staging, which creates the temporary itself and meets the error then.
                try? OutputCommit.removeStale(temporary)
            }
        }
        condition.withLock {
            inFlight -= 1
            ahead.finish(path, created: created)
            if created { counts.created += 1 }
            condition.broadcast()
        }
        if created { afterCreatedAhead?(path) }
        return true
    }

    /// Removes the temporaries created ahead and never staged into, and drops every
    /// reservation. Call with `condition` held and nothing in flight.
    private func removeUnclaimed() {
        for path in ahead.removeAll() { try? OutputCommit.removeStale(base + TemporaryName.forPath(path)) }
    }

    /// Takes the folder's lock without waiting and recovers it, once; false when another
    /// process holds the lock or the folder cannot be made or recovered (staging early stops:
    /// the commit takes the lock, waiting, and reports any error). Call with `condition` held.
    private func lockAndRecover() -> Bool {
        if recovered { return true }
        guard active else { return false }
        do {
            if !OutputRecovery.exists(directory.path) {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            }
            guard let held = try OutputLock.acquireIfFree(directory, exclusive: true) else {
                active = false
                return false
            }
            lock = held
            try OutputRecovery.recover(in: directory)
            recovered = true
            return true
        } catch {
            active = false
            return false
        }
    }

    /// Creates (when missing) and checks the folder `path` goes in, once per folder; false
    /// when it is refused (staging early stops). Call with `condition` held.
    private func prepareFolder(of path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        if readyFolders.contains(folder) { return true }
        do {
            let existed = OutputRecovery.exists(base + folder)
            try FileManager.default.createDirectory(atPath: base + folder, withIntermediateDirectories: true)
            if !existed { createdFolders.append(folder) }
            try OutputRecovery.verifyConfined(folder, in: directory)
        } catch {
            active = false
            return false
        }
        readyFolders.insert(folder)
        return true
    }

    /// Stops staging early (a failed build; outputs being staged are finished).
    func stop() {
        condition.withLock { active = false }
    }

    /// Stops staging early and waits for outputs being staged by another thread.
    private func stopAndWait() {
        active = false
        while inFlight > 0 { condition.wait() }
    }

    /// The folder's lock for the commit, with the folder recovered: the lock staging took, or
    /// (when it staged nothing) the lock taken now, waiting for another process (`waiting` is
    /// called once, before blocking) and recovering what an interrupted build left.
    func lockForCommit(waiting: (() -> Void)?) throws -> OutputLock {
        try condition.withLock {
            stopAndWait()
            if let lock, recovered { return lock }
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let held = try lock ?? OutputLock.acquire(directory, exclusive: true, waiting: waiting)
            lock = held
            try OutputRecovery.recover(in: directory)
            recovered = true
            return held
        }
    }

    /// Hands the outputs staged or found identical to the commit, which owns their temporaries
    /// from then on (``OutputCommit/prestaged``); staging early stops.
    func handOver() -> [String: Outcome] {
        condition.withLock {
            stopAndWait()
            removeUnclaimed()
            defer { outcomes = [:] }
            return outcomes
        }
    }

    /// After a failed build: stops staging, removes every temporary staged here (none once
    /// handed over) and the folders created for them when they are empty, and releases the lock.
    func discard() {
        condition.withLock {
            stopAndWait()
            for (path, outcome) in outcomes where outcome.staged {
                try? OutputCommit.removeStale(base + TemporaryName.forPath(path))
            }
            removeUnclaimed()
            outcomes = [:]
            queue = []
            nextQueued = 0
            for folder in createdFolders.reversed() { rmdir(base + folder) }
            createdFolders = []
            lock?.release()
        }
    }

    /// The temporary file this staging wrote for `path` with `bytes` (the same array, so the
    /// same bytes), while it still owns it (before ``handOver()`` or ``discard()``); nil
    /// otherwise. The build cache files a blob of those bytes as a second name of that file
    /// (``OutputBlobs/store(_:linking:)``) instead of writing them again.
    func stagedFile(_ path: String, holding bytes: [UInt8]) -> String? {
        condition.withLock {
            guard let outcome = outcomes[path], outcome.staged, Self.sameStorage(outcome.bytes, bytes) else { return nil }
            return base + TemporaryName.forPath(path)
        }
    }

    /// Whether two arrays share their storage (then they hold the same bytes).
    private static func sameStorage(_ first: [UInt8], _ second: [UInt8]) -> Bool {
        first.count == second.count && first.withUnsafeBufferPointer { one in
            second.withUnsafeBufferPointer { $0.baseAddress == one.baseAddress }
        }
    }

    /// The paths staged or found identical so far (for tests).
    var handled: [String] {
        condition.withLock { outcomes.keys.sorted() }
    }

    /// The number of temporaries created ahead and not staged into yet (for tests).
    var createdAhead: Int {
        condition.withLock { ahead.unclaimed }
    }
}
