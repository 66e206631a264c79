@testable import DossierBuild
import Foundation
import Testing

/// An entry filed under a second key (``BuildCache/alias(_:as:payload:)``): a hard link to the
/// same file when it can be, the payload written afresh when it cannot, and in every case a
/// second name that reads back the payload.
@Suite struct CacheAliasTests: OutputFolderFixture {
    private func linkCount(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_nlink) : 0
    }

    @Test func aSecondKeyIsASecondNameOfTheSameEntry() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let payload = Array("a result".utf8)
        let rows = cache.testKey("analysis-rows", "rows"), file = cache.testKey("analysis", "file")
        cache.write(payload, for: rows)
        // The second key's folder does not exist yet: it is made.
        cache.alias(rows, as: file, payload: payload)
        #expect(cache.read(file) == payload)
        #expect(linkCount(cache.path(of: file)) == 2, "filed as a link, not a copy")
        // Filing it again under a name that exists changes nothing.
        cache.alias(rows, as: file, payload: payload)
        #expect(cache.read(file) == payload && linkCount(cache.path(of: rows)) == 2)
        // A damaged entry under the second name is replaced by the link.
        let second = URL(fileURLWithPath: cache.path(of: file))
        try Data(Array("damaged".utf8)).write(to: second, options: .atomic)
        #expect(cache.read(file) == nil)
        cache.alias(rows, as: file, payload: payload)
        #expect(cache.read(file) == payload && linkCount(cache.path(of: file)) == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: second.deletingLastPathComponent().path).count == 1,
                "no temporary name left")
        // A damaged entry written afresh under one name leaves the other as it was.
        cache.write(Array("another".utf8), for: rows)
        #expect(cache.read(file) == payload)
    }

    @Test func withoutTheFirstEntryThePayloadIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder, toolIdentity: "test")
        let payload = Array("a result".utf8)
        let missing = cache.testKey("analysis-rows", "gone"), file = cache.testKey("analysis", "file")
        cache.alias(missing, as: file, payload: payload)
        #expect(cache.read(file) == payload)
        #expect(linkCount(cache.path(of: file)) == 1)
        #expect(cache.read(missing) == nil)
    }
}
