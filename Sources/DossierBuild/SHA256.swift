import CSHA256

/// SHA-256 (FIPS 180-4) of a byte array, as lowercase hex, for manifests and cache keys.
/// Computed by CSHA256, which uses the CPU's SHA extensions where it has them (as fast as
/// libcrypto, which this replaced: loading libcrypto cost every process start ~3,400 symbol
/// bindings; bench/analysis.md, tenth round, startup), else portable C.
enum SHA256 {
    /// Which of CSHA256's block functions computes a digest.
    enum Implementation {
        /// The SHA extensions where the CPU has them, else portable C (what builds use).
        case automatic
        /// Portable C whatever the CPU has (tests compare it with ``automatic``).
        case portable
    }

    /// Whether ``Implementation/automatic`` uses the CPU's SHA extensions here.
    static var usesExtensions: Bool { dossier_sha256_uses_extensions() == 1 }

    static func hex(_ bytes: [UInt8]) -> String {
        hex(bytes, using: .automatic)
    }

    static func hex(_ bytes: [UInt8], using implementation: Implementation) -> String {
        bytes.withUnsafeBytes { hex($0, using: implementation) }
    }

    /// The SHA-256 of the bytes of `buffer`, as lowercase hex.
    static func hex(_ buffer: UnsafeRawBufferPointer, using implementation: Implementation = .automatic) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let input = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        digest.withUnsafeMutableBufferPointer { output in
            // A buffer of 32 bytes always has a base address.
            guard let out = output.baseAddress else { return }
            switch implementation {
            case .automatic: dossier_sha256(input, buffer.count, out)
            case .portable: dossier_sha256_portable(input, buffer.count, out)
            }
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
