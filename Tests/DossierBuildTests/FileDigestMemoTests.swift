@testable import DossierBuild
import Foundation
import Synchronization
import Testing

/// The stamp-keyed SHA-256 memo (Cache/FileDigestMemo.swift, docs/build-cache.md "Files hashed
/// once"): a file is known again only with the same stamp and times strictly older than the
/// bound it was read after; a damaged memo is ignored and rewritten; concurrent writers leave a
/// whole memo. Times are set explicitly (`utimensat`) and the clock passed in, so nothing
/// depends on how fast the test runs.
@Suite struct FileDigestMemoTests {
    static let second: Int64 = 1_000_000_000

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("digest-memo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Sets both the access and the modification time of `path` (nanoseconds since 1970).
    static func setModified(_ path: String, to nanoseconds: Int64) {
        let time = timespec(tv_sec: Int(nanoseconds / second), tv_nsec: Int(nanoseconds % second))
        _ = withUnsafePointer(to: (time, time)) {
            $0.withMemoryRebound(to: timespec.self, capacity: 2) { utimensat(AT_FDCWD, path, $0, 0) }
        }
    }

    /// A memo at `folder/digests` loaded as a build would, with its file dated `memoTime` and the
    /// clock at `clock` (the bound is the earlier of the two).
    static func memo(in folder: String, memoTime: Int64, clock: Int64) -> FileDigestMemo {
        let path = folder + "/" + FileDigestMemo.fileName
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: Data()) }
        setModified(path, to: memoTime)
        let memo = FileDigestMemo(path: path)
        memo.load(clock: clock)
        return memo
    }

    /// A file whose times are well before any bound the tests use: written, then dated 1 s
    /// before its status-change time (which `utimensat` sets to now).
    static func oldFile(_ folder: String, _ name: String, _ text: String) throws -> (path: String, stamp: FileStamp) {
        let path = folder + "/" + name
        try write(text, to: path)
        let changed = try #require(FileStamp.of(path)).changed
        setModified(path, to: changed - second)
        return (path, try #require(FileStamp.of(path)))
    }

    /// A folder with `data.csv` (old times) and a saved memo that holds a planted digest for it.
    static func plantedMemo(_ text: String) throws -> (folder: String, path: String, stamp: FileStamp, later: Int64) {
        let folder = try folder()
        let (path, stamp) = try oldFile(folder, "data.csv", text)
        let later = stamp.latest + 10 * second
        let memo = memo(in: folder, memoTime: later, clock: later)
        #expect(memo.sha256(ofFile: path) == SHA256.hex(Array(text.utf8)))
        memo.record(stamp, sha256: "planted")
        memo.save()
        return (folder, path, stamp, later)
    }

    @Test func aFileIsKnownAgainByItsStampWithoutBeingRead() throws {
        let (folder, path, _, later) = try Self.plantedMemo("a,b\n1,2\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The next build answers with the planted digest: it did not read the file.
        let second = Self.memo(in: folder, memoTime: later + Self.second, clock: later + Self.second)
        #expect(second.sha256(ofFile: path) == "planted")
    }

    @Test func aSameSizeEditIsHashedAgain() throws {
        let (folder, path, stamp, later) = try Self.plantedMemo("a,b\n1,2\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Same size, in place (same inode), its modification time moved by one nanosecond.
        try Self.write("a,b\n1,3\n", to: path)
        Self.setModified(path, to: stamp.modified + 1)
        let edited = try #require(FileStamp.of(path))
        #expect(edited.inode == stamp.inode && edited.size == stamp.size)
        let second = Self.memo(in: folder, memoTime: later + Self.second, clock: later + Self.second)
        #expect(second.sha256(ofFile: path) == SHA256.hex(Array("a,b\n1,3\n".utf8)))
    }

    @Test func everyPartOfTheStampCounts() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let memo = Self.memo(in: folder, memoTime: 100 * Self.second, clock: 100 * Self.second)
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 50 * Self.second + 7, changed: 60 * Self.second + 7)
        memo.record(stamp, sha256: "recorded")
        #expect(memo.sha256(of: stamp) == "recorded")
        var changes: [FileStamp] = []
        for change in 0..<5 {
            var other = stamp
            switch change {
            case 0: other.device += 1
            case 1: other.inode += 1
            case 2: other.size += 1
            case 3: other.modified += 1
            default: other.changed += 1
            }
            changes.append(other)
        }
        for other in changes { #expect(memo.sha256(of: other) == nil, "\(other)") }
    }

    @Test func racyEntriesAreNotTrustedUntilABuildAfterThemRecordsThemAgain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (path, stamp) = try Self.oldFile(folder, "fonts.ttf", "glyphs")
        // The bound equals the file's latest time: not strictly older, so racy.
        let racy = Self.memo(in: folder, memoTime: stamp.latest, clock: stamp.latest + Self.second)
        racy.record(stamp, sha256: "planted")
        #expect(racy.sha256(of: stamp) == nil)
        racy.save()
        let next = Self.memo(in: folder, memoTime: stamp.latest + Self.second, clock: stamp.latest + Self.second)
        #expect(next.sha256(of: stamp) == nil)
        // This build hashes it (bound one second later) and records it: the build after trusts it.
        #expect(next.sha256(ofFile: path) == SHA256.hex(Array("glyphs".utf8)))
        next.save()
        let third = Self.memo(in: folder, memoTime: stamp.latest + 2 * Self.second, clock: stamp.latest + 2 * Self.second)
        #expect(third.sha256(of: stamp) == SHA256.hex(Array("glyphs".utf8)))
        // A memo dated in the future bounds nothing later than the clock.
        let future = Self.memo(in: folder, memoTime: stamp.latest + 100 * Self.second, clock: stamp.latest)
        future.record(stamp, sha256: "planted")
        #expect(future.sha256(of: stamp) == nil)
    }

    @Test func wholeSecondTimesNeedTwoSecondsMore() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let coarse = FileStamp(device: 1, inode: 2, size: 3, modified: 50 * Self.second, changed: 50 * Self.second)
        let close = Self.memo(in: folder, memoTime: 51 * Self.second, clock: 51 * Self.second)
        close.record(coarse, sha256: "recorded")
        #expect(close.sha256(of: coarse) == nil)
        let far = Self.memo(in: folder, memoTime: 53 * Self.second, clock: 53 * Self.second)
        far.record(coarse, sha256: "recorded")
        #expect(far.sha256(of: coarse) == "recorded")
    }

    @Test func aDamagedMemoIsIgnoredAndWrittenAnew() throws {
        let (folder, path, _, later) = try Self.plantedMemo("x\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let memoPath = folder + "/" + FileDigestMemo.fileName
        let intact = try Data(contentsOf: URL(fileURLWithPath: memoPath))
        var damages: [Data] = [intact.prefix(intact.count - 3), Data("garbage".utf8)]
        var flipped = intact
        flipped[flipped.count - 2] ^= 0x01
        damages.append(flipped)
        for damaged in damages {
            try damaged.write(to: URL(fileURLWithPath: memoPath))
            let memo = Self.memo(in: folder, memoTime: later + Self.second, clock: later + Self.second)
            #expect(memo.sha256(ofFile: path) == SHA256.hex(Array("x\n".utf8)), "a damaged memo is not read")
            memo.save()
            let rewritten = try #require(FileBytes.read(memoPath))
            #expect(BuildCache.payload(of: rewritten) != nil, "written anew")
            // Planted again for the next damage.
            try intact.write(to: URL(fileURLWithPath: memoPath))
        }
    }

    @Test func concurrentWritersLeaveAWholeMemoWithCorrectEntries() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [(path: String, stamp: FileStamp, sha256: String)] = []
        for index in 0..<16 {
            let text = String(repeating: "row \(index)\n", count: 200 + index)
            let (path, stamp) = try Self.oldFile(folder, "file-\(index).csv", text)
            files.append((path, stamp, SHA256.hex(Array(text.utf8))))
        }
        let later = (files.map(\.stamp.latest).max() ?? 0) + 10 * Self.second
        let memoPath = folder + "/" + FileDigestMemo.fileName
        // The first load writes an empty memo.
        FileDigestMemo(path: memoPath).load(clock: later)
        Self.setModified(memoPath, to: later)
        let shared = files
        let damagedReads = Mutex(0)
        let writersDone = Atomic(0)
        // Eight writers at once, each a build of its own: hashes half the files and saves, ten
        // times; two readers meanwhile read the memo file, which must be whole every time.
        DispatchQueue.concurrentPerform(iterations: 10) { worker in
            guard worker < 8 else {
                var reads = 0
                while reads < 50 || writersDone.load(ordering: .acquiring) < 8 {
                    if BuildCache.payload(of: FileBytes.read(memoPath) ?? []) == nil { damagedReads.withLock { $0 += 1 } }
                    reads += 1
                }
                return
            }
            defer { writersDone.add(1, ordering: .releasing) }
            for round in 0..<10 {
                let memo = FileDigestMemo(path: memoPath)
                memo.load(clock: later)
                for (index, file) in shared.enumerated() where (index + worker + round) % 2 == 0 {
                    _ = memo.sha256(ofFile: file.path)
                }
                // One entry of its own each round, so that every round writes the memo.
                memo.record(FileStamp(device: 9, inode: UInt64(worker * 100 + round), size: 1, modified: 1, changed: 1), sha256: "own")
                memo.save()
            }
        }
        #expect(damagedReads.withLock { $0 } == 0, "a reader saw a memo being written")
        let bytes = try #require(FileBytes.read(memoPath))
        #expect(BuildCache.payload(of: bytes) != nil, "the memo is whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary file left: \(leftovers)")
        Self.setModified(memoPath, to: later + Self.second)
        let reader = FileDigestMemo(path: memoPath)
        reader.load(clock: later + Self.second)
        var known = 0
        for file in files {
            if let digest = reader.sha256(of: file.stamp) {
                #expect(digest == file.sha256)
                known += 1
            }
        }
        #expect(known >= 8, "the last writer's entries are there")
    }

    @Test func anOutputFileIsComparedByItsDigestOnlyWhenTheMemoKnowsIt() throws {
        let (folder, path, stamp, later) = try Self.plantedMemo("a,b\n1,2\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let memo = Self.memo(in: folder, memoTime: later + Self.second, clock: later + Self.second)
        let same = Array("a,b\n1,2\n".utf8), other = Array("a,b\n1,3\n".utf8)
        // The build knows both arrays' SHA-256s; the memo says the file's is "planted", neither.
        #expect(FileComparison.holds(path, same, memo: memo, digest: SHA256.hex(same)), "read and compared")
        #expect(!FileComparison.holds(path, other, memo: memo, digest: SHA256.hex(other)), "same size, other bytes")
        // Found equal, the file is recorded with the bytes' SHA-256: now other bytes whose
        // (planted) SHA-256 is that one hold without a read.
        #expect(memo.sha256(of: stamp) == SHA256.hex(same))
        let planted = Array("a,b\n9,9\n".utf8)
        #expect(FileComparison.holds(path, planted, memo: memo, digest: SHA256.hex(same)))
        #expect(!FileComparison.holds(path, planted), "without the memo, the file is read")
    }

    @Test func buildsWithTheMemoGiveTheSameBytesAndCatchADamagedBlob() throws {
        let project = try AnscombeProject.lineOnly()
        defer { project.remove() }
        let reference = try project.build(into: "reference", cache: false)
        let first = try project.build(into: "out", cache: true)
        #expect(first == reference)
        let memoPath = project.cache.directory.appendingPathComponent(FileDigestMemo.fileName).path
        #expect(FileManager.default.fileExists(atPath: memoPath))
        // Date the memo a minute on, as if the next build came later: its entries are no longer racy.
        let now = try #require(FileStamp.of(memoPath)).modified
        Self.setModified(memoPath, to: now + 60 * Self.second)
        #expect(try project.build(into: "out", cache: true) == reference)
        // The blobs damaged in place, same size, their modification times put back: the
        // status-change time still differs, so each is hashed, found damaged, and made again.
        let blobs = project.entryFiles("blob")
        #expect(!blobs.isEmpty)
        for blob in blobs {
            let stamp = try #require(FileStamp.of(blob))
            try Data(repeating: 0x20, count: Int(stamp.size)).write(to: URL(fileURLWithPath: blob))
            Self.setModified(blob, to: stamp.modified)
        }
        // Into a new folder: the old one already holds the right bytes.
        try project.removeEntries("build")
        #expect(try project.build(into: "after-damage", cache: true) == reference)
    }
}
