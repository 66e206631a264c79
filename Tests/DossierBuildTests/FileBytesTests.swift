@testable import DossierBuild
import Foundation
import Testing

/// ``FileBytes`` reads a whole file into uninitialised room: every byte, for an empty file, a
/// small one and one larger than a read round; nil for a folder or a missing file.
@Suite struct FileBytesTests {
    @Test func readsEveryByteOfFilesOfEverySize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4095, 65_536, 200_003] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            let url = folder.appendingPathComponent("\(size).bin")
            try Data(bytes).write(to: url)
            #expect(FileBytes.read(url.path) == bytes, "\(size) bytes")
        }
        #expect(FileBytes.read(folder.path) == nil)
        #expect(FileBytes.read(folder.appendingPathComponent("missing").path) == nil)
    }
}
