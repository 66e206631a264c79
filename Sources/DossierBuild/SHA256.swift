import CCrypto

/// SHA-256 (FIPS 180-4) of a byte array, as lowercase hex, for manifests. Computed by
/// libcrypto (`EVP_Digest`), which uses the CPU's SHA extensions where it has them: about
/// 2 GB/s here against 0.25 GB/s for the portable Swift version this replaced, and a build
/// hashes every input font and output file.
enum SHA256 {
    /// libcrypto's SHA-256, fetched from its provider once. `EVP_sha256()` would make every
    /// digest fetch it again under libcrypto's method-store lock, which the two threads hashing
    /// a build's files then wait on (perf sched: 19 waits per build). A fetched `EVP_MD` is
    /// immutable and may be shared between threads.
    private struct Algorithm: @unchecked Sendable {
        let md: OpaquePointer?
    }
    private static let algorithm = Algorithm(md: EVP_MD_fetch(nil, "SHA256", nil))

    static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let md = algorithm.md ?? EVP_sha256()
        let ok = bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, md, nil)
            }
        }
        // EVP_Digest fails only when libcrypto cannot allocate a context; a manifest without
        // digests would make `dossier check` report every file as changed, so stop instead.
        precondition(ok == 1 && length == 32, "libcrypto EVP_Digest(SHA-256) failed")
        let hexDigits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest.prefix(32) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
