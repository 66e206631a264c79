import Foundation

/// An entry file opened to read its payload later, straight into the caller's memory (a chart
/// element into the HTML's bytes: ``SideOutputCache``), when the digest memo knows its payload
/// verified (``FileDigestMemo``: the same stamp as when an earlier build hashed it). Reading
/// checks that every byte came and that the file's stamp is still the one the memo knew (a
/// write in place changes its times), else it fails and the caller makes the value another
/// way. The descriptor is closed when the value is freed.
final class OpenedCacheEntry {
    private let descriptor: Int32
    /// Where the payload starts in the file, and its length.
    let offset: Int
    let count: Int
    let stamp: FileStamp

    init(descriptor: Int32, offset: Int, count: Int, stamp: FileStamp) {
        self.descriptor = descriptor
        self.offset = offset
        self.count = count
        self.stamp = stamp
    }

    deinit { close(descriptor) }

    /// Reads the payload into `buffer` (``count`` bytes); false when fewer came or the file's
    /// stamp changed.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard buffer.count == count, let base = buffer.baseAddress else { return count == 0 }
        var done = 0
        while done < count {
            let read = pread(descriptor, base + done, count - done, off_t(offset + done))
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return false }
            done += read
        }
        var status = stat()
        return fstat(descriptor, &status) == 0 && FileStamp(status) == stamp
    }
}

extension BuildCache {
    /// The entry file at `path`, opened for ``OpenedCacheEntry/read(into:)``, when its header
    /// names a payload of the file's length whose SHA-256 the digest memo knows for the file's
    /// stamp; nil otherwise (read it with ``readEntry(at:)``, which hashes and records it).
    func openEntry(at path: String) -> OpenedCacheEntry? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        let headerLength = Self.magic.count + 8 + 64
        var header = [UInt8](repeating: 0, count: headerLength)
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) >= headerLength,
              header.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, headerLength, 0) }) == headerLength,
              Array(header[0..<Self.magic.count]) == Self.magic else {
            close(descriptor)
            return nil
        }
        var reader = CacheByteReader(Array(header[Self.magic.count..<Self.magic.count + 8]))
        let stamp = FileStamp(status)
        let digest = String(decoding: header[(Self.magic.count + 8)...], as: UTF8.self)
        guard let length = try? reader.unsigned(), length == UInt64(Int(status.st_size) - headerLength),
              digestMemo.sha256(of: stamp) == "payload " + digest else {
            close(descriptor)
            return nil
        }
        activity.read(path, modified: stamp.modified)
        return OpenedCacheEntry(descriptor: descriptor, offset: headerLength, count: Int(length), stamp: stamp)
    }
}
