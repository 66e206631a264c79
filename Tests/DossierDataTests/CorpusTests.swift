import Foundation
import Testing
@testable import DossierData

/// Every folder under Fixtures/corpus: `bad-*` must produce exactly expected.txt,
/// `ok-*` must load and print the summary in expected.txt.
enum Corpus {
    static var root: URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("corpus")
    }

    static let cases: [String] = {
        guard let root, let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        return names.filter { $0.hasPrefix("bad-") || $0.hasPrefix("ok-") }.sorted()
    }()
}

@Test func corpusIsLargeEnough() {
    #expect(Corpus.cases.filter { $0.hasPrefix("bad-") }.count >= 40)
    #expect(Corpus.cases.filter { $0.hasPrefix("ok-") }.count >= 10)
}

@Test(arguments: Corpus.cases)
func corpusCase(_ name: String) throws {
    let dir = try #require(Corpus.root).appendingPathComponent(name, isDirectory: true)
    let expected = try String(contentsOf: dir.appendingPathComponent("expected.txt"), encoding: .utf8)
    let url = URL(fileURLWithPath: "datapackage.json", relativeTo: dir)
    let result = DataPackage.validate(at: url)
    let actual: String
    if let failure = result.failure {
        actual = failure.description + "\n"
        #expect(name.hasPrefix("bad-"), "valid case reported errors")
    } else {
        let package = try #require(result.package)
        actual = DiagnosticCatalogue.validSummary(path: "datapackage.json", resources: package.tables.count,
                                                  rows: package.rowCount, fields: package.fieldCount) + "\n"
        #expect(name.hasPrefix("ok-"), "broken case loaded without errors")
        // The loader must record every file it read.
        #expect(package.files.contains { $0.lastPathComponent == "datapackage.json" })
        #expect(package.filePaths.count == package.files.count)
    }
    #expect(actual == expected)
}

@Test func filesReadAreListedForDependencyTracking() throws {
    let dir = try #require(Corpus.root).appendingPathComponent("ok-external-schema", isDirectory: true)
    let package = try DataPackage.load(from: URL(fileURLWithPath: "datapackage.json", relativeTo: dir))
    #expect(package.filePaths == ["datapackage.json", "schema.json", "cases.csv"])
    #expect(package.files.map(\.lastPathComponent) == ["datapackage.json", "schema.json", "cases.csv"])
    #expect(package.files.allSatisfy { $0.path.hasPrefix("/") })
}
