import DossierBase
@testable import DossierBuild
@testable import DossierData
import Foundation
import Testing

/// Data packages read back from the build cache (``DataPackageSnapshots``, ``DataPackageBytes``):
/// the package read is the one a fresh load gives (every resource, schema, table cell, missing
/// cell, source line, file listed and warning), for the committed reports' packages and every
/// valid package of DossierData's corpus; a damaged or truncated entry is a fresh load; an
/// edited cell, a file moved out of the project or a package with errors is never answered
/// from an entry, and a package with errors is never stored.
@Suite struct DataPackageSnapshotTests: OutputFolderFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("Tests/DossierDataTests/Fixtures/corpus")

    /// The committed reports' packages and every valid corpus package, by path from the repository.
    static let packages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return ["datasets/datapackage.json", "reports/anscombe/data/datapackage.json"]
            + names.filter { $0.hasPrefix("ok-") }.sorted().map { "Tests/DossierDataTests/Fixtures/corpus/\($0)/datapackage.json" }
    }()

    static let invalidPackages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasPrefix("bad-") }.sorted().map { "Tests/DossierDataTests/Fixtures/corpus/\($0)/datapackage.json" }
    }()

    /// Everything of `package` the build can see, as lines (numbers by their bits, so that NaN
    /// compares equal to itself).
    static func fingerprint(_ package: DataPackage) -> [String] {
        var lines = ["name \(package.name ?? "-")", "descriptor \(package.descriptorURL.relativeString) \(package.descriptorURL.baseURL?.absoluteString ?? "-")"]
        lines += package.files.map { "file \($0.relativeString) \($0.baseURL?.absoluteString ?? "-") \($0.path)" }
        lines += package.filePaths.map { "shown \($0)" } + package.fileNames.map { "named \($0)" }
        lines += package.warnings.map { "warning \($0.description)" }
        lines += package.resources.map { "resource \($0)" }
        for table in package.tables {
            lines.append("table \(table.name) \(table.rowCount) rows, fields \(table.fields)")
            lines.append("lines \(table.sourceLines)")
            for (i, column) in table.columns.enumerated() {
                lines.append("column \(i): " + cells(column).joined(separator: "|"))
            }
            for (i, stored) in table.storedColumns.enumerated() { lines.append("stored \(i): \(describe(stored))") }
        }
        return lines
    }

    static func cells(_ column: Column) -> [String] {
        switch column {
        case .number(let values): return values.map { $0.map { "n\($0.bitPattern)" } ?? "null" }
        default: return (0..<column.count).map { column.isNull($0) ? "null" : "\(column[$0])" }
        }
    }

    static func describe(_ stored: StoredColumn) -> String {
        switch stored {
        case let .number(values, missing): return "number \(values.map(\.bitPattern)) missing \(missing)"
        default: return "\(stored)"
        }
    }

    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: repository)
    }

    static func root(of url: URL) throws -> ProjectRoot {
        try ProjectRoot.enclosing(url.absoluteURL.deletingLastPathComponent().path)
    }

    func snapshots(in folder: URL) -> DataPackageSnapshots {
        let cache = BuildCache(directory: folder.appendingPathComponent("cache"), toolIdentity: "test")
        return DataPackageSnapshots(cache: cache, digests: InputDigests(memo: nil))
    }

    /// The entry files of `kind` in the cache of `folder`.
    func entries(_ kind: String, in folder: URL) -> [String] {
        let base = folder.appendingPathComponent("cache/\(kind)")
        guard let all = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return all.compactMap { $0 as? String }.filter { $0.count > 64 }.map { base.appendingPathComponent($0).path }
    }

    @Test(arguments: packages)
    func bytesReadBackAsTheLoadedPackage(_ path: String) throws {
        let url = Self.url(path)
        let fresh = try DataPackage.load(from: url, root: Self.root(of: url))
        let restored = try DataPackageBytes.package(from: DataPackageBytes.bytes(of: fresh), descriptor: url)
        #expect(Self.fingerprint(restored) == Self.fingerprint(fresh))
        #expect(restored.tables.map(\.storage.count) == fresh.tables.map(\.storage.count))
    }

    @Test(arguments: packages)
    func secondLoadIsTheSnapshotAndEqualsTheLoad(_ path: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.url(path)
        let root = try Self.root(of: url)
        let fresh = try DataPackage.load(from: url, root: root)
        let first = try snapshots(in: folder).load(from: url, root: root)
        #expect(first.source == .loaded)
        // A new build (new digests), the same cache.
        let second = try snapshots(in: folder).load(from: url, root: root)
        #expect(second.source == .snapshot)
        #expect(Self.fingerprint(second.package) == Self.fingerprint(fresh))
        #expect(Self.fingerprint(first.package) == Self.fingerprint(fresh))
    }

    /// A copy of the corpus case `name` in a project of its own (a `.dossier-project` marker).
    func project(_ name: String) throws -> (folder: URL, descriptor: URL, root: ProjectRoot) {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("project")
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name), to: project)
        FileManager.default.createFile(atPath: project.appendingPathComponent(".dossier-project").path, contents: Data())
        let descriptor = project.appendingPathComponent("datapackage.json")
        return (folder, descriptor, try ProjectRoot(exactly: project.path))
    }

    @Test func damagedOrTruncatedEntryIsLoadedAfresh() throws {
        let (folder, url, root) = try project("ok-missing-values")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fresh = Self.fingerprint(try DataPackage.load(from: url, root: root))
        _ = try snapshots(in: folder).load(from: url, root: root)
        let entry = try #require(entries("data package", in: folder).first)
        let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        // Truncated, and one byte changed: the entry does not verify.
        for damaged in [Array(whole.dropLast(7)), Array(whole.prefix(whole.count / 2)),
                        whole.enumerated().map { $0.offset == whole.count - 20 ? $0.element ^ 0x10 : $0.element }] {
            try Data(damaged).write(to: URL(fileURLWithPath: entry))
            let found = try snapshots(in: folder).load(from: url, root: root)
            #expect(found.source == .loaded)
            #expect(Self.fingerprint(found.package) == fresh)
            // The fresh load stored a whole entry again.
            #expect(try snapshots(in: folder).load(from: url, root: root).source == .snapshot)
        }
        // A payload cut short anywhere, under a header that verifies, does not decode.
        let payload = try #require(BuildCache.payload(of: whole))
        for length in 0..<payload.count {
            #expect(throws: CacheEntryDamaged.self) { try DataPackageBytes.package(from: Array(payload.prefix(length)), descriptor: url) }
        }
        // Every byte changed in turn: never a crash; what decodes is a package, not garbage read past the end.
        for at in payload.indices {
            var changed = payload
            changed[at] ^= 0xFF
            _ = try? DataPackageBytes.package(from: changed, descriptor: url)
        }
    }

    @Test func flagshipPayloadCutShortDoesNotDecode() throws {
        let url = Self.url("datasets/datapackage.json")
        let payload = DataPackageBytes.bytes(of: try DataPackage.load(from: url, root: Self.root(of: url)))
        for length in stride(from: 0, to: payload.count, by: 997) {
            #expect(throws: CacheEntryDamaged.self) { try DataPackageBytes.package(from: Array(payload.prefix(length)), descriptor: url) }
        }
        #expect(throws: CacheEntryDamaged.self) { try DataPackageBytes.package(from: payload + [0], descriptor: url) }
    }

    @Test func editedCellMissesAndUndoFindsItAgain() throws {
        let (folder, url, root) = try project("ok-missing-values")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = url.deletingLastPathComponent().appendingPathComponent("cases.csv")
        let original = try String(contentsOf: csv, encoding: .utf8)
        _ = try snapshots(in: folder).load(from: url, root: root)
        #expect(try snapshots(in: folder).load(from: url, root: root).source == .snapshot)
        // One cell changed, the file's size the same.
        let edited = try #require(Self.changingOneDigit(original))
        try edited.write(to: csv, atomically: false, encoding: .utf8)
        let found = try snapshots(in: folder).load(from: url, root: root)
        #expect(found.source == .loaded)
        let fresh = try DataPackage.load(from: url, root: root)
        #expect(Self.fingerprint(found.package) == Self.fingerprint(fresh))
        #expect(try snapshots(in: folder).load(from: url, root: root).source == .snapshot)
        // The edit undone: the first entry again.
        try original.write(to: csv, atomically: false, encoding: .utf8)
        let undone = try snapshots(in: folder).load(from: url, root: root)
        #expect(undone.source == .snapshot)
        #expect(Self.fingerprint(undone.package) == Self.fingerprint(try DataPackage.load(from: url, root: root)))
        #expect(Self.fingerprint(undone.package) != Self.fingerprint(fresh))
        #expect(entries("data package", in: folder).count == 2)
    }

    /// `text` with its last digit changed (another digit).
    static func changingOneDigit(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        guard let at = bytes.lastIndex(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        bytes[at] = bytes[at] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: invalidPackages)
    func packageWithErrorsIsReportedAsTodayAndNeverStored(_ path: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.url(path)
        let root = try Self.root(of: url)
        let expected = try #require(DataPackage.validate(at: url, root: root).failure)
        for _ in 0..<2 {
            #expect(throws: DiagnosticError.self) { try snapshots(in: folder).load(from: url, root: root) }
            do {
                _ = try snapshots(in: folder).load(from: url, root: root)
            } catch let error as DiagnosticError {
                #expect(error.description == expected.description)
                #expect(error.diagnostics == expected.diagnostics)
            }
        }
        #expect(entries("data package", in: folder).isEmpty)
    }

    @Test func fileBrokenAfterItWasStoredIsReportedNotAnswered() throws {
        let (folder, url, root) = try project("ok-missing-values")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try snapshots(in: folder).load(from: url, root: root)
        let csv = url.deletingLastPathComponent().appendingPathComponent("cases.csv")
        let original = try String(contentsOf: csv, encoding: .utf8)
        try (original + "not,enough\n").write(to: csv, atomically: false, encoding: .utf8)
        let expected = try #require(DataPackage.validate(at: url, root: root).failure)
        do {
            _ = try snapshots(in: folder).load(from: url, root: root)
            Issue.record("a package with an error loaded")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics == expected.diagnostics)
        }
        #expect(entries("data package", in: folder).count == 1)
    }

    @Test func fileMovedOutsideTheProjectIsRefusedNotAnswered() throws {
        let (folder, url, root) = try project("ok-missing-values")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try snapshots(in: folder).load(from: url, root: root)
        // The CSV becomes a symlink to the same bytes outside the project.
        let csv = url.deletingLastPathComponent().appendingPathComponent("cases.csv")
        let outside = folder.appendingPathComponent("outside.csv")
        try FileManager.default.moveItem(at: csv, to: outside)
        try FileManager.default.createSymbolicLink(at: csv, withDestinationURL: outside)
        let expected = try #require(DataPackage.validate(at: url, root: root).failure)
        #expect(expected.diagnostics.contains { $0.code == .badPath })
        do {
            _ = try snapshots(in: folder).load(from: url, root: root)
            Issue.record("a file outside the project was answered from the cache")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics == expected.diagnostics)
        }
    }

    @Test func descriptorURLGivenDifferentlyListsItsFilesAsTheLoad() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let absolute = Self.url("reports/anscombe/data/datapackage.json").absoluteURL
        let relative = URL(fileURLWithPath: "data/datapackage.json", relativeTo: Self.repository.appendingPathComponent("reports/anscombe"))
        let root = try Self.root(of: absolute)
        for url in [absolute, relative, absolute, relative] {
            let found = try snapshots(in: folder).load(from: url, root: root)
            #expect(Self.fingerprint(found.package) == Self.fingerprint(try DataPackage.load(from: url, root: root)))
        }
        #expect(entries("data package", in: folder).count == 2)
    }
}
