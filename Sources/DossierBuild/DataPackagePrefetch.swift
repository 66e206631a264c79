import DossierBase
import DossierData
import Foundation

/// Loads a data package on a second thread, started before the report's front matter is
/// decoded (YAML decoding and CSV loading are a build's two longest serial steps). The build
/// uses the result only when the decoded spec names the same package; otherwise it loads the
/// right one itself, so a wrong guess costs time, never correctness.
final class DataPackagePrefetch: @unchecked Sendable {
    /// The package being loaded.
    let url: URL
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcome: Result<DataPackage, any Error>?

    /// Starts loading `url`, whose files must lie inside `root`; marks the load's end on
    /// `trace` from the loading thread.
    init(_ url: URL, root: ProjectRoot, trace: BuildTrace? = nil) {
        self.url = url
        let thread = Thread { [self] in
            let loaded = Result { try DataPackage.load(from: url, root: root) }
            trace?.mark("data package loaded and validated")
            lock.withLock { outcome = loaded }
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the load to finish (so no thread outlives a failed build).
    func wait() {
        finished.wait()
        finished.signal()
    }

    /// The loaded package, or the error loading it gave.
    func result() throws -> DataPackage {
        wait()
        guard let outcome = lock.withLock({ outcome }) else {
            preconditionFailure("the prefetch thread sets its outcome before signalling")
        }
        return try outcome.get()
    }
}
