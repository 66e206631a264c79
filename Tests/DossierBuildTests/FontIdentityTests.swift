@testable import DossierBuild
import Foundation
import Testing

/// The fonts' identity in manifest.json: what `sha256sum` gives, independent of the folder,
/// round-tripped through the manifest, and named by `check` when it changes.
@Suite struct FontIdentityTests {
    static let fonts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fonts")

    private func fontPaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.fonts.path)
            .filter { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }.map { Self.fonts.appendingPathComponent($0).path }
    }

    /// The documented recipe: `cd fonts && LC_ALL=C sha256sum $(LC_ALL=C ls *.ttf *.otf) | sha256sum`.
    @Test func identityIsSha256sumOfTheSha256sumListing() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "cd \"$0\" && LC_ALL=C sha256sum $(LC_ALL=C ls *.ttf *.otf 2>/dev/null) | sha256sum", Self.fonts.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = String(output.prefix(64))
        #expect(expected.count == 64)
        // Given in any order, the identity is the same.
        #expect(FontIdentity(paths: try fontPaths()).sha256 == expected)
        #expect(FontIdentity(paths: try fontPaths().reversed()).sha256 == expected)
    }

    @Test func identityIgnoresTheFolderAndNamesTheChangedFile() {
        let a = FontIdentity(files: [.init(name: "A.ttf", sha256: "01"), .init(name: "B.ttf", sha256: "02")])
        let moved = FontIdentity(files: [.init(name: "B.ttf", sha256: "02"), .init(name: "A.ttf", sha256: "01")])
        #expect(a == moved)
        #expect(a.change(to: moved) == nil)
        let edited = FontIdentity(files: [.init(name: "A.ttf", sha256: "01"), .init(name: "B.ttf", sha256: "03"), .init(name: "C.ttf", sha256: "04")])
        let change = a.change(to: edited) ?? ""
        #expect(change.hasPrefix("the fonts (B.ttf changed; C.ttf new; font identity \(a.sha256.prefix(8))… → \(edited.sha256.prefix(8))…"))
        // A renamed file changes the identity too.
        let renamed = FontIdentity(files: [.init(name: "A2.ttf", sha256: "01"), .init(name: "B.ttf", sha256: "02")])
        #expect(a.change(to: renamed)?.contains("A.ttf removed") == true)
    }

    @Test func manifestRecordsFontsApartFromInputsAndRoundTrips() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fonts-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = directory.appendingPathComponent("a.csv").path
        try Data("x\n1\n".utf8).write(to: URL(fileURLWithPath: data))
        let fonts = try fontPaths()
        let manifest = Manifest.make(inputs: [data] + fonts, fontFiles: fonts, outputs: ["x.pdf": [1, 2]], reportDirectory: directory)
        #expect(manifest.inputs.map(\.path) == ["a.csv"])
        #expect(manifest.fonts == FontIdentity(paths: fonts))
        #expect(manifest.json.contains("\"fonts\": {\n    \"sha256\": \"\(FontIdentity(paths: fonts).sha256)\""))
        #expect(!manifest.json.contains("/fonts/"), "the manifest names the fonts' folder")
        #expect(Manifest.parse(Data(manifest.json.utf8)) == manifest)
    }
}
