import Foundation
import Testing

/// The Vega-Lite language is tested without Cairo: DossierVegaLiteTests imports DossierVegaLite
/// and DossierBase, never CairoKit or DossierCharts (a module of the same package can be
/// imported without being a dependency, so Package.swift alone does not keep it out).
@Suite struct VegaLiteTestTargetTests {
    static let tests = ModuleGraphTests.sources.deletingLastPathComponent().appendingPathComponent("Tests")
    static let graph: [String: Set<String>] = ["DossierVegaLiteTests": ["DossierVegaLite", "DossierBase", "Testing"]]

    @Test func theVegaLiteTestsImportNoCairo() throws {
        let files = try SourceFile.scan(Self.tests).filter { $0.module == "DossierVegaLiteTests" }
        #expect(files.count > 20)
        #expect(ModuleRules.forbiddenImports(files, graph: Self.graph) == [])
    }

    @Test func aChartsImportInTheVegaLiteTestsIsFound() {
        let planted = SourceFile(module: "DossierVegaLiteTests", path: "DossierVegaLiteTests/X.swift", lines: 1,
                                 imports: ["Testing", "DossierVegaLite", "DossierCharts"])
        #expect(ModuleRules.forbiddenImports([planted], graph: Self.graph) == [
            "DossierVegaLiteTests/X.swift: DossierVegaLiteTests imports DossierCharts, which the module graph does not allow",
        ])
    }
}
