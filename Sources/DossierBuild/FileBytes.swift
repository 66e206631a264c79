import Foundation

/// A whole file's bytes as `[UInt8]`, read with `open`/`read` into the array itself.
/// (`[UInt8](FileManager.default.contents(atPath:))` copies a `Data` byte by byte through its
/// iterator, and `Data.elementsEqual([UInt8])` compares that way too: at 100× data, comparing
/// and hashing a build's 300 files that way was 5% of the build.)
enum FileBytes {
    /// The bytes of the regular file at `path`, or nil when it cannot be opened or read.
    static func read(_ path: String) -> [UInt8]? {
        read(path, stamped: { _ in false })
    }

    /// The bytes of the regular file at `path` and its ``FileStamp``, taken (`fstat`) before
    /// the bytes were read; nil when it cannot be opened or read. `unless` sees the stamp
    /// first: when it returns true the file is not read and the bytes are empty (a caller that
    /// already knows the file by its stamp).
    static func readStamped(_ path: String, unless known: (FileStamp) -> Bool = { _ in false })
        -> (bytes: [UInt8], stamp: FileStamp)? {
        var stamp: FileStamp?
        guard let bytes = read(path, stamped: { stamp = $0; return known($0) }), let stamp else { return nil }
        return (bytes, stamp)
    }

    private static func read(_ path: String, stamped: (FileStamp) -> Bool) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        if stamped(FileStamp(status)) { return [] }
        var bytes: [UInt8] = []
        var capacity = max(Int(status.st_size), 0) + 1
        while true {
            // Read into a new array's uninitialised room (filling it with zeros first, byte by
            // byte, was most of the cost of reading a cached PDF); more rounds only when the
            // file grew since fstat.
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                var count: Int
                repeat {
                    count = Glibc.read(descriptor, buffer.baseAddress, capacity)
                } while count < 0 && errno == EINTR
                failed = count < 0
                initialized = max(count, 0)
            }
            if failed { return nil }
            if chunk.isEmpty { return bytes }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            capacity = max(capacity - chunk.count, 1 << 16)
        }
    }
}
