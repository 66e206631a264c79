import Foundation

/// A lock on an output folder, so that two builds never write into the same `out/` at once.
///
/// It is a `flock` on the folder itself (no lock file is created, so nothing is left in
/// `out/`): builds take it exclusively while they recover, stage and switch the output set;
/// `dossier check` takes it shared while it reads the committed set. The kernel releases it
/// when the process ends, however it ends, so a killed build never leaves a stale lock.
/// A second build waits for the first; `waiting` is called once, before it blocks.
final class OutputLock {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Locks `directory` (which must exist), waiting while another process holds a
    /// conflicting lock. Where the file system cannot lock folders (some network file
    /// systems), the build goes on unlocked rather than failing.
    static func acquire(_ directory: URL, exclusive: Bool, waiting: (() -> Void)?) throws -> OutputLock {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputWriter.POSIXFailure(path: directory.path, operation: "open the output folder")
        }
        let mode = exclusive ? LOCK_EX : LOCK_SH
        if flock(descriptor, mode | LOCK_NB) == 0 { return OutputLock(descriptor: descriptor) }
        guard errno == EWOULDBLOCK else {
            // ENOLCK, EINVAL, EBADF: the file system does not lock folders.
            return OutputLock(descriptor: descriptor)
        }
        waiting?()
        while flock(descriptor, mode) != 0 {
            guard errno == EINTR else {
                let failure = OutputWriter.POSIXFailure(path: directory.path, operation: "lock")
                close(descriptor)
                throw failure
            }
        }
        return OutputLock(descriptor: descriptor)
    }

    /// Locks `directory` (which must exist) if no other process holds a conflicting lock;
    /// nil when one does (nothing waits). Where the file system cannot lock folders, as
    /// ``acquire(_:exclusive:waiting:)``, the build goes on unlocked.
    static func acquireIfFree(_ directory: URL, exclusive: Bool) throws -> OutputLock? {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputWriter.POSIXFailure(path: directory.path, operation: "open the output folder")
        }
        var result: Int32
        repeat {
            result = flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB)
        } while result != 0 && errno == EINTR
        if result == 0 || errno != EWOULDBLOCK { return OutputLock(descriptor: descriptor) }
        close(descriptor)
        return nil
    }

    /// Releases the lock (also done when the lock is deallocated or the process ends).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
