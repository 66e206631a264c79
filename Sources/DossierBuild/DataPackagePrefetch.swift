import DossierBase
import DossierData
import Foundation

/// Loads a data package on a second thread, started before the report's front matter is
/// decoded (YAML decoding and CSV loading are a build's two longest serial steps). The build
/// uses the result only when the decoded spec names the same package; otherwise it loads the
/// right one itself, so a wrong guess costs time, never correctness.
///
/// Then, still on that thread, it hashes the files it is given (a build without a cache: the
/// pinned fonts, ~5 MB that the manifest lists) into an ``InputDigests``: the thread is idle
/// until the front matter is decoded, while the manifest's hashing is on the build's last
/// stretch, where both threads are busy.
final class DataPackagePrefetch: @unchecked Sendable {
    /// The package being loaded.
    let url: URL
    /// The digests of the files hashed after the load (nil: none were asked for).
    private let digests: InputDigests?
    private let finished = DispatchSemaphore(value: 0)
    private let hashed = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcome: Result<DataPackage, any Error>?

    /// Starts loading `url`, whose files must lie inside `root` (through `snapshots`, when the
    /// build has a cache: ``DataPackageSnapshots``); marks the load's end on `trace` from the
    /// loading thread. After the load, the thread hashes `hashing` (absolute paths) into `digests`.
    init(_ url: URL, root: ProjectRoot, snapshots: DataPackageSnapshots? = nil, trace: BuildTrace? = nil,
         hashing: [String] = [], into digests: InputDigests? = nil) {
        self.url = url
        let digests = hashing.isEmpty ? nil : digests
        self.digests = digests
        let thread = Thread { [self] in
            let loaded = Result { try DataPackageSnapshots.load(url, root: root, through: snapshots, trace: trace) }
            lock.withLock { outcome = loaded.map(\.package) }
            finished.signal()
            // A package loaded with a cache is stored once the build has it.
            (try? loaded.get())?.store?()
            if let digests {
                for path in hashing { _ = digests.digest(path) }
                trace?.mark("input files hashed ahead (no cache)")
            }
            hashed.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the load to finish (so no thread outlives a failed build, the hashing after
    /// the load aside: see ``hashedDigests()``).
    func wait() {
        finished.wait()
        finished.signal()
    }

    /// Waits for what the thread does after the load (storing the package in the cache, the
    /// hashing), and returns the digests it filled (nil when it was given no files). The
    /// builder calls it before it is freed, so the thread never outlives the build.
    func hashedDigests() -> InputDigests? {
        hashed.wait()
        hashed.signal()
        return digests
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
