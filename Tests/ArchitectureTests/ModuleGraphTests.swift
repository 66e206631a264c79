import Foundation
import Testing

/// Issue 16's module rules, checked on Sources/: every import is an edge of the graph in
/// docs/architecture.md, C is imported only through its three doors, no module holds more
/// than a third of the lines.
@Suite struct ModuleGraphTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    @Test func everyImportIsAnEdgeOfTheModuleGraph() throws {
        let files = try SourceFile.scan(Self.sources)
        #expect(files.count > 100)
        #expect(ModuleRules.forbiddenImports(files) == [])
    }

    @Test func cIsImportedOnlyByCairoKitDossierMarkdownAndTheHashingFile() throws {
        #expect(ModuleRules.cImportsOutsideTheirDoors(try SourceFile.scan(Self.sources)) == [])
    }

    @Test func noModuleHoldsMoreThanAThirdOfSources() throws {
        #expect(ModuleRules.oversizedModules(try SourceFile.scan(Self.sources)) == [])
    }

    @Test func everyModuleFolderIsInTheGraph() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(ModuleGraph.allowed.keys))
    }

    // The rules catch what they are for, on planted files.

    @Test func aForbiddenImportIsFound() {
        let files = [SourceFile(module: "DossierVegaLite", path: "DossierVegaLite/Spec/X.swift", lines: 1,
                                imports: ["Foundation", "DossierBase", "CairoKit"]),
                     SourceFile(module: "DossierNew", path: "DossierNew/Y.swift", lines: 1, imports: [])]
        #expect(ModuleRules.forbiddenImports(files) == [
            "DossierVegaLite/Spec/X.swift: DossierVegaLite imports CairoKit, which the module graph does not allow",
            "DossierNew/Y.swift: module DossierNew is not in the module graph (ModuleGraph.allowed)",
        ])
    }

    @Test func aCImportOutsideItsDoorIsFound() {
        let files = [SourceFile(module: "DossierBuild", path: "DossierBuild/SHA256.swift", lines: 1, imports: ["CSHA256"]),
                     SourceFile(module: "DossierBuild", path: "DossierBuild/Manifest.swift", lines: 1, imports: ["CSHA256"]),
                     SourceFile(module: "CairoKit", path: "CairoKit/Surface.swift", lines: 1, imports: ["CCairo"]),
                     SourceFile(module: "DossierLayout", path: "DossierLayout/Page.swift", lines: 1, imports: ["CCairo"])]
        #expect(ModuleRules.cImportsOutsideTheirDoors(files) == [
            "DossierBuild/Manifest.swift: imports CSHA256, which only DossierBuild/SHA256.swift may import",
            "DossierLayout/Page.swift: imports CCairo, which only CairoKit may import",
        ])
    }

    @Test func aModuleOverAThirdIsFound() {
        let files = [SourceFile(module: "A", path: "A/a.swift", lines: 34, imports: []),
                     SourceFile(module: "B", path: "B/b.swift", lines: 33, imports: []),
                     SourceFile(module: "C", path: "C/c.swift", lines: 33, imports: [])]
        #expect(ModuleRules.oversizedModules(files) == ["A holds 34 of 100 Swift lines under Sources/ (more than a third)"])
    }

    @Test func importLinesAreReadWithTheirAttributesAndKinds() {
        let text = "import Foundation\n@testable import DossierCharts\npackage import CairoKit\nimport struct CCmark.Node\n  import Glibc\n// import Nothing\nlet imported = 1\n"
        #expect(SourceFile.importedModules(text) == ["Foundation", "DossierCharts", "CairoKit", "CCmark", "Glibc"])
    }
}
