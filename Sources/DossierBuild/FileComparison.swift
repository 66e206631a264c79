import Foundation

/// Whether a file on disk already holds given bytes, decided without reading the file into a
/// new array: a size that differs answers at once (`fstat`), otherwise the file is read in
/// 64 KiB pieces and compared with `memcmp`. An output folder's unchanged files are found
/// this way before a build replaces only the others (at 1000× data, 2,900 files and 530 MB).
enum FileComparison {
    /// The piece read and compared at a time.
    private static let pieceSize = 1 << 16

    /// True when `path` is a regular file whose bytes are exactly `bytes`; false when it
    /// differs, is missing, is not a regular file or cannot be read.
    ///
    /// With `memo`, a file whose stamp it knows with the SHA-256 that the build already has for
    /// `bytes` (`digest`, by default from ``OutputDigests``) holds them without being read: the
    /// memo says that the file had that SHA-256 and has not been written since. A file read and
    /// found equal is recorded there with that SHA-256.
    static func holds(_ path: String, _ bytes: [UInt8], memo: FileDigestMemo? = nil, digest: String? = nil) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              Int(status.st_size) == bytes.count else { return false }
        guard let memo, let digest = digest ?? OutputDigests.shared.known(bytes) else { return compare(descriptor, bytes) }
        let stamp = FileStamp(status)
        if memo.sha256(of: stamp) == digest { return true }
        guard compare(descriptor, bytes) else { return false }
        memo.record(stamp, sha256: digest)
        return true
    }

    /// Whether the rest of the file open at `descriptor` is exactly `bytes`.
    private static func compare(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(byteCount: pieceSize, alignment: 16) { piece in
            bytes.withUnsafeBytes { expected in
                var offset = 0
                while true {
                    let count = read(descriptor, piece.baseAddress, pieceSize)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    // The file ended: equal when it ended where the bytes do (it may have
                    // changed size since fstat).
                    if count == 0 { return offset == expected.count }
                    guard offset + count <= expected.count, let base = expected.baseAddress, let buffer = piece.baseAddress,
                          memcmp(base + offset, buffer, count) == 0 else { return false }
                    offset += count
                }
            }
        }
    }
}
