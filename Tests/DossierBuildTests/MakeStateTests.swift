@testable import DossierBuild
import Foundation
import Testing

/// The make state a document build updates: depfiles and stamps of the charts it drew, the
/// redraw list removed; stamps dated by the same clock as every other file.
@Suite struct MakeStateTests {
    private func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("makestate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func modificationTime(_ path: String) throws -> timespec {
        var info = stat()
        guard stat(path, &info) == 0 else { throw POSIXError(.ENOENT) }
        return info.st_mtim
    }

    @Test func listedFiguresAreEachListedOnceSorted() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let state = MakeState(path: root.path)
        #expect(state.listedFigures().isEmpty)
        try "timeline\nties-map\ntimeline\n\n".write(toFile: state.redrawList, atomically: true, encoding: .utf8)
        #expect(state.listedFigures() == ["ties-map", "timeline"])
    }

    @Test func recordingWritesDepfilesTouchesStampsAndClearsTheList() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let state = MakeState(path: root.path)
        try "ties-map\n".write(toFile: state.redrawList, atomically: true, encoding: .utf8)
        try state.recordBuilt(["ties-map": [root.appendingPathComponent("a b.csv").path]])
        #expect(FileManager.default.fileExists(atPath: state.stamp("ties-map")))
        // The document's stamp is touched last: never older than a figure's.
        let (figure, document) = (try modificationTime(state.stamp("ties-map")), try modificationTime(state.documentStamp))
        #expect(document.tv_sec > figure.tv_sec || (document.tv_sec == figure.tv_sec && document.tv_nsec >= figure.tv_nsec))
        let depfile = try String(contentsOfFile: state.depfile("ties-map"), encoding: .utf8)
        #expect(depfile.hasPrefix(state.stamp("ties-map") + ":"))
        #expect(depfile.contains("a\\ b.csv"))
        #expect(!FileManager.default.fileExists(atPath: state.redrawList))
    }

    /// A file saved right after a stamp is touched is never older than the stamp (make would
    /// then think the chart current). The stamp's time comes from the kernel's file clock.
    @Test func aFileSavedAfterATouchIsNotOlder() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<200 {
            let stamp = root.appendingPathComponent("s\(index)").path
            let input = root.appendingPathComponent("i\(index)").path
            try MakeState.touch(stamp)
            #expect(FileManager.default.createFile(atPath: input, contents: Data("x".utf8)))
            let (s, i) = (try modificationTime(stamp), try modificationTime(input))
            #expect(i.tv_sec > s.tv_sec || (i.tv_sec == s.tv_sec && i.tv_nsec >= s.tv_nsec), "touch \(index)")
        }
    }
}
