import Foundation
import Testing

/// `dossier build --cache-limit SIZE` and `DOSSIER_CACHE_LIMIT`: a value that is not a size is
/// a usage error (exit 64) that names what was found and what is expected; a good one builds.
@Suite struct CachePruningCLITests {
    static let expected = "a size such as 500M or 2G (a whole number of bytes, or followed by K, M, G or T for KiB, MiB, GiB, TiB)"

    @Test func aBadCacheLimitIsAUsageError() throws {
        let report = Repository.root.appendingPathComponent("reports/anscombe").path
        for value in ["12Q", "5 G", "", "1.5G", "99999999999999999999"] {
            let result = try run(Repository.binary.path, ["build", report, "--out", "/nonexistent/out", "--cache", "/nonexistent/cache",
                                                          "--cache-limit", value])
            #expect(result.status == 64, "\(value)")
            #expect(result.stderr.contains("Error: --cache-limit must be \(Self.expected), found \"\(value)\""), "\(result.stderr)")
        }
        let environment = try run(Repository.binary.path, ["build", report, "--out", "/nonexistent/out", "--cache", "/nonexistent/cache"],
                                  environment: ["DOSSIER_CACHE_LIMIT": "lots"])
        #expect(environment.status == 64)
        #expect(environment.stderr.contains("Error: DOSSIER_CACHE_LIMIT must be \(Self.expected), found \"lots\""))
    }

    @Test func aCacheLimitKeepsTheCacheUnderIt() throws {
        let folder = try Repository.temporaryDirectory("cache-limit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = Repository.root.appendingPathComponent("reports/anscombe").path
        let cache = folder.appendingPathComponent("cache").path
        let first = try run(Repository.binary.path, ["build", report, "--out", folder.appendingPathComponent("a").path, "--cache", cache])
        #expect(first.status == 0, "\(first.stderr)")
        let ledger = try #require(FileManager.default.contents(atPath: cache + "/.size"))
        let size = try #require(UInt64(String(decoding: ledger, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(size > 100_000)
        // The first build's files two days old (files modified since a build started are
        // never pruned), then a cap below what the build writes: the build succeeds and the walk sets the ledger
        // to what is left (only what the build used).
        #expect(try run("find", [cache, "-type", "f", "-exec", "touch", "-d", "2 days ago", "{}", "+"]).status == 0)
        let second = try run(Repository.binary.path, ["build", report, "--out", folder.appendingPathComponent("b").path, "--cache", cache,
                                                      "--cache-limit", "1K", "--figure", "quartet"])
        #expect(second.status == 0, "\(second.stderr)")
        let pruned = try #require(FileManager.default.contents(atPath: cache + "/.size"))
        let left = try #require(UInt64(String(decoding: pruned, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(left < size, "\(left) of \(size) bytes left")
    }
}
