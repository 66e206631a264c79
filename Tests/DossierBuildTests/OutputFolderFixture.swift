@testable import DossierBuild
import Foundation
import Testing

/// Output folders for tests: a fresh folder, files written into it, and what it holds.
protocol OutputFolderFixture {}

extension OutputFolderFixture {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("output-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ files: [String: [UInt8]], to directory: URL) throws {
        for (path, bytes) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// Every file under `directory` (hidden ones included), by relative path.
    func contents(of directory: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return files }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = directory.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = [UInt8](try Data(contentsOf: url))
            }
        }
        return files
    }

    /// After a failed build into `out`: the folder holds `previous` as it was, no temporary or
    /// journal is left, and (when it did not exist before) no folder made for staging either.
    func expectPreviousOutputsKept(in out: URL, previous: [String: [UInt8]], folderExisted: Bool,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try contents(of: out) == previous, sourceLocation: sourceLocation)
        #expect(OutputRecovery.leftovers(in: out).isEmpty, sourceLocation: sourceLocation)
        if !folderExisted {
            let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            #expect(left.isEmpty, "the folders made for staging are removed: \(left)", sourceLocation: sourceLocation)
        }
    }
}
