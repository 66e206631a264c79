import DossierBase
import DossierData
import Foundation

/// Data packages loaded and validated once per content: a package that loaded without an
/// error is kept in the build cache as a `data package` entry (``DataPackageBytes``), and a
/// later build whose descriptor and data files have the same content reads it instead of
/// parsing the descriptor and every CSV and validating them again (a prose edit, a `touch`).
///
/// Two entries, both named by the tool identity, the project root, the descriptor's URL as
/// given (from which the files are listed and printed) and the descriptor's SHA-256:
/// - `data package files`: the names of the files the load read after the descriptor (schemas,
///   CSVs), as the descriptor gives them (what it names depends on its content alone);
/// - `data package`: the package, named also by each of those names with the file it resolves
///   to and its SHA-256.
///
/// Every name is confined to the project root again (``ConfinedDescriptor``, as the load
/// confines it) before the file is hashed, so a file moved outside the project, or a symlink
/// now pointing elsewhere, is never read through the cache. Anything that does not match (a
/// file that cannot be confined or read, an entry missing, damaged or that does not decode)
/// loads the package afresh, exactly as a build without a cache: a package with an error is
/// never stored, and its errors are reported as they always are.
struct DataPackageSnapshots: Sendable {
    let cache: BuildCache
    /// Where the files' SHA-256s come from (shared with the build's other keys).
    let digests: InputDigests

    /// How a package was found.
    enum Source: Sendable, Equatable {
        /// Read from its entry.
        case snapshot
        /// Loaded and validated (and stored when valid).
        case loaded
    }

    /// The package whose descriptor is `url`, inside `root`: from its entry when the
    /// descriptor and every file it names are unchanged, else loaded (``DataPackage/load(from:root:errorCap:)``),
    /// and then, when it is valid, `store` writes its entries (called by the caller, who may
    /// first hand the package on). Throws what the load throws.
    func load(from url: URL, root: ProjectRoot) throws -> (package: DataPackage, source: Source, store: (@Sendable () -> Void)?) {
        // The descriptor as the load confines it, and its content.
        let located = (try? ConfinedDescriptor(url, root: root)).flatMap { descriptor in
            digests.digest(descriptor.path.path).map { (descriptor: descriptor, digest: $0) }
        }
        var names: [String]?
        var packageKey: CacheKey?
        if let (descriptor, digest) = located {
            if let payload = cache.read(key("data package files", url: url, descriptor: descriptor, digest: digest).key) {
                var reader = CacheByteReader(payload)
                if let read = try? reader.strings(), reader.atEnd { names = read }
            }
            if let names {
                packageKey = self.packageKey(url: url, descriptor: descriptor, digest: digest, names: names)
                if let packageKey, let payload = cache.read(packageKey),
                   let package = try? DataPackageBytes.package(from: payload, descriptor: url), package.fileNames == names {
                    return (package, .snapshot, nil)
                }
            }
        }
        let package = try DataPackage.load(from: url, root: root)
        guard let (descriptor, digest) = located, names == nil || names == package.fileNames else { return (package, .loaded, nil) }
        return (package, .loaded, { [self, names, packageKey] in
            var key = packageKey
            if names == nil {
                // What the descriptor names, for the next build's lookup.
                var writer = CacheByteWriter()
                writer.strings(package.fileNames)
                cache.write(writer.bytes, for: self.key("data package files", url: url, descriptor: descriptor, digest: digest).key)
                key = self.packageKey(url: url, descriptor: descriptor, digest: digest, names: package.fileNames)
            }
            if let key { cache.write(DataPackageBytes.bytes(of: package), for: key) }
        })
    }

    /// A key of kind `kind` naming the package by the project root, `url` (as given) and the
    /// descriptor's resolved path and content.
    private func key(_ kind: String, url: URL, descriptor: ConfinedDescriptor, digest: String) -> CacheKeyBuilder {
        var key = cache.key(kind)
        key.add("root", descriptor.root.path)
        key.add("url", url.relativeString)
        key.add("url base", url.baseURL?.absoluteString ?? "")
        key.add("descriptor " + descriptor.path.path, digest)
        return key
    }

    /// The `data package` entry's key: with each named file, the file it resolves to inside the
    /// project (confined as the load confines it) and its content; nil when one cannot be
    /// confined or read.
    private func packageKey(url: URL, descriptor: ConfinedDescriptor, digest: String, names: [String]) -> CacheKey? {
        var key = key("data package", url: url, descriptor: descriptor, digest: digest)
        for name in names {
            guard case let .success(file) = descriptor.confine(name), let digest = digests.digest(file.path) else { return nil }
            key.add("name", name)
            key.add("file " + file.path, digest)
        }
        return key.key
    }

    /// The package at `url` through `snapshots` when there is a cache, else loaded; marks on
    /// `trace` how it was found. The store of a package loaded with a cache is returned, to be
    /// run once the package is handed on.
    static func load(_ url: URL, root: ProjectRoot, through snapshots: DataPackageSnapshots?,
                     trace: BuildTrace?) throws -> (package: DataPackage, store: (@Sendable () -> Void)?) {
        guard let snapshots else {
            defer { trace?.mark("data package loaded and validated") }
            return (try DataPackage.load(from: url, root: root), nil)
        }
        let found = try snapshots.load(from: url, root: root)
        trace?.mark(found.source == .snapshot ? "data package read from the cache (validated before)" : "data package loaded and validated")
        guard let store = found.store else { return (found.package, nil) }
        return (found.package, {
            store()
            trace?.mark("data package stored in the cache")
        })
    }
}
