/// The bookkeeping of outputs' temporaries created ahead, empty, before the outputs' bytes
/// exist (``OutputStaging/reserve(_:)``, ``OutputStaging/createAhead()``): creating a file is
/// most of what staging one costs on a file system that must choose a new inode for it, and a
/// thread with nothing else to do can create them while the pages are still being laid out or
/// drawn; staging an output then only writes its bytes into its temporary.
///
/// Each reserved path goes from pending (nothing on disk) to being created (by one thread,
/// outside the staging's lock) to created (an empty temporary that this build owns), and is
/// dropped when staging claims it or when creating it was not worth it (the output folder
/// holds a file at that path already) or failed. A plain value: ``OutputStaging`` keeps it under
/// its lock.
struct TemporariesAhead {
    /// Where a reserved path stands.
    enum State {
        /// Not created yet.
        case pending
        /// Being created by a thread, outside the lock.
        case creating
        /// An empty temporary of this build's, waiting for its output's bytes.
        case created
    }

    /// What staging an output finds of its temporary.
    enum Claim {
        /// None was created ahead (or is pending: it is no longer created ahead): staging
        /// creates the temporary itself.
        case none
        /// Its empty temporary exists, now the staging's to write.
        case created
        /// Another thread is creating it: wait, then claim again.
        case creating
    }

    /// Reserved paths, in the order they are created ahead.
    private var order: [String] = []
    private var states: [String: State] = [:]
    /// The first position of ``order`` that may still be pending.
    private var next = 0

    /// Reserves `paths` (relative output paths) not reserved before, in order.
    mutating func reserve(_ paths: [String]) {
        for path in paths where states[path] == nil {
            states[path] = .pending
            order.append(path)
        }
    }

    /// The next pending path, now marked as being created; nil when none is left.
    mutating func takeNext() -> String? {
        while next < order.count {
            let path = order[next]
            next += 1
            if states[path] == .pending {
                states[path] = .creating
                return path
            }
        }
        return nil
    }

    /// Records the end of creating `path`: created, or dropped (not created).
    mutating func finish(_ path: String, created: Bool) {
        guard states[path] == .creating else { return }
        states[path] = created ? .created : nil
    }

    /// Whether the temporary of `path` was created ahead and not claimed yet.
    func isCreated(_ path: String) -> Bool {
        states[path] == .created
    }

    /// What staging `path` finds; a pending or created path is dropped from the reservations
    /// (a created one's temporary is then the staging's).
    mutating func claim(_ path: String) -> Claim {
        switch states[path] {
        case nil: return .none
        case .pending?:
            states[path] = nil
            return .none
        case .creating?: return .creating
        case .created?:
            states[path] = nil
            return .created
        }
    }

    /// Drops every reservation; returns the paths whose temporaries were created and never
    /// claimed (the caller removes them). Call when no thread is creating one.
    mutating func removeAll() -> [String] {
        defer {
            order = []
            states = [:]
            next = 0
        }
        return order.filter { states[$0] == .created }
    }

    /// The number of temporaries created and not claimed (tests).
    var unclaimed: Int { states.values.filter { $0 == .created }.count }
}
