@testable import DossierBuild
import Foundation
import Testing

/// A build without a cache hashes the pinned fonts for its manifest on the data package's
/// loading thread, while the front matter is decoded (DataPackagePrefetch), instead of on the
/// build's last stretch; the manifest lists the same SHA-256s.
@Suite struct FontsHashedAheadTests {
    private func build(cache: Bool) throws -> (ahead: InputDigests?, fonts: [String], manifest: Manifest?) {
        let project = try AnscombeProject()
        defer { project.remove() }
        let out = project.root.appendingPathComponent("out")
        let options = BuildOptions(reportDirectory: project.report, outputDirectory: out,
                                   fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts"),
                                   cache: cache ? project.cache : nil)
        var ahead: InputDigests?
        var fonts: [String] = []
        _ = try ReportBuild.run(options, staging: OutputStaging(directory: out)) { builder in
            ahead = builder.inputsHashedAhead()
            fonts = builder.typesetter.fontFiles
        }
        let manifest = try Manifest.parse(Data(contentsOf: out.appendingPathComponent("manifest.json")))
        return (ahead, fonts, manifest)
    }

    @Test func withoutACacheTheFontsAreHashedAhead() throws {
        let built = try build(cache: false)
        let ahead = try #require(built.ahead, "a build without a cache hashes the fonts ahead")
        #expect(built.fonts.count > 1)
        let listed = Dictionary(uniqueKeysWithValues: (built.manifest?.fonts?.files ?? []).map { ($0.name, $0.sha256) })
        for font in built.fonts {
            #expect(ahead.isKnown(font), "\(font) hashed before the manifest asked")
            let expected = SHA256.hex(FileBytes.read(font) ?? [])
            #expect(ahead.digest(font) == expected)
            #expect(listed[URL(fileURLWithPath: font).lastPathComponent] == expected)
        }
    }

    @Test func withACacheNothingIsHashedAhead() throws {
        let built = try build(cache: true)
        #expect(built.ahead == nil, "the cache's digest memo knows the fonts by their stamps")
        #expect(built.manifest?.fonts?.files.count == built.fonts.count)
    }
}
