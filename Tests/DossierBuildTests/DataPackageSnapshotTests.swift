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

    /// The first line where the fingerprints of `a` and `b` differ (nil: none), short enough to read.
    static func difference(_ a: DataPackage, _ b: DataPackage) -> String? {
        let x = fingerprint(a), y = fingerprint(b)
        guard x != y else { return nil }
        let at = zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
        func line(_ lines: [String]) -> String { at < lines.count ? String(lines[at].prefix(400)) : "(none)" }
        return "line \(at): \(line(x)) ≠ \(line(y))"
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

    /// The package at `url` through the cache of `folder`, as a build loads it (a new build's
    /// digests each time), its entries stored when it was loaded.
    func load(_ url: URL, root: ProjectRoot, in folder: URL) throws -> (package: DataPackage, source: DataPackageSnapshots.Source) {
        let found = try snapshots(in: folder).load(from: url, root: root)
        found.store?()
        return (found.package, found.source)
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
        #expect(Self.difference(restored, fresh) == nil)
        #expect(restored.tables.map(\.storage.count) == fresh.tables.map(\.storage.count))
    }

    /// Runs `body` with a fresh folder for a cache and the package at `path` (from the
    /// repository) with its project root.
    func withCache(_ path: String, _ body: (URL, URL, ProjectRoot) throws -> Void) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.url(path)
        try body(folder, url, try Self.root(of: url))
    }

    @Test(arguments: packages)
    func secondLoadIsTheSnapshotAndEqualsTheLoad(_ path: String) throws { try withCache(path) { folder, url, root in
        let fresh = try DataPackage.load(from: url, root: root)
        let first = try load(url, root: root, in: folder)
        #expect(first.source == .loaded)
        // A new build (new digests), the same cache.
        let second = try load(url, root: root, in: folder)
        #expect(second.source == .snapshot)
        #expect(Self.difference(second.package, fresh) == nil)
        #expect(Self.difference(first.package, fresh) == nil)
    } }

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
        _ = try load(url, root: root, in: folder)
        let entry = try #require(entries("data package", in: folder).first)
        let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        // Truncated, and one byte changed: the entry does not verify.
        for damaged in [Array(whole.dropLast(7)), Array(whole.prefix(whole.count / 2)),
                        whole.enumerated().map { $0.offset == whole.count - 20 ? $0.element ^ 0x10 : $0.element }] {
            try Data(damaged).write(to: URL(fileURLWithPath: entry))
            let found = try load(url, root: root, in: folder)
            #expect(found.source == .loaded)
            #expect(Self.fingerprint(found.package) == fresh, "the fresh load after a damaged entry differs")
            // The fresh load stored a whole entry again.
            #expect(try load(url, root: root, in: folder).source == .snapshot)
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
        _ = try load(url, root: root, in: folder)
        #expect(try load(url, root: root, in: folder).source == .snapshot)
        // One cell changed, the file's size the same.
        let edited = try #require(Self.changingOneDigit(original))
        try edited.write(to: csv, atomically: false, encoding: .utf8)
        let found = try load(url, root: root, in: folder)
        #expect(found.source == .loaded)
        let fresh = try DataPackage.load(from: url, root: root)
        #expect(Self.difference(found.package, fresh) == nil)
        #expect(try load(url, root: root, in: folder).source == .snapshot)
        // The edit undone: the first entry again.
        try original.write(to: csv, atomically: false, encoding: .utf8)
        let undone = try load(url, root: root, in: folder)
        #expect(undone.source == .snapshot)
        #expect(Self.difference(undone.package, try DataPackage.load(from: url, root: root)) == nil)
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
    func packageWithErrorsIsReportedAsTodayAndNeverStored(_ path: String) throws { try withCache(path) { folder, url, root in
        let expected = try #require(DataPackage.validate(at: url, root: root).failure)
        for _ in 0..<2 {
            #expect(throws: DiagnosticError.self) { try load(url, root: root, in: folder) }
            do {
                _ = try load(url, root: root, in: folder)
            } catch let error as DiagnosticError {
                #expect(error.description == expected.description)
                #expect(error.diagnostics == expected.diagnostics)
            }
        }
        #expect(entries("data package", in: folder).isEmpty)
    } }

    @Test func fileBrokenAfterItWasStoredIsReportedNotAnswered() throws {
        let (folder, url, root) = try project("ok-missing-values")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try load(url, root: root, in: folder)
        let csv = url.deletingLastPathComponent().appendingPathComponent("cases.csv")
        let original = try String(contentsOf: csv, encoding: .utf8)
        try (original + "not,enough\n").write(to: csv, atomically: false, encoding: .utf8)
        let expected = try #require(DataPackage.validate(at: url, root: root).failure)
        do {
            _ = try load(url, root: root, in: folder)
            Issue.record("a package with an error loaded")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics == expected.diagnostics)
        }
        #expect(entries("data package", in: folder).count == 1)
    }

    @Test func fileMovedOutsideTheProjectIsRefusedNotAnswered() throws {
        let (folder, url, root) = try project("ok-missing-values")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try load(url, root: root, in: folder)
        // The CSV becomes a symlink to the same bytes outside the project.
        let csv = url.deletingLastPathComponent().appendingPathComponent("cases.csv")
        let outside = folder.appendingPathComponent("outside.csv")
        try FileManager.default.moveItem(at: csv, to: outside)
        try FileManager.default.createSymbolicLink(at: csv, withDestinationURL: outside)
        let expected = try #require(DataPackage.validate(at: url, root: root).failure)
        #expect(expected.diagnostics.contains { $0.code == .badPath })
        do {
            _ = try load(url, root: root, in: folder)
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
            let found = try load(url, root: root, in: folder)
            #expect(Self.difference(found.package, try DataPackage.load(from: url, root: root)) == nil)
        }
        #expect(entries("data package", in: folder).count == 2)
    }

    /// A package with a column of every type, each with missing cells (three spellings),
    /// constraints of every kind, keys, a foreign key, custom booleans and date format, a
    /// semicolon dialect, an external schema, numbers that are not finite, and text that is
    /// not ASCII; its CSV is read in several chunks, as a big file is.
    static let everyKind: [String: String] = [
        "datapackage.json": """
            {"name": "every-kind", "title": "All", "resources": [
              {"name": "places", "path": "places.csv", "title": "Places", "description": "Où",
               "schema": {"fields": [
                 {"name": "code", "type": "string", "constraints": {"required": true, "unique": true, "pattern": "[A-Z]{2}", "minLength": 2, "maxLength": 2}},
                 {"name": "name", "type": "string", "title": "Name", "description": "São Paulo and friends"}],
                 "primaryKey": ["code"]}},
              {"name": "rows", "path": "rows.csv", "schema": "rows-schema.json",
               "dialect": {"delimiter": ";", "quoteChar": "'"}}]}
            """,
        "rows-schema.json": """
            {"fields": [
              {"name": "id", "type": "integer", "constraints": {"minimum": -5, "maximum": 100000}},
              {"name": "place", "type": "string", "constraints": {"enum": ["AR", "BR", "MX"]}},
              {"name": "amount", "type": "number"},
              {"name": "flag", "type": "boolean", "trueValues": ["yes", "Y"], "falseValues": ["no"]},
              {"name": "year", "type": "year", "constraints": {"minimum": 1900, "maximum": 2100}},
              {"name": "day", "type": "date", "format": "%d/%m/%Y", "constraints": {"minimum": "01/01/2000"}},
              {"name": "count", "type": "integer", "constraints": {"enum": [1, 2, 3, 4, 5]}},
              {"name": "note", "type": "string"}],
             "missingValues": ["", "NA", "-"],
             "foreignKeys": [{"fields": ["place"], "reference": {"resource": "places", "fields": ["code"]}}]}
            """,
        "places.csv": "code,name\nAR,Argentina\nBR,Brasil\nMX,México\n",
        "rows.csv": "id;place;amount;flag;year;day;count;note\n" + (0..<3000).map { (i: Int) -> String in
            let amount = i % 11 < 7 ? (i % 5 == 0 ? "" : "\(Double(i) / 8)") : ["NaN", "INF", "-INF", "1e300"][i % 4]
            let day = i % 6 == 0 ? "" : "\(10 + i % 18)/\(10 + i % 3)/20\(10 + i % 15)"
            let cells = [i % 7 == 0 ? "NA" : "\(i - 5)", ["AR", "BR", "MX", "-"][i % 4], amount,
                         ["yes", "no", "Y", "NA"][i % 4], i % 9 == 0 ? "-" : "\(1950 + i % 70)", day,
                         i % 3 == 0 ? "NA" : "\(1 + i % 5)", i % 8 == 0 ? "" : "'n° \(i); \"q\" ''x'''"]
            return cells.joined(separator: ";")
        }.joined(separator: "\n") + "\n",
    ]

    @Test func everyKindOfColumnAndConstraintReadsBackAsLoaded() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("project")
        try write(Self.everyKind.mapValues { Array($0.utf8) }.merging([".dossier-project": []]) { a, _ in a }, to: project)
        let url = project.appendingPathComponent("datapackage.json")
        let root = try ProjectRoot(exactly: project.path)
        // Loaded in chunks, as a big file is (several segments and chunks a column).
        let chunked = DataPackage.validate(at: url, root: root, plan: ChunkPlan(targets: [20_000, 40_000, 60_000]))
        if let failure = chunked.failure { Issue.record("the fixture does not load: \(failure)") }
        let fresh = try #require(chunked.package)
        #expect(fresh.tables[1].rowCount == 3000)
        let restored = try DataPackageBytes.package(from: DataPackageBytes.bytes(of: fresh), descriptor: url)
        #expect(Self.difference(restored, fresh) == nil)
        _ = try load(url, root: root, in: folder)
        let found = try load(url, root: root, in: folder)
        #expect(found.source == .snapshot)
        #expect(Self.difference(found.package, fresh) == nil)
        // Every column has missing cells, and the restored ones are missing at the same rows.
        for (column, restoredColumn) in zip(fresh.tables[1].columns, found.package.tables[1].columns) {
            let missing = (0..<column.count).filter(column.isNull)
            #expect(!missing.isEmpty)
            #expect((0..<restoredColumn.count).filter(restoredColumn.isNull) == missing)
        }
    }
}

/// A build reads the data package from its entry: a publisher planted in the stored `sources`
/// table comes out of the next build (a prose edit) in the HTML's source list, which it could
/// not if the build had parsed sources.csv again.
@Suite struct DataPackageSnapshotReuseTests {
    @Test func plantedCellComesOutOfTheNextBuild() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        _ = try project.build(into: "cold", cache: true)
        let entry = try #require(project.entryFiles("data package").first)
        let url = project.report.appendingPathComponent("data/datapackage.json")
        var package = try DataPackageBytes.package(from: try #require(BuildCache.payload(of: [UInt8](Data(contentsOf: URL(fileURLWithPath: entry))))),
                                                   descriptor: url)
        let index = try #require(package.tables.firstIndex { $0.name == "sources" })
        let sources = package.tables[index]
        let field = try #require(sources.fields.first { $0.name == "publisher" })
        let publishers = try #require(sources.column(named: "publisher")?.strings)
        #expect(publishers.contains("American Statistical Association"))
        package.tables[index] = sources.adding(field, .string(publishers.map { $0.map { $0 == "American Statistical Association" ? "Planted Publisher" : $0 } }))
        BuildCache.place(BuildCache.entry(DataPackageBytes.bytes(of: package)), at: entry, name: "planted")
        try project.edit("report.md", replacing: "# Every number below", with: "# Each number below")
        let files = try project.build(into: "prose-edited", cache: true)
        let html = String(decoding: try #require(files["anscombe.html"]), as: UTF8.self)
        #expect(html.contains("Planted Publisher"))
        #expect(!html.contains("American Statistical Association"))
    }
}
