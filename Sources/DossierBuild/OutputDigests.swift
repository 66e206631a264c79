import Foundation

/// The SHA-256 of output bytes a build already hashed, found again by the identity of the
/// array's storage, so that one output is hashed once per build instead of up to three times
/// (a blob read from the cache is hashed to check it; the whole-build entry stores it as a
/// blob, named by its hash; the manifest lists its hash).
///
/// An entry keeps the array it was made from: its storage then cannot be freed (so its address
/// cannot be reused by other bytes), and cannot be changed in place either (an array whose
/// storage is shared copies it before a change), so the same address and length are the same
/// bytes. Only outputs are remembered (``SHA256/outputHex(_:)``), never the input files a
/// build reads, which may be large and are dropped once hashed.
final class OutputDigests: @unchecked Sendable {
    /// The process's memo, shared by the build's threads.
    static let shared = OutputDigests()

    private struct Identity: Hashable {
        let address: Int
        let count: Int
    }

    /// The identity of `bytes`' storage: its address and length.
    private static func identity(_ bytes: [UInt8]) -> Identity {
        bytes.withUnsafeBufferPointer { Identity(address: Int(bitPattern: $0.baseAddress), count: $0.count) }
    }

    private let lock = NSLock()
    private var known: [Identity: (bytes: [UInt8], hex: String)] = [:]

    /// The SHA-256 of `bytes` (lowercase hex), remembered.
    func hex(_ bytes: [UInt8]) -> String {
        let identity = Self.identity(bytes)
        if let entry = lock.withLock({ known[identity] }) { return entry.hex }
        let hex = SHA256.hex(bytes)
        // An empty array has no storage of its own: nothing to remember it by.
        if identity.count > 0 { lock.withLock { known[identity] = (bytes, hex) } }
        return hex
    }

    /// Remembers that `bytes` have the SHA-256 `hex`, known without hashing them (a blob
    /// whose file ``FileDigestMemo`` knows by its stamp and name).
    func remember(_ bytes: [UInt8], hex: String) {
        let identity = Self.identity(bytes)
        if identity.count > 0 { lock.withLock { known[identity] = (bytes, hex) } }
    }

    /// The SHA-256 of `bytes` when it is already known (nothing is hashed).
    func known(_ bytes: [UInt8]) -> String? {
        let identity = Self.identity(bytes)
        return lock.withLock { known[identity]?.hex }
    }

    /// Builds of this process under way (``beginBuild()``): entries are forgotten when the
    /// last one ends, so that a build that ends does not take away what a concurrent one
    /// (a library caller's, or a test's) remembered.
    private var builds = 0

    /// A build starts: what it remembers is kept until it, and every build running beside
    /// it, has ended (``endBuild()``).
    func beginBuild() {
        lock.withLock { builds += 1 }
    }

    /// A build ends: when no other is running, every entry is forgotten (the bytes they keep
    /// are freed).
    func endBuild() {
        lock.withLock {
            builds = max(0, builds - 1)
            if builds == 0 { known.removeAll() }
        }
    }

    /// The number of entries (tests).
    var count: Int { lock.withLock { known.count } }
}

extension SHA256 {
    /// The SHA-256 of an output's bytes, hashed once per process (``OutputDigests``).
    static func outputHex(_ bytes: [UInt8]) -> String {
        OutputDigests.shared.hex(bytes)
    }
}
