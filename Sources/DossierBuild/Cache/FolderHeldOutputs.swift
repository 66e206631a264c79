import DossierReport
import Foundation

/// Outputs a cache hit names by their blobs (``OutputBlobs``) that the output folder already
/// holds with exactly those bytes, known without reading anything: the folder's file has a
/// stamp that ``FileDigestMemo`` trusts with the blob's name (its SHA-256). Such an output is
/// neither read from the cache nor compared with the folder; the manifest lists it by that
/// name and the commit leaves the file as it is. A cell edit whose document the cache holds
/// read ~6.7 MB of page, PDF and HTML blobs only to find the folder's copies equal.
///
/// The folder is checked again under its lock (``confirm(_:blobs:)``): a file that changed
/// since is read from its blob then (hashed, like any blob read), so the set written is the
/// build's either way.
struct FolderHeldOutputs: Sendable {
    /// The output folder's path, ending with `/`.
    let base: String
    let memo: FileDigestMemo

    init(directory: URL, memo: FileDigestMemo) {
        base = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        self.memo = memo
    }

    /// Whether the folder's file at `path` (an output path) is known by its stamp to have the
    /// SHA-256 `hex`. Only `stat` is called; a file the memo does not vouch for is not held.
    func holds(_ path: String, _ hex: String) -> Bool {
        guard OutputName.isOutputPath(path), RelativePath.isConfined(path), let stamp = FileStamp.of(base + path) else { return false }
        return memo.sha256(of: stamp) == hex
    }

    /// Checks `held` (path → SHA-256) again, with the folder locked: those still held are
    /// returned as they are; the others are read from their blobs (`read`, path → bytes).
    /// Throws when such a blob is missing or damaged (the build then changes no output; the
    /// next one finds the cache entry incomplete and renders).
    func confirm(_ held: [String: String], blobs: OutputBlobs) throws(BuildError) -> (held: [String: String], read: [String: [UInt8]]) {
        var still: [String: String] = [:]
        var read: [String: [UInt8]] = [:]
        for (path, hex) in held {
            if holds(path, hex) {
                still[path] = hex
            } else if let bytes = blobs.read(hex) {
                read[path] = bytes
            } else {
                throw .internalFailure("\(path) changed in the output folder during the build and the build cache's copy is "
                                       + "missing or damaged; build again")
            }
        }
        return (still, read)
    }
}
