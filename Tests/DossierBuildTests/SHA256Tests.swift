@testable import DossierBuild
import Foundation
import Testing

/// CSHA256's two block functions (the CPU's SHA extensions and portable C) against FIPS 180-4's
/// vectors and against Python's hashlib, for every tail length around the padding's block ends.
@Suite struct SHA256Tests {
    static let implementations: [SHA256.Implementation] = [.automatic, .portable]

    /// `length` bytes that differ with the length (the same as the Python below makes).
    static func bytes(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ length &* 13) }
    }

    @Test(arguments: implementations) func knownVectors(_ implementation: SHA256.Implementation) {
        let vectors: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
             "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ]
        for (text, digest) in vectors {
            #expect(SHA256.hex(Array(text.utf8), using: implementation) == digest, "\(text)")
        }
    }

    /// The digests of lengths 0…299 and a few large ones, each the same from both block
    /// functions; their hex, joined, hashed by Python's hashlib:
    /// `python3 -c "import hashlib; b=lambda n: bytes(((i*167+n*13)&0xff) for i in range(n));
    /// print(hashlib.sha256(''.join(hashlib.sha256(b(n)).hexdigest() for n in
    /// list(range(300))+[1000,4095,4096,4097,65591,1048576]).encode()).hexdigest())"`.
    @Test func everyTailLengthAgreesWithHashlib() {
        let lengths = Array(0..<300) + [1000, 4095, 4096, 4097, 65536 + 55, 1 << 20]
        var joined = ""
        for length in lengths {
            let input = Self.bytes(length)
            let automatic = SHA256.hex(input, using: .automatic)
            #expect(automatic == SHA256.hex(input, using: .portable), "length \(length)")
            joined += automatic
        }
        #expect(SHA256.hex(Array(joined.utf8)) == "06306d3ab7c0f16df59d7fc1e13ccbba0c081387a8cc173eeaa1a99637616e56")
    }

    /// The machines Dossier is measured on have the SHA extensions (x86-64 SHA-NI): without them
    /// the comparison above would compare portable C with itself.
    @Test func theExtensionsAreUsedWhereTheCPUHasThem() throws {
        #if arch(x86_64)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        #expect(SHA256.usesExtensions == flags.split(separator: " ").contains("sha_ni"))
        #endif
    }
}
