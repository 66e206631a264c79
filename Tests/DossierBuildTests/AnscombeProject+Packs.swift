@testable import DossierBuild
import Foundation

extension AnscombeProject {
    /// The file of the cache's pack named `kind` (`shaping`, `layouts`).
    func packPath(_ kind: String) -> String {
        cache.directory.path + "/pack/\(kind)-" + ShapingPack.nameDigest(toolIdentity: cache.toolIdentity)
    }

    /// A build of the document with the project's cache, by a builder whose statistics a test
    /// reads; `layoutRecords` false leaves the layout pack out (the shaping pack alone),
    /// `verifying` lays every recorded text out again and compares.
    func documentBuild(layoutRecords: Bool = true, verifying: Bool = false) throws -> ReportBuilder {
        let builder = try ReportBuilder(options: BuildOptions(
            reportDirectory: report, fontDirectory: Self.repository.appendingPathComponent("fonts"), cache: cache))
        builder.usesLayoutRecords = layoutRecords
        builder.verifiesLayoutRecords = verifying
        _ = try builder.build()
        return builder
    }

    /// Makes each edit of `report.md` in turn (old text, new text) and returns, for each, whether
    /// a build with the cache (with or without its layout pack) is the bytes of a build without one.
    func cachedBuildsMatch(after edits: [(String, String)], layoutRecords: Bool = true) throws -> [Bool] {
        var matches: [Bool] = []
        for (old, new) in edits {
            try edit("report.md", replacing: old, with: new)
            matches.append(try build(into: "warm", cache: true, layoutRecords: layoutRecords)
                == (try build(into: "reference", cache: false)))
        }
        return matches
    }
}
