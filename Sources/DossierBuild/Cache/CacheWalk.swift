import Foundation

/// One file of a cache folder, as a walk found it.
struct CacheFile: Sendable, Equatable {
    let path: String
    /// Its share of the bytes on disk: its size divided by its number of names (an alias is
    /// a hard link, so two names of one file count its bytes once between them).
    let bytes: UInt64
    /// Last modification (seconds since 1970): the last build that wrote or read it.
    let modified: Double
    /// Whether it is a writer's temporary file (`.<name>.tmp-…` or `.<name>.link-…`).
    let isTemporary: Bool
}

/// Lists every file under a cache folder (every kind, the pack, temporary files), skipping
/// the size ledger. A file or folder that vanishes during the walk (another build pruning) is
/// left out.
enum CacheWalk {
    static func files(under directory: String) -> [CacheFile] {
        var found: [CacheFile] = []
        walk(directory, into: &found)
        return found
    }

    private static func walk(_ folder: String, into found: inout [CacheFile]) {
        guard let handle = opendir(folder) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || name == CacheSizeLedger.fileName { continue }
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, into: &found)
            case S_IFREG:
                let links = max(UInt64(status.st_nlink), 1)
                let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
                found.append(CacheFile(path: path, bytes: UInt64(status.st_size) / links, modified: modified,
                                       isTemporary: name.hasPrefix(".") && (name.contains(".tmp-") || name.contains(".link-"))))
            default:
                continue
            }
        }
    }
}
